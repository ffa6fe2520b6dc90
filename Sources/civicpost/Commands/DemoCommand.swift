import ArgumentParser
import CivicWorkflow
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole flow on a scratch repository made from the sample city.")

    @Option(name: .long, help: "The demo's folder (replaced if it holds an earlier demo).")
    var out = "_demo"

    @OptionGroup var clock: ClockOptions

    func run() throws {
        try failClosed {
            let folder = URL(fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
            let outcome = try Demo(folder: folder, now: clock.timestamp, today: clock.today).run { Terminal.print($0 + "\n") }
            Terminal.print(
                """

                Done.
                  repository: \(outcome.repository.path)
                  site:       \(outcome.site.path)/index.html
                  queue:      \(outcome.queue.path) (\(outcome.published.queued.count) files)
                  report:     \(outcome.report.path)
                  review:     \(outcome.repository.deletingLastPathComponent().appendingPathComponent("review.md").path)

                """)
        }
    }
}
