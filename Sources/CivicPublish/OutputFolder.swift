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

    private let rootPath: String
    private let stagingPath: String
    private var staged: [(temporary: String, target: String, path: String)] = []
    /// Relative folders known to be real folders (no symbolic link on the way), with "".
    private var checkedFolders: Set<Substring> = [""]
    /// What ``contains(_:)`` found, by relative path.
    private var existing: [String: Bool] = [:]
    private var counter = 0

    /// The hidden folder of temporary files; senders and web servers should ignore it.
    public static let stagingName = ".civicpost-tmp"

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
        stagingPath = rootPath + "/" + Self.stagingName
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: stagingPath)
        try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    /// Stages `bytes` for `relativePath` unless the file already holds exactly them.
    /// Throws ``PublishError/unsafePath(_:)`` for a path that could leave the folder.
    public func stage(_ bytes: [UInt8], to relativePath: String) throws {
        let path = try resolve(relativePath)
        if FileReader.file(at: path, holds: bytes) {
            unchanged.append(relativePath)
            return
        }
        counter += 1
        let temporary = stagingPath + "/\(counter).tmp"
        try AtomicFile.writeUnsynced(bytes, to: temporary)
        staged.append((temporary, path, relativePath))
    }

    /// Makes every staged file durable with one `syncfs`, then renames each into place in
    /// the order staged.
    public func commit() throws {
        guard !staged.isEmpty else { return }
        let descriptor = open(stagingPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            let synced = civicpost_syncfs(descriptor)
            close(descriptor)
            guard synced == 0 else { throw PublishError.io(path: stagingPath, errno: errno) }
        } else {
            throw PublishError.io(path: stagingPath, errno: errno)
        }
        for item in staged {
            try makeFolders(for: item.path)
            guard rename(item.temporary, item.target) == 0 else { throw PublishError.io(path: item.target, errno: errno) }
            written.append(item.path)
            existing[item.path] = true
        }
        staged.removeAll(keepingCapacity: true)
    }

    /// Whether a regular file exists at `relativePath`: one `lstat` the first time a run
    /// asks, then remembered (the run's own writes included).
    public func contains(_ relativePath: String) -> Bool {
        if let known = existing[relativePath] { return known }
        guard let path = try? resolve(relativePath, checkingLinks: false) else { return false }
        var info = stat()
        let found = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        existing[relativePath] = found
        return found
    }

    /// Looks up many paths at once, on all cores, for ``contains(_:)`` to answer from (a
    /// ``FileLookup`` run here and now).
    public func prefetch(_ relativePaths: [String]) {
        let lookup = FileLookup(relativePaths.filter { existing[$0] == nil }, in: root)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in lookup.run() }
        learn(lookup.found())
    }

    /// Which of `relativePaths` are regular files in the folder at `root`: for a run that knows
    /// what it wrote last time to check it ahead, started on another core while other work
    /// goes on and joined when the answer is needed (``FileLookup/found()``, which
    /// ``learn(_:)`` takes). Paths not of the plain form are left out, for ``contains(_:)``.
    public final class FileLookup: Sendable {
        private let paths: [String]
        private let work: SharedWork<Bool?>
        private let folder: Int32

        public init(_ relativePaths: [String], in root: URL) {
            let paths = relativePaths
            // Relative to the folder, so the kernel does not walk the folder's own path each time.
            let folder = open(root.standardizedFileURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            self.paths = paths
            self.folder = folder
            work = SharedWork(count: folder >= 0 ? paths.count : 0) { index in
                OutputFolder.isPlainRelativePath(paths[index]) ? OutputFolder.isRegularFile(paths[index], in: folder) : nil
            }
        }

        deinit {
            if folder >= 0 { close(folder) }
        }

        /// Looks up paths until none is left (on the thread that starts the look-up ahead).
        public func run() {
            work.work()
        }

        /// Looks up what is left, waits for the rest, and gives the answer.
        public func found() -> [String: Bool] {
            var found: [String: Bool] = [:]
            found.reserveCapacity(paths.count)
            for (path, isThere) in zip(paths, work.results()) {
                if let isThere { found[path] = isThere }
            }
            return found
        }
    }

    /// Takes what a ``FileLookup`` found, for paths this run has not yet looked up
    /// or written: call it before staging anything.
    public func learn(_ found: [String: Bool]) {
        if existing.isEmpty {
            existing = found
        } else {
            existing.merge(found) { known, _ in known }
        }
    }

    /// Whether a regular file (not a link) is at `relativePath` under the open folder `folder`.
    private static func isRegularFile(_ relativePath: String, in folder: Int32) -> Bool {
        var info = stat()
        return fstatat(folder, relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The absolute path of a file in the folder, nil for a path that could leave it (see
    /// ``stage(_:to:)``): for reading it on another thread.
    public func location(of relativePath: String) -> String? {
        try? resolve(relativePath)
    }

    /// The absolute path for a relative one, refusing `..`, absolute paths, empty segments,
    /// backslashes, NUL, the staging folder and symbolic links on the way (a hostile post
    /// cannot write outside). Without `checkingLinks`, only the path's form is checked.
    func resolve(_ relativePath: String, checkingLinks: Bool = true) throws -> String {
        if !checkingLinks, Self.isPlainRelativePath(relativePath) { return rootPath + "/" + relativePath }
        let utf8 = relativePath.utf8
        guard !utf8.isEmpty, utf8.first != UInt8(ascii: "/"), !utf8.contains(UInt8(ascii: "\\")), !utf8.contains(0) else {
            throw PublishError.unsafePath(relativePath)
        }
        var start = relativePath.startIndex
        var first = true
        while true {
            let end = relativePath[start...].firstIndex(of: "/") ?? relativePath.endIndex
            let segment = relativePath[start..<end]
            guard !segment.isEmpty, segment != ".", segment != "..", !(first && segment == Self.stagingName) else {
                throw PublishError.unsafePath(relativePath)
            }
            let prefix = relativePath[..<end]
            if checkingLinks, !checkedFolders.contains(prefix) {
                var info = stat()
                if lstat(rootPath + "/" + prefix, &info) == 0 {
                    if info.st_mode & S_IFMT == S_IFLNK { throw PublishError.unsafePath(relativePath) }
                    if info.st_mode & S_IFMT == S_IFDIR { checkedFolders.insert(prefix) }
                }
            }
            guard end < relativePath.endIndex else { break }
            start = relativePath.index(after: end)
            first = false
        }
        return rootPath + "/" + relativePath
    }

    /// Whether a path is certainly safe by its form, in one pass over its bytes: segments of
    /// letters, digits, `-`, `_` and `.` (not starting with a dot, so no `.`, `..` or staging
    /// folder), separated by single slashes. Anything else takes the full check.
    static func isPlainRelativePath(_ path: String) -> Bool {
        var atSegmentStart = true
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if atSegmentStart { return false }
                atSegmentStart = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                atSegmentStart = false
            case UInt8(ascii: "."):
                if atSegmentStart { return false }
            default:
                return false
            }
        }
        return !atSegmentStart
    }

    /// Creates the folders above a relative file path that are not there yet.
    private func makeFolders(for relativePath: String) throws {
        guard let slash = relativePath.lastIndex(of: "/") else { return }
        let folder = relativePath[..<slash]
        if checkedFolders.contains(folder) { return }
        var end = folder.startIndex
        while end < folder.endIndex {
            end = folder[folder.index(after: end)...].firstIndex(of: "/") ?? folder.endIndex
            let prefix = folder[..<end]
            if checkedFolders.contains(prefix) { continue }
            let path = rootPath + "/" + prefix
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw PublishError.io(path: path, errno: errno) }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw PublishError.unsafePath(relativePath) }
            checkedFolders.insert(prefix)
        }
    }
}

/// Writing a file so that readers see the old bytes or the new, never half.
public enum AtomicFile {
    /// Writes through a temporary file in the same folder, fsyncs it, and renames it over `url`.
    /// Without `durable`, skips the fsync: for caches, which a crash may leave old or empty
    /// (their readers check them and rebuild), never half-written under the new name.
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws {
        try write(to: url, durable: durable) { descriptor in
            try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: url.path) }
        }
    }

    /// ``write(_:to:durable:)`` with the bytes written by `contents` into the open temporary
    /// file, as they are made (a cache of megabytes never held whole).
    public static func write(to url: URL, durable: Bool = true, contents: (Int32) throws -> Void) throws {
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError.io(path: temporary, errno: errno) }
        do {
            try contents(descriptor)
            if durable, fsync(descriptor) != 0 { throw PublishError.io(path: temporary, errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
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
        do {
            try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Writes all of `bytes` to `descriptor` (`path` names it in an error).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw PublishError.io(path: path, errno: errno)
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
