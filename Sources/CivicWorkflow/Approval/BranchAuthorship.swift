import CivicGit

/// The commits a merge brought in, to tell whether the merging reviewer also wrote a change
/// to a file on that branch. The walker remembers every commit already on the publish
/// branch (the first-parent chain and everything merged so far), so each merge's branch is
/// found by walking back from its other parents only until known commits: every commit of
/// the history is visited once in all. File changes are computed only for commits by the
/// merge's own author.
final class MergeWalker {
    private let repository: Repository
    private var known: Set<ObjectID>

    /// Starts with everything reachable from `base` known.
    init(repository: Repository, base: ObjectID) throws {
        self.repository = repository
        known = Set(try repository.history(from: base, ordered: false).map(\.id))
    }

    /// Records a first-parent commit (and, for a merge, returns what its other parents brought in).
    func advance(to commit: Commit) throws -> BranchAuthorship? {
        defer { known.insert(commit.id) }
        guard commit.isMerge else { return nil }
        var collected: [(id: ObjectID, parents: [ObjectID], authorEmail: String)] = []
        var pending = Array(commit.parents.dropFirst())
        while let next = pending.popLast() {
            guard known.insert(next).inserted else { continue }
            let header = try repository.parentsAndAuthor(of: next)
            collected.append((next, header.parents, header.authorEmail.lowercased()))
            pending += header.parents
        }
        return BranchAuthorship(repository: repository, commits: collected)
    }
}

/// The commits one merge brought in.
struct BranchAuthorship {
    let repository: Repository
    /// Each commit with its parents and lower-cased author email.
    let commits: [(id: ObjectID, parents: [ObjectID], authorEmail: String)]

    /// Whether a commit on the branch by one of `emails` changed `path`.
    func authorTouched(_ path: String, email emails: [String]) throws -> Bool {
        let wanted = Set(emails.map { $0.lowercased() })
        for commit in commits where wanted.contains(commit.authorEmail) {
            let tree = try repository.commit(commit.id).tree
            let parentTree = try commit.parents.first.map { try repository.commit($0).tree }
            if try repository.changes(from: parentTree, to: tree).contains(where: { $0.path == path }) {
                return true
            }
        }
        return false
    }
}
