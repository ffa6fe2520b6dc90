import CivicPolicy
import Testing

@testable import CivicWorkflow

/// A post must not be able to rewrite the terminal that shows its findings: what the text
/// reporter and the review summary quote has its controls shown, not acted on.
@Suite struct VisibleControlsTests {
    @Test func controlsBecomeTheirPictures() {
        #expect(
            Array("a\u{1B}[2Jb\u{07}\tc\u{7F}\u{9B}d\r\n".withVisibleControls.unicodeScalars)
                == Array("a\u{241B}[2Jb\u{2407}\tc\u{2421}\u{FFFD}d\r\n".unicodeScalars))
        #expect("plain text, é and 🎉\tand a tab".withVisibleControls == "plain text, é and 🎉\tand a tab")
        // A carriage return on its own would send the cursor back over the line.
        #expect(
            Array("Call 414\rAll clear\r".withVisibleControls.unicodeScalars) == Array("Call 414\u{240D}All clear\u{240D}".unicodeScalars))
    }

    @Test func theTextReporterQuotesAPostWithoutItsEscapes() {
        let hostile = "Call \u{1B}[8m414-555-2671\u{1B}[0m now"
        let finding = Finding(
            rule: "pii.phone", severity: .error, file: "content/posts/dpw/2026/\u{1B}]0;owned\u{07}.md",
            span: SourceSpan(start: SourceLocation(line: 3, column: 10), end: SourceLocation(line: 3, column: 22)),
            message: "personal data: a phone number (\u{1B}[8m414-***-**71)", excerpt: hostile, matched: "414-555-2671")
        let text = TextReporter(colour: false).render(CheckReport(findings: [finding], files: 1))
        #expect(!text.unicodeScalars.contains("\u{1B}") && !text.unicodeScalars.contains("\u{07}"), "\(text)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("content/posts/dpw/2026/\u{241B}]0;owned\u{2407}.md:3:10: error:"))
        #expect(lines[1] == " 3 | Call \u{241B}[8m414-555-2671\u{241B}[0m now")
        // The caret still stands under the number (column 10), each control being one scalar.
        #expect(lines[2] == "   | " + String(repeating: " ", count: 9) + "^" + String(repeating: "~", count: 11))
    }

    @Test func theReviewSummaryShowsControlsToo() {
        #expect(
            Array(ReviewRequest.escape("Road \u{1B}[2J| closed").unicodeScalars)
                == Array("Road \u{241B}[2J\\| closed".unicodeScalars))
    }
}
