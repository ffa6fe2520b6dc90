/// `author.access-review`: the author's access has not been reviewed within the configured period.
public struct AccessReviewRule: Rule {
    public static let description = RuleDescription(
        id: "author.access-review",
        title: "the author's access was last reviewed longer ago than access_review_days, or never",
        clause: AuthorClause.accessReview,
        severity: .warning,
        suppressible: false,
        hint: "ask the department and a civicpost admin to review the author's access and update reviewed_on in content/roster.yml",
        triggeringExamples: [
            "↓---\n# author: overdue.review@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "↓---\n# author: unreviewed.contractor@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "---\n# author: someone@example.com\ntitle: Leaves (not listed: author.unauthorized says so)\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        guard let author = context.author, let person = context.roster.person(email: author.email) else { return [] }
        let days = context.config.accessReviewDays
        let hint = "ask \(AuthorClause.admins(in: context.roster)) to review the access and update reviewed_on in content/roster.yml"
        let message: String
        if let reviewed = person.reviewedOn {
            guard reviewed.adding(days: days) < context.today else { return [] }
            message = "access of \(author.email) was last reviewed on \(reviewed), more than \(days) days ago"
        } else {
            message = "access of \(author.email) has no review on record (reviewed_on)"
        }
        return [post.finding(Self.description, at: SourceLocation(line: 1, column: 1), message, hint: hint)]
    }
}
