/// Normalises UTF-8 text for matching; see `NormalizedText`. Never traps:
/// invalid UTF-8 bytes become `NormalizedText.invalidByte`, one per byte.
///
/// With `hidingControls`, ASCII control characters (but tab and line breaks) and DEL are
/// hidden characters too, removed and reported like a zero-width space: `sh<ESC>it` reads
/// `shit`. Text without them (``asciiControls(_:)`` finds them) needs no such pass.
public func normalize(_ source: UnsafeBufferPointer<UInt8>, hidingControls: Bool = false) -> NormalizedText {
    var builder = NormalizedTextBuilder(capacity: source.count)
    guard let base = source.baseAddress else { return builder.finish(sourceCount: 0) }
    let count = source.count
    var index = 0
    while index < count {
        let runStart = index
        index = asciiRunEnd(base, from: index, count: count)
        if hidingControls {
            // The run stops at the first control character, which is hidden.
            var end = runStart
            while end < index, !isASCIIControl(base[end]) { end += 1 }
            if end < index {
                if end > runStart {
                    builder.appendIdentity(UnsafeBufferPointer(start: base + runStart, count: end - runStart), source: runStart)
                }
                builder.hidden.append(end..<(end + 1))
                index = end + 1
                continue
            }
        }
        if index > runStart {
            builder.appendIdentity(UnsafeBufferPointer(start: base + runStart, count: index - runStart), source: runStart)
        }
        guard index < count else { break }
        guard let (scalar, length) = decodeScalar(base, at: index, count: count) else {
            builder.appendInvalid(source: index)
            index += 1
            continue
        }
        let end = index + length
        switch ScalarKind(scalar) {
        case .hidden:
            builder.hidden.append(index..<end)
        case .attached:
            builder.attachToPrevious(sourceEnd: end)
        case .ordinary:
            let isFolded =
                FoldTable.shared.withFolded(scalar) { folded in
                    if folded.isEmpty {
                        builder.attachToPrevious(sourceEnd: end)
                    } else {
                        builder.appendFolded(folded, source: index..<end)
                    }
                } != nil
            if !isFolded {
                builder.appendIdentity(UnsafeBufferPointer(start: base + index, count: length), source: index)
            }
        }
        index = end
    }
    return builder.finish(sourceCount: count)
}

/// Normalises a byte array; see `normalize(_:hidingControls:)`.
public func normalize(_ source: [UInt8], hidingControls: Bool = false) -> NormalizedText {
    source.withUnsafeBufferPointer { normalize($0, hidingControls: hidingControls) }
}

/// An ASCII control character other than tab, line feed and carriage return, or DEL.
@inline(__always) func isASCIIControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
}

/// Normalises a string's UTF-8; see `normalize(_:)`.
public func normalize(_ source: String) -> NormalizedText {
    var source = source
    return source.withUTF8 { normalize($0) }
}

/// The end of the run of ASCII bytes starting at `index`, eight bytes at a time.
@inline(__always)
func asciiRunEnd(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
    var index = index
    let raw = UnsafeRawPointer(base)
    while index + 8 <= count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
    }
    while index < count, base[index] < 0x80 { index += 1 }
    return index
}

/// The ASCII control characters other than tab, line feed and carriage return (and DEL), each
/// as a one-byte range: they show nothing, or act on a terminal, and HTML forbids them. Most
/// text has none but line breaks; eight bytes are tested at a time.
func asciiControls(_ source: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    guard let base = source.baseAddress else { return [] }
    var found: [Range<Int>] = []
    let raw = UnsafeRawPointer(base)
    let count = source.count
    // 0x80 in each byte of `word` that is zero, exactly (no borrow between bytes).
    @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
    var index = 0
    while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Bytes below 0x20 (top three bits clear) but tab, line feed and carriage return; DEL.
        let below = zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0)
        let allowed =
            zeroBytes(word ^ 0x0909_0909_0909_0909) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        if (below & ~allowed) | zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F) != 0 {
            for offset in index..<(index + 8) where isASCIIControl(base[offset]) { found.append(offset..<(offset + 1)) }
        }
        index += 8
    }
    while index < count {
        if isASCIIControl(base[index]) { found.append(index..<(index + 1)) }
        index += 1
    }
    return found
}

/// Decodes one well-formed UTF-8 scalar at `index` (whose byte is ≥ 0x80);
/// nil for an ill-formed or truncated sequence.
@inline(__always)
func decodeScalar(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (UInt32, Int)? {
    let lead = base[index]
    let length: Int
    var lowest: UInt8 = 0x80
    var highest: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; lowest = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; highest = 0x9F
    case 0xF0: length = 4; lowest = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; highest = 0x8F
    default: return nil
    }
    guard index + length <= count else { return nil }
    let second = base[index + 1]
    guard second >= lowest, second <= highest else { return nil }
    var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    scalar = scalar << 6 | UInt32(second & 0x3F)
    var offset = 2
    while offset < length {
        let byte = base[index + offset]
        guard byte & 0xC0 == 0x80 else { return nil }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
        offset += 1
    }
    return (scalar, length)
}
