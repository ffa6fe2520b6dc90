/// `content.profanity`: profane words, also when disguised (leetspeak, zero-width characters,
/// full-width letters, spelled out); whole words only, so Scunthorpe and class are fine.
public struct ProfanityRule: Rule {
    public static let description = RuleDescription(
        id: "content.profanity",
        title: "a post uses profane or obscene language",
        clause: PolicyClause(
            section: "USER RESPONSIBILITIES",
            quote: "Are profane, obscene, violent, or pornographic in language or content;"),
        severity: .error,
        suppressible: true,
        hint: "reword it; official posts keep to civil language",
        triggeringExamples: [
            "This parking rule is ↓bullshit, said no one.\n",
            "What the ↓sh1t is that pothole?\n",
            "Who left this ↓s\u{200B}h\u{200B}i\u{200B}t here?\n",
            "Pick up your dog's ↓ｓｈｉｔ, please.\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: No ↓crap in the leaf piles.\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "Scunthorpe, Middlesex and Essex visitors: the assessor's class on cocktails is in Hell's Kitchen.\n",
            "Pussy willows bloom in the park; cum laude graduates are invited.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings("profanity", noun: "profane language", rule: Self.description, post: post, context: context)
    }
}
