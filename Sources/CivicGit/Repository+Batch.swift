internal import CGit2

extension Repository {
    /// Opens a second handle on the repository at `path` whose object writes go to memory
    /// (`git_mempack_new`), so that thousands of blobs, trees and commits cost no file each.
    /// Nothing written through it is on disk until ``flushBatch()`` writes one packfile; a
    /// reference must only be moved to a batch object after that.
    public static func openBatch(at path: String) throws -> Repository {
        let repository = try discover(from: path)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.handle))
        defer { git_odb_free(odb) }
        var backend: OpaquePointer?
        try check(git_mempack_new(&backend))
        // The object database owns the backend from here on.
        try check(git_odb_add_backend(odb, backend, 999))
        repository.mempack = backend
        return repository
    }

    /// Writes every object made since the last flush as one packfile under `objects/pack`
    /// (`git_mempack_dump`, `git_indexer`), then empties the memory store.
    public func flushBatch() throws {
        guard let mempack else { return }
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try check(git_mempack_dump(&pack, handle, mempack))
        // An empty pack is a 12-byte header and a 20-byte trailer: nothing was written.
        if pack.size > 32, let data = pack.ptr {
            var options = git_indexer_options()
            try check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)))
            var indexer: OpaquePointer?
            try check(git_indexer_new(&indexer, gitDirectory + "objects/pack", 0, nil, &options))
            defer { git_indexer_free(indexer) }
            var stats = git_indexer_progress()
            try check(git_indexer_append(indexer, data, pack.size, &stats))
            try check(git_indexer_commit(indexer, &stats))
        }
        try check(git_mempack_reset(mempack))
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors (`git_graph_descendant_of`).
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var a = descendant.raw, b = ancestor.raw
        let result = git_graph_descendant_of(handle, &a, &b)
        try check(result)
        return result == 1
    }

    /// The reference's log, newest first: each update's old and new target (`git_reflog_read`).
    public func referenceLog(_ name: String) throws -> [(old: ObjectID, new: ObjectID, message: String)] {
        var log: OpaquePointer?
        try check(git_reflog_read(&log, handle, name))
        defer { git_reflog_free(log) }
        return (0..<git_reflog_entrycount(log)).compactMap { index in
            guard let entry = git_reflog_entry_byindex(log, index) else { return nil }
            return (ObjectID(git_reflog_entry_id_old(entry).pointee), ObjectID(git_reflog_entry_id_new(entry).pointee),
                    git_reflog_entry_message(entry).map { String(cString: $0) } ?? "")
        }
    }
}

/// Builds successive trees from a base tree by adding files, through one in-memory index
/// whose tree cache (`git_index_read_tree`) rewrites only the folders that changed.
public final class TreeEditor {
    private let repository: Repository
    private let index: OpaquePointer

    /// Starts from `base` (nil: an empty tree).
    public init(repository: Repository, base: ObjectID?) throws {
        self.repository = repository
        var index: OpaquePointer?
        try check(git_index_new(&index))
        self.index = index!
        if let base {
            var oid = base.raw
            var tree: OpaquePointer?
            try check(git_tree_lookup(&tree, repository.handle, &oid))
            defer { git_tree_free(tree) }
            try check(git_index_read_tree(self.index, tree))
        }
    }

    deinit {
        git_index_free(index)
    }

    /// Adds or replaces a file (`git_index_add`).
    public func add(_ file: FileEntry) throws {
        var entry = git_index_entry()
        entry.mode = file.isExecutable ? GIT_FILEMODE_BLOB_EXECUTABLE.rawValue : GIT_FILEMODE_BLOB.rawValue
        entry.id = file.blob.raw
        try file.path.withCString { path in
            entry.path = path
            try check(git_index_add(index, &entry))
        }
    }

    /// Whether a file is at `path` (`git_index_get_bypath`).
    public func contains(_ path: String) -> Bool {
        git_index_get_bypath(index, path, 0) != nil
    }

    /// The blob at `path`, if any.
    public func blob(at path: String) -> ObjectID? {
        git_index_get_bypath(index, path, 0).map { ObjectID($0.pointee.id) }
    }

    /// Writes the tree the files describe (`git_index_write_tree_to`).
    public func writeTree() throws -> ObjectID {
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, index, repository.handle))
        return ObjectID(oid)
    }
}
