import CivicPublish
import Foundation

/// A report written to a file: through a temporary file in the same folder and a rename, so a
/// reader (or a killed run) never sees half a report.
public struct ReportFile: Sendable, Equatable {
    public var format: ReportFormat
    /// Where to write it, as given (relative paths start at the command's folder).
    public var path: String

    public init(format: ReportFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT=PATH`, as `--output` takes it.
    public init(argument: String) throws(ReportFileError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ReportFileError(path: argument, reason: "expected FORMAT=PATH, e.g. sarif=civicpost.sarif")
        }
        let name = String(argument[..<equals])
        let path = String(argument[argument.index(after: equals)...])
        guard let format = ReportFormat(rawValue: name) else {
            let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReportFileError(path: path, reason: "unknown format '\(name)' (known: \(known))")
        }
        guard !path.isEmpty else {
            throw ReportFileError(path: path, reason: "no path after '\(name)='")
        }
        self.init(format: format, path: path)
    }

    /// Renders `report` and writes it atomically under `directory` (for relative paths).
    public func write(_ report: CheckReport, context: ReportContext, directory: URL) throws(ReportFileError) {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        var plain = context
        plain.colour = false
        do {
            try AtomicFile.write(Array(format.render(report, context: plain).utf8), to: url)
        } catch {
            throw ReportFileError(path: path, reason: "cannot write the \(format.rawValue) report", underlying: error)
        }
    }
}

/// Why a report file cannot be named or written.
public struct ReportFileError: Error, CustomStringConvertible {
    /// The path as given.
    public var path: String
    public var reason: String
    /// The system error, when there is one.
    public var underlying: (any Error)?

    public init(path: String, reason: String, underlying: (any Error)? = nil) {
        self.path = path
        self.reason = reason
        self.underlying = underlying
    }

    public var description: String {
        "\(path): error: \(reason)" + (underlying.map { ": \($0)" } ?? "")
    }
}
