/// `post.suppression`: suppression comments that are written wrongly, lapse, or silence nothing.
///
/// A comment `<!-- civicpost: allow RULE — reason -->` (the separator may also be `--`, `-` or
/// `:`; ` expires: YYYY-MM-DD` may end it) on the line before a finding silences exactly one
/// finding of RULE on the next line: the first by column. Any other finding of that rule on the
/// line is still reported (write one comment per finding). Silenced findings stay on record
/// with their reason. The engine checks every comment after the other rules have run.
public struct SuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "post.suppression",
        title: "a suppression comment has no reason, names an unknown or unsuppressible rule, has expired, or silences nothing",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "They should always exercise good judgment regarding the content and potential need for confidentiality (omitting addresses, phone numbers, and other personal data) of posted information."
        ),
        severity: .warning,
        suppressible: false,
        hint: "write <!-- civicpost: allow RULE — reason --> on the line just before the finding",
        triggeringExamples: [
            "↓<!-- civicpost: allow pii.phone -->\nCall Dale at 414-555-2671.\n",
            "<!-- civicpost: allow ↓pii.fone — the storm hotline -->\nCall 414-555-2671.\n",
            "<!-- civicpost: allow ↓author.unauthorized — guest post -->\nLeaves go to the curb.\n",
            "<!-- civicpost: allow pii.phone — the storm hotline expires: ↓2026-10-01 -->\nCall 414-555-2671.\n",
            "↓<!-- civicpost: allow pii.phone — the storm hotline -->\nNo number on this line.\nCall 414-555-2671.\n",
            "↓<!-- civicpost: allow pii.phone — the storm hotline expires: soon -->\nCall 414-555-2671.\n",
        ],
        nonTriggeringExamples: [
            "<!-- civicpost: allow pii.phone — the storm hotline, listed by the county expires: 2026-12-31 -->\nCall 414-555-2671.\n",
            "<!-- civicpost: allow pii.phone — the storm hotline -->\n<!-- civicpost: allow pii.email: the county's contact -->\nCall 414-555-2671 or dale@example.com.\n",
            "<!-- civicpost: allow pii.phone - one of two numbers -->\nCall 414-555-2671 or 414-555-2672.\n",
            "```\n<!-- civicpost: allow pii.phone -->\n```\nWrite `<!-- civicpost: allow RULE -->` before a line.\n",
        ])

    public init() {}

    /// Runs the other rules through the engine and returns its verdict on the comments; the
    /// engine itself never calls this (it judges the comments after running the rules).
    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        PolicyEngine(rules: RuleRegistry.all).check(post, in: context).filter { $0.rule == Self.description.id }
    }
}
