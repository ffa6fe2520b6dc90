/// A commit's metadata, read once from libgit2 and kept as a value.
public struct Commit: Hashable, Sendable {
    /// The commit's id.
    public var id: ObjectID
    /// The id of its root tree.
    public var tree: ObjectID
    /// Its parents, first parent first.
    public var parents: [ObjectID]
    /// Who wrote the change.
    public var author: Signature
    /// Who recorded it.
    public var committer: Signature
    /// The full message.
    public var message: String

    /// Whether the commit joins two or more lines of history.
    public var isMerge: Bool { parents.count > 1 }

    /// The first line of the message.
    public var summary: String {
        String(message.prefix { $0 != "\n" })
    }
}

/// A file in a tree or index: its path from the repository root and its blob.
public struct FileEntry: Hashable, Sendable {
    /// Path with `/` separators, relative to the repository root.
    public var path: String
    /// The blob holding the file's bytes.
    public var blob: ObjectID
    /// Whether the entry is an executable file.
    public var isExecutable: Bool

    public init(path: String, blob: ObjectID, isExecutable: Bool = false) {
        self.path = path
        self.blob = blob
        self.isExecutable = isExecutable
    }
}

/// How a path changed between two trees (or a tree and the index).
public struct FileChange: Hashable, Sendable {
    /// What happened to the path.
    public enum Kind: Sendable { case added, modified, deleted }
    /// The path (the new path for renames, which are reported as delete + add).
    public var path: String
    /// What happened.
    public var kind: Kind
    /// The old blob; nil when added.
    public var oldBlob: ObjectID?
    /// The new blob; nil when deleted.
    public var newBlob: ObjectID?
}
