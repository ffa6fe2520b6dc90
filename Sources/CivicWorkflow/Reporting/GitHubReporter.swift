import CivicPolicy

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
/// active finding, then a plain summary line. Suppressed findings are not annotated.
///
/// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`, with property
/// values and the message escaped as the Actions runner unescapes them.
public struct GitHubReporter: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for warning in report.settingsWarnings {
            out += annotation(
                "warning", file: warning.path, line: warning.location.line, column: warning.location.column,
                title: "civicpost configuration", message: warning.reason)
        }
        for finding in report.activeFindings {
            var message = finding.message
            if let hint = finding.hint { message += "\nhint: \(hint)" }
            out += annotation(
                command(finding.severity), file: finding.file, line: finding.line, column: finding.column,
                end: (finding.endLine, finding.endColumn), title: finding.rule, message: message)
        }
        out += TextReporter().summary(report) + "\n"
        return out
    }

    private func annotation(
        _ command: String, file: String, line: Int, column: Int, end: (line: Int, column: Int)? = nil,
        title: String, message: String
    ) -> String {
        var properties = ["file=\(Self.escapeProperty(file))", "line=\(line)", "col=\(column)"]
        if let end { properties += ["endLine=\(end.line)", "endColumn=\(end.column)"] }
        properties.append("title=\(Self.escapeProperty(title))")
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }

    private func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "notice"
        }
    }

    /// A workflow command's message: `%`, `\r` and `\n` escaped.
    public static func escapeData(_ text: String) -> String {
        percentEscaping(text, also: [])
    }

    /// A workflow command's property value: as ``escapeData(_:)``, and `:` and `,` too.
    public static func escapeProperty(_ text: String) -> String {
        percentEscaping(text, also: [":", ","])
    }

    /// `%`, `\r`, `\n` and the `also` characters as `%XX`.
    private static func percentEscaping(_ text: String, also extra: Set<Unicode.Scalar>) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "%" || scalar == "\r" || scalar == "\n" || extra.contains(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
