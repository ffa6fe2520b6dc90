/// `content.threat`: threats addressed to someone; news about violence is not a threat.
public struct ThreatRule: Rule {
    public static let description = RuleDescription(
        id: "content.threat",
        title: "a post threatens a person or organization",
        clause: PolicyClause(
            section: "USER RESPONSIBILITIES",
            quote: "Make direct or indirect threats against any person or organization;"),
        severity: .error,
        suppressible: true,
        hint: "remove it; report real threats to the police, never answer them in a post",
        triggeringExamples: [
            "Park on the snow route again and ↓we will find you.\n",
            "Litterers, ↓watch your back.\n",
        ],
        nonTriggeringExamples: [
            "This flu shot won't hurt you. You will regret missing the parade!\n",
            "Police investigated a shooting near the station.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings("threat", noun: "threatening language", rule: Self.description, post: post, context: context)
    }
}
