/// A rule of the city's policy: a pure function from a post and its context to findings.
/// Rules never read files, git or the clock: everything they need is in ``RuleContext``.
public protocol Rule: Sendable {
    /// What the rule is, which clause it enforces, and its examples.
    static var description: RuleDescription { get }
    init()
    /// Whether the rule reads ``Post/links(in:)`` (the engine then finds them once for all).
    static var readsLinks: Bool { get }
    /// The rule's findings for one post.
    func check(_ post: Post, in context: RuleContext) -> [Finding]
}

extension Rule {
    /// The rule's description.
    public var description: RuleDescription { Self.description }

    /// Most rules do not read links.
    public static var readsLinks: Bool { false }
}

/// A rule's identity, the policy clause it enforces, its default severity and its examples.
public struct RuleDescription: Sendable {
    /// Stable id, e.g. `link.canonical`.
    public var id: String
    /// One line saying what the rule checks.
    public var title: String
    /// The policy section and the words of it the rule enforces.
    public var clause: PolicyClause
    public var severity: Severity
    /// Whether a post may suppress it with `<!-- civicpost: allow … -->`, and the config change it.
    public var suppressible: Bool
    /// The default hint: how to fix a finding.
    public var hint: String?
    /// Posts (or bodies) that must produce findings, each marked with `↓` where one starts.
    /// An example is a whole file when it starts with `---` or with `↓` (a finding at 1:1);
    /// otherwise it is a body, checked under a minimal front matter. A front-matter comment
    /// `# author: EMAIL` names the git author the example is checked as (none otherwise).
    public var triggeringExamples: [String]
    /// Posts (or bodies) that must produce none.
    public var nonTriggeringExamples: [String]

    public init(
        id: String, title: String, clause: PolicyClause, severity: Severity, suppressible: Bool = true,
        hint: String? = nil, triggeringExamples: [String], nonTriggeringExamples: [String]
    ) {
        self.id = id
        self.title = title
        self.clause = clause
        self.severity = severity
        self.suppressible = suppressible
        self.hint = hint
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A clause of the city's social media policy.
public struct PolicyClause: Sendable {
    /// The policy's section heading, e.g. `GENERAL POLICY`.
    public var section: String
    /// The clause's words, quoted from the policy.
    public var quote: String

    public init(section: String, quote: String) {
        self.section = section
        self.quote = quote
    }
}

/// Everything a rule may know besides the post: the roster, the configuration, who is
/// committing (when known) and today's date.
public struct RuleContext: Sendable {
    public var roster: Roster
    public var config: Config
    /// The git author of the version being checked; nil when unknown (`scan`, working-tree checks).
    public var author: Identity?
    /// Today, in the city's calendar; rules never read the clock.
    public var today: Day
    /// The shared scanners.
    public var detectors: Detectors

    public init(roster: Roster, config: Config, author: Identity? = nil, today: Day, detectors: Detectors? = nil) {
        self.roster = roster
        self.config = config
        self.author = author
        self.today = today
        var detectors = detectors ?? Detectors(config: config, referenceYear: today.year, roster: roster)
        // Detectors built without this roster (an older caller) get its names here, so the
        // roster rules still see them; callers should build them with the roster, once per run.
        if !detectors.rosterNames.fits(roster) { detectors.rosterNames = RosterNamesCache.shared.names(for: roster) }
        self.detectors = detectors
    }
}

/// A git identity.
public struct Identity: Sendable, Equatable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
