/// `author.unauthorized`: the git author is not an authorized spokesperson today.
public struct UnauthorizedAuthorRule: Rule {
    public static let description = RuleDescription(
        id: "author.unauthorized",
        title: "the author is not in the roster with a posting role, or their authorization expired or was revoked",
        clause: AuthorClause.authorization,
        severity: .error,
        suppressible: false,
        hint: "ask a civicpost admin to add or renew the author in content/roster.yml, or have an authorized spokesperson commit the post",
        triggeringExamples: [
            "↓---\n# author: someone@example.com\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "↓---\n# author: priya.natarajan@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "↓---\n# author: ex.spokesperson@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "↓---\n# author: revoked.spokesperson@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "---\n# author: JORDAN.ELLIS@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "---\ntitle: Leaves (no author known, as in `scan`)\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        guard let author = context.author, let reason = Self.reason(author.email, in: context) else { return [] }
        let hint =
            "ask \(AuthorClause.admins(in: context.roster)) to update content/roster.yml, or have an authorized spokesperson commit the post"
        return [post.finding(Self.description, at: SourceLocation(line: 1, column: 1), "\(author.email) \(reason)", hint: hint)]
    }

    /// Why `email` may not post today, or nil when they may.
    static func reason(_ email: String, in context: RuleContext) -> String? {
        guard let person = context.roster.person(email: email) else { return unlisted }
        return reason(person, on: context.today)
    }

    /// What the reason says of an email the roster does not list.
    public static let unlisted = "is not listed in content/roster.yml"

    /// Why `person` may not post on `day`, or nil when they may (`verify` asks it of
    /// whoever wrote a post on a merged branch, on the merge's day).
    public static func reason(_ person: Person, on day: Day) -> String? {
        switch person.authorizationEnded(by: day) {
        case let .revoked(revoked): return "had their authorization revoked on \(revoked)"
        case let .expired(until): return "has an authorization that expired on \(until)"
        case nil: break
        }
        guard person.mayPost else {
            let roles = person.roles.map(\.rawValue).sorted().joined(separator: ", ")
            return
                "has no posting role (roles: \(roles.isEmpty ? "none" : roles); posting needs spokesperson, contractor, elected or representative)"
        }
        return nil
    }
}
