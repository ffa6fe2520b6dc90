import Foundation

/// Files shipped inside the binary, exactly as they stand at the top of the civicpost package:
/// the sample city (`civicpost.yml`, `content/`, `templates/`, `hooks/`) that `init` writes
/// out, and the built-in lexicons (`lexicons/`), which a city extends with files of its own.
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

    /// The sample city: what `civicpost init` writes.
    public static var sampleCity: [File] {
        all.filter { !$0.path.hasPrefix("lexicons/") }
    }

    /// The built-in lexicons, by tag (`profanity` for `lexicons/profanity.txt`).
    public static var lexicons: [String: String] {
        var out: [String: String] = [:]
        for file in files(under: "lexicons/") where file.path.hasSuffix(".txt") {
            out[String(file.path.dropFirst("lexicons/".count).dropLast(4))] = String(decoding: file.contents, as: UTF8.self)
        }
        return out
    }

    /// The embedded files whose path starts with `prefix`.
    public static func files(under prefix: String) -> [File] {
        all.filter { $0.path.hasPrefix(prefix) }
    }
}
