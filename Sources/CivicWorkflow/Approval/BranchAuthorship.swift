import CivicGit

/// The commits a merge brought in, to tell whether the merging reviewer also wrote a change
/// to a file on that branch. The walker remembers every commit already on the publish
/// branch (the first-parent chain and everything merged so far), so each merge's branch is
/// found by walking back from its other parents only until known commits: every commit of
/// the history is visited once in all. File changes are computed only for commits by the
/// merge's own author.
final class MergeWalker {
    private let repository: Repository
    /// Every commit on the branch so far; nil when the walk resumed from a checkpoint, and
    /// each merge's branch is found by a revision walk from its other parents hiding its
    /// first (the same commits: what is known at a merge is all its first parent reaches).
    private var known: Set<ObjectID>?

    /// Starts with everything reachable from `base` known.
    init(repository: Repository, base: ObjectID) throws {
        self.repository = repository
        known = Set(try repository.reachableCommitIDs(from: base))
    }

    /// Starts after `tip` without listing what it reaches: for the few commits after a checkpoint.
    init(repository: Repository, resumingAfter tip: ObjectID) {
        self.repository = repository
        known = nil
    }

    /// Records a first-parent commit (and, for a merge, returns what its other parents brought
    /// in). Commits found in `reading` are taken from there instead of being read.
    func advance(
        to commit: Commit, reading: [ObjectID: BranchAuthorship.BranchCommit] = [:]
    ) throws -> BranchAuthorship? {
        defer { known?.insert(commit.id) }
        guard commit.isMerge else { return nil }
        var collected: [BranchAuthorship.BranchCommit] = []
        func collect(_ id: ObjectID) throws -> [ObjectID] {
            let found = try reading[id] ?? BranchAuthorship.BranchCommit(repository: repository, id: id)
            collected.append(found)
            return found.parents
        }
        guard known != nil else {
            let branch = try repository.reachableCommitIDs(from: Array(commit.parents.dropFirst()), hiding: [commit.parents[0]])
            for id in branch { _ = try collect(id) }
            return BranchAuthorship(repository: repository, commits: collected)
        }
        var pending = Array(commit.parents.dropFirst())
        while let next = pending.popLast() {
            guard known!.insert(next).inserted else { continue }
            pending += try collect(next)
        }
        return BranchAuthorship(repository: repository, commits: collected)
    }
}

/// The commits one merge brought in.
struct BranchAuthorship {
    /// A commit on the merged branch.
    struct BranchCommit: Sendable {
        var id: ObjectID
        var tree: ObjectID
        var parents: [ObjectID]
        /// Lower-cased.
        var authorEmail: String

        /// The commit `id`, read from its header.
        init(repository: Repository, id: ObjectID) throws {
            let header = try repository.commitHeader(of: id)
            self.id = id
            tree = header.tree
            parents = header.parents
            authorEmail = header.authorEmail.lowercased()
        }
    }

    let repository: Repository
    let commits: [BranchCommit]

    /// The first author of a commit on the branch that changed `path` for whom `objection`
    /// gives a reason, with it; only commits by such authors are compared with their parents.
    func firstAuthor(touching path: String, objection: (String) -> String?) throws -> (String, String)? {
        var objections: [String: String?] = [:]
        for commit in commits {
            let found = objections[commit.authorEmail] ?? objection(commit.authorEmail)
            objections[commit.authorEmail] = found
            guard let reason = found else { continue }
            let parentTree = try commit.parents.first.map { try repository.treeID(ofCommit: $0) }
            if try repository.changes(from: parentTree, to: commit.tree).contains(where: { $0.path == path }) {
                return (commit.authorEmail, reason)
            }
        }
        return nil
    }

    /// The first commit on the branch that changed `path` and that `refuses`, asked only
    /// about commits that changed it.
    func firstCommit(touching path: String, refusedBy refuses: (BranchCommit) throws -> Bool) throws -> BranchCommit? {
        for commit in commits {
            let parentTree = try commit.parents.first.map { try repository.treeID(ofCommit: $0) }
            guard try repository.changes(from: parentTree, to: commit.tree).contains(where: { $0.path == path }) else { continue }
            if try refuses(commit) { return commit }
        }
        return nil
    }

    /// Whether a commit on the branch by one of `emails` changed `path`.
    func authorTouched(_ path: String, email emails: [String]) throws -> Bool {
        let wanted = Set(emails.map { $0.lowercased() })
        for commit in commits where wanted.contains(commit.authorEmail) {
            let parentTree = try commit.parents.first.map { try repository.treeID(ofCommit: $0) }
            if try repository.changes(from: parentTree, to: commit.tree).contains(where: { $0.path == path }) {
                return true
            }
        }
        return false
    }
}
