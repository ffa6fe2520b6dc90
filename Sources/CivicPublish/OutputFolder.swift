internal import CFileSync
import Foundation

/// A folder the publisher writes into. Files are staged (written to a temporary file under
/// `.civicpost-tmp/` in the folder, on the same file system) and committed in the order they
/// were staged: one `syncfs` makes all staged bytes durable, then each file is renamed over
/// its target. A reader or a crash sees every file old or new, never half; files whose bytes
/// are unchanged are not rewritten; nothing is ever wiped. Leftover temporary files from a
/// killed run are removed when the folder is opened.
public final class OutputFolder {
    /// The folder's path.
    public let root: URL
    /// Relative paths written (changed or new) by this run.
    public private(set) var written: [String] = []
    /// Relative paths whose bytes were already current.
    public private(set) var unchanged: [String] = []

    private let staging: URL
    private var staged: [(temporary: String, target: URL, path: String)] = []
    private var checkedFolders: Set<String> = []
    private var counter = 0

    /// The hidden folder of temporary files; senders and web servers should ignore it.
    public static let stagingName = ".civicpost-tmp"

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        staging = self.root.appendingPathComponent(Self.stagingName)
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Stages `bytes` for `relativePath` unless the file already holds exactly them.
    /// Throws ``PublishError/unsafePath(_:)`` for a path that could leave the folder.
    public func stage(_ bytes: [UInt8], to relativePath: String) throws {
        let url = try resolve(relativePath)
        if let existing = FileManager.default.contents(atPath: url.path), existing.elementsEqual(bytes) {
            unchanged.append(relativePath)
            return
        }
        counter += 1
        let temporary = staging.appendingPathComponent("\(counter).tmp").path
        try AtomicFile.writeUnsynced(bytes, to: temporary)
        staged.append((temporary, url, relativePath))
    }

    /// Makes every staged file durable with one `syncfs`, then renames each into place in
    /// the order staged.
    public func commit() throws {
        guard !staged.isEmpty else { return }
        let descriptor = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            let synced = civicpost_syncfs(descriptor)
            close(descriptor)
            guard synced == 0 else { throw PublishError.io(path: staging.path, errno: errno) }
        } else {
            throw PublishError.io(path: staging.path, errno: errno)
        }
        for item in staged {
            try FileManager.default.createDirectory(at: item.target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(item.temporary, item.target.path) == 0 else { throw PublishError.io(path: item.target.path, errno: errno) }
            written.append(item.path)
        }
        staged.removeAll(keepingCapacity: true)
    }

    /// Whether a file exists at `relativePath`.
    public func contains(_ relativePath: String) -> Bool {
        guard let url = try? resolve(relativePath) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// The URL for a relative path, refusing `..`, absolute paths, empty segments, the
    /// staging folder and symbolic links on the way (a hostile post cannot write outside).
    func resolve(_ relativePath: String) throws -> URL {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"), segments.first.map({ $0 != Self.stagingName }) ?? false,
            segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.contains("\0") })
        else { throw PublishError.unsafePath(relativePath) }
        var url = root
        var folder = ""
        for segment in segments {
            url.appendPathComponent(String(segment))
            folder += "/" + segment
            if checkedFolders.contains(folder) { continue }
            var info = stat()
            if lstat(url.path, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFLNK { throw PublishError.unsafePath(relativePath) }
                if info.st_mode & S_IFMT == S_IFDIR { checkedFolders.insert(folder) }
            }
        }
        return url
    }
}

/// Writing a file so that readers see the old bytes or the new, never half.
public enum AtomicFile {
    /// Writes through a temporary file in the same folder, fsyncs it, and renames it over `url`.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).tmp"
        try writeUnsynced(bytes, to: temporary)
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw PublishError.io(path: temporary, errno: code)
        }
        close(descriptor)
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw PublishError.io(path: url.path, errno: code)
        }
    }

    /// Writes a whole file, without syncing it.
    static func writeUnsynced(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError.io(path: path, errno: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw PublishError.io(path: path, errno: code)
            }
            offset += count
        }
    }
}

/// Why publishing failed.
public enum PublishError: Error, Equatable, CustomStringConvertible {
    /// A path that would leave the output folder or follow a symbolic link.
    case unsafePath(String)
    /// A system call failed.
    case io(path: String, errno: Int32)
    /// A template could not be parsed.
    case template(TemplateError)

    public var description: String {
        switch self {
        case let .unsafePath(path): "refusing to write '\(path)': it would leave the output folder"
        case let .io(path, code): "\(path): \(String(cString: strerror(code)))"
        case let .template(error): error.description
        }
    }
}
