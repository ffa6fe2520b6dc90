import CivicGit
import CivicPolicy
import CivicPublish
import Foundation

/// Which files a check covers.
public enum CheckScope: Sendable, Equatable {
    /// Every post in the work tree.
    case all
    /// The named files (or folders) in the work tree.
    case paths([String])
    /// The posts the next commit adds or changes, as staged in the index; only the named
    /// paths when there are any (the pre-commit framework passes them).
    case staged(paths: [String])
    /// Every version of every post written by the commits in `BASE..HEAD`, each checked as
    /// the work of the author of the commit that wrote it.
    case range(String)
}

/// Everything a check needs from the command line and the process.
public struct CheckRequest {
    public var scope: CheckScope
    /// The folder the command runs in.
    public var directory: URL
    public var environment: [String: String]
    public var today: Day

    public init(scope: CheckScope, directory: URL, environment: [String: String], today: Day) {
        self.scope = scope
        self.directory = directory
        self.environment = environment
        self.today = today
    }

    /// Runs the check. Throws only when it cannot check at all (exit 2).
    public func run() throws -> CheckReport {
        try run(in: try Workspace.locate(from: directory))
    }

    /// Runs the check in a workspace already located from ``directory``.
    public func run(in workspace: Workspace) throws -> CheckReport {
        switch scope {
        case .all:
            let source = WorkingTreeSource(root: workspace.root)
            let (settings, files) = try Self.loadSettingsAndListPosts(from: source)
            return Checker(settings: settings, today: today).check(try Self.read(files, in: workspace.root))
        case let .paths(given):
            let source = WorkingTreeSource(root: workspace.root)
            let settings = try Settings.load(from: source)
            var paths: [String] = []
            for path in given {
                let relative = try workspace.relativePath(path, from: directory)
                let folder = try source.files(under: relative)
                if folder.isEmpty {
                    guard try source.read(relative) != nil else {
                        throw WorkflowError.missing(path: relative, what: "file")
                    }
                    paths.append(relative)
                } else {
                    paths += folder.filter { $0.hasSuffix(".md") }
                }
            }
            return Checker(settings: settings, today: today).check(try inputs(paths, from: source))
        case let .staged(given):
            let repository = try workspace.requireRepository(for: "check --staged")
            let index = try repository.stagedIndex()
            let source = IndexSource(repository: repository, index: index)
            let settings = try Settings.load(from: source)
            let author =
                authorIdentity(environment: environment, repository: repository).map { Identity(name: $0.name, email: $0.email) }
                ?? Identity(name: "unknown", email: "(no user.email configured)")
            let only = try Set(given.map { try workspace.relativePath($0, from: directory) })
            let changed = try index.changedPaths().filter { Settings.isPost($0) && (only.isEmpty || only.contains($0)) }
            return Checker(settings: settings, today: today).check(try inputs(changed, from: source, author: author))
        case let .range(spec):
            let repository = try workspace.requireRepository(for: "check --range")
            return try RangeCheck(repository: repository, spec: spec, today: today).run()
        }
    }

    /// The settings and the post files, the posts folder listed on another core while the
    /// settings load. A settings failure is thrown first, as when the two ran in turn.
    private static func loadSettingsAndListPosts(
        from source: WorkingTreeSource
    ) throws -> (Settings, [String]) {
        let root = source.root
        let listing = Background {
            try WorkingTreeSource(root: root).posts()
        }
        let settings = Result { try Settings.load(from: source) }
        let files = Result { try listing.value() }
        return (try settings.get(), try files.get())
    }

    /// Reads work-tree files on all cores, by their names relative to `root`.
    private static func read(_ files: [String], in root: URL) throws -> [CheckInput] {
        let folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            throw WorkflowError.unreadable(path: root.path, reason: String(cString: strerror(errno)))
        }
        defer { close(folder) }
        let contents = parallelMap(files) { FileReader.read($0, in: folder) }
        var inputs: [CheckInput] = []
        inputs.reserveCapacity(files.count)
        for (file, content) in zip(files, contents) {
            switch content {
            case let .success(bytes):
                inputs.append(CheckInput(path: file, bytes: bytes))
            case let .failure(failure) where failure.code == ENOENT || failure.code == ENOTDIR:
                throw WorkflowError.missing(path: file, what: "file")
            case .failure:
                throw WorkflowError.unreadable(path: file, reason: "permission denied or unreadable")
            }
        }
        return inputs
    }

    private func inputs(_ paths: [String], from source: some ContentSource, author: Identity? = nil) throws -> [CheckInput] {
        try paths.map { path in
            guard let bytes = try source.read(path) else { throw WorkflowError.missing(path: path, what: "file") }
            return CheckInput(path: path, bytes: bytes, author: author)
        }
    }
}
