import ArgumentParser
import CivicWorkflow
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the posts on the publish branch: the site, the outbound queue.")

    @Option(name: .long, help: "The site's output folder.")
    var out = "_site"

    @Option(name: .long, help: "The outbound queue folder.")
    var queue = "_queue"

    @Option(name: .long, help: "Also write the run's report as JSON to this file.")
    var report: String?

    @Flag(name: .long, help: "Print how long each phase of the run took (to standard error).")
    var timings = false

    @OptionGroup var clock: ClockOptions

    func run() throws {
        try failClosed {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            var request = PublishRequest(
                directory: cwd, siteFolder: URL(fileURLWithPath: out, relativeTo: cwd),
                queueFolder: URL(fileURLWithPath: queue, relativeTo: cwd),
                now: clock.timestamp, today: clock.today)
            request.freesWorkingSet = false
            let result = try request.run()
            if let report {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                try encoder.encode(result).write(to: URL(fileURLWithPath: report, relativeTo: cwd), options: .atomic)
            }
            var text = "published \(result.site.posts) posts from \(result.commit.prefix(7)) into \(out): "
            text +=
                "\(result.pagesWritten) files written, \(result.pagesUnchanged) unchanged; \(result.queued.count) queue items into \(queue)\n"
            for held in result.held { text += "held back: \(held.path): \(held.reason)\n" }
            for scheduled in result.scheduled { text += "scheduled: \(scheduled.path): \(scheduled.reason)\n" }
            for missing in result.site.missingMedia { text += "missing media: \(missing)\n" }
            Terminal.print(text)
            if timings {
                let lines = result.timings.map {
                    "\($0.phase): \(Int(($0.seconds * 1000).rounded())) ms (cpu \(Int(($0.cpuSeconds * 1000).rounded())) ms)\n"
                }
                FileHandle.standardError.write(Data(("timings:\n" + lines.joined()).utf8))
            }
        }
    }
}
