/// Rules about how a version reached the publish branch rather than what a post says: checked
/// by `verify`, `check --range` and `publish` over git history, not by a per-post `Rule`.
/// Listed here so that `explain`, SARIF metadata and the documentation cover every rule id.
public enum ProcessRules {
    static let approvalClause = PolicyClause(
        section: "AUTHORIZATION AND ACCESS",
        quote:
            "Employees must have prior authorization to act as a spokesperson for the City before posting official comments regarding City-related business on social media sites."
    )

    /// `approval.missing`: a version on the publish branch that no allowed reviewer merged.
    public static let approvalMissing = RuleDescription(
        id: "approval.missing",
        title: "a version on the publish branch was not brought in by an allowed reviewer's merge",
        clause: approvalClause, severity: .error, suppressible: false,
        hint: "open a merge request; a reviewer of the department (an admin for the roster and configuration) approves it by merging",
        triggeringExamples: [], nonTriggeringExamples: [])

    /// `approval.self`: the merging reviewer also wrote the change.
    public static let approvalSelf = RuleDescription(
        id: "approval.self",
        title: "the reviewer who merged a version also wrote it on the merged branch",
        clause: approvalClause, severity: .error, suppressible: false,
        hint: "a second person approves: another reviewer of the department merges it",
        triggeringExamples: [], nonTriggeringExamples: [])

    /// `author.unverified`: a content commit without a valid SSH signature by its author's roster key.
    public static let authorUnverified = RuleDescription(
        id: "author.unverified",
        title: "a commit touching content is not signed with its author's signing key from the roster",
        clause: PolicyClause(
            section: "AUTHORIZATION AND ACCESS",
            quote:
                "Departments should routinely review access privileges for specific employees to determine if continued access to social media sites remains warranted."
        ),
        severity: .error, suppressible: false,
        hint: "sign commits with the SSH key listed as your signing_key in content/roster.yml (git config gpg.format ssh; commit -S)",
        triggeringExamples: [], nonTriggeringExamples: [])

    public static let all = [approvalMissing, approvalSelf, authorUnverified]
}

extension RuleRegistry {
    /// Every rule's description: the per-post rules and the process rules.
    public static var allDescriptions: [RuleDescription] {
        all.map { type(of: $0).description } + ProcessRules.all
    }

    /// The description of the rule with `id`, per-post or process.
    public static func description(of id: String) -> RuleDescription? {
        allDescriptions.first { $0.id == id }
    }
}
