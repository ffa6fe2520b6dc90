/// `pii.phone`: a phone number that is not one of the city's official lines.
public struct PhoneNumberRule: Rule {
    public static let description = RuleDescription(
        id: "pii.phone",
        title: "a phone number that is not one of the city's official lines",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it, or use an official number listed in allow.phones in civicpost.yml (e.g. 414-286-CITY)",
        triggeringExamples: [
            "Questions? Call Dale at ↓414-555-2671.\n",
            "Text ↓(414) 555-2671 ext. 12 or ↓+1 262.555.1234 after 5.\n",
            "Cell: ↓４１４-５５５-２６７１\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: Call ↓414-555-2671 today.\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "Call 414-286-CITY, 311 or 911. The fictional 414-555-0123 is fine.\n",
            "Permit 4145552671 was issued on 2026-10-10 at 10:30 a.m.\n",
            "Toll-free help: 1-800-555-2671.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.phone, noun: "a phone number", rule: Self.description, post: post, context: context)
    }
}
