internal import CGit2

extension Repository {
    /// Commits reachable from `tip` but not from `hidden` (`git_revwalk`), newest first in
    /// topological order, or, with `ordered: false`, in the order found (much cheaper: a
    /// topological sort must see the whole history first). With `firstParentOnly` the walk
    /// follows first parents only.
    public func history(
        from tip: ObjectID, hiding hidden: [ObjectID] = [], firstParentOnly: Bool = false,
        ordered: Bool = true
    ) throws -> [Commit] {
        var commits: [Commit] = []
        try revisionWalk(
            from: [tip], hiding: hidden, firstParentOnly: firstParentOnly,
            sorting: ordered ? GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue : GIT_SORT_NONE.rawValue
        ) { oid in
            var oid = oid
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid))
            commits.append(makeCommit(commit!))
            git_commit_free(commit)
        }
        return commits
    }

    /// The first-parent chain from `tip` back to, not including, `stop` (newest first); nil
    /// when `stop` is not on it.
    public func firstParentChain(from tip: ObjectID, stoppingAt stop: ObjectID) throws -> [Commit]? {
        var chain: [Commit] = []
        var next: ObjectID? = tip
        while let id = next {
            if id == stop { return chain }
            let commit = try self.commit(id)
            chain.append(commit)
            next = commit.parents.first
        }
        return nil
    }

    /// The first-parent chain from `tip` back to the root, newest first, read by following
    /// first parents (no revision walk, no sorting).
    public func firstParentChain(from tip: ObjectID) throws -> [Commit] {
        var chain: [Commit] = []
        var next: ObjectID? = tip
        while let id = next {
            let commit = try self.commit(id)
            chain.append(commit)
            next = commit.parents.first
        }
        return chain
    }

    /// The ids of the commits reachable from `tip`, in the order found (`git_revwalk`, no
    /// sorting): cheaper than ``history(from:hiding:firstParentOnly:ordered:)`` when only the
    /// ids are needed, as no commit is read twice.
    public func reachableCommitIDs(from tip: ObjectID) throws -> [ObjectID] {
        try reachableCommitIDs(from: [tip], hiding: [])
    }

    /// The ids of the commits reachable from any of `tips` and from none of `hidden` (`git log
    /// tips ^hidden`), in the order found.
    public func reachableCommitIDs(from tips: [ObjectID], hiding hidden: [ObjectID]) throws -> [ObjectID] {
        var ids: [ObjectID] = []
        try revisionWalk(from: tips, hiding: hidden, firstParentOnly: false, sorting: GIT_SORT_NONE.rawValue) { ids.append(ObjectID($0)) }
        return ids
    }

    /// Calls `visit` with each commit a `git_revwalk` from `tips`, hiding `hidden`, yields.
    private func revisionWalk(
        from tips: [ObjectID], hiding hidden: [ObjectID], firstParentOnly: Bool, sorting: UInt32,
        _ visit: (git_oid) throws -> Void
    ) throws {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, handle))
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, sorting))
        if firstParentOnly { try check(git_revwalk_simplify_first_parent(walk)) }
        for tip in tips {
            var oid = tip.raw
            try check(git_revwalk_push(walk, &oid))
        }
        for id in hidden {
            var oid = id.raw
            try check(git_revwalk_hide(walk, &oid))
        }
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walk)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result)
            try visit(oid)
        }
    }

    /// A commit's parents, tree and author email only: cheaper than ``commit(_:)`` for walks.
    public func commitHeader(of id: ObjectID) throws -> (parents: [ObjectID], tree: ObjectID, authorEmail: String) {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        let count = git_commit_parentcount(commit)
        let parents = (0..<count).map { ObjectID(git_commit_parent_id(commit, $0).pointee) }
        let email = git_commit_author(commit).pointee.email.map { String(cString: $0) } ?? ""
        return (parents, ObjectID(git_commit_tree_id(commit).pointee), email)
    }

    /// The id of a commit's root tree only: cheaper than ``commit(_:)`` when that is all a
    /// walk needs.
    public func treeID(ofCommit id: ObjectID) throws -> ObjectID {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_tree_id(commit).pointee)
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
