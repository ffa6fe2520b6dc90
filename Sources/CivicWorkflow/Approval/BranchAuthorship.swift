import CivicGit

/// The commits a merge brought in (reachable from its other parents, not from its first),
/// to tell whether the merging reviewer also wrote a change to a file on that branch.
/// Cheap in the common case: the branch is walked once, and file changes are only computed
/// for commits by the merge's own author.
struct BranchAuthorship {
    let repository: Repository
    let commits: [Commit]
    private var touchedByEmail: [String: Set<String>] = [:]

    init(repository: Repository, merge: Commit) throws {
        self.repository = repository
        var collected: [Commit] = []
        for parent in merge.parents.dropFirst() {
            collected += try repository.history(from: parent, hiding: [merge.parents[0]])
        }
        commits = collected
    }

    /// Whether a commit on the branch by one of `emails` changed `path`.
    func authorTouched(_ path: String, email emails: [String]) throws -> Bool {
        let wanted = Set(emails.map { $0.lowercased() })
        for commit in commits where wanted.contains(commit.author.email.lowercased()) {
            let parentTree = try commit.parents.first.map { try repository.commit($0).tree }
            if try repository.changes(from: parentTree, to: commit.tree).contains(where: { $0.path == path }) {
                return true
            }
        }
        return false
    }
}
