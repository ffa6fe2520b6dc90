/// `post.stale`: the post's `review_by` day has passed. At check time a warning; the publisher
/// withdraws stale posts.
public struct StalePostRule: Rule {
    public static let description = RuleDescription(
        id: "post.stale",
        title: "the post's review_by date has passed",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "Departments must ensure that their employees constantly monitor material posted to social media sites to: … Replace stale, outdated, and/or incorrect information."
        ),
        severity: .warning,
        suppressible: true,
        hint: "review the post: update it and move review_by forward, or remove it",
        triggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nreview_by: ↓2026-10-31\n---\nBody\n"
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nreview_by: 2026-11-01\n---\nBody (the review day itself is still current)\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        guard let reviewBy = post.frontMatter?.reviewBy, reviewBy.value < context.today else { return [] }
        let days = context.today.daysSinceEpoch - reviewBy.value.daysSinceEpoch
        return [
            post.finding(
                Self.description, at: reviewBy.location,
                "review_by \(reviewBy.value) passed \(days) day\(days == 1 ? "" : "s") ago; the post is stale")
        ]
    }
}
