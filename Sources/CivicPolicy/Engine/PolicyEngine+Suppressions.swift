extension PolicyEngine {
    /// Rule ids no comment can silence, besides the rules whose description says so: the
    /// approval rules live in `verify` and `publish`, not in the registry.
    static let unsuppressiblePrefixes = ["author.", "approval."]

    /// Whether a comment may silence findings of `id`; nil when no rule has that id.
    static func isSuppressible(_ id: String, rules: [any Rule]) -> Bool? {
        if unsuppressiblePrefixes.contains(where: { id.hasPrefix($0) }) { return false }
        let description = (rules.first { type(of: $0).description.id == id } ?? RuleRegistry.rule(id)).map { type(of: $0).description }
        return description?.suppressible
    }

    /// Applies the post's suppression comments to `findings`: each valid, unexpired comment
    /// marks the first finding (by column) of its rule on its target line as suppressed.
    /// Returns the `post.suppression` findings: comments written wrongly, naming an unknown or
    /// unsuppressible rule, without a reason, expired, or silencing nothing.
    func applySuppressions(
        _ comments: [SuppressionComment], to findings: inout [Finding], of post: Post,
        in context: RuleContext
    ) -> [Finding] {
        let rule = SuppressionRule.description
        var problems: [Finding] = []
        for comment in comments {
            if let problem = comment.problem {
                problems.append(post.finding(rule, at: comment.range, problem))
                continue
            }
            guard !comment.rule.isEmpty else {
                problems.append(
                    post.finding(
                        rule, at: comment.range, "the suppression does not name a rule",
                        hint: "write <!-- civicpost: allow RULE — reason --> with the rule id from the finding"))
                continue
            }
            guard let suppressible = Self.isSuppressible(comment.rule, rules: rules) else {
                problems.append(
                    post.finding(
                        rule, at: comment.ruleRange, "'\(comment.rule)' is not a rule, so this suppresses nothing",
                        hint: "copy the rule id shown in brackets after the finding; `civicpost explain` lists them"))
                continue
            }
            guard suppressible else {
                problems.append(
                    post.finding(
                        rule, at: comment.ruleRange, "\(comment.rule) cannot be suppressed",
                        hint: "fix the finding itself: the policy allows no exception for \(comment.rule)"))
                continue
            }
            guard !comment.reason.trimmingSpaces.isEmpty else {
                problems.append(
                    post.finding(
                        rule, at: comment.range, "the suppression of \(comment.rule) gives no reason, so it is ignored",
                        hint: "say why after the rule id: <!-- civicpost: allow \(comment.rule) — reason -->"))
                continue
            }
            if let expires = comment.expires, expires < context.today {
                problems.append(
                    post.finding(
                        rule, at: comment.expiresRange ?? comment.range,
                        "the suppression of \(comment.rule) expired on \(expires); its finding is reported again",
                        hint: "fix the finding, or renew the suppression with a new reason and date"))
                continue
            }
            let candidates = findings.indices.filter {
                findings[$0].rule == comment.rule && findings[$0].line == comment.targetLine && findings[$0].suppression == nil
            }
            guard let first = candidates.min(by: { findings[$0].column < findings[$1].column }) else {
                problems.append(
                    post.finding(
                        rule, at: comment.range,
                        "the suppression of \(comment.rule) silences nothing on line \(comment.targetLine)",
                        hint: "remove it, or put it on the line just before the finding"))
                continue
            }
            findings[first].suppression = Suppression(reason: comment.reason, expires: comment.expires, line: comment.line)
        }
        return problems
    }
}
