import Testing

@testable import CivicWorkflow

/// The review summary is Markdown a post's author writes into: a table cell cannot be split,
/// nor a tag opened, by a pipe or an angle bracket followed by a combining mark.
@Suite struct ReviewEscapeTests {
    @Test func pipesBackticksAndBracketsAreEscapedScalarByScalar() {
        let cases: [(String, String)] = [
            ("a | b", "a \\| b"),
            ("x |\u{301} y", "x \\|\u{301} y"),
            ("<\u{338}script>", "&lt;\u{338}script&gt;"),
            ("`\u{301}code`", "\\`\u{301}code\\`"),
            ("one\r\ntwo\nthree\rfour", "one two three four"),
            ("plain text, é and 🎉", "plain text, é and 🎉"),
        ]
        for (raw, escaped) in cases {
            #expect(Array(ReviewRequest.escape(raw).unicodeScalars) == Array(escaped.unicodeScalars), "\(raw)")
        }
    }
}
