internal import CGit2
import Foundation

/// An open git repository (`git_repository`). The one owner of its handle.
public final class Repository {
    /// The libgit2 handle. Internal (never public) so the extensions in this module can use it;
    /// no C type leaves the module.
    let handle: OpaquePointer
    /// The in-memory object store of a batch handle (``openBatch(at:)``), owned by the
    /// repository's object database.
    var mempack: UnsafeMutablePointer<git_odb_backend>?
    /// A batch handle's packs, and how to list them again after a flush (the backend's own
    /// `refresh`, which is taken off it: see ``openBatch(at:)``).
    var packs: (UnsafeMutablePointer<git_odb_backend>, (@convention(c) (UnsafeMutablePointer<git_odb_backend>?) -> Int32)?)?
    /// Objects written through a batch handle since its last flush.
    var batchObjects: [ObjectID] = []
    /// Blobs written through a batch handle already compressed (``writeBlob(_:)-PreparedBlob``):
    /// their size and their bytes as the next pack stores them.
    var batchCompressed: [ObjectID: (size: Int, bytes: [UInt8])] = [:]
    /// Trees read recently, by id.
    let trees = TreeCache()

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository containing `path`, searching parent folders (`git_repository_open_ext`).
    public static func discover(from path: String) throws -> Repository {
        _ = libgit2Initialized
        var repository: OpaquePointer?
        try check(git_repository_open_ext(&repository, path, 0, nil))
        return Repository(handle: repository!)
    }

