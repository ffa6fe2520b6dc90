import CivicPolicy
import CivicWorkflow

/// A report with one of everything a reporter must handle: each severity, a suppressed finding,
/// the same match twice in a file, a multi-line span, characters every format escapes, non-ASCII
/// text, and a configuration warning. Rules are written here, not taken from the registry, so
/// the golden files change only when a reporter does.
enum ReportFixture {
    static let clause = PolicyClause(
        section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
        quote: "City employees … must never post personal information to a City-sponsored social media site.")

    static let rules: [RuleDescription] = [
        RuleDescription(
            id: "platform.prohibited", title: "a prohibited platform as a target",
            clause: PolicyClause(section: "PROHIBITED FOREIGN PRODUCTS", quote: "TikTok, WeChat and Tencent QQ may not be used."),
            severity: .error, suppressible: false, triggeringExamples: [], nonTriggeringExamples: []),
        RuleDescription(
            id: "pii.phone", title: "a phone number that is not one of the city's official lines", clause: clause,
            severity: .error, hint: "remove it, or use an official number", triggeringExamples: [], nonTriggeringExamples: []),
        RuleDescription(
            id: "pii.email", title: "an email address outside the city's domains", clause: clause,
            severity: .error, hint: "remove it, or use a city address", triggeringExamples: [], nonTriggeringExamples: []),
        RuleDescription(
            id: "link.offsite", title: "a link outside the city's hosts",
            clause: PolicyClause(section: "GENERAL POLICY", quote: "Links should point to official city pages."),
            severity: .warning, hint: "link to the city's page, or add the host to allow.link_hosts",
            triggeringExamples: [], nonTriggeringExamples: []),
        RuleDescription(
            id: "content.personal-opinion", title: "a personal opinion in an official post",
            clause: PolicyClause(section: "USER RESPONSIBILITIES", quote: "Posts state the city's position, not personal views."),
            severity: .notice, triggeringExamples: [], nonTriggeringExamples: []),
    ]

    static func span(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(start: SourceLocation(line: line, column: column), end: SourceLocation(line: endLine, column: endColumn))
    }

    static var report: CheckReport {
        let leaves = "content/posts/dpw/2026/leaves.md"
        var suppressed = Finding(
            rule: "pii.email", severity: .error, file: leaves, span: span(14, 10, 14, 23),
            message: "personal data: an email address (j***@g***.com)", hint: "remove it, or use a city address",
            excerpt: "Write to j***@g***.com.", matched: "j***@g***.com")
        suppressed.suppression = Suppression(
            reason: "the clerk's published contact, 100% public", expires: Day(year: 2027, month: 1, day: 1),
            line: 13)
        let findings = [
            Finding(
                rule: "pii.phone", severity: .error, file: leaves, span: span(9, 14, 9, 26),
                message: "personal data: a phone number (414-***-**71)", hint: "remove it, or use an official number",
                excerpt: "Questions? Call 414-***-**71.", matched: "414-***-**71"),
            Finding(
                rule: "pii.phone", severity: .error, file: leaves, span: span(12, 1, 12, 13),
                message: "personal data: a phone number (414-***-**71)", hint: "remove it, or use an official number",
                excerpt: "414-***-**71 after 5 p.m.", matched: "414-***-**71"),
            suppressed,
            Finding(
                rule: "link.offsite", severity: .warning, file: "content/posts/parks/2026/a,b:c 100%.md", span: span(7, 3, 8, 5),
                message: "link to example.com, outside the city's hosts:\r\nsee the policy, 100%",
                hint: "link to the city's page, or add the host to allow.link_hosts",
                excerpt: "→ [map](https://example.com/a,b)", matched: "https://example.com/a,b"),
            Finding(
                rule: "content.personal-opinion", severity: .notice, file: "content/posts/library/2026/café-👋.md", span: span(3, 4, 3, 12),
                message: "'I think' reads as a personal opinion", excerpt: "👋 Hi, I think so", matched: "I think"),
        ]
        return CheckReport(
            findings: findings, files: 3,
            settingsWarnings: [
                ContentWarning(
                    path: "civicpost.yml", location: SourceLocation(line: 3, column: 1),
                    reason: "unknown key 'colour: blue', ignored")
            ])
    }
}
