/// `content.commercial`: sales language and endorsements from the commercial lexicon.
///
/// A warning, not an error: the policy lists advertising among what the City *may remove at its
/// discretion*, and city posts name sponsors, venues and contractors legitimately ("brought to
/// you by" a partner), so a reviewer decides; personal gain is what the lexicon's first-person
/// phrases ("my business", "my brother's restaurant") point at.
public struct CommercialRule: Rule {
    public static let description = RuleDescription(
        id: "content.commercial",
        title:
            "a post advertises or endorses a business (a warning: the City removes such material at its discretion, and naming partners can be legitimate)",
        clause: PolicyClause(
            section: "USER RESPONSIBILITIES",
            quote:
                "Advertise or solicit business for a personal or private business or endeavor; … Promote or endorse a specific financial or commercial entity"
        ),
        severity: .warning,
        suppressible: true,
        hint: "name businesses only as neutral facts (a venue, a contractor of record); never advertise or endorse them",
        triggeringExamples: [
            "↓Use promo code LEAVES at checkout.\n",
            "Snow removal ↓brought to you by Acme Plowing. Get the ↓best pizza in town after.\n",
        ],
        nonTriggeringExamples: [
            "Free compost while supplies last. Surplus trucks are for sale at auction.\n"
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        LexiconFinder.findings("commercial", noun: "advertising or endorsement", rule: Self.description, post: post, context: context)
    }
}
