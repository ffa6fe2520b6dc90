/// `pii.card`: a payment card number.
public struct PaymentCardRule: Rule {
    public static let description = RuleDescription(
        id: "pii.card",
        title: "a payment card number",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it: never post a card number",
        triggeringExamples: [
            "Paid with ↓4111 1111 1111 1111 at the counter.\n",
            "Card ↓5555-5555-5555-4444 was found.\n",
        ],
        nonTriggeringExamples: [
            "Tracking 4111 1111 1111 1112 fails its check digit.\n",
            "ISBN 978-0-306-40615-7 is on hold.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.card, noun: "a payment card number", rule: Self.description, post: post, context: context)
    }
}
