/// `civicpost.yml`: the site, the platforms, the allowlists and rule severities.
public struct Config: Sendable {
    /// The site's name, shown on every page.
    public var siteName: String
    /// Where the site is published, e.g. `https://city.milwaukee.gov/news` (no trailing slash).
    public var baseURL: String
    /// The official city host every message must link to, e.g. `city.milwaukee.gov`.
    public var canonicalHost: String
    /// The branch approved posts are merged into.
    public var publishBranch: String
    /// The platforms the city posts to.
    public var platforms: [Platform]
    /// Official contacts and hosts that are not findings.
    public var allow: Allowlist
    /// Days after `reviewed_on` before an access review is overdue.
    public var accessReviewDays: Int
    /// Days without a commit after which `roster audit` lists a person as inactive.
    public var inactivityDays: Int = 180
    /// Whether every content commit must carry a verified SSH signature.
    public var requireSignedCommits: Bool
    /// Retention period per content type, as written (`7y`, `18m`).
    public var retention: [String: String]
    /// Severity overrides by rule id.
    public var ruleSeverities: [String: Severity]
    /// The commit before which content counts as approved (adoption baseline); nil: the root commit.
    public var approvalBaseline: String?

    public init(
        siteName: String = "City News", baseURL: String, canonicalHost: String, publishBranch: String = "main",
        platforms: [Platform] = Platform.allCases, allow: Allowlist = Allowlist(), accessReviewDays: Int = 365,
        requireSignedCommits: Bool = false, retention: [String: String] = [:],
        ruleSeverities: [String: Severity] = [:], approvalBaseline: String? = nil
    ) {
        self.siteName = siteName
        self.baseURL = baseURL
        self.canonicalHost = canonicalHost
        self.publishBranch = publishBranch
        self.platforms = platforms
        self.allow = allow
        self.accessReviewDays = accessReviewDays
        self.requireSignedCommits = requireSignedCommits
        self.retention = retention
        self.ruleSeverities = ruleSeverities
        self.approvalBaseline = approvalBaseline
    }
}

/// Official contacts and hosts from `allow:` in the configuration.
public struct Allowlist: Sendable, Equatable {
    /// Official phone numbers, possibly with vanity letters (`414-286-CITY`) or short codes.
    public var phones: [String]
    /// Email domains of the city (subdomains included).
    public var emailDomains: [String]
    /// Public facility addresses (`200 E. Wells St.`).
    public var addresses: [String]
    /// Hosts links may go to without a notice (subdomains included).
    public var linkHosts: [String]

    public init(phones: [String] = [], emailDomains: [String] = [], addresses: [String] = [], linkHosts: [String] = []) {
        self.phones = phones
        self.emailDomains = emailDomains
        self.addresses = addresses
        self.linkHosts = linkHosts
    }
}

/// How much a finding matters.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case notice, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
