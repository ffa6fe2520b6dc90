import Testing

@testable import CivicPolicy

@Suite struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [[UInt8]] =
        [
            "shit", "s", "h", "i", "t", " ", ".", "-", "*", "@", "$", "1", "0", "!", "vote", "for", "% off",
            "best", "in", "town", "\u{200B}", "\u{0301}", "é", "ｓ", "ѕ", "𝐬", "☕", "ﬃ", "ß", "İ", "_", "~", "#ad",
            "\u{FEFF}", "\u{202E}", "\u{FE0F}", "日", "kill you", "i think", "my", "view", "\r\n",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0x80], [0x00]]

    @Test(arguments: 0..<8)
    func randomInputNeverCrashesAndRangesAreSane(seed: Int) {
        var random = SplitMix(state: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<400 {
            var source: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Int.random(in: 0..<8, using: &random) == 0 {
                    source.append(UInt8.random(in: 0...255, using: &random))
                } else {
                    source += Self.pieces.randomElement(using: &random)!
                }
            }
            let text = normalize(source)
            #expect(text.sourceCount == source.count)
            var lastHidden = 0
            for range in text.hidden {
                #expect(range.lowerBound >= lastHidden && range.upperBound <= source.count && !range.isEmpty)
                lastHidden = range.upperBound
            }
            // Every single output byte maps inside the source, monotonically.
            var lastLower = 0
            for index in 0..<text.bytes.count {
                let range = text.sourceRange(of: index..<index + 1)
                #expect(range.lowerBound >= lastLower && range.upperBound <= source.count && !range.isEmpty)
                lastLower = range.lowerBound
            }
            let matches = sharedMatcher.matches(in: text)
            var previous: Range<Int>? = nil
            for match in matches {
                #expect(match.range.lowerBound >= 0 && match.range.upperBound <= text.bytes.count && !match.range.isEmpty)
                if let previous {
                    #expect((previous.lowerBound, previous.upperBound) <= (match.range.lowerBound, match.range.upperBound))
                }
                previous = match.range
                let source = text.sourceRange(of: match.range)
                #expect(source.lowerBound >= 0 && source.upperBound <= text.sourceCount && !source.isEmpty)
            }
            // Phrases from random text never trap either.
            let phrase = String(decoding: source.prefix(12), as: UTF8.self)
            _ = PhraseMatcher(phrases: [(phrase, "profanity")]).matches(in: text)
            _ = try? parseLexicon(phrase, tag: "x")
        }
    }
}
