import CivicPolicy
import CivicTestSupport
import Foundation
import Testing

/// Every rule's examples are its tests: each `↓` in a triggering example is a finding of that
/// rule starting exactly there, and non-triggering examples give none. Each example runs
/// again with an emoji and a combining accent put before each marked body line, to catch
/// byte-versus-scalar column bugs. Examples run on 2026-11-01 with the fixture city and the
/// package's lexicons; a front-matter line `# author: EMAIL` sets the git author.
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var triggering: Bool
        var prefixed: Bool
        var testDescription: String { "\(rule) \(triggering ? "triggers" : "passes")\(prefixed ? " (prefixed)" : ""): \(text.prefix(60))" }
    }

    static let prefix = "🎉 e\u{301} "

    static var examples: [Example] {
        RuleRegistry.all.flatMap { rule -> [Example] in
            let description = type(of: rule).description
            return [false, true].flatMap { prefixed in
                description.triggeringExamples.map { Example(rule: description.id, text: $0, triggering: true, prefixed: prefixed) }
                    + description.nonTriggeringExamples.map {
                        Example(rule: description.id, text: $0, triggering: false, prefixed: prefixed)
                    }
            }
        }
    }

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        // An example is a whole file when it starts with its front matter or with a marker at
        // the very start (a missing front matter); otherwise it is a body.
        let whole = example.text.hasPrefix("---") || example.text.hasPrefix("↓")
        var source = whole ? example.text : Fixtures.exampleFrontMatter + example.text
        if example.prefixed { source = Self.prefixingBodyMarkerLines(source) }
        let marked = MarkedText(source)
        let rule = try #require(RuleRegistry.rule(example.rule))
        let post = Post.parse(path: Fixtures.examplePath, bytes: Array(marked.text.utf8))
        let findings = rule.check(post, in: Fixtures.context(author: Self.author(in: marked.text))).filter { $0.rule == example.rule }
        let found = findings.map { "\($0.line):\($0.column)" }.sorted()
        let expected = marked.markers.map { "\($0.line):\($0.column)" }.sorted()
        if example.triggering {
            #expect(!expected.isEmpty, "a triggering example needs a ↓ marker")
            #expect(found == expected, "findings: \(findings.map { "\($0.line):\($0.column) \($0.message)" })")
        } else {
            #expect(found.isEmpty, "unexpected: \(findings.map { "\($0.line):\($0.column) \($0.message)" })")
        }
    }

    /// The git author an example is checked as: a front-matter comment line `# author: EMAIL`
    /// names it; without one the author is unknown (as in `scan`).
    static func author(in text: String) -> String? {
        let marker = "# author: "
        return text.split(separator: "\n").first { $0.hasPrefix(marker) }.map { String($0.dropFirst(marker.count)) }
    }

    /// Puts the multi-byte prefix at the start of every body line that holds a marker.
    static func prefixingBodyMarkerLines(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fences = 0
        for index in lines.indices {
            if fences < 2, lines[index] == "---" || lines[index] == "↓---" { fences += 1; continue }
            if fences >= 2, lines[index].contains("↓") { lines[index] = prefix + lines[index] }
        }
        return lines.joined(separator: "\n")
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = RuleRegistry.all.map { type(of: $0).description.id }
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            let description = type(of: rule).description
            #expect(!description.triggeringExamples.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggeringExamples.isEmpty, "\(description.id) has no passing example")
            #expect(!description.clause.quote.isEmpty && !description.clause.section.isEmpty)
        }
    }

    /// Every `XxxRule.swift` file under Sources/CivicPolicy/Rules is in the registry.
    @Test func everyRuleFileIsRegistered() throws {
        let rulesFolder = Fixtures.packageRoot.appendingPathComponent("Sources/CivicPolicy/Rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: rulesFolder.path))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix("Rule.swift") && $0 != "Rule.swift" }
        let registered = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
        #expect(!files.isEmpty)
        for file in files {
            let name = String(file.split(separator: "/").last!.dropLast(".swift".count))
            #expect(registered.contains(name), "\(file) is not in RuleRegistry.all")
        }
    }
}
