import CivicPolicy

/// The configuration and roster of a content repository, read from one source.
public struct Settings: Sendable {
    public static let configPath = "civicpost.yml"
    public static let rosterPath = "content/roster.yml"
    public static let postsFolder = "content/posts"

    public var config: Config
    public var roster: Roster
    /// Unknown keys and other usable oddities.
    public var warnings: [ContentWarning]

    public init(config: Config, roster: Roster, warnings: [ContentWarning] = []) {
        self.config = config
        self.roster = roster
        self.warnings = warnings
    }

    /// Reads `civicpost.yml` and `content/roster.yml`; a missing or malformed file throws
    /// ``WorkflowError`` naming file, line and column.
    public static func load(from source: some ContentSource, configPath: String = configPath) throws -> Settings {
        guard let configBytes = try source.read(configPath) else {
            throw WorkflowError.missing(path: configPath, what: "the configuration (run `civicpost init` to start a content repository)")
        }
        guard let rosterBytes = try source.read(rosterPath) else {
            throw WorkflowError.missing(path: rosterPath, what: "the roster of departments and people")
        }
        do {
            let (config, configWarnings) = try Config.load(configBytes, path: configPath)
            let (roster, rosterWarnings) = try Roster.load(rosterBytes, path: rosterPath)
            return Settings(config: config, roster: roster, warnings: configWarnings + rosterWarnings)
        } catch {
            throw WorkflowError.content(error)
        }
    }

    /// Whether a path is a post: a Markdown file under `content/posts/`.
    public static func isPost(_ path: String) -> Bool {
        path.hasPrefix(postsFolder + "/") && path.hasSuffix(".md")
    }
}
