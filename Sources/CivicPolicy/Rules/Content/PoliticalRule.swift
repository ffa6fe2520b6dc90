/// `content.political`: campaigning language from the political lexicon. An error for everyone,
/// elected officials included: the exemption of elected officials covers speaking across
/// departments, never campaigning from an official account.
public struct PoliticalRule: Rule {
    public static let description = RuleDescription(
        id: "content.political",
        title: "a post supports or opposes a campaign, candidate or ballot measure (elected officials included)",
        clause: PolicyClause(
            section: "USER RESPONSIBILITIES",
            quote: "Support or oppose a political campaign or a ballot measure;"),
        severity: .error,
        suppressible: true,
        hint:
            "give neutral election information only (dates, places, how to vote); official accounts never campaign, elected officials included",
        triggeringExamples: [
            "↓Vote yes on the referendum on April 7.\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nThanks for your support. ↓Re-elect Delgado!\n",
        ],
        nonTriggeringExamples: [
            "Vote early at City Hall or register to vote at any library.\n",
            "The council voted 12-3 to pass the budget. Vote for up to three board members.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings(
            "political", noun: "takes a side in a campaign or ballot measure", rule: Self.description, post: post, context: context)
    }
}
