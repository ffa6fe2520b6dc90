import CivicGit
import Foundation

/// A content repository on disk: its root folder and, when it is a git repository, the repository.
public struct Workspace {
    /// The folder holding `civicpost.yml`.
    public let root: URL
    /// The git repository, when there is one.
    public let repository: Repository?

    /// Finds the content repository containing `directory`: the git work tree's root, or else
    /// the nearest folder up that holds `civicpost.yml`.
    public static func locate(from directory: URL) throws -> Workspace {
        if let repository = try? Repository.discover(from: directory.path), let workdir = repository.workingDirectory {
            return Workspace(root: URL(fileURLWithPath: workdir).standardizedFileURL, repository: repository)
        }
        var folder = directory.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Settings.configPath).path) {
                return Workspace(root: folder, repository: nil)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { throw WorkflowError.notARepository(directory.path) }
            folder = parent
        }
    }

    /// The git repository, or an error saying the command needs one.
    public func requireRepository(for command: String) throws -> Repository {
        guard let repository else { throw WorkflowError.invalid("\(command) needs a git repository; \(root.path) is not one") }
        return repository
    }

    /// A path given on the command line (relative to `cwd` or absolute) as a path from the root.
    public func relativePath(_ path: String, from cwd: URL) throws -> String {
        let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        let full = absolute.standardizedFileURL.path
        let rootPath = root.path
        guard full.hasPrefix(rootPath + "/") else {
            throw WorkflowError.invalid("\(path) is outside the content repository \(rootPath)")
        }
        return String(full.dropFirst(rootPath.count + 1))
    }
}

/// The git identity a command acts as: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else the
/// repository's `user.name`/`user.email`.
public func authorIdentity(environment: [String: String], repository: Repository?) -> (name: String, email: String)? {
    let email =
        environment["GIT_AUTHOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (try? repository?.configValue("user.email")) ?? nil
    guard let email else { return nil }
    let name =
        environment["GIT_AUTHOR_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (try? repository?.configValue("user.name")) ?? nil
    return (name ?? email, email)
}
