import CivicGit
import CivicTestSupport
import Foundation
import Testing

/// Tree diffs and path lookups through the tree cache, checked against real git.
@Suite struct TreeWalkTests {
    let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")
    let priya = GitSandbox.Person("Priya Natarajan", "priya.natarajan@milwaukee.gov")

    @Test func changesMatchGitAcrossAddsDeletesAndFoldersThatBecomeFiles() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("a", "file\n")
        try sandbox.write("a.b", "x\n")
        try sandbox.write("b/one.md", "1\n")
        try sandbox.write("b/two.md", "2\n")
        try sandbox.write("c/keep.md", "k\n")
        try sandbox.write("z.md", "z\n")
        let first = try sandbox.commit("first", as: jordan)
        try sandbox.git("rm", "-q", "a", "b/one.md", "b/two.md", "z.md")
        try sandbox.write("a/inside.md", "now a folder\n")
        try sandbox.write("b", "now a file\n")
        try sandbox.write("c/keep.md", "changed\n")
        try sandbox.write("c/new.md", "new\n")
        let second = try sandbox.commit("second", as: jordan)

        let repository = try Repository.discover(from: sandbox.root.path)
        let old = try repository.treeID(ofCommit: try #require(ObjectID(hex: first)))
        let new = try repository.treeID(ofCommit: try #require(ObjectID(hex: second)))
        let changes = try repository.changes(from: old, to: new)
        let expected = try sandbox.git("diff", "--no-renames", "--name-status", first, second)
            .split(separator: "\n").map { line -> String in
                let fields = line.split(separator: "\t")
                return "\(fields[0]) \(fields[1])"
            }
        let letters: [FileChange.Kind: String] = [.added: "A", .modified: "M", .deleted: "D"]
        #expect(changes.map { "\(letters[$0.kind]!) \($0.path)" } == expected)
        // Reading the same trees again (from the cache) gives the same answer.
        #expect(try repository.changes(from: old, to: new) == changes)
        #expect(try repository.changes(from: new, to: old).count == changes.count)
    }

    @Test func fileAtPathFollowsFoldersAndRejectsWhatIsNotAFile() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("content/posts/dpw/2026/a.md", "A\n")
        let head = try sandbox.commit("first", as: jordan)
        let repository = try Repository.discover(from: sandbox.root.path)
        let tree = try repository.treeID(ofCommit: try #require(ObjectID(hex: head)))
        let blob = try sandbox.git("rev-parse", "HEAD:content/posts/dpw/2026/a.md").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repository.file(at: "content/posts/dpw/2026/a.md", inTree: tree)?.blob.hex == blob)
        #expect(try repository.file(at: "content/posts/dpw/2026", inTree: tree) == nil)
        #expect(try repository.file(at: "content/posts/dpw/2026/a.md/x", inTree: tree) == nil)
        #expect(try repository.file(at: "content/missing/a.md", inTree: tree) == nil)
        #expect(try repository.file(at: "content/posts/dpw/2026/", inTree: tree) == nil)
    }

    @Test func aMergedBranchHoldsTheFileItBroughtIn() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("content/posts/dpw/2026/a.md", "A\n")
        try sandbox.write("content/posts/fire/2026/f.md", "F\n")
        try sandbox.commit("first", as: jordan)
        try sandbox.git("checkout", "-q", "-b", "feature")
        try sandbox.write("content/posts/dpw/2026/b.md", "B\n")
        let branch = try sandbox.commit("add b", as: jordan)
        try sandbox.git("checkout", "-q", "main")
        try sandbox.write("content/posts/fire/2026/g.md", "G\n")
        try sandbox.commit("add g", as: priya)
        let merge = try sandbox.merge("feature", as: priya)

        let repository = try Repository.discover(from: sandbox.root.path)
        let mergeTree = try repository.treeID(ofCommit: try #require(ObjectID(hex: merge)))
        let branchTree = try repository.treeID(ofCommit: try #require(ObjectID(hex: branch)))
        let b = try #require(try repository.file(at: "content/posts/dpw/2026/b.md", inTree: mergeTree)).blob
        let g = try #require(try repository.file(at: "content/posts/fire/2026/g.md", inTree: mergeTree)).blob
        // The branch shares the dpw folder with the merge.
        #expect(try repository.hasFile(at: "content/posts/dpw/2026/b.md", blob: b, inTree: branchTree, like: mergeTree))
        // The branch does not have g.md, which only the first parent brought.
        #expect(try !repository.hasFile(at: "content/posts/fire/2026/g.md", blob: g, inTree: branchTree, like: mergeTree))
        // A blob the reference does not hold there is looked up in the tree itself.
        #expect(try !repository.hasFile(at: "content/posts/dpw/2026/b.md", blob: g, inTree: branchTree, like: mergeTree))
        #expect(try repository.hasFile(at: "content/posts/dpw/2026/b.md", blob: b, inTree: branchTree, like: branchTree))
        #expect(try !repository.hasFile(at: "content/posts/dpw/2026", blob: b, inTree: branchTree, like: mergeTree))
    }
}
