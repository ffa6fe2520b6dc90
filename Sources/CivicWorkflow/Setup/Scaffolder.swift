import CivicPolicy
import Foundation

/// `civicpost new`: writes a valid draft post in the right folder.
public struct Scaffolder {
    public var department: String
    public var title: String
    public var platforms: [String]
    public var today: Day

    public init(department: String, title: String, platforms: [String], today: Day) {
        self.department = department
        self.title = title
        self.platforms = platforms
        self.today = today
    }

    /// Creates the file and returns its path from the repository root. Never overwrites.
    public func run(in workspace: Workspace) throws -> String {
        let settings = try Settings.load(from: WorkingTreeSource(root: workspace.root))
        guard settings.roster.department(department) != nil else {
            throw WorkflowError.invalid(
                "department '\(department)' is not in content/roster.yml; known: \(settings.roster.departments.map(\.slug).joined(separator: ", "))"
            )
        }
        let slug = Self.slug(from: title)
        guard !slug.isEmpty else { throw WorkflowError.invalid("the title '\(title)' has no letters or digits to make a file name from") }
        var targets: [Platform] = []
        for name in platforms {
            if let prohibited = ProhibitedPlatform.named(name) {
                throw WorkflowError.invalid("\(prohibited.rawValue) is prohibited by the city's social media policy")
            }
            guard let platform = Platform.named(name), settings.config.platforms.contains(platform) else {
                throw WorkflowError.invalid(
                    "platform '\(name)' is not enabled; enabled: \(settings.config.platforms.map(\.rawValue).joined(separator: ", "))")
            }
            targets.append(platform)
        }
        if targets.isEmpty {
            targets = settings.config.platforms.filter { $0 != .instagram }  // Instagram needs an image
        }
        let path = "\(Settings.postsFolder)/\(department)/\(today.year)/\(slug).md"
        let url = workspace.root.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw WorkflowError.invalid("\(path) already exists; choose another title")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = """
            ---
            title: \(Self.yamlQuoted(title))
            department: \(department)
            platforms: [\(targets.map(\.rawValue).joined(separator: ", "))]
            summary: \(Self.yamlQuoted(title.last.map { ".!?".contains($0) } == true ? title : title + "."))
            review_by: \(today.adding(days: 90))
            ---
            Write the announcement here: what is happening, when, where and for whom.

            Details: https://\(settings.config.canonicalHost)/

            """
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WorkflowError.invalid("\(path) could not be created: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress!, $0.count) }) == bytes.count else {
            throw WorkflowError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return path
    }

    /// A file name from a title: ASCII letters and digits, accents dropped, hyphens between
    /// words, at most 60 characters, cut at a word boundary.
    public static func slug(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .widthInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "Mayor's" -> "mayors"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 60 { break }
            slug = next
        }
        return slug.isEmpty ? String(words.first?.prefix(60) ?? "") : slug
    }

    /// A YAML double-quoted scalar.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
