import CivicGit
import Foundation

/// Where content is read from: the work tree, the index (what a commit will hold) or a
/// commit's tree. Paths are relative to the repository root with `/` separators.
public protocol ContentSource {
    /// The file's bytes, or nil when there is no such file.
    func read(_ path: String) throws -> [UInt8]?
    /// Every file under the folder `prefix`, sorted.
    func files(under prefix: String) throws -> [String]
}

/// Files on disk under a root folder.
public struct WorkingTreeSource: ContentSource {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func read(_ path: String) throws -> [UInt8]? {
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkflowError.unreadable(path: path, reason: "permission denied or unreadable")
        }
        return [UInt8](data)
    }

    public func files(under prefix: String) throws -> [String] {
        try entries(under: prefix).map(\.name)
    }

    /// Every post file, sorted. A post name that is a symbolic link or another kind of entry
    /// is an error (``WorkflowError/unreadable(path:reason:)``), never skipped.
    public func posts() throws -> [String] {
        let base = root.appendingPathComponent(Settings.postsFolder).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        return try DirectoryWalker.regularFiles(name: Settings.postsFolder, absolute: base, refusing: Settings.isPost).map(\.name)
            .filter(Settings.isPost)
    }

    /// Every file under the folder `prefix`, sorted, each with its absolute path.
    func entries(under prefix: String) throws -> [(name: String, absolute: String)] {
        let base = root.appendingPathComponent(prefix).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        return try DirectoryWalker.regularFiles(name: prefix, absolute: base)
    }
}

/// Files of one commit's tree.
public struct TreeSource: ContentSource {
    let repository: Repository
    let tree: ObjectID

    public init(repository: Repository, tree: ObjectID) {
        self.repository = repository
        self.tree = tree
    }

    public func read(_ path: String) throws -> [UInt8]? {
        guard let entry = try repository.file(at: path, inTree: tree) else { return nil }
        return try repository.blob(entry.blob)
    }

    public func files(under prefix: String) throws -> [String] {
        try repository.files(inTree: tree, under: prefix).map(\.path)
    }

    /// The blob of a file, for publishing and records.
    public func blob(of path: String) throws -> ObjectID? {
        try repository.file(at: path, inTree: tree)?.blob
    }
}

/// Files as staged in the index: what the next commit will hold.
public struct IndexSource: ContentSource {
    let repository: Repository
    let index: StagedIndex

    public init(repository: Repository) throws {
        self.init(repository: repository, index: try repository.stagedIndex())
    }

    /// Files of an index already read.
    public init(repository: Repository, index: StagedIndex) {
        self.repository = repository
        self.index = index
    }

    public func read(_ path: String) throws -> [UInt8]? {
        guard let blob = index.blob(at: path) else { return nil }
        return try repository.blob(blob)
    }

    public func files(under prefix: String) throws -> [String] {
        index.paths(under: prefix)
    }
}
