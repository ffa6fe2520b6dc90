import Testing

@testable import CivicPolicy

@Suite struct URLScannerTests {
    /// The scan as one byte at a time, without the eight-byte skip: what `ranges` must find.
    static func referenceRanges(in bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index] | 0x20
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else { index += 1; continue }
            if index > bytes.startIndex, URLScanner.isWordByte(bytes[index - 1]) { index += 1; continue }
            var length = 0
            for prefix in ["https://", "http://", "www."] where length == 0 {
                let pattern = Array(prefix.utf8)
                if index + pattern.count <= bytes.endIndex,
                    zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
                {
                    length = pattern.count
                }
            }
            guard length > 0 else { index += 1; continue }
            var stop = index + length
            var depth = 0
            while stop < bytes.endIndex {
                let c = bytes[stop]
                if c <= 0x20 || "<>\"`]".utf8.contains(c) { break }
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

    @Test func findsAddressesAtEveryOffsetAndCase() {
        let pieces = ["https://a.org/x", "HTTP://B.ORG", "www.c.org", "WwW.d.org.", "hT", "wW", "h", "w", " ", "x", "(", ")", "é", "\n"]
        var random = FuzzTests.SplitMix(state: 42)
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                bytes += Array(pieces.randomElement(using: &random)!.utf8)
            }
            for start in 0...min(3, bytes.count) {
                let slice = bytes[start...]
                #expect(URLScanner.ranges(in: slice) == Self.referenceRanges(in: slice), "\(String(decoding: slice, as: UTF8.self))")
            }
        }
    }
}
