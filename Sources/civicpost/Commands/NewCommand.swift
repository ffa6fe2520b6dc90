import ArgumentParser
import CivicWorkflow
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new draft post in the right folder, named from its title.")

    @Option(name: .long, help: "The department's slug, as in content/roster.yml.")
    var department: String

    @Option(name: .long, help: "The post's title.")
    var title: String

    @Option(name: .long, help: "A platform to post to (repeat for several; default: every enabled one but Instagram).")
    var platform: [String] = []

    @OptionGroup var clock: ClockOptions

    func run() throws {
        try failClosed {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let workspace = try Workspace.locate(from: cwd)
            let path = try Scaffolder(department: department, title: title, platforms: platform, today: clock.today).run(in: workspace)
            Terminal.print(path + "\n")
        }
    }
}
