import CivicDefaults
import CivicTestSupport
import CivicWorkflow
import Foundation
import Testing

@Suite struct EmbeddedDefaultsTests {
    /// What `init` writes is exactly the top-level sample city: same files, same bytes, same modes.
    @Test func writtenDefaultsEqualTheTopLevelFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-defaults-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Initializer.writeDefaults(into: folder)

        let root = Fixtures.packageRoot
        var expected: [String] = []
        for top in ["civicpost.yml", "content", "templates", "hooks"] {
            let url = root.appendingPathComponent(top)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { expected.append(top); continue }
            let enumerator = try #require(
                FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]))
            for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                expected.append(String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
            }
        }
        #expect(EmbeddedFiles.sampleCity.map(\.path) == expected.sorted())
        #expect(expected.contains("content/roster.yml") && expected.contains("hooks/pre-commit"))
        for path in expected {
            let original = try Data(contentsOf: root.appendingPathComponent(path))
            let written = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(original == written, "\(path) differs")
            let mode = { (url: URL) in
                (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? 0) & 0o111 != 0
            }
            #expect(
                try mode(root.appendingPathComponent(path)) == mode(folder.appendingPathComponent(path)), "\(path) executable bit differs")
        }
    }

    @Test func builtInLexiconsAreTheTopLevelFiles() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(EmbeddedFiles.lexicons.keys.sorted() == names.map { String($0.dropLast(4)) })
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedFiles.lexicons[String(name.dropLast(4))] == text)
        }
    }

    @Test func sampleCityPassesItsOwnCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Initializer.writeDefaults(into: folder)
        let report = try CheckRequest(scope: .all, directory: folder, environment: [:], today: .init(year: 2026, month: 11, day: 27)).run()
        #expect(report.files >= 12)
        #expect(report.findings.isEmpty, "\(TextReporter().render(report))")
        #expect(report.settingsWarnings.isEmpty, "\(report.settingsWarnings)")
    }

    @Test(arguments: [
        ("Leaf collection starts October 14", "leaf-collection-starts-october-14"),
        ("Café hours: Mayor's new holiday schedule!", "cafe-hours-mayors-new-holiday-schedule"),
        ("  ---  ", ""),
        ("Ｆｕｌｌ width", "full-width"),
    ])
    func slugsFromTitles(_ title: String, _ slug: String) {
        #expect(Scaffolder.slug(from: title) == slug)
    }
}
