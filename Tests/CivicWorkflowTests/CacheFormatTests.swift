import CivicGit
import CivicPolicy
import CivicPublish
import Foundation
import Testing

@testable import CivicWorkflow

/// The binary caches publish keeps must read back exactly what was written: a reader that
/// failed would not show in any output (the caches are rebuilt), only in time.
@Suite struct CacheFormatTests {
    static let source = """
        ---
        title: Leaf pickup "moves" to Monday — café
        department: dpw
        platforms: [x, bluesky]
        summary: Crews start a day later.
        publish_at: 2026-11-02T09:30:00-06:00
        review_by: 2027-01-15
        media:
          - file: media/dpw/leaf-zones.png
            alt: Map of the leaf pickup zones
        ---
        Crews start a day later. Details at https://city.milwaukee.gov/dpw

        """

    @Test func publishCacheReadsBackWhatItWrote() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = PostSummary(Post.parse(path: "content/posts/dpw/2026/leaf-pickup.md", bytes: Array(Self.source.utf8)))
        #expect(summary.publishAt != nil && summary.reviewBy != nil && !summary.media.isEmpty)
        var cache = PublishCache()
        cache.checkFingerprint = "settings|2026-11-20"
        let blob = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        cache.checked[blob] = .init(summary: summary, errors: 2)
        var render = RenderCache()
        render.keys["dpw/2026/leaf-pickup/index.html"] = "key-1"
        render.keys["sitemap.xml"] = "key-2"
        cache.sites["/srv/site"] = render
        try cache.save(gitDirectory: folder.path)

        let loaded = PublishCache.load(gitDirectory: folder.path)
        #expect(loaded.checkFingerprint == cache.checkFingerprint)
        #expect(loaded.checked[blob]?.summary == summary)
        #expect(loaded.checked[blob]?.errors == 2)
        #expect(loaded.sites == cache.sites)
    }

    @Test func cachesOfManyChunksReadBackWhatWasWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-chunks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Written a chunk (256 KiB) at a time: this is megabytes.
        let base = PostSummary(Post.parse(path: "content/posts/dpw/2026/leaf-pickup.md", bytes: Array(Self.source.utf8)))
        var cache = PublishCache()
        cache.checkFingerprint = "settings|2026-11-20"
        var render = RenderCache()
        for index in 0..<5_000 {
            var summary = base
            summary.title = "Post \(index) " + String(repeating: "é", count: index % 300)
            let hex = String(index, radix: 16)
            let blob = try #require(ObjectID(hex: String(repeating: "0", count: 40 - hex.count) + hex))
            cache.checked[blob] = .init(summary: summary, errors: index % 3)
            render.keys["dpw/2026/post-\(index)/index.html"] = "key-\(index)"
        }
        cache.sites["/srv/site"] = render
        try cache.save(gitDirectory: folder.path)
        let size = try FileManager.default.attributesOfItem(atPath: PublishCache.url(gitDirectory: folder.path).path)[.size] as? Int
        #expect((size ?? 0) > 8 << 18)
        let loaded = PublishCache.load(gitDirectory: folder.path)
        #expect(loaded.checked.count == 5_000)
        for (blob, entry) in loaded.checked {
            #expect(cache.checked[blob]?.summary == entry.summary && cache.checked[blob]?.errors == entry.errors)
        }
        #expect(loaded.sites == cache.sites)

        var state = ArchiveState()
        state.tip = "89abcdef0123456789abcdef0123456789abcdef"
        for index in 0..<40_000 { state.versions.insert(Record.versionKey(path: "p\(index)", blob: "b", action: .publish)) }
        try RecordsArchive.saveCache(state, gitDirectory: folder.path)
        #expect(RecordsArchive.cachedState(gitDirectory: folder.path) == state)
    }

    @Test func dictionariesReadBackWithTheLastOfAKeyWinning() throws {
        var writer = CacheWriter(magic: "test 1\n")
        writer.array([("a", 1), ("b", 2), ("a", 3)]) { writer, pair in
            writer.string(pair.0)
            writer.int(pair.1)
        }
        var reader = try #require(CacheReader(writer.bytes, magic: "test 1\n"))
        let read = try reader.dictionary { (try $0.string(), try $0.int()) }
        #expect(read == ["a": 3, "b": 2])
        #expect(reader.isAtEnd)

        // A count that cannot fit in what is left, or bytes that end early, throw.
        var huge = CacheWriter(magic: "test 1\n")
        huge.int(1 << 40)
        var hugeReader = try #require(CacheReader(huge.bytes, magic: "test 1\n"))
        #expect(throws: CacheReader.Truncated.self) { try hugeReader.dictionary { (try $0.string(), try $0.int()) } }
        var short = try #require(CacheReader(Array(writer.bytes.dropLast()), magic: "test 1\n"))
        #expect(throws: CacheReader.Truncated.self) { try short.dictionary { (try $0.string(), try $0.int()) } }
    }

    @Test func cacheFilesAreMappedWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let file = folder.appendingPathComponent("cache.bin")
        try Data(bytes).write(to: file)
        let mapped = try #require(ReadBytes.map(file.path))
        #expect(mapped.withBytes { Array($0) } == bytes)
        // Replaced by a rename, as caches are: the mapping keeps the old file's bytes.
        let next = folder.appendingPathComponent("next.bin")
        try Data([1, 2, 3]).write(to: next)
        #expect(rename(next.path, file.path) == 0)
        #expect(mapped.withBytes { Array($0) } == bytes)
        #expect(try #require(ReadBytes.map(file.path)).withBytes { Array($0) } == [1, 2, 3])

        let empty = folder.appendingPathComponent("empty.bin")
        try Data().write(to: empty)
        #expect(ReadBytes.map(empty.path) == nil)
        #expect(ReadBytes.map(folder.path) == nil)
        #expect(ReadBytes.map(folder.appendingPathComponent("missing.bin").path) == nil)
    }

    @Test func archiveStateReadsBackWhatItWrote() throws {
        var state = ArchiveState()
        state.tip = "89abcdef0123456789abcdef0123456789abcdef"
        state.sequence = 42
        state.lastHash = String(repeating: "ab", count: 32)
        state.versions.insert(Record.versionKey(path: "content/posts/dpw/2026/a.md", blob: "b1", action: .publish))
        state.versions.insert("not a digest")
        state.queued.formUnion([QueueItem.key(path: "p", blob: "b", platform: "x", action: .create), "other key"])
        state.live["content/posts/dpw/2026/a.md"] = .init(blob: "b1", commit: "c1", platforms: ["x", "bluesky"])
        let loaded = try #require(ArchiveState(encoded: state.encoded()))
        #expect(loaded == state)
        #expect(
            loaded.versions.contains(sha256Of: Record.versionKeyInput(path: "content/posts/dpw/2026/a.md", blob: "b1", action: .publish)))
        #expect(
            !loaded.versions.contains(sha256Of: Record.versionKeyInput(path: "content/posts/dpw/2026/a.md", blob: "b2", action: .publish)))
        // Cut short or of another format: nil, so the state is rebuilt from the records.
        #expect(ArchiveState(encoded: Array(state.encoded().dropLast())) == nil)
        #expect(ArchiveState(encoded: Array("civicpost records state 1\n".utf8)) == nil)
    }
}
