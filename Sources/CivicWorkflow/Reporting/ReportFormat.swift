import CivicPolicy
import Foundation

/// A report format, as `--format` and `--output FORMAT=PATH` name it.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style diagnostics for people.
    case text
    /// The machine format of DESIGN.md.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other viewers.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
}

/// What a report needs besides the findings: who made it, where relative paths start, colour.
public struct ReportContext: Sendable {
    /// The civicpost version, e.g. `0.1.0`.
    public var toolVersion: String
    /// The absolute folder the findings' relative paths start from (SARIF's `%SRCROOT%`), when known.
    public var sourceRoot: URL?
    /// Whether text may be coloured (only on a terminal).
    public var colour: Bool

    public init(toolVersion: String, sourceRoot: URL? = nil, colour: Bool = false) {
        self.toolVersion = toolVersion
        self.sourceRoot = sourceRoot
        self.colour = colour
    }
}

extension ReportFormat {
    /// The report as this format's text, ending in a newline.
    public func render(_ report: CheckReport, context: ReportContext) -> String {
        switch self {
        case .text: TextReporter(colour: context.colour).render(report)
        case .json: JSONReporter().render(report)
        case .sarif: SARIFReporter(toolVersion: context.toolVersion, sourceRoot: context.sourceRoot).render(report)
        case .github: GitHubReporter().render(report)
        }
    }
}
