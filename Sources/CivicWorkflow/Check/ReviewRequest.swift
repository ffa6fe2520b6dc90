import CivicGit
import CivicPolicy
import Foundation

/// `civicpost review BASE..HEAD`: a Markdown summary of a merge request for the reviewer.
/// For each post added or changed: its text per platform with the count against the limit,
/// every finding and every suppression with its reason, who wrote it, and who may approve
/// it; and any change to the roster, configuration, templates or lexicons (admins approve).
public struct ReviewRequest {
    public var directory: URL
    public var range: String
    public var today: Day

    public init(directory: URL, range: String, today: Day) {
        self.directory = directory
        self.range = range
        self.today = today
    }

    public func run() throws -> String {
        let workspace = try Workspace.locate(from: directory)
        let repository = try workspace.requireRepository(for: "review")
        let check = RangeCheck(repository: repository, spec: range, today: today)
        let (base, head) = try check.endpoints()
        let settings = try Settings.load(from: TreeSource(repository: repository, tree: repository.commit(base).tree))
        let headTree = try repository.commit(head).tree
        let commits = try repository.history(from: head, hiding: [base]).reversed()
        var authors: [String: [Commit]] = [:]
        for commit in commits {
            for version in try check.versions(writtenBy: commit) { authors[version.path, default: []].append(commit) }
        }
        let changes = try repository.changes(from: repository.commit(base).tree, to: headTree)
        var out = "# civicpost review: `\(range)`\n\n"
        let posts = changes.filter { Settings.isPost($0.path) }
        let others = changes.filter { !Settings.isPost($0.path) && ControlledPath.kind(of: $0.path) != nil }
        out +=
            "\(posts.count) post(s) added, changed or removed by \(commits.count) commit(s); checked against the roster and configuration of `\(base.short)`.\n"
        let detectors = settings.detectors(today: today)
        for change in posts {
            out += "\n## `\(change.path)` (\(change.kind))\n\n"
            guard let blob = change.newBlob else {
                out += "Removed: publishing withdraws it from every platform it went to.\n"
                continue
            }
            let post = Post.parse(path: change.path, bytes: try repository.blob(blob))
            let department = post.frontMatter?.department.value ?? post.pathParts?.department ?? "?"
            let writers = authors[change.path] ?? []
            let names = Set(writers.map { "\($0.author.name) <\($0.author.email)>" }).sorted()
            out +=
                "**\(Self.escape(post.frontMatter?.title.value ?? change.path))** · \(Self.escape(settings.roster.department(department)?.name ?? department))\n\n"
            out += "- Written by: \(names.isEmpty ? "(no commit in the range wrote this version)" : names.joined(separator: ", "))"
            out += writers.isEmpty ? "\n" : " in " + writers.map { "`\($0.id.short)`" }.joined(separator: ", ") + "\n"
            let writerEmails = Set(writers.map { $0.author.email.lowercased() })
            let approvers = settings.roster.reviewers(for: department).filter {
                !$0.emails.contains { writerEmails.contains($0.lowercased()) }
            }
            out +=
                "- May be approved (merged) by: "
                + (approvers.isEmpty
                    ? "nobody in the roster: ask an admin" : approvers.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")) + "\n"
            if let publishAt = post.frontMatter?.publishAt?.value { out += "- Goes out at: \(publishAt)\n" }
            if let reviewBy = post.frontMatter?.reviewBy?.value { out += "- Stale after: \(reviewBy)\n" }
            let platforms = post.frontMatter?.targetPlatforms ?? []
            if !platforms.isEmpty {
                out += "\n| platform | length | limit | message |\n|---|---:|---:|---|\n"
                for platform in platforms {
                    let message = post.message(for: platform, config: settings.config)
                    let length = platform.length(of: message)
                    let shown = masked(message, with: detectors)
                    let mark = length > platform.limit ? " ✗" : ""
                    out += "| \(platform.displayName) | \(length)\(mark) | \(platform.limit) | \(Self.escape(shown)) |\n"
                }
            }
            // The version as its last writer's work.
            let author = writers.last.map { Identity(name: $0.author.name, email: $0.author.email) }
            let context = RuleContext(roster: settings.roster, config: settings.config, author: author, today: today, detectors: detectors)
            let findings = PolicyEngine().check(post, in: context)
            let active = findings.filter { !$0.isSuppressed }
            out += "\n**Findings:** " + (active.isEmpty ? "none\n" : "\(active.count)\n\n")
            for finding in active {
                out +=
                    "- \(finding.severity.rawValue) at \(finding.line):\(finding.column): \(Self.escape(finding.message)) `[\(finding.rule)]`\n"
            }
            let suppressed = findings.filter(\.isSuppressed)
            if !suppressed.isEmpty {
                out += "\n**Suppressions:** \(suppressed.count)\n\n"
                for finding in suppressed {
                    let suppression = finding.suppression!
                    let expiry = suppression.expires.map { ", expires \($0)" } ?? ""
                    out +=
                        "- line \(suppression.line): `\(finding.rule)` silenced at \(finding.line):\(finding.column): \"\(Self.escape(suppression.reason))\"\(expiry)\n"
                }
            }
        }
        if !others.isEmpty {
            out += "\n## Roster, configuration, templates and lexicons\n\n"
            let admins = settings.roster.admins.map { "\($0.name) <\($0.email)>" }
            out +=
                "These need approval by an admin: \(admins.isEmpty ? "nobody in the roster is an admin" : admins.joined(separator: ", ")).\n\n"
            for change in others { out += "- `\(change.path)` (\(change.kind))\n" }
        }
        return out
    }

    /// The text with personal data masked: the summary never repeats it in full.
    private func masked(_ text: String, with detectors: Detectors) -> String {
        var bytes = Array(text.utf8)
        for match in detectors.personalData.scan(text).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(match.range, with: Array(match.masked.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Markdown-safe text for a table cell or a line: pipes, backticks, angle brackets escaped,
    /// line breaks folded, other controls shown (``Swift/String/withVisibleControls``). Scalar
    /// by scalar: a pipe followed by a combining mark is one character, but still a pipe to a
    /// Markdown table.
    static func escape(_ text: String) -> String {
        // Line breaks (CRLF, CR or LF) become spaces first: a table row is one line.
        var flat = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            defer { afterReturn = scalar == "\r" }
            switch scalar {
            case "\r": flat.append(" ")
            case "\n": if !afterReturn { flat.append(" ") }
            default: flat.append(scalar)
            }
        }
        var out = String.UnicodeScalarView()
        for scalar in String(flat).withVisibleControls.unicodeScalars {
            switch scalar {
            case "|": out += "\\|".unicodeScalars
            case "`": out += "\\`".unicodeScalars
            case "<": out += "&lt;".unicodeScalars
            case ">": out += "&gt;".unicodeScalars
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
