import CivicPolicy
import CivicWorkflow
import Foundation
import Testing

/// What GitHub code scanning reads from our SARIF: rule metadata, levels, locations, fingerprints
/// and suppressions.
@Suite struct SARIFReporterTests {
    func document(_ report: CheckReport, rules: [RuleDescription]? = nil, root: String? = "/srv/city") throws -> [String: Any] {
        let reporter =
            rules.map { SARIFReporter(toolVersion: "0.1.0", sourceRoot: root.map(URL.init(fileURLWithPath:)), rules: $0) }
            ?? SARIFReporter(toolVersion: "0.1.0", sourceRoot: root.map(URL.init(fileURLWithPath:)))
        return try #require(try JSONSerialization.jsonObject(with: Data(reporter.render(report).utf8)) as? [String: Any])
    }

    func run(_ document: [String: Any]) throws -> [String: Any] {
        try #require((document["runs"] as? [[String: Any]])?.first)
    }

    @Test func describesEveryRegisteredRule() throws {
        let run = try run(try document(CheckReport()))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "civicpost")
        #expect(driver["semanticVersion"] as? String == "0.1.0")
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let registered = RuleRegistry.allDescriptions  // per-post rules and the process rules (approval.*, author.unverified)
        #expect(rules.map { $0["id"] as? String } == registered.map(\.id))
        for (rule, description) in zip(rules, registered) {
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == ["error": "error", "warning": "warning", "notice": "note"][description.severity.rawValue])
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == description.title)
            let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            #expect(full.contains(description.clause.section) && full.contains(description.clause.quote))
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["text"] as? String)?.contains(description.clause.quote) == true)
            #expect((help["markdown"] as? String)?.contains(description.clause.quote) == true)
            if let hint = description.hint { #expect((help["text"] as? String)?.contains(hint) == true) }
            let tags = (rule["properties"] as? [String: Any])?["tags"] as? [String]
            #expect(tags == ["policy", String(description.id.split(separator: ".")[0])])
        }
    }

    @Test(arguments: [
        ("pii.phone", "PiiPhone"), ("content.personal-opinion", "ContentPersonalOpinion"),
        ("scope.mentions-other-department", "ScopeMentionsOtherDepartment"),
    ])
    func ruleNamesAreUpperCamelCase(id: String, name: String) throws {
        let rule = RuleDescription(
            id: id, title: "t", clause: ReportFixture.clause, severity: .error,
            triggeringExamples: [], nonTriggeringExamples: [])
        let run = try run(try document(CheckReport(), rules: [rule]))
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect((driver?["rules"] as? [[String: Any]])?.first?["name"] as? String == name)
    }

    @Test func resultsPointAtTheirRulesWithExactSpans() throws {
        let run = try run(try document(ReportFixture.report, rules: ReportFixture.rules))
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///srv/city/")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == ReportFixture.report.findings.count)
        for (result, finding) in zip(results, ReportFixture.report.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ReportFixture.rules[index].id == finding.rule)
            #expect(result["ruleId"] as? String == finding.rule)
            #expect((result["message"] as? [String: Any])?["text"] as? String == finding.message)
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.line && region["startColumn"] as? Int == finding.column)
            #expect(region["endLine"] as? Int == finding.endLine && region["endColumn"] as? Int == finding.endColumn)
            let context = physical["contextRegion"] as? [String: Any]
            #expect((context?["snippet"] as? [String: Any])?["text"] as? String == finding.excerpt)
            #expect((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String == "%SRCROOT%")
        }
        #expect(results.map { $0["level"] as? String } == ["error", "error", "error", "warning", "note"])
        let uris = results.map {
            (((($0["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?[
                "uri"] as? String
        }
        #expect(uris[3] == "content/posts/parks/2026/a,b:c%20100%25.md")
        #expect(uris[4] == "content/posts/library/2026/caf%C3%A9-%F0%9F%91%8B.md")
    }

    @Test func suppressedFindingsAreListedAsSuppressedInSource() throws {
        let results = try #require(try run(try document(ReportFixture.report, rules: ReportFixture.rules))["results"] as? [[String: Any]])
        let suppressions = results.map { $0["suppressions"] as? [[String: Any]] }
        #expect(suppressions.map { $0?.count } == [0, 0, 1, 0, 0])
        let suppression = try #require(suppressions[2]?.first)
        #expect(suppression["kind"] as? String == "inSource")
        #expect(suppression["justification"] as? String == "the clerk's published contact, 100% public")
        #expect((suppression["properties"] as? [String: Any])?["expires"] as? String == "2027-01-01")
    }

    /// The documented scheme, computed independently (Python's hashlib) for the fixture's first two findings.
    @Test func fingerprintIsSHA256OfRuleFileMatchAndOccurrence() throws {
        let results = try #require(try run(try document(ReportFixture.report, rules: ReportFixture.rules))["results"] as? [[String: Any]])
        let prints = results.map { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        #expect(prints[0] == "c9792ed2fd929d1bc166adefdf80ef30f5628350535562224637fc0e4c0a8480")
        #expect(prints[1] == "6061f9e9f5d622bd46e58d9a494492ea83760c9821bf4954e16821978e178717")
        #expect(Set(prints.compactMap { $0 }).count == prints.count)
    }

    /// Moving a finding to another line (text inserted above) keeps its fingerprint.
    @Test func fingerprintSurvivesMovedLines() throws {
        var moved = ReportFixture.report
        for index in moved.findings.indices {
            moved.findings[index].line += 5
            moved.findings[index].endLine += 5
        }
        func prints(_ report: CheckReport) throws -> [String?] {
            let results = try #require(try run(try document(report, rules: ReportFixture.rules))["results"] as? [[String: Any]])
            return results.map { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        }
        #expect(try prints(moved) == prints(ReportFixture.report))
    }

    @Test func absolutePathsAreFileURIsWithoutABase() throws {
        var report = ReportFixture.report
        report.findings = [report.findings[0]]
        report.findings[0].file = "/tmp/notes/a b.txt"
        let results = try #require(try run(try document(report, rules: ReportFixture.rules, root: nil))["results"] as? [[String: Any]])
        let artifact =
            (((results.first?["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])?["artifactLocation"]
            as? [String: Any]
        #expect(artifact?["uri"] as? String == "file:///tmp/notes/a%20b.txt")
        #expect(artifact?["uriBaseId"] == nil)
    }
}
