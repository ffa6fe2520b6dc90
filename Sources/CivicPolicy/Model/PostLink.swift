/// A web address in a post, wherever it stands (front matter or body), with its exact
/// byte range in the source.
public struct PostLink: Sendable, Equatable {
    /// The address as written (for a Markdown link, as cmark decoded it).
    public var url: String
    /// Byte range in the post's source.
    public var range: Range<Int>
    /// The parsed parts; nil for relative or host-less addresses.
    public var parts: URLParts?
}

/// Finds web addresses in bytes: `http://`, `https://` and `www.` at a word start, ending at
/// whitespace, quotes, angle brackets or an unbalanced `)`, without trailing punctuation.
enum URLScanner {
    static func ranges(in bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            index = nextCandidate(in: bytes, from: index)
            guard index < end else { break }
            let byte = bytes[index] | 0x20
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else { index += 1; continue }
            // Most words starting with h or w are no address: `ht…` and `ww…` are the only starts.
            guard index + 1 < end, bytes[index + 1] | 0x20 == (byte == UInt8(ascii: "h") ? UInt8(ascii: "t") : UInt8(ascii: "w"))
            else { index += 1; continue }
            if index > bytes.startIndex {
                let previous = bytes[index - 1]
                if isWordByte(previous) { index += 1; continue }
            }
            let length = schemeLength(bytes, at: index)
            guard length > 0 else { index += 1; continue }
            var stop = index + length
            var depth = 0
            while stop < end {
                let c = bytes[stop]
                if c <= 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"")
                    || c == UInt8(ascii: "`") || c == UInt8(ascii: "]")
                {
                    break
                }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                stop += 1
            }
            while stop > index + length, ".,;:!?'*_~".utf8.contains(bytes[stop - 1]) { stop -= 1 }
            if stop > index + length { out.append(index..<stop) }
            index = max(stop, index + 1)
        }
        return out
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The first index at or after `start` where `ht` or `ww` (any case) could begin, eight
    /// bytes at a time (SWAR): the scan's per-byte checks then run only near those pairs.
    /// Conservative: it may stop early (near the end, or at a false hit), never late.
    @inline(__always)
    private static func nextCandidate(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return start }
            let offset = bytes.startIndex
            var index = start - offset
            // Each byte of `pattern` equals `byte`'s: the bytes of a word that match get 0x80.
            func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                let difference = word ^ (ones &* UInt64(byte))
                return ~(((difference & ~highs) &+ ~highs) | difference | ~highs)
            }
            while index + 9 <= buffer.count {
                let first = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) | (ones &* 0x20)
                let second = UnsafeRawPointer(base + index + 1).loadUnaligned(as: UInt64.self) | (ones &* 0x20)
                let pairs =
                    (matches(first, UInt8(ascii: "h")) & matches(second, UInt8(ascii: "t")))
                    | (matches(first, UInt8(ascii: "w")) & matches(second, UInt8(ascii: "w")))
                if pairs != 0 { return offset + index + (pairs.trailingZeroBitCount >> 3) }
                index += 8
            }
            return offset + index
        }
    }

    /// The length of `http://`, `https://` or `www.` at `index` (any case), or 0.
    private static func schemeLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        for prefix in ["https://", "http://", "www."] {
            let pattern = prefix.utf8
            guard index + pattern.count <= bytes.endIndex else { continue }
            var matched = true
            for (offset, expected) in pattern.enumerated() where bytes[index + offset] | 0x20 != expected | 0x20 {
                matched = false
                break
            }
            if matched { return pattern.count }
        }
        return 0
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: ".")
    }
}

extension Post {
    /// Every web address in the post: raw addresses in the whole source, plus Markdown link
    /// destinations written another way (escaped or entity-encoded), at the link's position.
    public var links: [PostLink] {
        var out: [PostLink] = []
        var seen: Set<Int> = []
        for range in URLScanner.ranges(in: source.bytes[...]) {
            var url = source.text(of: range)
            if url.lowercased().hasPrefix("www.") { url = "https://" + url }
            out.append(PostLink(url: url, range: range, parts: URLParts(url)))
            seen.insert(range.lowerBound)
        }
        for link in body.links {
            let range = (link.range.lowerBound + bodyStart)..<(link.range.upperBound + bodyStart)
            guard let parts = URLParts(link.destination) else { continue }
            let covered = out.contains { $0.range.overlaps(range) && $0.parts?.host == parts.host }
            if !covered && !seen.contains(range.lowerBound) {
                out.append(PostLink(url: link.destination, range: range, parts: parts))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
