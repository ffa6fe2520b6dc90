/// Runs every rule over a post, applies the configuration's severity overrides and the post's
/// suppression comments, and orders the findings by position.
public struct PolicyEngine: Sendable {
    /// The rules this engine runs.
    public var rules: [any Rule] {
        didSet { plan = Plan(rules) }
    }
    /// What the engine reads of each rule's description, read once rather than per post.
    private var plan: Plan

    public init(rules: [any Rule] = RuleRegistry.all) {
        self.rules = rules
        plan = Plan(rules)
    }

    private struct Plan: Sendable {
        /// Per rule, in order: its id when a severity override may apply (nil when it cannot
        /// be suppressed), and whether it is the suppression rule the engine runs itself.
        var steps: [(overridableID: String?, isSuppressionRule: Bool)]
        /// Whether any rule reads the post's links.
        var readsLinks: Bool

        init(_ rules: [any Rule]) {
            steps = rules.map { rule in
                let description = type(of: rule).description
                return (description.suppressible ? description.id : nil, rule is SuppressionRule)
            }
            readsLinks = rules.contains { type(of: $0).readsLinks }
        }
    }

    /// The findings for one post, sorted by line, column and rule.
    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        var post = post
        var analysis = PostAnalysis(post, detectors: context.detectors)
        // Several rules read the post's links: find them once when any of them runs.
        if analysis.links == nil, plan.readsLinks { analysis.links = post.links }
        post.analysis = analysis
        var findings: [Finding] = []
        // `post.suppression` judges the other rules' findings: the engine runs it last, itself.
        var reportsSuppressions = false
        let severities = context.config.ruleSeverities
        for (rule, step) in zip(rules, plan.steps) {
            if step.isSuppressionRule {
                reportsSuppressions = true
                continue
            }
            let override = severities.isEmpty ? nil : step.overridableID.flatMap { severities[$0] }
            for var finding in rule.check(post, in: context) {
                if let override { finding.severity = override }
                findings.append(finding)
            }
        }
        let problems = applySuppressions(analysis.suppressions, to: &findings, of: post, in: context)
        if reportsSuppressions { findings += problems }
        redactPersonalData(in: &findings, of: post, analysis: analysis)
        return findings.sorted { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
    }

    /// Masks every piece of personal data in the excerpts (and matched texts) of findings, so no
    /// report, log or SARIF file repeats it, whichever rule the finding is from.
    private func redactPersonalData(in findings: inout [Finding], of post: Post, analysis: PostAnalysis) {
        guard !analysis.personalData.isEmpty else { return }
        var byLine: [Int: [PIIMatch]] = [:]
        for match in analysis.personalData {
            for line in post.source.line(
                ofByte: match.range.lowerBound)...post.source.line(ofByte: max(match.range.lowerBound, match.range.upperBound - 1))
            {
                byLine[line, default: []].append(match)
            }
        }
        for index in findings.indices {
            guard let matches = byLine[findings[index].line] else { continue }
            let lineStart = post.source.lineStarts[findings[index].line - 1]
            let lineEnd =
                findings[index].line < post.source.lineStarts.count ? post.source.lineStarts[findings[index].line] : post.source.bytes.count
            var bytes = Array(post.source.bytes[lineStart..<lineEnd])
            for match in matches.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                let start = max(0, match.range.lowerBound - lineStart), end = min(bytes.count, match.range.upperBound - lineStart)
                guard start < end else { continue }
                bytes.replaceSubrange(start..<end, with: Array(match.masked.utf8))
            }
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            findings[index].excerpt = String(decoding: bytes, as: UTF8.self)
            if var matched = findings[index].matched {
                for match in matches { matched = matched.replacing(post.source.text(of: match.range), with: match.masked) }
                findings[index].matched = matched
            }
        }
    }
}
