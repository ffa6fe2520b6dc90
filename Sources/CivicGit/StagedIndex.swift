internal import CGit2

/// The index (staging area) as read once: lookups by path and by folder, and the paths the
/// next commit adds or changes.
///
/// A usual index is read directly (``IndexFile``), so that its cached trees spare reading
/// the folders of HEAD that the commit leaves alone, as `git status` does; anything else
/// goes through libgit2 (`git_repository_index`, `git_index_get_bypath`,
/// `git_index_find_prefix`, `git_diff_tree_to_index`), which also owns every error.
public final class StagedIndex {
    private let file: IndexFile?
    /// libgit2's index, when the file is not read directly or libgit2's diff is needed.
    private var handle: OpaquePointer?
    private let owner: Repository

    init(owner: Repository) throws {
        self.owner = owner
        // libgit2 compares paths without case under `core.ignorecase`; the direct reader
        // compares bytes, so it stays out then.
        file = owner.comparesPathsWithCase ? owner.indexPath.flatMap(IndexFile.read(at:)) : nil
        if file == nil { handle = try owner.openIndex() }
    }

    deinit {
        if let handle { git_index_free(handle) }
    }

    /// Whether the index file was read directly rather than through libgit2 (for tests).
    var isReadDirectly: Bool { file != nil }

    /// The staged blob at `path`, if any.
    public func blob(at path: String) -> ObjectID? {
        if let file {
            let found = file.position(of: Array(path.utf8))
            return found.found ? file.object(found.index) : nil
        }
        return git_index_get_bypath(handle, path, 0).map { ObjectID($0.pointee.id) }
    }

    /// Staged paths under the folder `prefix`, sorted.
    public func paths(under prefix: String) -> [String] {
        let folder = prefix.hasSuffix("/") ? prefix : prefix + "/"
        var out: [String] = []
        if let file {
            var position = file.position(of: Array(folder.utf8)).index
            while position < file.count {
                let path = file.path(position)
                guard path.hasPrefix(folder) else { break }
                out.append(path)
                position += 1
            }
            return out
        }
        var position = 0
        guard git_index_find_prefix(&position, handle, folder) == 0 else { return [] }
        let count = git_index_entrycount(handle)
        while position < count, let entry = git_index_get_byindex(handle, position) {
            let path = String(cString: entry.pointee.path)
            guard path.hasPrefix(folder) else { break }
            out.append(path)
            position += 1
        }
        return out
    }

    /// The paths whose staged file differs from HEAD's (added, modified, renamed to, or
    /// changed in type), in index order; deleted paths are not listed. As
    /// `git_diff_tree_to_index` without rename detection reports them.
    public func changedPaths() throws -> [String] {
        if let file, let paths = try owner.changedPaths(in: file) { return paths }
        if handle == nil { handle = try owner.openIndex() }
        return try owner.stagedChanges(in: handle!).filter { $0.kind != .deleted }.map(\.path)
    }
}
