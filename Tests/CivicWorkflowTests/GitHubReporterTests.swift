import CivicPolicy
import CivicWorkflow
import Testing

/// Workflow-command escaping, checked against the Actions runner's own unescaping
/// (`actions/toolkit` `escapeData`/`escapeProperty` and the runner's `UnescapeValue`).
@Suite struct GitHubReporterTests {
    /// What the runner does to a property value or a message before it shows it.
    func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a:b,c", "a%3Ab%2Cc"),
        ("100%", "100%25"),
        ("%0A stays literal", "%250A stays literal"),
        ("line\r\nnext\nlast\r", "line%0D%0Anext%0Alast%0D"),
        ("content/posts/parks/2026/a,b:c 100%.md", "content/posts/parks/2026/a%2Cb%3Ac 100%25.md"),
        ("café 👋", "café 👋"),
    ])
    func propertyValues(raw: String, escaped: String) {
        #expect(GitHubReporter.escapeProperty(raw) == escaped)
        #expect(unescape(GitHubReporter.escapeProperty(raw)) == raw)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a:b,c::d", "a:b,c::d"),
        ("100%", "100%25"),
        ("%0A stays literal", "%250A stays literal"),
        ("line\r\nnext\nlast", "line%0D%0Anext%0Alast"),
        ("::error::injected\n::error::twice", "::error::injected%0A::error::twice"),
    ])
    func messages(raw: String, escaped: String) {
        #expect(GitHubReporter.escapeData(raw) == escaped)
        #expect(unescape(GitHubReporter.escapeData(raw)) == raw)
    }

    /// One annotation per active finding, one line each, then the summary; suppressed findings
    /// are not annotated.
    @Test func oneCommandPerActiveFindingThenASummary() {
        let lines = GitHubReporter().render(ReportFixture.report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 4 + 1 + 1)  // settings warning, 4 active findings, summary, final newline
        #expect(lines[0].hasPrefix("::warning file=civicpost.yml,line=3,col=1,title=civicpost configuration::"))
        #expect(
            lines[1]
                == "::error file=content/posts/dpw/2026/leaves.md,line=9,col=14,endLine=9,endColumn=26,title=pii.phone::personal data: a phone number (414-***-**71)%0Ahint: remove it, or use an official number"
        )
        #expect(
            lines[3].hasPrefix(
                "::warning file=content/posts/parks/2026/a%2Cb%3Ac 100%25.md,line=7,col=3,endLine=8,endColumn=5,title=link.offsite::link to example.com, outside the city's hosts:%0D%0Asee the policy, 100%25"
            ))
        #expect(lines[4].hasPrefix("::notice file=content/posts/library/2026/café-👋.md,line=3,col=4,"))
        #expect(!lines.contains { $0.contains("j***@g***.com") })
        #expect(lines[5] == "checked 3 files: 2 errors, 1 warning, 1 notice, 1 suppressed")
    }
}
