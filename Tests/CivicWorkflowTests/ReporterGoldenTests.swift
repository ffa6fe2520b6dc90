import CivicWorkflow
import Foundation
import Testing

/// Each reporter's output for ``ReportFixture`` against its golden file.
@Suite struct ReporterGoldenTests {
    let report = ReportFixture.report

    @Test func text() throws {
        try GoldenFile.assertMatches(TextReporter(colour: false).render(report), named: "report.txt")
    }

    @Test func json() throws {
        try GoldenFile.assertMatches(JSONReporter().render(report), named: "report.json")
    }

    @Test func sarif() throws {
        let reporter = SARIFReporter(
            toolVersion: "0.1.0", sourceRoot: URL(fileURLWithPath: "/srv/city repo"),
            rules: ReportFixture.rules)
        try GoldenFile.assertMatches(reporter.render(report), named: "report.sarif")
    }

    @Test func github() throws {
        try GoldenFile.assertMatches(GitHubReporter().render(report), named: "report.github.txt")
    }

    /// The same report rendered twice is the same bytes (sorted keys, no dictionaries in order).
    @Test(arguments: ReportFormat.allCases)
    func outputIsDeterministic(format: ReportFormat) {
        let context = ReportContext(toolVersion: "0.1.0", sourceRoot: URL(fileURLWithPath: "/srv/city"))
        let first = format.render(report, context: context)
        #expect(!first.isEmpty)
        #expect(first == format.render(ReportFixture.report, context: context))
    }
}
