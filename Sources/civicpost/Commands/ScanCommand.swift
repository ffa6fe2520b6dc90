import ArgumentParser
import CivicWorkflow
import Foundation

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan any text files, folders or standard input for personal data and lexicon hits; no git or roster needed.",
        discussion: """
            Runs the pii.* and content.* rules over each file as plain text. Folders are scanned recursively \
            (regular files only; hidden entries such as .git, symbolic links and binary files are skipped). \
            `-` reads standard input, reported as <stdin>. The allowlists come from --config, else from the \
            civicpost.yml of the repository the command runs in, else none apply.
            """)

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The civicpost.yml whose allowlists and severities apply.", valueName: "file"))
    var config: String?

    @OptionGroup var clock: ClockOptions

    @Argument(help: "Files or folders to scan, or - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name the files or folders to scan, or - for standard input") }
        if paths.count(where: { $0 == ScanRequest.standardInput }) > 1 {
            throw ValidationError("standard input (-) can be scanned only once")
        }
    }

    func run() throws {
        try failClosed {
            let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let report = try ScanRequest(paths: paths, configPath: config, directory: directory, today: clock.today).run()
            try output.deliver(report, directory: directory, sourceRoot: directory)
        }
    }
}
