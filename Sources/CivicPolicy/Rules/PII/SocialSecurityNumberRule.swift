/// `pii.ssn`: a Social Security number.
public struct SocialSecurityNumberRule: Rule {
    public static let description = RuleDescription(
        id: "pii.ssn",
        title: "a Social Security number",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it: never post a Social Security number",
        triggeringExamples: [
            "The form showed ↓123-45-6789 in error.\n",
            "SSN: ↓123456789\n",
        ],
        nonTriggeringExamples: [
            "Ordinance 000-12-3456 and file 666-12-3456 are not numbers we post.\n",
            "Order 123456789 ships Monday.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.ssn, noun: "a Social Security number", rule: Self.description, post: post, context: context)
    }
}
