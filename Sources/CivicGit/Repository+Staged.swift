internal import CGit2

extension Repository {
    /// The index file's path (`git_repository_item_path`); nil when libgit2 cannot say.
    var indexPath: String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_repository_item_path(&buffer, handle, GIT_REPOSITORY_ITEM_INDEX) == 0, let path = buffer.ptr else { return nil }
        return String(cString: path)
    }

    /// Whether `core.ignorecase` is off, as it is unless set: libgit2's index then compares
    /// paths byte for byte. False when the setting cannot be read.
    var comparesPathsWithCase: Bool {
        var config: OpaquePointer?
        guard git_repository_config(&config, handle) == 0 else { return false }
        defer { git_config_free(config) }
        var value: Int32 = 0
        let result = git_config_get_bool(&value, config, "core.ignorecase")
        if result == GIT_ENOTFOUND.rawValue { return true }
        return result == 0 && value == 0
    }

    /// The paths of `index` whose staged file differs from HEAD's, in index order, reading
    /// only HEAD's folders whose cached tree is invalid or differs (without cached trees,
    /// every folder the index holds). Nil when a file's mode alone changed: whether that
    /// counts depends on `core.filemode` and `core.symlinks`, and libgit2's diff decides.
    func changedPaths(in index: IndexFile) throws -> [String]? {
        let head = try headCommitID().map { try commit($0).tree }
        var changed: [Int] = []
        let complete = try collectChanged(
            index, in: 0..<index.count, prefixLength: 0, head: head, cached: index.cachedTree, into: &changed)
        return complete ? changed.map(index.path) : nil
    }

    /// Adds to `changed` the entries in `range`, all under the folder whose path is the first
    /// `prefixLength` bytes of theirs, that differ from the folder `head` of HEAD's tree.
    /// False when libgit2 must decide.
    private func collectChanged(
        _ index: IndexFile, in range: Range<Int>, prefixLength: Int, head: ObjectID?, cached: CachedTree?,
        into changed: inout [Int]
    ) throws -> Bool {
        if let cached, let id = cached.id, id == head { return true }  // nothing under it changed
        guard let head else {
            changed += range
            return true
        }
        return try withTree(head) { tree in
            var position = range.lowerBound
            while position < range.upperBound {
                let rest = UnsafeBufferPointer(rebasing: index.name(position)[prefixLength...])
                guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
                    guard !rest.isEmpty else { return false }
                    let entry = index.withName(position) { git_tree_entry_byname(tree, $0 + prefixLength) }
                    if let entry, git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                        ObjectID(git_tree_entry_id(entry).pointee) == index.object(position)
                    {
                        guard git_tree_entry_filemode_raw(entry).rawValue == index.mode(position) else { return false }
                    } else {
                        changed.append(position)
                    }
                    position += 1
                    continue
                }
                guard slash > 0 else { return false }
                let folderLength = prefixLength + slash + 1
                let end = index.endOfFolder(from: position, prefixLength: folderLength, before: range.upperBound)
                let name = UnsafeBufferPointer(rebasing: rest[..<slash])
                let entry = (Array(name) + [0]).withUnsafeBufferPointer { component in
                    UnsafeRawPointer(component.baseAddress!).withMemoryRebound(to: CChar.self, capacity: component.count) {
                        git_tree_entry_byname(tree, $0)
                    }
                }
                let subtree = entry.flatMap { git_tree_entry_type($0) == GIT_OBJECT_TREE ? ObjectID(git_tree_entry_id($0).pointee) : nil }
                let complete = try collectChanged(
                    index, in: position..<end, prefixLength: folderLength, head: subtree, cached: cached?.child(named: name),
                    into: &changed)
                guard complete else { return false }
                position = end
            }
            return true
        }
    }
}
