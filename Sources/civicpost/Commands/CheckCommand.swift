import ArgumentParser
import CivicWorkflow
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check posts against the city's social media policy.",
        discussion: """
        Without --staged, --range or --all, checks the PATHs given (files or folders). With --staged, \
        PATHs limit the check to those staged files (as the pre-commit framework passes them).
        """)

    @Flag(name: .long, help: "Check what the next commit holds (the index), as the pre-commit hook does.")
    var staged = false

    @Flag(name: .long, help: "Check every post in the work tree.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Check every post version the commits in BASE..HEAD wrote, each as its commit author's work.", valueName: "BASE..HEAD"))
    var range: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @OptionGroup var clock: ClockOptions

    @Argument(help: "Posts or folders to check.")
    var paths: [String] = []

    func validate() throws {
        let scopes = [staged, all, range != nil, !paths.isEmpty && !staged].filter { $0 }.count
        if scopes == 0 { throw ValidationError("name the posts to check, or use --staged, --range or --all") }
        if scopes > 1 { throw ValidationError("use only one of --staged, --range, --all, or PATHs") }
    }

    func run() throws {
        try failClosed {
            let scope: CheckScope = staged ? .staged(paths: paths) : all ? .all : range.map { .range($0) } ?? .paths(paths)
            let request = CheckRequest(scope: scope, directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                       environment: ProcessInfo.processInfo.environment, today: clock.today)
            let report = try request.run()
            Terminal.print(format.render(report))
            if report.errors > 0 || (strict && report.warnings > 0) { throw Exit.findings }
        }
    }
}

/// The report formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    func render(_ report: CheckReport) -> String {
        switch self {
        case .text: TextReporter(colour: Terminal.isTerminal).render(report)
        case .json: JSONReporter().render(report)
        }
    }
}
