/// `content.discrimination`: slurs and discriminatory phrases from the discrimination lexicon.
public struct DiscriminationRule: Rule {
    public static let description = RuleDescription(
        id: "content.discrimination",
        title: "a post uses discriminatory language",
        clause: PolicyClause(
            section: "USER RESPONSIBILITIES",
            quote:
                "Promote, foster, or perpetuate discrimination on the basis of gender, race, creed, color, national origin or ancestry, age, disability, lawful source of income, marital status, sexual orientation, gender identity, past or present membership in military service, or familial status;"
        ),
        severity: .error,
        suppressible: true,
        hint: "remove it; official posts never disparage people for who they are or their lawful source of income",
        triggeringExamples: [
            "Neighbors told them to ↓go back to where you came from.\n",
            "No ↓welfare queens in this program, ↓ok boomer.\n",
        ],
        nonTriggeringExamples: [
            "Homo sapiens exhibit at the museum; the chink in the armor was the budget.\n",
            "Section 8 vouchers are a lawful source of income and landlords must accept them.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings("discrimination", noun: "discriminatory language", rule: Self.description, post: post, context: context)
    }
}
