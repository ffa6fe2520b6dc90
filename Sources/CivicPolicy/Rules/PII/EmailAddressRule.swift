/// `pii.email`: a personal email address.
public struct EmailAddressRule: Rule {
    public static let description = RuleDescription(
        id: "pii.email",
        title: "a personal email address",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it, or use a city address (a domain in allow.email_domains)",
        triggeringExamples: [
            "Write to ↓jane.doe@gmail.com for a copy.\n",
            "Contact ↓dale [at] example [dot] org.\n",
        ],
        nonTriggeringExamples: [
            "Write to dpw@milwaukee.gov or visit https://city.milwaukee.gov/@dpw\n"
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.email, noun: "an email address", rule: Self.description, post: post, context: context)
    }
}
