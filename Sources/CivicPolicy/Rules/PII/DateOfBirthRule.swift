/// `pii.dob`: a date of birth.
public struct DateOfBirthRule: Rule {
    public static let description = RuleDescription(
        id: "pii.dob",
        title: "a date of birth",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it: a date of birth identifies a person",
        triggeringExamples: [
            "The missing man was born ↓March 4, 1961.\n",
            "DOB: ↓04/03/1961\n",
        ],
        nonTriggeringExamples: [
            "The meeting is March 4, 2026 at 6 p.m.\n",
            "Since 1961 the library has lent books.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.dob, noun: "a date of birth", rule: Self.description, post: post, context: context)
    }
}
