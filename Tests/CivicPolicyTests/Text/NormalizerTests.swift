import Testing

@testable import CivicPolicy

@Suite struct NormalizerTests {
    func folded(_ text: String) -> String {
        String(decoding: normalize(text).bytes, as: UTF8.self)
    }

    @Test func asciiIsLowerCasedInPlace() {
        let text = normalize("Hello, WORLD! 123")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "hello, world! 123")
        #expect(text.sourceRange(of: 7..<12) == 7..<12)
        #expect(text.hidden.isEmpty)
    }

    @Test(arguments: [
        ("ＳＨＩＴ ｓｈｉｔ ０９", "shit shit 09"),
        ("𝐚𝐛𝐜 𝕩𝕪𝕫", "abc xyz"),
        ("Café naïve Ångström", "cafe naive angstrom"),
        ("cafe\u{0301}", "cafe"),
        ("ѕһіt раураl", "shit paypal"),
        ("ΑΒΕ οκ", "abe ok"),
        ("Straße STRASSE", "strasse strasse"),
        ("ﬁne ① ⓐ", "fine 1 a"),
        ("“quoted” it’s — done…", "\"quoted\" it's - done..."),
        ("İstanbul", "istanbul"),
        ("日本語 한국어", "日本語 한국어"),
        ("Привет", "пpивeт"),
    ])
    func folding(input: String, expected: String) {
        #expect(folded(input) == expected)
    }

    @Test func hiddenCharactersAreRemovedAndReported() {
        let source = "sh\u{200B}i\u{202E}t\u{FEFF}\u{00AD}"
        let text = normalize(source)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "shit")
        #expect(text.hidden == [2..<5, 6..<9, 10..<13, 13..<15])
        // The whole word maps back over the hidden characters inside it, not after it.
        #expect(text.sourceRange(of: 0..<4) == 0..<10)
    }

    @Test func multiByteCharactersMapToWholeSourceCharacters() {
        let source = "Café ☕ ｘ"
        let text = normalize(source)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "cafe ☕ x")
        #expect(text.sourceRange(of: 3..<4) == 3..<5)  // e <- é
        #expect(text.sourceRange(of: 5..<6) == 6..<9)  // first byte of ☕ widens to the whole character
        #expect(text.sourceRange(of: 9..<10) == 10..<13)  // x <- ｘ
    }

    @Test func combiningMarksJoinThePreviousCharacter() {
        let text = normalize("ab\u{0301}\u{0323}c")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "abc")
        #expect(text.sourceRange(of: 1..<2) == 1..<6)
        #expect(text.sourceRange(of: 2..<3) == 6..<7)
        #expect(text.sourceRange(of: 0..<1) == 0..<1)
    }

    @Test func expansionsMapEveryByteToTheSourceCharacter() {
        let text = normalize("xﬃy")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "xffiy")
        #expect(text.sourceRange(of: 2..<3) == 1..<4)
        #expect(text.sourceRange(of: 1..<5) == 1..<5)
    }

    @Test func invalidUTF8BecomesOnePlaceholderPerByte() {
        let source: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x62, 0xED, 0xA0, 0x80, 0xF0, 0x9F, 0x98]
        let text = normalize(source)
        let p = NormalizedText.invalidByte
        #expect(text.bytes == [0x61, p, p, 0x28, p, p, 0x62, p, p, p, p, p, p])
        #expect(text.sourceRange(of: 1..<2) == 1..<2)
        #expect(text.sourceRange(of: 0..<text.bytes.count) == 0..<source.count)
    }

    @Test func emptyAndOutOfBoundsRanges() {
        let text = normalize("ab\u{200B}")
        #expect(text.sourceRange(of: 2..<2) == 2..<2)
        #expect(text.sourceRange(of: -5..<99) == 0..<2)
        #expect(normalize("").bytes.isEmpty)
        #expect(normalize("").sourceRange(of: 0..<0) == 0..<0)
        #expect(normalize("\u{0301}x").sourceRange(of: 0..<1) == 2..<3)
    }
}
