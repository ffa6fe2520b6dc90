import ArgumentParser
import CivicWorkflow
import Foundation

/// `--format`, `--output FORMAT=PATH` and `--strict`: how `check` and `scan` report and exit.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format on standard output: text, json, sarif or github.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Also write the report in FORMAT to PATH, atomically (repeatable), e.g. sarif=civicpost.sarif.",
            valueName: "format=path"))
    var outputs: [String] = []

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    func validate() throws {
        var paths: Set<String> = []
        for output in outputs {
            let file: ReportFile
            do {
                file = try ReportFile(argument: output)
            } catch {
                throw ValidationError("--output \(output): \(error.reason)")
            }
            guard paths.insert(file.path).inserted else {
                throw ValidationError("--output names \(file.path) more than once")
            }
        }
    }

    /// The `--output` files (validated by ``validate()``).
    var files: [ReportFile] {
        outputs.compactMap { try? ReportFile(argument: $0) }
    }

    /// Writes the `--output` files, prints the report in `--format`, and exits 1 when it has
    /// errors (or warnings, with `--strict`). `sourceRoot`: where the findings' relative paths start.
    func deliver(_ report: CheckReport, directory: URL, sourceRoot: URL?) throws {
        let context = ReportContext(toolVersion: CivicPost.version, sourceRoot: sourceRoot)
        for file in files {
            try file.write(report, context: context, directory: directory)
        }
        Terminal.print(format.render(report, sourceRoot: sourceRoot))
        if report.errors > 0 || (strict && report.warnings > 0) { throw Exit.findings }
    }
}

/// The report formats `--format` takes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github

    /// The report in this format; text is coloured on a terminal.
    func render(_ report: CheckReport, sourceRoot: URL? = nil) -> String {
        let format = ReportFormat(rawValue: rawValue) ?? .text
        let context = ReportContext(
            toolVersion: CivicPost.version, sourceRoot: sourceRoot,
            colour: format == .text && Terminal.isTerminal)
        return format.render(report, context: context)
    }
}

extension CivicPost {
    /// The version `--version` prints and reports carry.
    static var version: String { configuration.version }
}
