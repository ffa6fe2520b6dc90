import ArgumentParser
import CMimalloc
import CivicWorkflow
import Foundation

/// The `civicpost` command: checks and publishes a city's official social-media posts.
@main
struct CivicPost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicpost",
        abstract: "Check and publish a city's official social-media posts under its social media policy.",
        discussion: """
            Exit codes: 0 clean (or warnings only), 1 findings at error level, 2 cannot check \
            (configuration or I/O error), 64 usage error.
            """,
        version: "0.1.0 (mimalloc \(mi_version()))",
        subcommands: [
            InitCommand.self, NewCommand.self, CheckCommand.self, ScanCommand.self, ReviewCommand.self, VerifyCommand.self,
            PublishCommand.self, RecordsCommand.self, RosterCommand.self, HooksCommand.self, ExplainCommand.self,
            DemoCommand.self,
        ])

    static func main() {
        Allocator.preferLargePages()
        main(nil)
    }
}

/// Exit codes shared by every command.
enum Exit {
    static let findings = ExitCode(1)
    static let cannotCheck = ExitCode(2)
}

/// Runs a command's body; any error other than an exit becomes a message on standard error
/// and exit code 2, so a failure never looks like success.
func failClosed(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Terminal.error("\(error)")
        throw Exit.cannotCheck
    }
}

/// Standard output and error.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Whether standard output is a terminal (for colour).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}
