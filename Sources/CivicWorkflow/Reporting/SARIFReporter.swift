import CivicPolicy
import Crypto
import Foundation

/// SARIF 2.1.0 for GitHub code scanning: one run; the metadata of every rule with its policy
/// clause; each finding as a result with its exact span, a fingerprint that survives moved
/// lines, and, when a comment silences it, an `inSource` suppression with the reason.
/// Keys sorted, pretty-printed, the same bytes for the same findings.
public struct SARIFReporter: Sendable {
    /// The `partialFingerprints` key: SHA-256 over rule id, file, masked matched text and the
    /// finding's occurrence number among findings with those three equal (see ``fingerprint``).
    public static let fingerprintKey = "civicpostFinding/v1"

    /// The civicpost version (`tool.driver.semanticVersion`).
    public var toolVersion: String
    /// The absolute folder relative paths start from, for `originalUriBaseIds`; nil when unknown.
    public var sourceRoot: URL?
    /// The rules described in `tool.driver.rules`; `ruleIndex` points into this list.
    public var rules: [RuleDescription]

    public init(
        toolVersion: String, sourceRoot: URL? = nil,
        rules: [RuleDescription] = RuleRegistry.allDescriptions
    ) {
        self.toolVersion = toolVersion
        self.sourceRoot = sourceRoot
        self.rules = rules
    }

    public func render(_ report: CheckReport) -> String {
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = position }
        var occurrences: [String: Int] = [:]
        let results = report.findings.map { finding -> SARIF.Result in
            let identity = [finding.rule, finding.file, finding.matched ?? ""].joined(separator: "\u{0}")
            occurrences[identity, default: 0] += 1
            return result(finding, ruleIndex: index[finding.rule], occurrence: occurrences[identity]!)
        }
        let root = SARIF.ArtifactLocation(
            uri: sourceRoot.map { Self.fileURI($0.standardizedFileURL.path, folder: true) },
            description: SARIF.Message(text: "The root of the content repository (for `scan`, the folder it ran in)."))
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(name: "civicpost", semanticVersion: toolVersion, rules: rules.map(descriptor))),
            originalUriBaseIds: [SARIF.sourceRoot: root], results: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(SARIF.Log(runs: [run]))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The fingerprint of a finding: lower-case hex SHA-256 of the UTF-8 of rule id, file,
    /// matched text (masked for personal data; empty when the rule records none) and the
    /// 1-based occurrence number, each followed by a NUL byte. Lines are not part of it, so
    /// moving text keeps the fingerprint; the occurrence number tells equal matches apart.
    public static func fingerprint(rule: String, file: String, matched: String?, occurrence: Int) -> String {
        var hasher = SHA256()
        for field in [rule, file, matched ?? "", String(occurrence)] {
            hasher.update(data: Array(field.utf8) + [0])
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "note"
        }
    }

    /// `pii.phone` → `PiiPhone`, `content.personal-opinion` → `ContentPersonalOpinion`.
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private func descriptor(_ rule: RuleDescription) -> SARIF.ReportingDescriptor {
        let clause = "Policy, \(rule.clause.section): \"\(rule.clause.quote)\""
        var text = rule.title
        var markdown = "\(rule.title)"
        if let hint = rule.hint {
            text += "\n\nHow to fix: \(hint)"
            markdown += "\n\n**How to fix:** \(hint)"
        }
        text += "\n\n\(clause)"
        markdown += "\n\n**Policy, \(rule.clause.section):**\n\n> " + rule.clause.quote.replacingOccurrences(of: "\n", with: "\n> ")
        if rule.suppressible {
            let comment = "<!-- civicpost: allow \(rule.id) — reason -->"
            text += "\n\nTo allow one finding, write \(comment) on the line before it."
            markdown += "\n\nTo allow one finding, write `\(comment)` on the line before it."
        } else {
            text += "\n\nThis rule cannot be suppressed or reconfigured."
            markdown += "\n\nThis rule cannot be suppressed or reconfigured."
        }
        let family = rule.id.split(separator: ".").first.map(String.init) ?? rule.id
        return SARIF.ReportingDescriptor(
            id: rule.id, name: Self.ruleName(rule.id), shortDescription: SARIF.Message(text: rule.title),
            fullDescription: SARIF.Message(text: clause), help: SARIF.Message(text: text, markdown: markdown),
            defaultConfiguration: SARIF.Configuration(level: Self.level(rule.severity)),
            properties: SARIF.Properties(tags: ["policy", family]))
    }

    private func result(_ finding: Finding, ruleIndex: Int?, occurrence: Int) -> SARIF.Result {
        let artifact = artifactLocation(finding.file)
        let region = SARIF.Region(
            startLine: finding.line, startColumn: finding.column,
            endLine: finding.endLine, endColumn: finding.endColumn)
        let context = finding.excerpt.map { SARIF.Region(startLine: finding.line, snippet: SARIF.Snippet(text: $0)) }
        let suppressions = finding.suppression.map { suppression in
            SARIF.Suppression(
                justification: suppression.reason,
                location: SARIF.Location(
                    physicalLocation: SARIF.PhysicalLocation(
                        artifactLocation: artifact, region: SARIF.Region(startLine: suppression.line))),
                properties: suppression.expires.map { SARIF.SuppressionProperties(expires: $0.description) })
        }
        return SARIF.Result(
            ruleId: finding.rule, ruleIndex: ruleIndex, level: Self.level(finding.severity),
            message: SARIF.Message(text: finding.message),
            locations: [
                SARIF.Location(
                    physicalLocation: SARIF.PhysicalLocation(
                        artifactLocation: artifact, region: region, contextRegion: context))
            ],
            partialFingerprints: [
                Self.fingerprintKey: Self.fingerprint(
                    rule: finding.rule, file: finding.file,
                    matched: finding.matched, occurrence: occurrence)
            ],
            suppressions: suppressions.map { [$0] } ?? [])
    }

    /// A path relative to the source root, percent-encoded, based on `%SRCROOT%`; an absolute
    /// path as a `file://` URI.
    private func artifactLocation(_ path: String) -> SARIF.ArtifactLocation {
        if path.hasPrefix("/") { return SARIF.ArtifactLocation(uri: Self.fileURI(path, folder: false)) }
        return SARIF.ArtifactLocation(uri: Self.percentEncoded(path), uriBaseId: SARIF.sourceRoot)
    }

    static func fileURI(_ path: String, folder: Bool) -> String {
        "file://" + percentEncoded(path) + (folder && !path.hasSuffix("/") ? "/" : "")
    }

    /// RFC 3986 path encoding: unreserved characters, sub-delimiters, `:`, `@` and `/` stay;
    /// every other byte of the UTF-8 becomes `%XX`.
    static func percentEncoded(_ path: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/".utf8)
        var out = ""
        for byte in path.utf8 {
            if kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
