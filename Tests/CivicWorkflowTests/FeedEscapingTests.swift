import Testing

@testable import CivicPublish

/// Feed text is escaped for XML 1.0, and what XML 1.0 forbids never reaches a feed: one such
/// character in one title makes every reader reject the whole feed.
@Suite struct FeedEscapingTests {
    @Test func forbiddenCharactersAreDropped() throws {
        let title = "Bad \u{FFFE}\u{FFFF} x\u{1B}ml & <b>\"'é\u{301}\t"
        let escaped = escapeXML(title)
        #expect(escaped == "Bad  xml &amp; &lt;b&gt;&quot;&apos;é\u{301}\t")
        // Nothing XML 1.0's Char production leaves out is left.
        #expect(
            escaped.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            })
    }
}
