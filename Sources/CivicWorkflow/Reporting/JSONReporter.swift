import CivicPolicy
import Foundation

/// The machine format of DESIGN.md: `{"version": 1, "findings": [...], "summary": {...}}`,
/// keys sorted, one document.
public struct JSONReporter: Sendable {
    public init() {}

    struct Document: Encodable {
        var version = 1
        var findings: [Entry]
        var summary: Summary
    }

    struct Entry: Encodable {
        var rule: String
        var severity: Severity
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var message: String
        var hint: String?
        var excerpt: String?
    }

    struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
        var notices: Int
        var suppressed: Int
    }

    public func render(_ report: CheckReport) -> String {
        let document = Document(
            findings: report.activeFindings.map {
                Entry(
                    rule: $0.rule, severity: $0.severity, file: $0.file, line: $0.line, column: $0.column,
                    endLine: $0.endLine, endColumn: $0.endColumn, message: $0.message, hint: $0.hint, excerpt: $0.excerpt)
            },
            summary: Summary(
                files: report.files, errors: report.errors, warnings: report.warnings,
                notices: report.notices, suppressed: report.suppressed))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