    /// Creates a new repository with a work tree at `path` whose HEAD names `initialBranch`
    /// (`git_repository_init_ext`).
    public static func create(at path: String, initialBranch: String = "main") throws -> Repository {
        _ = libgit2Initialized
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = UInt32(GIT_REPOSITORY_INIT_MKPATH.rawValue)
        var repository: OpaquePointer?
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try check(git_repository_init_ext(&repository, path, &options))
        }
        return Repository(handle: repository!)
    }

    /// The work tree's root, with a trailing `/`; nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The `.git` folder (or the bare repository), with a trailing `/`.
    public var gitDirectory: String {
        String(cString: git_repository_path(handle))
    }

    // MARK: Objects

    /// The commit HEAD points at; nil on an unborn branch.
    public func headCommitID() throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, handle, "HEAD")
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "git_reference_name_to_id(HEAD)")
        return ObjectID(oid)
    }

    /// The branch HEAD names (`refs/heads/...` stripped), even when unborn.
    public func currentBranch() throws -> String? {
        var reference: OpaquePointer?
        let result = git_reference_lookup(&reference, handle, "HEAD")
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result)
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else { return nil }
        let name = String(cString: target)
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst(11)) : name
    }

    /// The commit a revision names (`git_revparse_single`, peeled to a commit).
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), "git_revparse_single(\(revision))")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// The id a reference points at, or nil when there is no such reference.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, handle, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_reference_name_to_id(\(name))")
        return ObjectID(oid)
    }

    /// Reads a commit (`git_commit_lookup`).
    public func commit(_ id: ObjectID) throws -> Commit {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        return makeCommit(commit!)
    }

    func makeCommit(_ commit: OpaquePointer) -> Commit {
        let count = git_commit_parentcount(commit)
        let parents = (0..<count).map { ObjectID(git_commit_parent_id(commit, $0).pointee) }
        return Commit(
            id: ObjectID(git_commit_id(commit).pointee),
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: parents,
            author: Signature(git_commit_author(commit)),
            committer: Signature(git_commit_committer(commit)),
            message: git_commit_message(commit).map { String(cString: $0) } ?? ""
        )
    }

    /// A blob's bytes (`git_blob_lookup`).
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Writes bytes as a blob (`git_blob_create_from_buffer`).
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try bytes.withUnsafeBytes { raw in
            try check(git_blob_create_from_buffer(&oid, handle, raw.baseAddress, raw.count))
        }
        noteBatchObject(ObjectID(oid))
        return ObjectID(oid)
    }

    // MARK: Trees

    /// The file at `path` in a tree, or nil (`git_tree_entry_bypath`). The folders on the way
    /// are read through the tree cache, so looking up many paths (or one path in many
    /// commits that share folders) reads each folder once.
    public func file(at path: String, inTree treeID: ObjectID) throws -> FileEntry? {
        let components = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard !components.contains(where: \.isEmpty) else { return try fileByPath(path, inTree: treeID) }
        var folder = treeID
        for (position, component) in components.enumerated() {
            guard let found = try entry(named: component, inTree: folder) else { return nil }
            if position == components.count - 1 {
                guard found.type == GIT_OBJECT_BLOB else { return nil }
                return FileEntry(path: path, blob: found.id, isExecutable: found.isExecutable)
            }
            guard found.type == GIT_OBJECT_TREE else { return nil }
            folder = found.id
        }
        return nil
    }

    /// Whether the file at `path` in `tree` is the blob `blob` (as ``file(at:inTree:)`` tells),
    /// where `reference` is a tree that may hold that blob there too: from the first folder
    /// on the way that the two trees share, nothing more of `tree` is read. (A merge and its
    /// merged branch share most folders.)
    public func hasFile(at path: String, blob: ObjectID, inTree tree: ObjectID, like reference: ObjectID) throws -> Bool {
        let components = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard !components.contains(where: \.isEmpty) else { return try fileByPath(path, inTree: tree)?.blob == blob }
        // The folders of `reference` on the way to the file, when it holds the blob there.
        var shared: [ObjectID] = [reference]
        for (position, component) in components.enumerated() {
            guard let found = try entry(named: component, inTree: shared[position]) else { break }
            if position == components.count - 1 {
                if found.type != GIT_OBJECT_BLOB || found.id != blob { shared = [] }
                break
            }
            guard found.type == GIT_OBJECT_TREE else { break }
            shared.append(found.id)
        }
        if shared.count != components.count { shared = [] }
        var folder = tree
        for (position, component) in components.enumerated() {
            if position < shared.count, shared[position] == folder { return true }
            guard let found = try entry(named: component, inTree: folder) else { return false }
            if position == components.count - 1 { return found.type == GIT_OBJECT_BLOB && found.id == blob }
            guard found.type == GIT_OBJECT_TREE else { return false }
            folder = found.id
        }
        return false
    }

    /// The entry `name` of the folder `treeID` (`git_tree_entry_byname`), or nil.
    private func entry(
        named name: Substring.UTF8View, inTree treeID: ObjectID
    ) throws -> (type: git_object_t, id: ObjectID, isExecutable: Bool)? {
        try withTree(treeID) { tree in
            guard let entry = git_tree_entry_byname(tree, String(Substring(name))) else { return nil }
            return (
                git_tree_entry_type(entry), ObjectID(git_tree_entry_id(entry).pointee),
                git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE
            )
        }
    }

    /// ``file(at:inTree:)`` for paths with empty components (`a//b`, `/a`, `a/`), which
    /// `git_tree_entry_bypath` rejects or reads as a folder.
    private func fileByPath(_ path: String, inTree treeID: ObjectID) throws -> FileEntry? {
        try withTree(treeID) { tree in
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, tree, path)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try check(result, "file(at:inTree:)")
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            return FileEntry(
                path: path, blob: ObjectID(git_tree_entry_id(entry).pointee),
                isExecutable: git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE)
        }
    }

    /// Every file under the folder `prefix` of a tree (`""` for all), sorted by path.
    public func files(inTree treeID: ObjectID, under prefix: String = "") throws -> [FileEntry] {
        var start = treeID
        var base = ""
        let trimmed = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if !trimmed.isEmpty {
            let found: ObjectID? = try withTree(treeID) { tree in
                var entry: OpaquePointer?
                let result = git_tree_entry_bypath(&entry, tree, trimmed)
                if result == GIT_ENOTFOUND.rawValue { return nil }
                try check(result)
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
                return ObjectID(git_tree_entry_id(entry).pointee)
            }
            guard let found else { return [] }
            start = found
            base = trimmed + "/"
        }
        var out: [FileEntry] = []
        try collectFiles(tree: start, base: base, into: &out)
        return out
    }

    private func collectFiles(tree treeID: ObjectID, base: String, into out: inout [FileEntry]) throws {
        var subtrees: [(String, ObjectID)] = []
        try withTree(treeID) { tree in
            for index in 0..<git_tree_entrycount(tree) {
                let entry = git_tree_entry_byindex(tree, index)
                let name = String(cString: git_tree_entry_name(entry))
                let id = ObjectID(git_tree_entry_id(entry).pointee)
                switch git_tree_entry_type(entry) {
                case GIT_OBJECT_TREE:
                    subtrees.append((base + name + "/", id))
                case GIT_OBJECT_BLOB:
                    out.append(
                        FileEntry(
                            path: base + name, blob: id,
                            isExecutable: git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE))
                default:
                    break  // submodules are not content
                }
            }
        }
        // git sorts "a/" after "a.b" but before "a0"; files come out grouped per folder.
        for (path, id) in subtrees {
            try collectFiles(tree: id, base: path, into: &out)
        }
    }

    /// Calls `body` with the tree `id`, read through the tree cache.
    func withTree<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        let tree = try lookupTree(id)
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    // MARK: Changes

    /// Paths that differ between two trees; a nil tree is empty. Folders whose tree ids are
    /// equal are skipped without being read, so the cost follows the size of the change, not
    /// of the trees (libgit2's tree-to-tree diff reads every entry of both).
    public func changes(from oldTree: ObjectID?, to newTree: ObjectID?) throws -> [FileChange] {
        var out: [FileChange] = []
        try collectChanges(old: oldTree, new: newTree, base: "", into: &out)
        return out.sorted { $0.path < $1.path }
    }

    private func collectChanges(old: ObjectID?, new: ObjectID?, base: String, into out: inout [FileChange]) throws {
        guard old != new else { return }
        let oldTree = try old.map(lookupTree)
        defer { git_tree_free(oldTree) }
        let newTree = try new.map(lookupTree)
        defer { git_tree_free(newTree) }
        // Entries are compared in place; Swift strings are made only for what changed. Both
        // trees are in git's order, so one pass pairs the entries of equal name and kind; an
        // entry left unpaired is looked up by name in the other tree, as for a folder that
        // became a file.
        func kind(_ entry: OpaquePointer?) -> git_object_t { git_tree_entry_type(entry) }
        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        var paired = [Bool](repeating: false, count: oldCount)
        var cursor = 0
        for index in 0..<newCount {
            guard let entry = git_tree_entry_byindex(newTree, index) else { continue }
            var previous: OpaquePointer?
            while cursor < oldCount, let candidate = git_tree_entry_byindex(oldTree, cursor) {
                let order = git_tree_entry_cmp(candidate, entry)
                if order > 0 { break }
                if order == 0 {
                    previous = candidate
                    paired[cursor] = true
                }
                cursor += 1
                if order == 0 { break }
            }
            let type = kind(entry)
            guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { continue }
            let name = git_tree_entry_name(entry)!
            if previous == nil { previous = oldTree.flatMap { git_tree_entry_byname($0, name) } }
            if let previous, kind(previous) == type, git_oid_equal(git_tree_entry_id(previous), git_tree_entry_id(entry)) != 0 { continue }
            let path = base + String(cString: name)
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            let previousType = previous.map(kind)
            let previousID = previous.map { ObjectID(git_tree_entry_id($0).pointee) }
            switch (previousType, type) {
            case (GIT_OBJECT_TREE?, GIT_OBJECT_TREE):
                try collectChanges(old: previousID, new: id, base: path + "/", into: &out)
            case (GIT_OBJECT_BLOB?, GIT_OBJECT_TREE):
                out.append(FileChange(path: path, kind: .deleted, oldBlob: previousID, newBlob: nil))
                try collectChanges(old: nil, new: id, base: path + "/", into: &out)
            case (_, GIT_OBJECT_TREE):
                try collectChanges(old: nil, new: id, base: path + "/", into: &out)
            case (GIT_OBJECT_TREE?, _):
                try collectChanges(old: previousID, new: nil, base: path + "/", into: &out)
                out.append(FileChange(path: path, kind: .added, oldBlob: nil, newBlob: id))
            case (GIT_OBJECT_BLOB?, _):
                out.append(FileChange(path: path, kind: .modified, oldBlob: previousID, newBlob: id))
            default:
                out.append(FileChange(path: path, kind: .added, oldBlob: nil, newBlob: id))
            }
        }
        for index in 0..<oldCount where !paired[index] {
            guard let entry = git_tree_entry_byindex(oldTree, index) else { continue }
            let type = kind(entry)
            guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { continue }
            let name = git_tree_entry_name(entry)!
            if let newTree, git_tree_entry_byname(newTree, name) != nil { continue }
            let path = base + String(cString: name)
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            if type == GIT_OBJECT_TREE {
                try collectChanges(old: id, new: nil, base: path + "/", into: &out)
            } else {
                out.append(FileChange(path: path, kind: .deleted, oldBlob: id, newBlob: nil))
            }
        }
    }

    /// What the index would commit, against HEAD's tree (`git_diff_tree_to_index`).
    public func stagedChanges() throws -> [FileChange] {
        let index = try openIndex()
        defer { git_index_free(index) }
        return try stagedChanges(in: index)
    }

    /// ``stagedChanges()`` for an index already open.
    func stagedChanges(in index: OpaquePointer) throws -> [FileChange] {
        let head = try headCommitID().map { try commit($0).tree }
        let tree = try head.map(lookupTree)
        defer { git_tree_free(tree) }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_index(&diff, handle, tree, index, nil))
        defer { git_diff_free(diff) }
        return fileChanges(of: diff!)
    }

    /// The index, read once, for lookups by path and for what the next commit changes.
    public func stagedIndex() throws -> StagedIndex {
        try StagedIndex(owner: self)
    }

    /// A tree for the caller to free (`git_tree_lookup`, through the tree cache).
    private func lookupTree(_ id: ObjectID) throws -> OpaquePointer {
        try trees.tree(id) { id in
            var oid = id.raw
            var tree: OpaquePointer?
            try check(git_tree_lookup(&tree, handle, &oid))
            return tree!
        }
    }

    /// The repository's index, read from disk, for the caller to free (`git_repository_index`).
    func openIndex() throws -> OpaquePointer {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle))
        try check(git_index_read(index, 0))
        return index!
    }

    private func fileChanges(of diff: OpaquePointer) -> [FileChange] {
        (0..<git_diff_num_deltas(diff)).compactMap { position in
            guard let delta = git_diff_get_delta(diff, position)?.pointee else { return nil }
            let oldID = ObjectID(delta.old_file.id)
            let newID = ObjectID(delta.new_file.id)
            switch delta.status {
            case GIT_DELTA_ADDED:
                return FileChange(path: String(cString: delta.new_file.path), kind: .added, oldBlob: nil, newBlob: newID)
            case GIT_DELTA_DELETED:
                return FileChange(path: String(cString: delta.old_file.path), kind: .deleted, oldBlob: oldID, newBlob: nil)
            case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
                return FileChange(path: String(cString: delta.new_file.path), kind: .modified, oldBlob: oldID, newBlob: newID)
            default:
                return nil
            }
        }
    }
}
