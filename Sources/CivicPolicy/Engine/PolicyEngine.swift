/// Runs every rule over a post, applies the configuration's severity overrides, and orders
/// the findings by position.
public struct PolicyEngine: Sendable {
    /// The rules this engine runs.
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleRegistry.all) {
        self.rules = rules
    }

    /// The findings for one post, sorted by line, column and rule.
    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules {
            let description = type(of: rule).description
            let override = description.suppressible ? context.config.ruleSeverities[description.id] : nil
            for var finding in rule.check(post, in: context) {
                if let override { finding.severity = override }
                findings.append(finding)
            }
        }
        return findings.sorted { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
    }
}
