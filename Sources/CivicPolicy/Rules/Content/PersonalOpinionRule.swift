/// `content.personal-opinion`: first-person opinion markers from the personal-opinion lexicon.
///
/// A warning, not an error: the policy says employees "must refrain" from personal opinions,
/// but the markers ("I think", "frankly") also appear in quoted statements of officials and in
/// residents' words a post reports, so a reviewer decides.
public struct PersonalOpinionRule: Rule {
    public static let description = RuleDescription(
        id: "content.personal-opinion",
        title: "a post expresses a personal opinion (a warning: opinion markers also occur in quotes a post reports)",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote: "Employees representing the City must refrain from using social media tools to express personal opinions or concerns."),
        severity: .warning,
        suppressible: true,
        hint: "speak for the City (\"we\", \"the department\"); personal views belong on a personal page",
        triggeringExamples: [
            "↓I think the new routes are better.\n",
            "↓In my opinion, leaf bags are a waste. ↓Frankly.\n",
        ],
        nonTriggeringExamples: [
            "We think residents will like the new routes. I feel honored to serve.\n",
            "Personally identifiable information is never posted.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings("personal-opinion", noun: "personal opinion", rule: Self.description, post: post, context: context)
    }
}
