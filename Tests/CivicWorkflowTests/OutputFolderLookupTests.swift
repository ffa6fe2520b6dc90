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

    @Test func sharedWorkComputesEachIndexOnceAndInOrder() {
        final class Counts: @unchecked Sendable {
            let lock = NSLock()
            var counts = [Int](repeating: 0, count: 10_000)
            func count(_ index: Int) { lock.withLock { counts[index] += 1 } }
        }
        let counts = Counts()
        let work = SharedWork(count: 10_000, chunk: 7) { index in
            counts.count(index)
            return index * 3
        }
        let helpers = DispatchGroup()
        for _ in 0..<3 { DispatchQueue.global().async(group: helpers) { work.work() } }
        #expect(work.results() == (0..<10_000).map { $0 * 3 })
        helpers.wait()
        #expect(counts.counts.allSatisfy { $0 == 1 })
        #expect(SharedWork(count: 0) { $0 }.results().isEmpty)
    }

    @Test func regularFilesAreToldFromLinksFoldersAndGaps() throws {
        let folder = try Folder()
        _ = try folder.write(Array("page".utf8), to: "dpw/2026/leaf/index.html")
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("feed.json"),
            withDestinationURL: folder.url.appendingPathComponent("dpw/2026/leaf/index.html"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sitemap.xml"), withIntermediateDirectories: true)
        let lookup = OutputFolder.FileLookup(
            ["dpw/2026/leaf/index.html", "feed.json", "sitemap.xml", "gone/index.html", "../outside.html", "dpw//x"],
            in: folder.url)
        // Started on another thread and joined here: every path is looked up once.
        DispatchQueue.global().async { lookup.run() }
        let found = lookup.found()
        #expect(found == ["dpw/2026/leaf/index.html": true, "feed.json": false, "sitemap.xml": false, "gone/index.html": false])
        #expect(OutputFolder.FileLookup(["a"], in: folder.url.appendingPathComponent("no-such-folder")).found().isEmpty)

        // What is learnt answers `contains`; what was not is looked up then.
        let output = try OutputFolder(root: folder.url)
        output.learn(found)
        #expect(output.contains("dpw/2026/leaf/index.html"))
        #expect(!output.contains("feed.json") && !output.contains("sitemap.xml") && !output.contains("gone/index.html"))
        _ = try folder.write(Array("late".utf8), to: "late.html")
        #expect(output.contains("late.html"))
    }
}
