import ArgumentParser
import CivicWorkflow
import Foundation

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Review who may post and approve.",
        subcommands: [Audit.self])

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List expired or expiring authorizations, overdue access reviews, inactive people, and every role change.")

        @Option(name: .long, help: "Output format: text or json.")
        var format: AuditFormat = .text

        @OptionGroup var clock: ClockOptions

        enum AuditFormat: String, ExpressibleByArgument { case text, json }

        func run() throws {
            try failClosed {
                let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                let workspace = try Workspace.locate(from: cwd)
                let repository = try workspace.requireRepository(for: "roster audit")
                let branch = try Settings.load(from: WorkingTreeSource(root: workspace.root)).config.publishBranch
                let report = try RosterAudit(repository: repository, branch: branch, today: clock.today).run()
                switch format {
                case .text:
                    Terminal.print(report.text)
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                    Terminal.print(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
                }
            }
        }
    }
}
