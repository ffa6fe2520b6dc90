internal import CGit2
import Foundation

extension Repository {
    /// Creates a commit from a tree and parents (`git_commit_create`). When `reference` is
    /// given it is moved to the new commit, but only if it still points at `parents.first`
    /// (or does not exist and there are no parents), so concurrent writers cannot lose commits.
    @discardableResult
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
        message: String, updating reference: String? = nil
    ) throws -> ObjectID {
        var treeOID = tree.raw
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, handle, &treeOID))
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var object: OpaquePointer?
            try check(git_commit_lookup(&object, handle, &oid))
            parentObjects.append(object)
        }
        var commitOID = git_oid()
        try author.withGitSignature { authorSignature in
            try committer.withGitSignature { committerSignature in
                try parentObjects.withUnsafeMutableBufferPointer { buffer in
                    try check(
                        git_commit_create(
                            &commitOID, handle, nil, authorSignature, committerSignature,
                            "UTF-8", message, treeObject, parents.count, buffer.baseAddress))
                }
            }
        }
        let id = ObjectID(commitOID)
        noteBatchObject(id)
        if let reference {
            try moveReference(reference, to: id, from: parents.first, message: "commit: \(message.prefix { $0 != "\n" })")
        }
        return id
    }

    /// Points `name` at `target` if it currently points at `expected` (nil: must not exist)
    /// (`git_reference_create_matching`); fails with ``GitError/Code/modified`` otherwise.
    public func moveReference(_ name: String, to target: ObjectID, from expected: ObjectID?, message: String) throws {
        var oid = target.raw
        var reference: OpaquePointer?
        if var old = expected?.raw {
            try check(git_reference_create_matching(&reference, handle, name, &oid, 1, &old, message))
        } else {
            try check(git_reference_create(&reference, handle, name, &oid, 0, message))
        }
        git_reference_free(reference)
    }

    /// Makes HEAD name a branch (`git_repository_set_head`), which may be unborn.
    public func pointHead(at branch: String) throws {
        try check(git_repository_set_head(handle, "refs/heads/" + branch))
    }

    /// Stages every file of the work tree, as `git add -A` does (`git_index_add_all`,
    /// `git_index_update_all`), and returns the tree the index now describes.
    public func stageAll() throws -> ObjectID {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle))
        defer { git_index_free(index) }
        try check(git_index_add_all(index, nil, 0, nil, nil))
        try check(git_index_update_all(index, nil, nil, nil))
        try check(git_index_write(index))
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index))
        return ObjectID(oid)
    }

    /// Makes the index and work tree match a commit's tree (`git_checkout_tree`, forced) and
    /// points HEAD at `branch`.
    public func checkout(_ commitID: ObjectID, branch: String) throws {
        var oid = commitID.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, handle, &oid, GIT_OBJECT_COMMIT))
        defer { git_object_free(object) }
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue
        try check(git_checkout_tree(handle, object, &options))
        try pointHead(at: branch)
    }

    /// The tree of merging `theirs` into `ours` (`git_merge_commits`); throws on conflicts.
    public func mergeTree(ours: ObjectID, theirs: ObjectID) throws -> ObjectID {
        var oursOID = ours.raw, theirsOID = theirs.raw
        var oursCommit: OpaquePointer?, theirsCommit: OpaquePointer?
        try check(git_commit_lookup(&oursCommit, handle, &oursOID))
        defer { git_commit_free(oursCommit) }
        try check(git_commit_lookup(&theirsCommit, handle, &theirsOID))
        defer { git_commit_free(theirsCommit) }
        var index: OpaquePointer?
        try check(git_merge_commits(&index, handle, oursCommit, theirsCommit, nil))
        defer { git_index_free(index) }
        if git_index_has_conflicts(index) != 0 {
            throw GitError(
                code: .init(rawValue: GIT_EMERGECONFLICT.rawValue), function: "git_merge_commits",
                message: "merging \(theirs.short) into \(ours.short) conflicts")
        }
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, index, handle))
        return ObjectID(oid)
    }

    // MARK: Configuration

    /// A configuration value from the repository's layered configuration, or nil.
    public func configValue(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle))
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_string(\(key))")
        return value.map { String(cString: $0) }
    }

    /// Sets a value in the repository's own configuration (`.git/config`).
    public func setConfigValue(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle))
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL))
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value))
    }
}
