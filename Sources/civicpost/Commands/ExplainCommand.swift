import ArgumentParser
import CivicPolicy

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say what a rule checks and quote the policy clause it enforces; without RULE, list the rules.")

    @Argument(help: "A rule id, e.g. platform.prohibited.")
    var rule: String?

    func run() throws {
        guard let rule else {
            var text = ""
            for description in RuleRegistry.allDescriptions {
                text +=
                    "\(description.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(description.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(description.title)\n"
            }
            Terminal.print(text)
            return
        }
        guard let description = RuleRegistry.description(of: rule) else {
            Terminal.error("error: no rule '\(rule)'; `civicpost explain` lists them")
            throw ExitCode(64)
        }
        Terminal.print(
            """
            \(description.id): \(description.title)
            default severity: \(description.severity.rawValue)\(description.suppressible ? "" : " (cannot be suppressed or reconfigured)")

            Policy, \(description.clause.section):
              "\(description.clause.quote)"
            \(description.hint.map { "\nHow to fix: \($0)\n" } ?? "")
            """)
    }
}
