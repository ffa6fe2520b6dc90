/// `content/roster.yml`: who may speak for which department, and who may approve.
public struct Roster: Sendable {
    /// The city's departments.
    public var departments: [Department]
    /// Everyone with a role.
    public var people: [Person] {
        didSet { byEmail = Self.index(people) }
    }
    /// Each email, lower-cased, to the first person listing it: `verify` looks up the author
    /// of every commit it walks.
    private var byEmail: [String: Int] = [:]
    /// Governmental bodies (for the open-meetings rule).
    public var bodies: [GovernmentalBody]

    public init(departments: [Department] = [], people: [Person] = [], bodies: [GovernmentalBody] = []) {
        self.departments = departments
        self.people = people
        self.bodies = bodies
        byEmail = Self.index(people)
    }

    private static func index(_ people: [Person]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, person) in people.enumerated() {
            for email in person.emails where index[email.lowercased()] == nil { index[email.lowercased()] = position }
        }
        return index
    }

    /// The department with `slug`, if any.
    public func department(_ slug: String) -> Department? {
        departments.first { $0.slug == slug }
    }

    /// The person one of whose emails is `email` (compared without case).
    public func person(email: String) -> Person? {
        byEmail[email.lowercased()].map { people[$0] }
    }

    /// The people who may approve a post of `department` by merging.
    public func reviewers(for department: String) -> [Person] {
        people.filter { $0.roles.contains(.reviewer) && $0.covers(department) }
    }

    /// The people who may approve roster and configuration changes.
    public var admins: [Person] {
        people.filter { $0.roles.contains(.reviewer) && $0.roles.contains(.admin) }
    }
}

/// A department: its slug in paths, its name and the aliases people write.
public struct Department: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var aliases: [String]

    public init(slug: String, name: String, aliases: [String] = []) {
        self.slug = slug
        self.name = name
        self.aliases = aliases
    }
}

/// What a person may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    case spokesperson, reviewer, admin, elected, representative, contractor
}

/// A person in the roster.
public struct Person: Sendable, Equatable {
    public var name: String
    /// Every email the person commits with; the first is the primary.
    public var emails: [String]
    /// The department slug, or `*` for every department.
    public var department: String
    public var roles: Set<Role>
    /// Last day the person may post; nil means no end date.
    public var authorizedUntil: Day?
    /// The last access review.
    public var reviewedOn: Day?
    /// The day the authorization was revoked, if it was.
    public var revokedOn: Day?
    /// An SSH public key (`ssh-ed25519 AAAA…`) their commits are signed with.
    public var signingKey: String?

    public init(
        name: String, emails: [String], department: String, roles: Set<Role>,
        authorizedUntil: Day? = nil, reviewedOn: Day? = nil, revokedOn: Day? = nil, signingKey: String? = nil
    ) {
        self.name = name
        self.emails = emails
        self.department = department
        self.roles = roles
        self.authorizedUntil = authorizedUntil
        self.reviewedOn = reviewedOn
        self.revokedOn = revokedOn
        self.signingKey = signingKey
    }

    /// The person's primary email.
    public var email: String { emails.first ?? "" }

    /// Whether the person's department is `slug` or every department.
    public func covers(_ slug: String) -> Bool {
        department == "*" || department == slug
    }

    /// Whether the person may author official posts at all (a designated spokesperson, a
    /// listed contractor or agent, an elected official or their representative).
    /// How the person's authorization had ended by `day`, if it had: revoked on or before
    /// it, or run out (`authorized_until`) before it.
    public func authorizationEnded(by day: Day) -> AuthorizationEnd? {
        if let revoked = revokedOn, revoked <= day { return .revoked(revoked) }
        if let until = authorizedUntil, until < day { return .expired(until) }
        return nil
    }

    public var mayPost: Bool {
        !roles.isDisjoint(with: [.spokesperson, .contractor, .elected, .representative])
    }

    /// Whether the person is exempt from the own-department restriction.
    public var speaksForAllDepartments: Bool {
        !roles.isDisjoint(with: [.elected, .representative])
    }
}

/// A governmental body whose members fall under the open-meetings law.
public struct GovernmentalBody: Sendable, Equatable {
    public var slug: String
    public var name: String
    /// Members' emails.
    public var members: [String]

    public init(slug: String, name: String, members: [String]) {
        self.slug = slug
        self.name = name
        self.members = members
    }
}

/// How an authorization ended: revoked on a day, or run out after its last day.
public enum AuthorizationEnd: Sendable, Equatable {
    case revoked(Day)
    case expired(Day)
}
