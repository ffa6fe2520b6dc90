import CivicDefaults
import CivicGit
import Foundation

/// `civicpost init DIR`: a new git repository holding the embedded sample city as its root
/// commit (the adoption baseline), with the pre-commit hook installed.
public struct Initializer {
    public var folder: URL
    /// Who the root commit is by.
    public var author: Signature

    public init(folder: URL, author: Signature) {
        self.folder = folder
        self.author = author
    }

    /// Writes the files, commits them, and installs the hooks; returns the root commit.
    @discardableResult
    public func run() throws -> ObjectID {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw WorkflowError.invalid("\(folder.path) is not empty; civicpost init writes only into a new or empty folder")
        }
        do {
            let repository = try Repository.create(at: folder.path, initialBranch: "main")
            try Self.writeDefaults(into: folder)
            let tree = try repository.stageAll()
            let commit = try repository.createCommit(
                tree: tree, parents: [], author: author, committer: author,
                message:
                    "Adopt civicpost: sample city content\n\nThis root commit is the approval baseline: what it holds counts as approved.\n",
                updating: "refs/heads/main")
            try HookInstaller(repository: repository).install()
            return commit
        } catch let error as GitError {
            throw WorkflowError.git(error)
        }
    }

    /// Writes the sample city under `folder`, keeping the executable bit of hooks.
    public static func writeDefaults(into folder: URL) throws {
        for file in EmbeddedFiles.sampleCity {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: file.isExecutable ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
    }
}

/// `civicpost hooks install`: points git at the repository's `hooks/` folder, keeping a
/// pre-existing pre-commit hook chained so that it still runs.
public struct HookInstaller {
    let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// What installing did.
    public enum Outcome: Equatable, Sendable {
        case installed
        case alreadyInstalled
        /// An existing hook was moved to `hooks/pre-commit.local`, which the civicpost hook runs first.
        case chained(previous: String)
    }

    @discardableResult
    public func install() throws -> Outcome {
        guard let workdir = repository.workingDirectory else {
            throw WorkflowError.invalid("hooks install needs a repository with a work tree")
        }
        if try repository.configValue("core.hooksPath") == "hooks" { return .alreadyInstalled }
        let hooks = URL(fileURLWithPath: workdir).appendingPathComponent("hooks")
        guard FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit").path) else {
            throw WorkflowError.missing(
                path: "hooks/pre-commit", what: "hook (run `civicpost init` or copy it from the civicpost sample city)")
        }
        var outcome = Outcome.installed
        // A hook git ran before (in .git/hooks or an earlier hooksPath) keeps running, first.
        let previousFolder =
            try repository.configValue("core.hooksPath")
            .map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : URL(fileURLWithPath: workdir).appendingPathComponent($0) }
            ?? URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("hooks")
        let previous = previousFolder.appendingPathComponent("pre-commit")
        let local = hooks.appendingPathComponent("pre-commit.local")
        if FileManager.default.isExecutableFile(atPath: previous.path),
            previous.standardizedFileURL != hooks.appendingPathComponent("pre-commit").standardizedFileURL
        {
            if FileManager.default.fileExists(atPath: local.path) { try FileManager.default.removeItem(at: local) }
            try FileManager.default.copyItem(at: previous, to: local)
            outcome = .chained(previous: previous.path)
        }
        try repository.setConfigValue("core.hooksPath", "hooks")
        return outcome
    }
}
