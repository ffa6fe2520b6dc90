import CivicGit
import CivicTestSupport
import Foundation
import Testing

@Suite struct RepositoryTests {
    let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")
    let priya = GitSandbox.Person("Priya Natarajan", "priya.natarajan@milwaukee.gov")

    @Test func readsCommitsTreesAndBlobsMadeByRealGit() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("content/posts/dpw/2026/a.md", "A\n")
        let first = try sandbox.commit("first", as: jordan)
        try sandbox.git("checkout", "-q", "-b", "feature")
        try sandbox.write("content/posts/dpw/2026/b.md", "B\n")
        let second = try sandbox.commit("second", as: jordan)
        try sandbox.git("checkout", "-q", "main")
        let merge = try sandbox.merge("feature", as: priya)

        let repository = try Repository.discover(from: sandbox.root.appendingPathComponent("content").path)
        #expect(try repository.headCommitID()?.hex == merge)
        #expect(try repository.currentBranch() == "main")
        let mergeCommit = try repository.commit(try #require(ObjectID(hex: merge)))
        #expect(mergeCommit.isMerge)
        #expect(mergeCommit.parents.map(\.hex) == [first, second])
        #expect(mergeCommit.author.email == "priya.natarajan@milwaukee.gov")
        let files = try repository.files(inTree: mergeCommit.tree, under: "content/posts")
        #expect(files.map(\.path) == ["content/posts/dpw/2026/a.md", "content/posts/dpw/2026/b.md"])
        #expect(try repository.blob(files[1].blob) == Array("B\n".utf8))
        let firstParent = try repository.history(from: mergeCommit.id, firstParentOnly: true).map(\.id.hex)
        #expect(firstParent == [merge, first])
        let changes = try repository.changes(from: repository.commit(ObjectID(hex: first)!).tree, to: mergeCommit.tree)
        #expect(changes.map(\.path) == ["content/posts/dpw/2026/b.md"])
        #expect(changes.first?.kind == .added)
    }

