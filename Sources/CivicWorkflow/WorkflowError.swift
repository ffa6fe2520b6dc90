import CivicGit
import CivicPolicy
import CivicPublish

/// Why a command cannot do its work at all (exit code 2). Findings are not errors.
public enum WorkflowError: Error, CustomStringConvertible {
    /// A roster or configuration file that cannot be used.
    case content(ContentError)
    /// A required file is missing.
    case missing(path: String, what: String)
    /// A file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A git operation failed.
    case git(GitError)
    /// Not inside a content repository.
    case notARepository(String)
    /// Publishing failed.
    case publish(PublishError)
    /// The command's input is wrong in a way only the workflow can tell.
    case invalid(String)

    public var description: String {
        switch self {
        case let .content(error): error.description
        case let .missing(path, what): "\(path): error: missing \(what)"
        case let .unreadable(path, reason): "\(path): error: cannot read: \(reason)"
        case let .git(error): "error: git: \(error)"
        case let .notARepository(path): "error: \(path) is not inside a civicpost content repository (no civicpost.yml found)"
        case let .publish(error): "error: \(error)"
        case let .invalid(message): "error: \(message)"
        }
    }
}
