import Foundation
import Testing

@testable import CivicWorkflow

@Suite struct DirectoryWalkerTests {
    /// Folders below the top are walked on several cores; the listing is still sorted by name
    /// at each level, files and folders interleaved as they sort, hidden entries and symbolic
    /// links left out.
    @Test func listsInNameOrderAtEveryLevel() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "b/2026/z.md", "b/2026/a.md", "b/2025/m.md", "a.md", "c.md", "a/x/y/deep.md", "a/top.md", "d/only.md",
            ".hidden/h.md", "b/.h.md",
        ]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("e"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("b/link.md"), withDestinationURL: root.appendingPathComponent("a.md"))
        let listed = try DirectoryWalker.regularFiles(name: "posts", absolute: root.path)
        #expect(
            listed.map(\.name) == [
                "posts/a/top.md", "posts/a/x/y/deep.md", "posts/a.md", "posts/b/2025/m.md", "posts/b/2026/a.md",
                "posts/b/2026/z.md", "posts/c.md", "posts/d/only.md",
            ])
        #expect(listed.allSatisfy { $0.absolute == root.path + "/" + $0.name.dropFirst("posts/".count) })
    }

    @Test func aMissingFolderIsUnreadable() {
        #expect(throws: WorkflowError.self) {
            try DirectoryWalker.regularFiles(name: "posts", absolute: "/nonexistent-\(UUID().uuidString)")
        }
    }
}
