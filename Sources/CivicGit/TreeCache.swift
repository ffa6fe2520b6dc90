internal import CGit2

/// Trees read recently, kept open by id so that a walk over many commits reads each tree
/// once. libgit2's own cache keeps no tree larger than 4 KiB, and a folder of a few dozen
/// posts is larger, so without this a history walk reads and inflates the same large
/// folders again at every commit. Two generations bound it: when the newer one is full the
/// older one is closed, so a tree used in either stays open and at most twice `capacity`
/// trees are held.
final class TreeCache {
    private var newer: [ObjectID: OpaquePointer] = [:]
    private var older: [ObjectID: OpaquePointer] = [:]
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    deinit {
        for tree in newer.values { git_tree_free(tree) }
        for tree in older.values { git_tree_free(tree) }
    }

    /// A new reference to the tree `id` (`git_tree_dup`), read with `load` unless cached;
    /// the caller frees it, so eviction never closes a tree in use.
    func tree(_ id: ObjectID, load: (ObjectID) throws -> OpaquePointer) rethrows -> OpaquePointer {
        let tree: OpaquePointer
        if let found = newer[id] {
            tree = found
        } else {
            if let found = older.removeValue(forKey: id) {
                tree = found
            } else {
                tree = try load(id)
            }
            if newer.count >= capacity {
                for evicted in older.values { git_tree_free(evicted) }
                older = newer
                newer = [:]
                newer.reserveCapacity(capacity)
            }
            newer[id] = tree
        }
        var copy: OpaquePointer?
        git_tree_dup(&copy, tree)
        return copy!
    }
}
