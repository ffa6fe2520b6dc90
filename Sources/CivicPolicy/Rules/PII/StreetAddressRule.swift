/// `pii.address`: a street address that is not a public facility.
public struct StreetAddressRule: Rule {
    public static let description = RuleDescription(
        id: "pii.address",
        title: "a street address that is not a public facility",
        clause: PersonalDataFinder.clause,
        severity: .error,
        suppressible: true,
        hint: "remove it; name the block or the cross streets instead, or add the public facility to allow.addresses",
        triggeringExamples: [
            "The fire at ↓2417 N. Humboldt Blvd. Apt 4 is out.\n",
            "Mail it to ↓P.O. Box 4521, Milwaukee, WI 53201.\n",
        ],
        nonTriggeringExamples: [
            "Visit City Hall, 200 E. Wells St., or the Central Library.\n",
            "Wisconsin Ave. is closed between 27th and 35th streets.\n",
            "Crews are in the 2400 block of W. Wisconsin Ave.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PersonalDataFinder.findings(.address, noun: "a street address", rule: Self.description, post: post, context: context)
    }
}
