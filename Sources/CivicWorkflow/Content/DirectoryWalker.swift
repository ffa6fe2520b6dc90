import CivicPublish
import Foundation

/// Lists the regular files under a folder with `opendir`/`readdir` (no per-file `stat` where
/// the file system reports entry types), skipping hidden entries and never following
/// symbolic links; sorted by name at each level.
enum DirectoryWalker {
    /// Regular files under `absolute`, each with its display name (`name` + `/` + the path below).
    /// The folders right below `absolute` (one per department in the posts folder) are walked
    /// on all cores and joined in order; the first failure in that order is thrown, as a walk
    /// on one core would.
    /// An entry that is neither a regular file nor a folder (a symbolic link, a device) and
    /// whose name `refusing` accepts fails the walk: a check must not pass over a post it
    /// cannot read as a file.
    static func regularFiles(
        name: String, absolute: String, refusing: (@Sendable (String) -> Bool)? = nil
    ) throws -> [(name: String, absolute: String)] {
        let top: [Entry]
        switch list(name: name, absolute: absolute, refusing: refusing) {
        case let .success(entries): top = entries
        case let .failure(failure): throw failure.error
        }
        let folders = top.compactMap { entry -> (name: String, absolute: String)? in
            if case let .folder(name, absolute) = entry { return (name, absolute) }
            return nil
        }
        let below = parallelMap(count: folders.count, batch: 1) { index in
            var files: [(name: String, absolute: String)] = []
            return walk(name: folders[index].name, absolute: folders[index].absolute, refusing: refusing, into: &files).map { files }
        }
        var out: [(name: String, absolute: String)] = []
        var folder = 0
        for entry in top {
            switch entry {
            case let .file(name, absolute):
                out.append((name, absolute))
            case .folder:
                switch below[folder] {
                case let .success(files): out += files
                case let .failure(failure): throw failure.error
                }
                folder += 1
            case let .failed(failure):
                throw failure.error
            }
        }
        return out
    }

    /// Why an entry could not be listed.
    struct Failure: Error {
        var path: String
        var reason: String

        var error: WorkflowError { .unreadable(path: path, reason: reason) }
    }

    /// A regular file, a folder, or an entry whose type could not be found, in name order.
    private enum Entry {
        case file(name: String, absolute: String)
        case folder(name: String, absolute: String)
        case failed(Failure)
    }

    /// Appends the files under `absolute` in order; stops at the first failure.
    private static func walk(
        name: String, absolute: String, refusing: (@Sendable (String) -> Bool)?, into out: inout [(name: String, absolute: String)]
    ) -> Result<Void, Failure> {
        switch list(name: name, absolute: absolute, refusing: refusing) {
        case let .failure(failure):
            return .failure(failure)
        case let .success(entries):
            for entry in entries {
                switch entry {
                case let .file(name, absolute):
                    out.append((name, absolute))
                case let .folder(name, absolute):
                    if case let .failure(failure) = walk(name: name, absolute: absolute, refusing: refusing, into: &out) {
                        return .failure(failure)
                    }
                case let .failed(failure):
                    return .failure(failure)
                }
            }
            return .success(())
        }
    }

    /// The regular files and folders in one folder, sorted by name.
    private static func list(name: String, absolute: String, refusing: (@Sendable (String) -> Bool)?) -> Result<[Entry], Failure> {
        guard let folder = opendir(absolute) else {
            return .failure(Failure(path: name, reason: String(cString: strerror(errno))))
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
        var out: [Entry] = []
        out.reserveCapacity(entries.count)
        for entry in entries {
            let path = absolute + "/" + entry.name
            var type = entry.type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    out.append(.failed(Failure(path: prefix + entry.name, reason: String(cString: strerror(errno)))))
                    continue
                }
                type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
            }
            if type == UInt8(DT_DIR) {
                out.append(.folder(name: prefix + entry.name, absolute: path))
            } else if type == UInt8(DT_REG) {
                out.append(.file(name: prefix + entry.name, absolute: path))
            } else if let refusing, refusing(prefix + entry.name) {
                let what = type == UInt8(DT_LNK) ? "a symbolic link" : "not a regular file"
                out.append(.failed(Failure(path: prefix + entry.name, reason: "\(what); posts must be plain files")))
            }
        }
        return .success(out)
    }
}
