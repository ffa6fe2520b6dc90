import CivicDefaults
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
    /// The lexicon phrases: the built-in lists merged with the repository's `lexicons/`.
    public var lexicon: [(phrase: String, tag: String)]

    public init(config: Config, roster: Roster, warnings: [ContentWarning] = [], lexicon: [(phrase: String, tag: String)] = []) {
        self.config = config
        self.roster = roster
        self.warnings = warnings
        self.lexicon = lexicon
    }

    /// The scanners rules share, for checks made on `today`.
    public func detectors(today: Day) -> Detectors {
        Detectors(config: config, lexicon: lexicon, referenceYear: today.year, roster: roster)
    }

    /// Reads `civicpost.yml` and `content/roster.yml`; a missing or malformed file throws
    /// ``WorkflowError`` naming file, line and column.
    public static func load(from source: some ContentSource, configPath: String = configPath) throws -> Settings {
        let (config, configWarnings) = try loadConfig(from: source, configPath: configPath)
        guard let rosterBytes = try source.read(rosterPath) else {
            throw WorkflowError.missing(path: rosterPath, what: "the roster of departments and people")
        }
        do {
            let (roster, rosterWarnings) = try Roster.load(rosterBytes, path: rosterPath)
            return Settings(
                config: config, roster: roster, warnings: configWarnings + rosterWarnings,
                lexicon: try loadLexicon(from: source))
        } catch {
            throw WorkflowError.content(error)
        }
    }

    /// The configuration alone (with its warnings), for a command that needs no roster or
    /// lexicon from `source`: `publish` reads the branch to publish, the approval walk the
    /// tip's signing and baseline settings.
    public static func loadConfig(
        from source: some ContentSource, configPath: String = configPath
    ) throws -> (config: Config, warnings: [ContentWarning]) {
        guard let configBytes = try source.read(configPath) else {
            throw WorkflowError.missing(path: configPath, what: "the configuration (run `civicpost init` to start a content repository)")
        }
        do {
            return try Config.load(configBytes, path: configPath)
        } catch {
            throw WorkflowError.content(error)
        }
    }

    /// The built-in lexicons, each extended by the repository's `lexicons/<tag>.txt`: its
    /// phrases are added, and its `!phrase` lines remove built-in ones.
    static func loadLexicon(from source: some ContentSource) throws(ContentError) -> [(phrase: String, tag: String)] {
        var phrases: [(phrase: String, tag: String)] = []
        let builtIn = EmbeddedFiles.lexicons
        for tag in lexiconTags {
            let path = "lexicons/\(tag).txt"
            do {
                let defaults = try parseLexicon(builtIn[tag] ?? "", tag: tag)
                guard let bytes = try? source.read(path) else {
                    phrases += defaults
                    continue
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw ContentError(path: path, location: SourceLocation(line: 1, column: 1), reason: "not valid UTF-8")
                }
                phrases += mergeLexicon(defaults, try parseLexicon(text, tag: tag))
            } catch let error as LexiconError {
                throw ContentError(path: path, location: SourceLocation(line: error.line, column: error.column), reason: error.reason)
            } catch let error as ContentError {
                throw error
            } catch {
                throw ContentError(path: path, location: SourceLocation(line: 1, column: 1), reason: "\(error)")
            }
        }
        return phrases
    }

    /// Whether a path is a post: a Markdown file under `content/posts/`.
    public static func isPost(_ path: String) -> Bool {
        path.hasPrefix(postsFolder + "/") && path.hasSuffix(".md")
    }
}
