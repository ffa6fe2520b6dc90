import ArgumentParser
import CivicGit
import CivicPolicy
import CivicPublish
import CivicWorkflow
import Foundation

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "The public-records archive on the records branch.",
        subcommands: [Verify.self, Export.self, Due.self])

    static func repository() throws -> (Workspace, Repository) {
        let workspace = try Workspace.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return (workspace, try workspace.requireRepository(for: "records"))
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the hash chain and that the branch was only ever appended to.")

        @Option(name: .long, help: "A record hash or commit from an earlier verify that must still be in the chain.")
        var anchor: String?

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            try failClosed {
                let (workspace, repository) = try RecordsCommand.repository()
                // The records' approvals are checked against the publish branch the configuration names.
                let branch = try Settings.loadConfig(from: WorkingTreeSource(root: workspace.root)).config.publishBranch
                let outcome = try RecordsVerifier(repository: repository).run(anchor: anchor, publishBranch: branch)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                    Terminal.print(String(decoding: try encoder.encode(outcome), as: UTF8.self) + "\n")
                } else {
                    var text = outcome.problems.map { "records: error: \($0)\n" }.joined()
                    text +=
                        outcome.problems.isEmpty
                        ? "records verified: \(outcome.records) records, chain head \(outcome.head ?? "none") (keep it: pass --anchor next time)\n"
                        : "records NOT verified: \(outcome.problems.count) problem(s) in \(outcome.records) records\n"
                    Terminal.print(text)
                }
                if !outcome.problems.isEmpty { throw Exit.findings }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the records made between two days, for a public-records request.")

        @Option(name: .long, help: "First day (YYYY-MM-DD), inclusive.")
        var from: String?

        @Option(name: .long, help: "Last day (YYYY-MM-DD), inclusive.")
        var to: String?

        @Option(name: .long, help: "jsonl or zip.")
        var format: ExportFormat = .jsonl

        @Option(name: [.short, .long], help: "Write to this file (required for zip; jsonl goes to standard output without it).")
        var output: String?

        enum ExportFormat: String, ExpressibleByArgument { case jsonl, zip }

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, Day(value) == nil { throw ValidationError("\(name) must be a day like 2026-01-31") }
            }
            if format == .zip, output == nil { throw ValidationError("--format zip needs --output FILE") }
        }

        func run() throws {
            try failClosed {
                let (_, repository) = try RecordsCommand.repository()
                let reader = RecordsReader(repository: repository)
                let bytes =
                    format == .zip
                    ? try reader.zip(from: from.flatMap(Day.init), to: to.flatMap(Day.init))
                    : try reader.jsonLines(from: from.flatMap(Day.init), to: to.flatMap(Day.init))
                if let output {
                    try AtomicFile.write(
                        bytes, to: URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List records past their retention period (nothing is deleted).")

        @OptionGroup var clock: ClockOptions

        @Flag(name: .long, help: "Print JSON Lines of the due records.")
        var json = false

        func run() throws {
            try failClosed {
                let (_, repository) = try RecordsCommand.repository()
                let today = clock.today
                let due = try RecordsReader(repository: repository).entries { record in
                    record.retainUntil.flatMap(Day.init).map { $0 < today } ?? false
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    for entry in due { Terminal.print(String(decoding: try encoder.encode(entry.record), as: UTF8.self) + "\n") }
                } else {
                    var text = ""
                    for entry in due {
                        text +=
                            "\(entry.record.retainUntil ?? "-")  record \(entry.record.sequence)  \(entry.record.action.rawValue)  \(entry.record.post.path)\n"
                    }
                    text +=
                        "\(due.count) record(s) past retention on \(today); civicpost never deletes records: dispose of them under the records schedule\n"
                    Terminal.print(text)
                }
            }
        }
    }
}
