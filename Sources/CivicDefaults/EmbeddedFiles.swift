import Foundation

/// The sample city shipped inside the binary: `civicpost.yml`, `content/`, `templates/`,
/// `hooks/` and `lexicons/` exactly as they stand at the top of the civicpost package.
public enum EmbeddedFiles {
    /// One embedded file.
    public struct File: Sendable, Equatable {
        /// Path relative to the content repository's root, with `/` separators.
        public let path: String
        /// The file's bytes.
        public let contents: [UInt8]
        /// Whether the file is executable (hooks).
        public let isExecutable: Bool
    }

    /// Every embedded file, sorted by path.
    public static let all: [File] = entries.map { entry in
        let executable = entry.path.hasPrefix("x:")
        let path = executable ? String(entry.path.dropFirst(2)) : entry.path
        guard let data = Data(base64Encoded: entry.base64) else {
            preconditionFailure("embedded file \(path) is not valid base64")
        }
        return File(path: path, contents: [UInt8](data), isExecutable: executable)
    }

    /// The embedded file at `path`, if any.
    public static func file(at path: String) -> File? {
        all.first { $0.path == path }
    }

    /// The embedded files whose path starts with `prefix`.
    public static func files(under prefix: String) -> [File] {
        all.filter { $0.path.hasPrefix(prefix) }
    }
}