    @Test func stagedChangesComeFromTheIndexNotTheWorkTree() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("a.md", "one\n")
        try sandbox.commit("first", as: jordan)
        try sandbox.write("a.md", "two\n")
        try sandbox.git("add", "a.md")
        try sandbox.write("a.md", "three, not staged\n")
        let repository = try Repository.discover(from: sandbox.root.path)
        let staged = try repository.stagedChanges()
        #expect(staged.count == 1)
        #expect(try repository.blob(try #require(staged.first?.newBlob)) == Array("two\n".utf8))
    }

    @Test func writesTreesAndCommitsWithoutTheWorkTree() throws {
        let sandbox = try GitSandbox()
        let repository = try Repository.discover(from: sandbox.root.path)
        let blob = try repository.writeBlob(Array("record\n".utf8))
        let tree = try repository.tree(nil, placing: [(name: "one.json", blob: blob)], in: "records/2026/")
        let signature = Signature(name: "civicpost", email: "civicpost@localhost", time: Date(timeIntervalSince1970: 1_800_000_000))
        let commit = try repository.createCommit(
            tree: tree, parents: [], author: signature, committer: signature,
            message: "record\n", updating: "refs/heads/records")
        #expect(try sandbox.git("cat-file", "-p", "records:records/2026/one.json") == "record\n")
        #expect(try repository.referenceTarget("refs/heads/records") == commit)
        // Moving a reference checks what it pointed at: a stale expectation fails.
        let second = try repository.createCommit(tree: tree, parents: [commit], author: signature, committer: signature, message: "two\n")
        #expect(throws: GitError.self) {
            try repository.moveReference("refs/heads/records", to: second, from: second, message: "stale")
        }
        #expect(try sandbox.git("status", "--porcelain").isEmpty)
    }

    /// Many small packs (one per publish run) get a multi-pack index once enough are new,
    /// which git itself verifies, and every object still reads through a fresh handle.
    @Test func packsGetAMultiPackIndexOnceEnoughAreNew() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("a.md", "A\n")
        try sandbox.commit("first", as: jordan)
        let batch = try Repository.openBatch(at: sandbox.root.path)
        var blobs: [ObjectID] = []
        func addPack(_ index: Int) throws {
            blobs.append(try batch.writeBlob(Array("record \(index)\n".utf8)))
            try batch.flushBatch()
        }
        for index in 0..<3 { try addPack(index) }
        let packFolder = sandbox.root.appendingPathComponent(".git/objects/pack")
        let index = packFolder.appendingPathComponent("multi-pack-index")
        #expect(try !batch.indexPacks(threshold: 4))
        #expect(!FileManager.default.fileExists(atPath: index.path))
        try addPack(3)
        #expect(try batch.indexPacks(threshold: 4))
        #expect(FileManager.default.fileExists(atPath: index.path))
        // Written now: nothing is newer.
        #expect(try !batch.indexPacks(threshold: 1))
        try sandbox.git("multi-pack-index", "verify")
        try sandbox.git("fsck", "--no-dangling")
        // A pack made after the index is searched on its own, and counts toward the next.
        try addPack(4)
        #expect(try !batch.indexPacks(threshold: 2))
        let fresh = try Repository.discover(from: sandbox.root.path)
        for (number, blob) in blobs.enumerated() {
            #expect(try fresh.blob(blob) == Array("record \(number)\n".utf8))
        }
        #expect(try batch.indexPacks(threshold: 1))
        try sandbox.git("multi-pack-index", "verify")
        #expect(try sandbox.git("count-objects", "-v").contains("packs: 5"))
    }

    /// A batch handle reads what real git wrote loose and what is packed, packs only the
    /// objects the repository did not have, and reads its own objects back after each flush.
    @Test func batchesBuildOnLooseAndPackedObjectsAndPackOnlyNewOnes() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("a.md", "A\n")
        let first = try #require(ObjectID(hex: try sandbox.commit("first", as: jordan)))
        let loose = try sandbox.git("count-objects").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(loose.hasPrefix("3 objects"))  // blob, tree and commit, all loose
        let batch = try Repository.openBatch(at: sandbox.root.path)
        let signature = Signature(name: "civicpost", email: "civicpost@localhost", time: Date(timeIntervalSince1970: 1_800_000_000))

        // On top of the loose commit and tree; "A\n" is the loose blob again. Blobs made ready
        // on another thread carry the ids git gives them, and are packed as they were compressed.
        let again = try batch.writeBlob(Array("A\n".utf8))
        let prepared = try PreparedBlob(Array("B\n".utf8))
        try sandbox.write("untracked-b.txt", "B\n")
        #expect(prepared.id.hex == (try sandbox.git("hash-object", "untracked-b.txt")).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try PreparedBlob([]).id.hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        let new = try batch.writeBlob(prepared)
        let base = try batch.commit(first).tree
        let tree = try batch.tree(base, placing: [(name: "a.md", blob: again), (name: "b.md", blob: new)], in: "records/1/")
        let second = try batch.createCommit(tree: tree, parents: [first], author: signature, committer: signature, message: "second\n")
        try batch.flushBatch()
        try sandbox.git("update-ref", "refs/heads/records", second.hex)
        try sandbox.git("fsck", "--no-dangling")
        // One pack, of the new blob, the three new trees and the commit: nothing loose packed again.
        func id(_ revision: String) throws -> String {
            try sandbox.git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let pack = try #require(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent(".git/objects/pack").path)
                .first { $0.hasSuffix(".idx") })
        let listed = try sandbox.git("verify-pack", "-v", ".git/objects/pack/" + pack)
        let ids = Set(
            listed.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0.count == 40 })
        #expect(ids == [new.hex, tree.hex, second.hex, try id("\(second.hex):records"), try id("\(second.hex):records/1")])

        // The same handle goes on from its packed commit, which is no longer in memory.
        let third = try batch.createCommit(
            tree: try batch.tree(try batch.commit(second).tree, placing: [(name: "c.md", blob: new)], in: "records/2/"),
            parents: [second], author: signature, committer: signature, message: "third\n")
        try batch.flushBatch()
        try sandbox.git("update-ref", "refs/heads/records", third.hex)
        try sandbox.git("fsck", "--no-dangling")
        #expect(try sandbox.git("cat-file", "-p", "records:records/1/b.md") == "B\n")
        #expect(try sandbox.git("cat-file", "-p", "records:records/2/c.md") == "B\n")
    }

    @Test func errorsCarryTheCodeAndMessage() throws {
        let sandbox = try GitSandbox()
        let repository = try Repository.discover(from: sandbox.root.path)
        #expect(try repository.headCommitID() == nil)
        do {
            _ = try repository.resolveCommit("no-such-branch")
            Issue.record("resolving a missing branch succeeded")
        } catch let error as GitError {
            #expect(error.code == .notFound)
            #expect(error.function.contains("git_revparse_single"))
        }
        #expect(throws: GitError.self) { try Repository.discover(from: "/") }
    }
}
