import Foundation

/// A folder the publisher writes into. Every file appears atomically (temporary file, fsync,
/// rename), files whose bytes are unchanged are not rewritten, and nothing is ever wiped.
public final class OutputFolder {
    /// The folder's path.
    public let root: URL
    /// Relative paths written (changed or new) by this run.
    public private(set) var written: [String] = []
    /// Relative paths whose bytes were already current.
    public private(set) var unchanged: [String] = []

    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `relativePath` unless the file already holds exactly them.
    /// Throws ``PublishError/unsafePath(_:)`` for a path that could leave the folder.
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        let url = try resolve(relativePath)
        if let existing = FileManager.default.contents(atPath: url.path), existing.elementsEqual(bytes) {
            unchanged.append(relativePath)
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: url)
        written.append(relativePath)
    }

    /// Whether a file exists at `relativePath`.
    public func contains(_ relativePath: String) -> Bool {
        guard let url = try? resolve(relativePath) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// The URL for a relative path, refusing `..`, absolute paths, empty segments and
    /// symbolic links on the way (a hostile post cannot write outside the folder).
    func resolve(_ relativePath: String) throws -> URL {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"),
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.contains("\0") })
        else { throw PublishError.unsafePath(relativePath) }
        var url = root
        for segment in segments {
            url.appendPathComponent(String(segment))
            if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
               attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                throw PublishError.unsafePath(relativePath)
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
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError.io(path: temporary, errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw PublishError.io(path: temporary, errno: code)
            }
            offset += count
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
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
