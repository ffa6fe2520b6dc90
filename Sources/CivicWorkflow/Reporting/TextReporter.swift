import CivicPolicy

/// Compiler-style text: `path:line:col: severity: message [rule]`, the source line with a
/// caret under the finding, and a hint; a summary line at the end.
public struct TextReporter: Sendable {
    /// Whether to colour severities (only on a terminal).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for warning in report.settingsWarnings {
            out += warning.description.withVisibleControls + "\n"
        }
        for finding in report.activeFindings {
            let (file, message) = (finding.file.withVisibleControls, finding.message.withVisibleControls)
            out += "\(file):\(finding.line):\(finding.column): \(paint(finding.severity)): \(message) [\(finding.rule)]\n"
            if let excerpt = finding.excerpt?.withVisibleControls {
                let number = String(finding.line)
                let gutter = String(repeating: " ", count: number.count)
                out += " \(number) | \(excerpt)\n"
                let scalars = Array(excerpt.unicodeScalars)
                // Tabs are kept so the caret lines up under the source in any terminal.
                let lead = scalars.prefix(max(0, finding.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                let width =
                    finding.endLine == finding.line
                    ? max(1, finding.endColumn - finding.column) : max(1, scalars.count - finding.column + 1)
                out += " \(gutter) | \(lead)^\(String(repeating: "~", count: max(0, width - 1)))\n"
            }
            if let hint = finding.hint {
                out += "   hint: \(hint.withVisibleControls)\n"
            }
        }
        out += summary(report) + "\n"
        return out
    }

    func summary(_ report: CheckReport) -> String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        var line = "checked \(count(report.files, "file")): \(count(report.errors, "error")), \(count(report.warnings, "warning"))"
        if report.notices > 0 { line += ", \(count(report.notices, "notice"))" }
        if report.suppressed > 0 { line += ", \(report.suppressed) suppressed" }
        return line
    }

    private func paint(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .notice: return "\u{1B}[1;36mnotice\u{1B}[0m"
        }
    }
}
