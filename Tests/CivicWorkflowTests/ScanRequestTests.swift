import CivicPolicy
import CivicTestSupport
import CivicWorkflow
import Foundation
import Testing

/// `scan`: which files, which rules, which allowlists, and exact spans.
@Suite struct ScanRequestTests {
    let today = Day(year: 2026, month: 11, day: 1)

    /// A scratch folder that is not inside any repository with a `civicpost.yml`.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-scan-\(UUID().uuidString)")

        init(_ files: [String: String]) throws {
            for (path, text) in files { try write(path, Data(text.utf8)) }
        }

        func write(_ path: String, _ data: Data) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    func scan(_ paths: [String], in folder: Folder, config: String? = nil) throws -> CheckReport {
        try ScanRequest(paths: paths, configPath: config, directory: folder.url, today: today).run()
    }

    @Test func runsExactlyThePersonalDataAndContentRules() {
        let ids = ScanRequest.rules.map { type(of: $0).description.id }
        let expected = RuleRegistry.all.map { type(of: $0).description.id }.filter { $0.hasPrefix("pii.") || $0.hasPrefix("content.") }
        #expect(ids == expected)
        #expect(ids.contains("pii.phone") && ids.contains("pii.dob"))
        #expect(ids.contains("content.personal-opinion"))
        #expect(!ids.contains { !$0.hasPrefix("pii.") && !$0.hasPrefix("content.") })
    }

    @Test func findsPersonalDataWithExactSpansAfterWideCharacters() throws {
        let folder = try Folder(["note.txt": "First line\n👋 Call 414-555-2671, é.\n"])
        let report = try scan(["note.txt"], in: folder)
        #expect(report.files == 1)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.rule == "pii.phone" && finding.file == "note.txt")
        #expect((finding.line, finding.column, finding.endLine, finding.endColumn) == (2, 8, 2, 20))
        #expect(finding.excerpt == "👋 Call 414-***-**71, é.")
    }

    @Test func runsNoPostRulesOnPlainFiles() throws {
        // No front matter, a prohibited platform named, a link off site: none of that is scan's business.
        let folder = try Folder(["a.md": "Follow us on TikTok: https://example.com/x\n"])
        let report = try scan(["a.md"], in: folder)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.files == 1)
    }

    @Test func scansFrontMatterAsText() throws {
        let folder = try Folder(["post.md": "---\ntitle: Leaves\nsummary: Call 414-555-2671\n---\nI think it is fine.\n"])
        let report = try scan(["post.md"], in: folder)
        #expect(report.findings.map(\.rule) == ["pii.phone", "content.personal-opinion"])
        #expect(report.findings.map(\.line) == [3, 5])
        #expect((report.findings[1].column, report.findings[1].endColumn) == (1, 8))
    }

    @Test func walksFoldersInNameOrderSkippingHiddenBinaryAndLinkedFiles() throws {
        let folder = try Folder([
            "docs/b.txt": "Call 414-555-2671\n",
            "docs/a/z.md": "Call 414-555-2672\n",
            "docs/.hidden.txt": "Call 414-555-2673\n",
            "docs/.git/HEAD": "Call 414-555-2674\n",
            "docs/clean.txt": "Nothing here\n",
        ])
        try folder.write("docs/image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00] + Array("Call 414-555-2675".utf8)))
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("docs/link.txt").path,
            withDestinationPath: folder.url.appendingPathComponent("docs/b.txt").path)
        let report = try scan(["docs/"], in: folder)
        #expect(report.findings.map(\.file) == ["docs/a/z.md", "docs/b.txt"])
        #expect(report.files == 3)
    }

    @Test func aMissingPathCannotBeScanned() throws {
        let folder = try Folder([:])
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        #expect {
            try scan(["nope.txt"], in: folder)
        } throws: { error in
            "\(error)" == "nope.txt: error: missing file or folder"
        }
    }

    @Test func theConfigurationsAllowlistsAndSeveritiesApply() throws {
        let config = """
            site:
              name: Test
              base_url: https://city.milwaukee.gov/news
              canonical_host: city.milwaukee.gov
            allow:
              phones: ["414-555-2671"]
            rules:
              pii.email: warning
            """
        let folder = try Folder(["settings/city.yml": config, "note.txt": "Call 414-555-2671 or mail dale@gmail.com\n"])
        let without = try scan(["note.txt"], in: folder)
        #expect(without.findings.map(\.rule) == ["pii.phone", "pii.email"])
        #expect(without.errors == 2)
        let with = try scan(["note.txt"], in: folder, config: "settings/city.yml")
        #expect(with.findings.map(\.rule) == ["pii.email"])
        #expect(with.findings.first?.severity == .warning)
        #expect(with.errors == 0 && with.warnings == 1)
    }

    @Test func theRepositorysConfigurationAppliesWithoutTheFlag() throws {
        let folder = try Folder([
            "civicpost.yml": Fixtures.configYAML.replacingOccurrences(of: #"["414-286-CITY", "311"]"#, with: #"["414-555-2671"]"#),
            "drafts/note.txt": "Call 414-555-2671\n",
        ])
        let report = try ScanRequest(paths: ["note.txt"], directory: folder.url.appendingPathComponent("drafts"), today: today).run()
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func aBrokenConfigurationCannotBeScannedWith() throws {
        let folder = try Folder(["bad.yml": "site: [oops\n", "note.txt": "hello\n"])
        #expect {
            try scan(["note.txt"], in: folder, config: "bad.yml")
        } throws: { error in
            "\(error)".hasPrefix("bad.yml:")
        }
        #expect(throws: (any Error).self) { try scan(["note.txt"], in: folder, config: "missing.yml") }
    }
}
