import CivicPublish
import Foundation
import Testing

/// The look-ups a republish leans on to skip work: whether a file already holds the bytes
/// about to be written, and which files the last run wrote are still there.
@Suite struct OutputFolderLookupTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-lookup-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ bytes: [UInt8], to path: String) throws -> String {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            return file.path
        }
    }

    @Test func aFileHoldsExactlyTheBytesOrNot() throws {
        let folder = try Folder()
        // Three and a half chunks of the comparison, so differences fall in different reads.
        let bytes = (0..<(3 << 16) + 1234).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try folder.write(bytes, to: "sitemap.xml")
        #expect(FileReader.file(at: path, holds: bytes))
        for index in [0, 1 << 16, (1 << 16) - 1, bytes.count - 1] {
            var changed = bytes
            changed[index] ^= 0x20
            #expect(!FileReader.file(at: path, holds: changed), "byte \(index)")
        }
        #expect(!FileReader.file(at: path, holds: Array(bytes.dropLast())))
        #expect(!FileReader.file(at: path, holds: bytes + [0]))
        #expect(!FileReader.file(at: folder.url.appendingPathComponent("missing").path, holds: []))
        #expect(!FileReader.file(at: folder.url.path, holds: []), "a folder holds no bytes")
        let empty = try folder.write([], to: "empty.txt")
        #expect(FileReader.file(at: empty, holds: []))
        #expect(!FileReader.file(at: empty, holds: [0]))
    }

    @Test func regularFilesAreToldFromLinksFoldersAndGaps() throws {
        let folder = try Folder()
        _ = try folder.write(Array("page".utf8), to: "dpw/2026/leaf/index.html")
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("feed.json"),
            withDestinationURL: folder.url.appendingPathComponent("dpw/2026/leaf/index.html"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sitemap.xml"), withIntermediateDirectories: true)
        let found = OutputFolder.regularFiles(
            among: ["dpw/2026/leaf/index.html", "feed.json", "sitemap.xml", "gone/index.html", "../outside.html", "dpw//x"],
            in: folder.url)
        #expect(found == ["dpw/2026/leaf/index.html": true, "feed.json": false, "sitemap.xml": false, "gone/index.html": false])
        #expect(OutputFolder.regularFiles(among: ["a"], in: folder.url.appendingPathComponent("no-such-folder")).isEmpty)

        // What is learnt answers `contains`; what was not is looked up then.
        let output = try OutputFolder(root: folder.url)
        output.learn(found)
        #expect(output.contains("dpw/2026/leaf/index.html"))
        #expect(!output.contains("feed.json") && !output.contains("sitemap.xml") && !output.contains("gone/index.html"))
        _ = try folder.write(Array("late".utf8), to: "late.html")
        #expect(output.contains("late.html"))
    }
}
