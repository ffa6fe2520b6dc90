import Foundation

/// Lists the regular files under a folder with `opendir`/`readdir` (no per-file `stat` where
/// the file system reports entry types), skipping hidden entries and never following
/// symbolic links; sorted by name at each level.
enum DirectoryWalker {
    /// Regular files under `absolute`, each with its display name (`name` + `/` + the path below).
    static func regularFiles(name: String, absolute: String) throws -> [(name: String, absolute: String)] {
        var out: [(String, String)] = []
        try walk(name: name, absolute: absolute, into: &out)
        return out
    }

    private static func walk(name: String, absolute: String, into out: inout [(String, String)]) throws {
        guard let folder = opendir(absolute) else {
            throw WorkflowError.unreadable(path: name, reason: String(cString: strerror(errno)))
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !entryName.hasPrefix(".") else { continue }
            entries.append((entryName, entry.pointee.d_type))
        }
        closedir(folder)
        entries.sort { $0.name < $1.name }
        let prefix = name.isEmpty || name.hasSuffix("/") ? name : name + "/"
        for entry in entries {
            let path = absolute + "/" + entry.name
            var type = entry.type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    throw WorkflowError.unreadable(path: prefix + entry.name, reason: String(cString: strerror(errno)))
                }
                type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
            }
            if type == UInt8(DT_DIR) {
                try walk(name: prefix + entry.name, absolute: path, into: &out)
            } else if type == UInt8(DT_REG) {
                out.append((prefix + entry.name, path))
            }
        }
    }
}
