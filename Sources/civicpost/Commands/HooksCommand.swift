import ArgumentParser
import CivicWorkflow
import Foundation

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Manage the git hooks.",
        subcommands: [Install.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run `civicpost check --staged` before every commit (core.hooksPath = hooks).")

        func run() throws {
            try failClosed {
                let workspace = try Workspace.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                let repository = try workspace.requireRepository(for: "hooks install")
                switch try HookInstaller(repository: repository).install() {
                case .installed: Terminal.print("installed: git runs hooks/pre-commit before every commit\n")
                case .alreadyInstalled: Terminal.print("already installed\n")
                case let .chained(previous):
                    Terminal.print("installed; the existing hook \(previous) runs first, as hooks/pre-commit.local\n")
                }
            }
        }
    }
}
