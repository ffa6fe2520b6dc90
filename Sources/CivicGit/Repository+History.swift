internal import CGit2

extension Repository {
    /// Commits reachable from `tip` but not from `hidden`, newest first in topological order
    /// (`git_revwalk`). With `firstParentOnly` the walk follows first parents only.
    public func history(from tip: ObjectID, hiding hidden: [ObjectID] = [], firstParentOnly: Bool = false) throws -> [Commit] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, handle))
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue))
        if firstParentOnly { try check(git_revwalk_simplify_first_parent(walk)) }
        var tipOID = tip.raw
        try check(git_revwalk_push(walk, &tipOID))
        for id in hidden {
            var oid = id.raw
            try check(git_revwalk_hide(walk, &oid))
        }
        var commits: [Commit] = []
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walk)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result)
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid))
            commits.append(makeCommit(commit!))
            git_commit_free(commit)
        }
        return commits
    }

    /// The best common ancestor of two commits (`git_merge_base`), or nil.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var a = one.raw, b = two.raw, out = git_oid()
        let result = git_merge_base(&out, handle, &a, &b)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result)
        return ObjectID(out)
    }
}

extension Repository {
    /// A commit's signature and the bytes it signs (`git_commit_extract_signature`);
    /// nil when the commit is not signed.
    public func signature(of commitID: ObjectID) throws -> (signature: [UInt8], signedData: [UInt8])? {
        var signature = git_buf()
        var signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        var oid = commitID.raw
        let result = git_commit_extract_signature(&signature, &signed, handle, &oid, nil)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result)
        func bytes(_ buffer: git_buf) -> [UInt8] {
            guard let pointer = buffer.ptr, buffer.size > 0 else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: pointer, count: buffer.size))
        }
        return (bytes(signature), bytes(signed))
    }
}
