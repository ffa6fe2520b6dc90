import ArgumentParser
import CivicWorkflow
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every post, roster and configuration version on the publish branch was approved by a merge.")

    @Option(name: .long, help: "The branch to verify (default: publish_branch from civicpost.yml).")
    var branch: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try failClosed {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let (approvals, report) = try VerifyRequest(directory: cwd, branch: branch).run()
            var text = format.render(report)
            if format == .text {
                text +=
                    "verified \(approvals.files.count) files on \(approvals.branch) at \(approvals.tip.short) since baseline \(approvals.baseline.short)\n"
            }
            Terminal.print(text)
            if report.errors > 0 { throw Exit.findings }
        }
    }
}
