/// The findings of one kind of personal data, shared by the six `pii.*` rules: the scan runs
/// once per post (``PostAnalysis``) and each rule takes its own kind.
enum PersonalDataFinder {
    static let clause = PolicyClause(
        section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
        quote:
            "City employees, in their role as designated representatives of the City of Milwaukee, must never post personal information to a City-sponsored social media site. … They should always exercise good judgment regarding the content and potential need for confidentiality (omitting addresses, phone numbers, and other personal data) of posted information."
    )

    static func findings(_ kind: PIIKind, noun: String, rule: RuleDescription, post: Post, context: RuleContext) -> [Finding] {
        post.analysis(in: context).personalData.filter { $0.kind == kind }.map { match in
            let written = match.published ? " as published: written here with escapes, character references or markup" : ""
            var finding = post.finding(rule, at: match.range, "personal data: \(noun) (\(match.masked))\(written)")
            finding.matched = match.masked
            return finding
        }
    }
}
