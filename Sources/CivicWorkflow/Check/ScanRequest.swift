import CivicPolicy
import CivicPublish
import Foundation

/// `civicpost scan`: the content rules that need no git and no roster (`pii.*`, `content.*`)
/// over any text files, folders or standard input. Files are plain text, scanned whole: no
/// front matter or Markdown parse; findings carry the path as given (`<stdin>` for `-`).
public struct ScanRequest: Sendable {
    /// The path that names standard input.
    public static let standardInput = "-"
    /// The file name findings in standard input carry.
    public static let standardInputName = "<stdin>"

    /// Files and folders as given, or `-`.
    public var paths: [String]
    /// The `civicpost.yml` whose allowlists apply; nil: the repository's, if the command runs in one.
    public var configPath: String?
    /// The folder the command runs in.
    public var directory: URL
    /// Today, for the detectors (dates of birth are judged against the year).
    public var today: Day

    public init(paths: [String], configPath: String? = nil, directory: URL, today: Day) {
        self.paths = paths
        self.configPath = configPath
        self.directory = directory
        self.today = today
    }

    /// Whether `scan` runs the rule with this id.
    public static func scans(_ id: String) -> Bool {
        id.hasPrefix("pii.") || id.hasPrefix("content.")
    }

    /// The rules `scan` runs, in registry order.
    public static var rules: [any Rule] {
        RuleRegistry.all.filter { scans(type(of: $0).description.id) }
    }

    /// Scans every file. Throws only when it cannot scan at all: a missing path, an unreadable
    /// file, a broken configuration (exit 2).
    public func run() throws -> CheckReport {
        let settings = try loadSettings()
        let files = try inputFiles()
        let standardInput = files.contains(.standardInput) ? try Self.readStandardInput() : nil
        let engine = PolicyEngine(rules: Self.rules)
        let context = RuleContext(
            roster: settings.roster, config: settings.config, today: today,
            detectors: settings.detectors(today: today))
        let outcomes = parallelMap(files) { file -> ScanOutcome in
            let bytes: [UInt8]
            switch file {
            case .standardInput:
                bytes = standardInput ?? []
            case let .file(_, absolute, explicit):
                switch FileReader.read(absolute) {
                case let .success(read): bytes = read
                case let .failure(failure): return .failed(failure.reason)
                }
                if !explicit, Self.isBinary(bytes) { return .skipped }
            }
            return .scanned(engine.check(Post.plainText(path: file.name, bytes: bytes), in: context))
        }
        var findings: [Finding] = []
        var scanned = 0
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case let .scanned(found):
                findings += found
                scanned += 1
            case .skipped:
                continue
            case let .failed(reason):
                throw WorkflowError.unreadable(path: file.name, reason: reason)
            }
        }
        return CheckReport(findings: findings, files: scanned, settingsWarnings: settings.warnings)
    }

    // MARK: Configuration

    /// `--config`, else the repository's `civicpost.yml`, else no allowlists; the lexicons are
    /// the built-in ones extended by `lexicons/` beside the configuration.
    func loadSettings() throws -> Settings {
        if let configPath {
            let url = resolve(configPath)
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw WorkflowError.missing(path: configPath, what: "configuration file")
            }
            return try settings(config: [UInt8](bytes), path: configPath, folder: url.deletingLastPathComponent())
        }
        if let workspace = try? Workspace.locate(from: directory),
            let bytes = try WorkingTreeSource(root: workspace.root).read(Settings.configPath)
        {
            return try settings(config: bytes, path: Settings.configPath, folder: workspace.root)
        }
        do {
            return Settings(
                config: Config(baseURL: "", canonicalHost: ""), roster: Roster(),
                lexicon: try Settings.loadLexicon(from: NoFiles()))
        } catch {
            throw WorkflowError.content(error)
        }
    }

    private func settings(config bytes: [UInt8], path: String, folder: URL) throws -> Settings {
        do {
            let (config, warnings) = try Config.load(bytes, path: path)
            return Settings(
                config: config, roster: Roster(), warnings: warnings,
                lexicon: try Settings.loadLexicon(from: WorkingTreeSource(root: folder)))
        } catch {
            throw WorkflowError.content(error)
        }
    }

    private func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    // MARK: Files

    /// One input: standard input, or a file with the name findings carry and its absolute path.
    enum ScanFile: Sendable, Equatable {
        case standardInput
        /// `explicit`: named on the command line (scanned even if it looks binary).
        case file(name: String, absolute: String, explicit: Bool)

        var name: String {
            switch self {
            case .standardInput: ScanRequest.standardInputName
            case let .file(name, _, _): name
            }
        }
    }

    enum ScanOutcome: Sendable {
        case scanned([Finding])
        /// A binary file met in a folder.
        case skipped
        case failed(String)
    }

    /// The given paths with folders expanded: regular files, recursively, in name order,
    /// skipping hidden entries (`.git` among them) and not following symbolic links.
    func inputFiles() throws -> [ScanFile] {
        var files: [ScanFile] = []
        for path in paths {
            if path == Self.standardInput {
                files.append(.standardInput)
                continue
            }
            let absolute = resolve(path).path
            var info = stat()
            guard stat(absolute, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { throw WorkflowError.missing(path: path, what: "file or folder") }
                throw WorkflowError.unreadable(path: path, reason: Self.reason(errno))
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                try Self.walk(name: path, absolute: absolute, into: &files)
            } else {
                files.append(.file(name: path, absolute: absolute, explicit: true))
            }
        }
        return files
    }

    private static func walk(name: String, absolute: String, into files: inout [ScanFile]) throws {
        for file in try DirectoryWalker.regularFiles(name: name, absolute: absolute) {
            files.append(.file(name: file.name, absolute: file.absolute, explicit: false))
        }
    }

    /// Git's test: a NUL byte in the first 8,000 bytes.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, min(buffer.count, 8000)) != nil
        }
    }

    static func readStandardInput() throws -> [UInt8] {
        do {
            return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
        } catch {
            throw WorkflowError.unreadable(path: standardInputName, reason: "\(error)")
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// A source with no files: `scan` without a configuration gets the built-in lexicons only.
private struct NoFiles: ContentSource {
    func read(_ path: String) throws -> [UInt8]? { nil }
    func files(under prefix: String) throws -> [String] { [] }
}

extension Post {
    /// An empty post whose copies `plainText` fills: it is parsed once, so no file pays for
    /// front matter or Markdown parsing.
    private static let blank = Post.parse(path: "", bytes: [])

    /// A text file as a post without front matter whose body is the whole file, unparsed: the
    /// detectors (personal data, lexicon phrases, links, suppression comments) scan the raw bytes.
    static func plainText(path: String, bytes: [UInt8]) -> Post {
        var post = blank
        post.path = path
        post.source = SourceText(bytes)
        post.frontMatter = nil
        post.bodyStart = 0
        post.problems = []
        post.analysis = nil
        return post
    }
}
