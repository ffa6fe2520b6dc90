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

@Suite struct AsciiControlTests {
    /// The word-at-a-time search agrees with a byte-by-byte one, at every alignment.
    @Test func findsExactlyTheControlBytes() {
        let alphabet: [UInt8] = [0x00, 0x07, 0x09, 0x0A, 0x0B, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xE0, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = bytes.indices.filter { index in
                let byte = bytes[index]
                return (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
            }
            let found = bytes.withUnsafeBufferPointer(asciiControls).map(\.lowerBound)
            #expect(found == expected, "\(bytes)")
        }
    }
}
