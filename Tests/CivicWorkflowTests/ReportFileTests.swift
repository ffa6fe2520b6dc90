import CivicWorkflow
import Foundation
import Testing

/// `--output FORMAT=PATH`: parsing and the atomic write.
@Suite struct ReportFileTests {
    @Test(arguments: [
        ("sarif=out/civicpost.sarif", ReportFormat.sarif, "out/civicpost.sarif"),
        ("json=a=b.json", .json, "a=b.json"),
        ("github=/tmp/annotations.txt", .github, "/tmp/annotations.txt"),
        ("text=report.txt", .text, "report.txt"),
    ])
    func parses(argument: String, format: ReportFormat, path: String) throws {
        #expect(try ReportFile(argument: argument) == ReportFile(format: format, path: path))
    }

    @Test(arguments: [
        ("sarif", "expected FORMAT=PATH"),
        ("xml=report.xml", "unknown format 'xml' (known: text, json, sarif, github)"),
        ("SARIF=report.sarif", "unknown format 'SARIF'"),
        ("json=", "no path after 'json='"),
        ("=report.json", "unknown format ''"),
    ])
    func rejects(argument: String, reason: String) {
        #expect {
            try ReportFile(argument: argument)
        } throws: { error in
            (error as? ReportFileError)?.reason.hasPrefix(reason) == true
        }
    }

    @Test func writesWholeFilesAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = ReportContext(toolVersion: "0.1.0", colour: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("report.json"))
        try ReportFile(format: .json, path: "report.json").write(ReportFixture.report, context: context, directory: folder)
        try ReportFile(format: .text, path: "report.txt").write(ReportFixture.report, context: context, directory: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["report.json", "report.txt"])
        let json = try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(json == JSONReporter().render(ReportFixture.report))
        let text = try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text == TextReporter(colour: false).render(ReportFixture.report), "files are never coloured")
    }

    @Test func aMissingFolderIsAnError() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-none-\(UUID().uuidString)")
        #expect {
            try ReportFile(format: .sarif, path: "out/report.sarif")
                .write(ReportFixture.report, context: ReportContext(toolVersion: "0.1.0"), directory: folder)
        } throws: { error in
            "\(error)".hasPrefix("out/report.sarif: error: cannot write the sarif report: ")
        }
    }
}
