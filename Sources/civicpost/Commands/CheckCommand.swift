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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Check every post version the commits in BASE..HEAD wrote, each as its commit author's work.", valueName: "BASE..HEAD"))
    var range: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var clock: ClockOptions

    @Argument(help: "Posts or folders to check.")
    var paths: [String] = []

    func validate() throws {
        let scopes = [staged, all, range != nil, !paths.isEmpty && !staged].filter { $0 }.count
        if scopes == 0 { throw ValidationError("name the posts to check, or use --staged, --range or --all") }
        if scopes > 1 { throw ValidationError("use only one of --staged, --range, --all, or PATHs") }
        if let range, !range.contains("..") { throw ValidationError("--range must be BASE..HEAD, not '\(range)'") }
    }

    func run() throws {
        try failClosed {
            let scope: CheckScope = staged ? .staged(paths: paths) : all ? .all : range.map { .range($0) } ?? .paths(paths)
            let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let request = CheckRequest(
                scope: scope, directory: directory,
                environment: ProcessInfo.processInfo.environment, today: clock.today)
            // One look-up of the workspace (and one open of its repository) for the check and the report.
            let workspace = try Workspace.locate(from: directory)
            let report = try request.run(in: workspace)
            try output.deliver(report, directory: directory, sourceRoot: workspace.root)
        }
    }
}
