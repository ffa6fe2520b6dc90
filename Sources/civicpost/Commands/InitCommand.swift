import ArgumentParser
import CivicGit
import CivicWorkflow
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a content repository from the built-in sample city, hooks installed.")

    @Argument(help: "The new repository's folder (new or empty).")
    var directory: String

    func run() throws {
        try failClosed {
            let folder = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let identity = authorIdentity(environment: ProcessInfo.processInfo.environment, repository: nil)
            let author = Signature(
                name: identity?.name ?? "civicpost", email: identity?.email ?? "civicpost@localhost", time: Date(),
                timeZoneOffsetMinutes: TimeZone.current.secondsFromGMT() / 60)
            let commit = try Initializer(folder: folder, author: author).run()
            Terminal.print(
                """
                Created \(folder.standardizedFileURL.path) with the sample city (root commit \(commit.short)).
                The pre-commit hook runs `civicpost check --staged` on every commit.
                Next: edit civicpost.yml and content/roster.yml for your city, then `civicpost new --department dpw --title "…"`.

                """)
        }
    }
}
