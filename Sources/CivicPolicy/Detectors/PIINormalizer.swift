// Normalisation of evasive characters: hidden characters are dropped, full-width forms are
// folded to ASCII, Unicode dashes/spaces next to digits become '-' / ' '.
// Each normalised byte remembers the original byte range it came from.

struct DigitNormalizedText {
    var bytes: [UInt8]
    var starts: [Int32]
    var ends: [Int32]
}

enum DigitNormalizer {
    /// Special sequence at `i`: (replacement byte or 0 = drop, sequence length, strong).
    /// Strong sequences always force normalisation; weak ones (dashes, exotic spaces) only next to a digit.
    @inline(__always)
    static func special(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt8, Int, Bool)? {
        let n = p.count
        let c = p[i]
        if c == 0xC2 {
            guard i + 1 < n else { return nil }
            let d = p[i + 1]
            if d == 0xAD { return (0, 2, true) }  // soft hyphen
            if d == 0xA0 { return (0x20, 2, false) }  // NBSP
            return nil
        }
        guard i + 2 < n else { return nil }
        let d = p[i + 1], e = p[i + 2]
        switch c {
        case 0xE2:
            if d == 0x80 {
                switch e {
                case 0x8B...0x8F, 0xAA...0xAE: return (0, 3, true)  // ZWSP ZWNJ ZWJ LRM RLM, bidi embeddings
                case 0x80...0x8A, 0xAF: return (0x20, 3, false)  // en/em spaces, thin, narrow NBSP
                case 0x90...0x95: return (0x2D, 3, false)  // hyphen, dashes
                default: return nil
                }
            }
            if d == 0x81 {
                switch e {
                case 0xA0...0xA4, 0xA6...0xA9: return (0, 3, true)  // word joiner, invisible ops, isolates
                case 0x9F: return (0x20, 3, false)
                default: return nil
                }
            }
            if d == 0x88 && e == 0x92 { return (0x2D, 3, false) }  // minus sign
            return nil
        case 0xE3:
            if d == 0x80 && e == 0x80 { return (0x20, 3, false) }  // ideographic space
            return nil
        case 0xEF:
            if d == 0xBB && e == 0xBF { return (0, 3, true) }  // BOM / ZWNBSP
            if d == 0xBC && e >= 0x81 && e <= 0xBF { return (e &- 0x60, 3, true) }  // U+FF01..FF3F
            if d == 0xBD && e >= 0x80 && e <= 0x9E { return (e &- 0x20, 3, true) }  // U+FF40..FF5E
            return nil
        default:
            return nil
        }
    }

    /// Whether the sequence at `i` requires the normalised path.
    @inline(__always)
    static func trigger(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let (_, len, strong) = special(p, i) else { return false }
        if strong { return true }
        let before = i > 0 ? p[i - 1] : 0
        let after = i + len < p.count ? p[i + len] : 0
        return isDigit(before) || isDigit(after)
    }

    static func normalize(_ p: UnsafeBufferPointer<UInt8>) -> DigitNormalizedText {
        let n = p.count
        var bytes = [UInt8](); bytes.reserveCapacity(n)
        var starts = [Int32](); starts.reserveCapacity(n)
        var ends = [Int32](); ends.reserveCapacity(n)
        var i = 0
        while i < n {
            let c = p[i]
            if c >= 0xC2, let (rep, len, _) = special(p, i) {
                if rep != 0 {
                    bytes.append(rep); starts.append(Int32(i)); ends.append(Int32(i + len))
                }
                i += len
                continue
            }
            bytes.append(c); starts.append(Int32(i)); ends.append(Int32(i + 1))
            i += 1
        }
        return DigitNormalizedText(bytes: bytes, starts: starts, ends: ends)
    }
}
