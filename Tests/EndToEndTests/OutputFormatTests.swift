import CivicTestSupport
import Foundation
import Testing

/// The built binary: `scan` on files and standard input, `check` in SARIF and GitHub formats,
/// `--output`, and the exit codes of DESIGN.md (0 clean or warnings, 1 errors, 2 cannot check, 64 usage).
@Suite(.serialized) struct OutputFormatTests {
    let binary = Fixtures.civicpostBinary

    func civicpost(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try ProcessRunner.run(binary.path, arguments, in: directory, environment: environment, stdin: stdin)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A content repository made by `civicpost init`, with one post holding a private phone number.
    func cityWithAPhoneNumber() throws -> (sandbox: GitSandbox, root: URL, post: String) {
        let sandbox = try GitSandbox()
        let root = sandbox.root.appendingPathComponent("city")
        let initialized = try civicpost(["init", root.path], in: sandbox.root)
        #expect(initialized.status == 0, "\(initialized)")
        let new = try civicpost(
            ["new", "--department", "dpw", "--title", "Leaf pickup", "--platform", "x", "--now", "2026-11-27"], in: root)
        #expect(new.status == 0, "\(new)")
        let post = new.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = root.appendingPathComponent(post)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data((text + "\nQuestions? Call Dale at 414-555-2671.\n").utf8).write(to: url)
        return (sandbox, root, post)
    }

    func lineNumber(of needle: String, in file: URL) throws -> Int {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func scanAFileReportsExactSpansInJSON() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("notes/memo.txt", "Memo\n👋 Call 414-555-2671 or mail dale@gmail.com\n")
        let result = try civicpost(["scan", "--format", "json", "notes/memo.txt"], in: sandbox.root)
        #expect(result.status == 1, "\(result)")
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["pii.phone", "pii.email"])
        #expect(findings.map { $0["file"] as? String } == ["notes/memo.txt", "notes/memo.txt"])
        #expect(findings.map { $0["line"] as? Int } == [2, 2])
        #expect(findings.map { $0["column"] as? Int } == [8, 29])
        #expect(findings.map { $0["endColumn"] as? Int } == [20, 43])
        #expect(!result.stdout.contains("2671") && !result.stdout.contains("dale@"), "personal data is masked")
    }

    @Test func scanStandardInput() throws {
        let sandbox = try GitSandbox()
        let result = try civicpost(["scan", "--format", "json", "-"], in: sandbox.root, stdin: "ok\n  SSN 078-05-1121 on file\n")
        #expect(result.status == 1, "\(result)")
        let document = try json(result.stdout)
        let finding = try #require((document["findings"] as? [[String: Any]])?.first)
        #expect(finding["file"] as? String == "<stdin>" && finding["rule"] as? String == "pii.ssn")
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 7 && finding["endColumn"] as? Int == 18)
        #expect((document["summary"] as? [String: Any])?["files"] as? Int == 1)

        let clean = try civicpost(["scan", "-"], in: sandbox.root, stdin: "Leaf collection starts Oct. 14.\n")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout == "checked 1 file: 0 errors, 0 warnings\n")
    }

    @Test func checkWritesSARIF() throws {
        let city = try cityWithAPhoneNumber()
        let line = try lineNumber(of: "414-555-2671", in: city.root.appendingPathComponent(city.post))
        let result = try civicpost(["check", "--format", "sarif", city.post], in: city.root)
        #expect(result.status == 1, "\(result)")
        let document = try json(result.stdout)
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let phone = try #require(results.first { $0["ruleId"] as? String == "pii.phone" })
        #expect(phone["level"] as? String == "error")
        let physical = try #require(((phone["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == city.post)
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == line && region["startColumn"] as? Int == 25 && region["endColumn"] as? Int == 37)
        let base = ((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String
        #expect(base?.hasPrefix("file:///") == true && base?.hasSuffix("/city/") == true)
        #expect(!result.stdout.contains("555-2671"), "personal data is masked")
    }

    @Test func checkWritesGitHubAnnotations() throws {
        let city = try cityWithAPhoneNumber()
        let line = try lineNumber(of: "414-555-2671", in: city.root.appendingPathComponent(city.post))
        let result = try civicpost(["check", "--format", "github", city.post], in: city.root)
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "::error file=\(city.post),line=\(line),col=25,endLine=\(line),endColumn=37,title=pii.phone::personal data: a phone number (414-***-**71)"
                )
            },
            "\(result)")
        #expect(lines.last?.hasPrefix("checked 1 file: ") == true, "\(result)")
    }

    @Test func outputWritesSeveralFormatsBesideStandardOutput() throws {
        let city = try cityWithAPhoneNumber()
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        let result = try civicpost(
            ["check", "--output", "sarif=out/civicpost.sarif", "--output", "json=report.json", city.post], in: city.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(": error: personal data: a phone number"), "text on standard output: \(result)")
        let sarif = try json(String(contentsOf: city.root.appendingPathComponent("out/civicpost.sarif"), encoding: .utf8))
        #expect(sarif["version"] as? String == "2.1.0")
        let written = try String(contentsOf: city.root.appendingPathComponent("report.json"), encoding: .utf8)
        let printed = try civicpost(["check", "--format", "json", city.post], in: city.root)
        #expect(written == printed.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: city.root.appendingPathComponent("out").path)
        #expect(leftovers == ["civicpost.sarif"])
    }

    @Test func exitCodes() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("clean.txt", "Leaf collection starts Oct. 14.\n")
        try sandbox.write("phone.txt", "Call 414-555-2671\n")
        try sandbox.write(
            "warn.yml",
            """
            site: {name: Test, base_url: "https://city.milwaukee.gov/news", canonical_host: city.milwaukee.gov}
            rules: {pii.phone: warning}
            """)
        try sandbox.write("broken.yml", "site: [oops\n")
        func status(_ arguments: [String]) throws -> Int32 { try civicpost(arguments, in: sandbox.root).status }

        #expect(try status(["scan", "clean.txt"]) == 0)
        #expect(try status(["scan", "phone.txt"]) == 1)
        #expect(try status(["scan", "--config", "warn.yml", "phone.txt"]) == 0, "warnings only")
        #expect(try status(["scan", "--config", "warn.yml", "--strict", "phone.txt"]) == 1)
        #expect(try status(["scan", "missing.txt"]) == 2)
        #expect(try status(["scan", "--config", "broken.yml", "clean.txt"]) == 2)
        #expect(try status(["scan", "--config", "missing.yml", "clean.txt"]) == 2)
        #expect(try status(["scan", "--output", "sarif=no/such/folder/r.sarif", "clean.txt"]) == 2)
        #expect(try status(["check", "--all"]) == 2, "no civicpost.yml: cannot check")
        #expect(try status(["scan"]) == 64)
        #expect(try status(["scan", "--format", "xml", "clean.txt"]) == 64)
        #expect(try status(["scan", "--output", "xml=r.xml", "clean.txt"]) == 64)
        #expect(try status(["scan", "--output", "sarif", "clean.txt"]) == 64)
        #expect(try status(["scan", "--output", "json=a.json", "--output", "sarif=a.json", "clean.txt"]) == 64)
        #expect(try status(["check", "--output", "bogus=x", "--all"]) == 64)
        #expect(try status(["scan", "-", "-"]) == 64)
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("r.xml").path))
    }
}
