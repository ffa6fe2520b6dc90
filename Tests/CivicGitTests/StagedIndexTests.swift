import CivicTestSupport
import Foundation
import Testing

@testable import CivicGit

@Suite struct StagedIndexTests {
    let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")

    /// A committed tree of several folders, then staged: a modified post, a new post in a new
    /// folder, a deleted post and a rename; one folder left alone.
    func stagedSandbox() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        for department in ["dpw", "parks", "police"] {
            for number in 1...3 {
                try sandbox.write("content/posts/\(department)/2026/post-\(number).md", "\(department) \(number)\n")
            }
        }
        try sandbox.write("civicpost.yml", "city: Milwaukee\n")
        try sandbox.write("content/a.b", "sorts before content/posts\n")
        try sandbox.commit("first", as: jordan)
        try sandbox.write("content/posts/dpw/2026/post-1.md", "changed\n")
        try sandbox.write("content/posts/fire/2026/new.md", "new\n")
        try sandbox.git("add", "content/posts/dpw/2026/post-1.md", "content/posts/fire/2026/new.md")
        try sandbox.git("rm", "-q", "content/posts/parks/2026/post-2.md")
        try sandbox.git("mv", "content/posts/parks/2026/post-3.md", "content/posts/parks/2026/renamed.md")
        return sandbox
    }

    func indexPath(_ repository: Repository) throws -> String {
        try #require(repository.indexPath)
    }

    func libgit2ChangedPaths(_ repository: Repository) throws -> [String] {
        try repository.stagedChanges().filter { $0.kind != .deleted }.map(\.path)
    }

    @Test(arguments: [2, 3, 4])
    func readsGitsIndexOfEachVersion(version: Int) throws {
        let sandbox = try stagedSandbox()
        try sandbox.git("update-index", "--index-version", "\(version)")
        let written = try sandbox.git("write-tree").trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try Repository.discover(from: sandbox.root.path)
        let file = try #require(IndexFile.read(at: try indexPath(repository)))
        let listed = try sandbox.git("ls-files", "-s").split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            let meta = fields[0].split(separator: " ")
            return "\(meta[0]) \(meta[1]) \(fields[1])"
        }
        let read = (0..<file.count).map { "\(String(file.mode($0), radix: 8)) \(file.object($0).hex) \(file.path($0))" }
        #expect(read == listed)
        #expect(file.cachedTree?.id?.hex == written)
        #expect(Array("content".utf8).withUnsafeBufferPointer { file.cachedTree?.child(named: $0) } != nil)
    }

    @Test(arguments: [2, 4])
    func changedPathsMatchLibgit2sDiff(version: Int) throws {
        let sandbox = try stagedSandbox()
        try sandbox.git("update-index", "--index-version", "\(version)")
        let repository = try Repository.discover(from: sandbox.root.path)
        let index = try repository.stagedIndex()
        #expect(index.isReadDirectly)
        let expected = [
            "content/posts/dpw/2026/post-1.md", "content/posts/fire/2026/new.md", "content/posts/parks/2026/renamed.md",
        ]
        #expect(try libgit2ChangedPaths(repository) == expected)
        #expect(try index.changedPaths() == expected)
        #expect(index.blob(at: "civicpost.yml") != nil)
        #expect(index.blob(at: "content/posts/parks/2026/post-2.md") == nil)
        #expect(index.paths(under: "content/posts/parks") == ["content/posts/parks/2026/post-1.md", "content/posts/parks/2026/renamed.md"])
    }

    @Test func cachedTreesMatchingHeadMeanNothingChanged() throws {
        let sandbox = try stagedSandbox()
        try sandbox.commit("second", as: jordan)
        let repository = try Repository.discover(from: sandbox.root.path)
        let index = try repository.stagedIndex()
        #expect(index.isReadDirectly)
        #expect(try index.changedPaths().isEmpty)
        // Without cached trees every folder is compared.
        try sandbox.git("read-tree", "HEAD")
        try sandbox.write("content/posts/police/2026/post-3.md", "edited\n")
        try sandbox.git("add", "content/posts/police/2026/post-3.md")
        let again = try repository.stagedIndex()
        #expect(try again.changedPaths() == ["content/posts/police/2026/post-3.md"])
    }

    @Test func unusualIndexesAreReadByLibgit2() throws {
        let sandbox = try stagedSandbox()
        try sandbox.write("content/posts/dpw/2026/intent.md", "intent to add\n")
        try sandbox.git("add", "-N", "content/posts/dpw/2026/intent.md")
        let repository = try Repository.discover(from: sandbox.root.path)
        #expect(IndexFile.read(at: try indexPath(repository)) == nil)
        let index = try repository.stagedIndex()
        #expect(!index.isReadDirectly)
        #expect(try index.changedPaths() == libgit2ChangedPaths(repository))
        #expect(index.blob(at: "civicpost.yml") != nil)

        try sandbox.git("rm", "-q", "--cached", "content/posts/dpw/2026/intent.md")
        try sandbox.git("update-index", "--split-index")
        #expect(IndexFile.read(at: try indexPath(repository)) == nil)
    }

    @Test func aModeOnlyChangeIsLeftToLibgit2() throws {
        let sandbox = try stagedSandbox()
        try sandbox.git("update-index", "--chmod=+x", "content/posts/police/2026/post-1.md")
        let repository = try Repository.discover(from: sandbox.root.path)
        let file = try #require(IndexFile.read(at: try indexPath(repository)))
        #expect(try repository.changedPaths(in: file) == nil)
        let index = try repository.stagedIndex()
        #expect(try index.changedPaths() == libgit2ChangedPaths(repository))
        #expect(try index.changedPaths().contains("content/posts/police/2026/post-1.md"))
    }

    @Test func aCorruptIndexIsLeftToLibgit2() throws {
        let sandbox = try stagedSandbox()
        let repository = try Repository.discover(from: sandbox.root.path)
        let path = try indexPath(repository)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 1] ^= 0xFF  // the checksum
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(IndexFile.read(at: path) == nil)
        #expect(throws: GitError.self) { try repository.stagedIndex() }
    }
}
