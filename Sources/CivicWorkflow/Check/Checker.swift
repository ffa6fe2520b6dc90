import CivicPolicy
import CivicPublish

/// One file to check, with the identity of whoever wrote this version when it is known.
public struct CheckInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var author: Identity?

    public init(path: String, bytes: [UInt8], author: Identity? = nil) {
        self.path = path
        self.bytes = bytes
        self.author = author
    }
}

/// The outcome of a check: every finding, and counts.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// Files checked.
    public var files: Int
    /// Findings silenced by a suppression comment (they are in ``findings`` too, marked).
    public var suppressed: Int { findings.count(where: \.isSuppressed) }
    /// Warnings about the roster and configuration (unknown keys).
    public var settingsWarnings: [ContentWarning]

    public init(findings: [Finding] = [], files: Int = 0, settingsWarnings: [ContentWarning] = []) {
        self.findings = findings
        self.files = files
        self.settingsWarnings = settingsWarnings
    }

    /// The findings that count: those no suppression silences.
    public var activeFindings: [Finding] { findings.filter { !$0.isSuppressed } }
    public var errors: Int { findings.count { !$0.isSuppressed && $0.severity == .error } }
    public var warnings: Int { findings.count { !$0.isSuppressed && $0.severity == .warning } }
    public var notices: Int { findings.count { !$0.isSuppressed && $0.severity == .notice } }
}

/// Runs the policy engine over many files on all cores.
public struct Checker: Sendable {
    public let settings: Settings
    public let today: Day
    public let engine: PolicyEngine

    public init(settings: Settings, today: Day, engine: PolicyEngine = PolicyEngine()) {
        self.settings = settings
        self.today = today
        self.engine = engine
    }

    /// Checks every input; findings come back ordered by file, line and column.
    public func check(_ inputs: [CheckInput]) -> CheckReport {
        CheckReport(findings: findings(for: inputs).flatMap { $0 }, files: inputs.count, settingsWarnings: settings.warnings)
    }

    /// The findings of each input, in input order.
    public func findings(for inputs: [CheckInput]) -> [[Finding]] {
        // One context for the run (building one checks the detectors against the roster);
        // each input only changes the author.
        let shared = RuleContext(
            roster: settings.roster, config: settings.config, today: today, detectors: settings.detectors(today: today))
        return parallelMap(count: inputs.count, batch: 8) { index -> [Finding] in
            let input = inputs[index]
            let post = Post.parse(path: input.path, bytes: input.bytes, paragraphs: .first)
            var context = shared
            context.author = input.author
            return engine.check(post, in: context)
        }
    }
}
