import ArgumentParser
import CivicWorkflow
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarise a merge request for its reviewer, as Markdown.")

    @Argument(help: ArgumentHelp("The commits to review.", valueName: "BASE..HEAD"))
    var range: String = "main..HEAD"

    @OptionGroup var clock: ClockOptions

    func run() throws {
        try failClosed {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            Terminal.print(try ReviewRequest(directory: cwd, range: range, today: clock.today).run())
        }
    }
}
