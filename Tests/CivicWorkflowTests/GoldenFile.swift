import Foundation
import Testing

/// Golden files under `Tests/CivicWorkflowTests/Golden/`: a test compares its output with the
/// file byte for byte. `CIVICPOST_RECORD=1` rewrites the files instead (and the test still
/// fails, so a recording run is never mistaken for a passing one). A missing golden fails.
enum GoldenFile {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CIVICPOST_RECORD"] == "1"
    }

    /// Expects `actual` to equal the golden file `name`.
    static func assertMatches(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("recorded \(url.path); run again without CIVICPOST_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(url.path); record it with CIVICPOST_RECORD=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let firstDifference = zip(
                expected.split(separator: "\n", omittingEmptySubsequences: false),
                actual.split(separator: "\n", omittingEmptySubsequences: false)
            )
            .enumerated().first { $0.element.0 != $0.element.1 }
            let detail =
                firstDifference.map { "line \($0.offset + 1):\n  golden: \($0.element.0)\n  actual: \($0.element.1)" }
                ?? "the golden has \(expected.count) characters, the output \(actual.count)"
            Issue.record(
                "output differs from \(name) (re-record with CIVICPOST_RECORD=1 if the change is intended); \(detail)",
                sourceLocation: sourceLocation)
        }
    }
}
