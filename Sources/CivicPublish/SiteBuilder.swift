import CivicMarkdown
import CivicPolicy
import Foundation

/// Renders the city site: a page per post, a page per department, a paginated home page,
/// Atom and JSON feeds (site-wide and per department), sitemap.xml and robots.txt.
public struct SiteBuilder {
    /// Posts per index page.
    public static let pageSize = 20
    /// The policy's disclaimer, in every footer ("ENFORCEMENT").
    public static let disclaimer = "Information on this site and the City's social media may not be timely, accurate or complete. Communication through social media is not legal or official notice for any purpose."

    public let config: Config
    public let roster: Roster
    public let theme: Theme

    public init(config: Config, roster: Roster, theme: Theme) {
        self.config = config
        self.roster = roster
        self.theme = theme
    }

    /// Writes the site into `output`. `media` reads a file under `content/` (e.g.
    /// `media/dpw/map.png`) for copying; a missing file is left out and reported.
    public func build(_ posts: [PublishedPost], media: (String) -> [UInt8]?, into output: OutputFolder) throws -> SiteSummary {
        var summary = SiteSummary()
        let sorted = posts.sorted { ($0.publishAt, $0.post.path) > ($1.publishAt, $1.post.path) }
        for item in sorted {
            guard let path = item.post.pagePath else { continue }
            try output.write(Array(renderPost(item, root: relativeRoot(depth: 3)).utf8), to: path + "index.html")
            summary.posts += 1
            for file in item.post.frontMatter?.media ?? [] {
                if let bytes = media(file.file.value) {
                    try output.write(bytes, to: file.file.value)
                } else {
                    summary.missingMedia.append("content/\(file.file.value) (\(item.post.path))")
                }
            }
        }
        let current = sorted.filter { !$0.outdated }
        try writeList(current, heading: "News from the City", folder: "", into: output)
        var feedEntries: [(String, [PublishedPost])] = [("", current)]
        for department in roster.departments {
            let mine = current.filter { $0.post.frontMatter?.department.value == department.slug }
            try writeList(mine, heading: department.name, folder: department.slug + "/", into: output)
            feedEntries.append((department.slug + "/", mine))
            summary.departments += 1
        }
        let feeds = FeedWriter(config: config, roster: roster)
        for (folder, entries) in feedEntries {
            let title = folder.isEmpty ? config.siteName : "\(config.siteName): \(roster.department(String(folder.dropLast()))?.name ?? folder)"
            try output.write(Array(feeds.atom(entries.prefix(50), title: title, folder: folder).utf8), to: folder + "feed.xml")
            try output.write(Array(feeds.jsonFeed(entries.prefix(50), title: title, folder: folder).utf8), to: folder + "feed.json")
        }
        try output.write(Array(feeds.sitemap(sorted, departments: feedEntries.map(\.0)).utf8), to: "sitemap.xml")
        try output.write(Array("User-agent: *\nAllow: /\nSitemap: \(config.baseURL)/sitemap.xml\n".utf8), to: "robots.txt")
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try output.write(bytes, to: path)
        }
        return summary
    }

    private func writeList(_ posts: [PublishedPost], heading: String, folder: String, into output: OutputFolder) throws {
        let pages = max(1, (posts.count + Self.pageSize - 1) / Self.pageSize)
        for page in 1...pages {
            let slice = posts.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
            let pageFolder = folder + (page == 1 ? "" : "page/\(page)/")
            let depth = pageFolder.split(separator: "/").count
            func link(_ number: Int) -> String? {
                guard number >= 1, number <= pages else { return nil }
                return folder + (number == 1 ? "index.html" : "page/\(number)/index.html")
            }
            var context = baseContext(root: relativeRoot(depth: depth),
                                      page: ["title": heading,
                                             "description": folder.isEmpty ? "Official news from \(config.siteName)." : "Official news from \(heading).",
                                             "url": config.baseURL + "/" + pageFolder, "type": "website"])
            var list: [String: Any] = [
                "heading": page == 1 ? heading : "\(heading), page \(page)",
                "posts": slice.map(listEntry),
                "has_posts": !slice.isEmpty,
            ]
            if pages > 1 {
                var pagination: [String: Any] = ["page": page, "pages": pages]
                pagination["newer"] = link(page - 1)
                pagination["older"] = link(page + 1)
                list["pagination"] = pagination
            }
            context["list"] = list
            try output.write(Array(theme.render("list", context).utf8), to: pageFolder + "index.html")
        }
    }

    /// The page of one post, as the site holds it.
    public func renderPage(_ item: PublishedPost) -> String {
        renderPost(item, root: relativeRoot(depth: 3))
    }

    func renderPost(_ item: PublishedPost, root: String) -> String {
        let post = item.post
        let front = post.frontMatter
        let html = MarkdownDocument.html(post.bodyBytes)
        var entry = listEntry(item)
        entry["body"] = html
        entry["outdated"] = item.outdated
        let media: [[String: Any]] = (front?.media ?? []).map { file in
            var value: [String: Any] = ["path": file.file.value, "alt": file.alt?.value ?? ""]
            if let credit = file.credit?.value { value["credit"] = credit }
            return value
        }
        entry["media"] = media
        var page: [String: Any] = [
            "title": front?.title.value ?? post.path,
            "description": front?.summary?.value ?? post.body.firstParagraph ?? "",
            "url": post.pageURL(config: config) ?? config.baseURL,
            "type": "article",
        ]
        if let first = front?.media.first {
            page["image"] = ["url": config.baseURL + "/" + first.file.value, "alt": first.alt?.value ?? ""]
        }
        var context = baseContext(root: root, page: page)
        context["post"] = entry
        return theme.render("post", context)
    }

    private func listEntry(_ item: PublishedPost) -> [String: Any] {
        let front = item.post.frontMatter
        let slug = front?.department.value ?? ""
        var entry: [String: Any] = [
            "title": front?.title.value ?? item.post.path,
            "path": (item.post.pagePath ?? "") + "index.html",
            "date": SiteDates.human(item.publishAt),
            "date_iso": SiteDates.iso(item.publishAt),
            "department": ["name": roster.department(slug)?.name ?? slug, "path": slug + "/index.html"],
        ]
        if let summary = front?.summary?.value { entry["summary"] = summary }
        return entry
    }

    private func baseContext(root: String, page: [String: Any]) -> [String: Any] {
        let official = "https://\(config.canonicalHost)/"
        return [
            "root": root,
            "site": [
                "name": config.siteName, "lang": "en", "base_url": config.baseURL,
                "official_url": official, "official_host": config.canonicalHost, "disclaimer": Self.disclaimer,
            ],
            "page": page,
            "departments": roster.departments.map { ["name": $0.name, "path": $0.slug + "/index.html"] },
        ]
    }

    private func relativeRoot(depth: Int) -> String {
        String(repeating: "../", count: depth)
    }
}

/// What a build wrote.
public struct SiteSummary: Sendable, Equatable {
    /// Post pages rendered.
    public var posts = 0
    /// Department pages rendered.
    public var departments = 0
    /// Media files a post names that do not exist.
    public var missingMedia: [String] = []

    public init() {}
}

/// Dates as the site shows them.
enum SiteDates {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `October 10, 2026`, in the offset the time was written with.
    static func human(_ time: Timestamp) -> String {
        let local = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + time.offsetMinutes * 60)
        let day = local.day
        return "\(months[day.month - 1]) \(day.day), \(day.year)"
    }

    /// RFC 3339 in UTC.
    static func iso(_ time: Timestamp) -> String {
        time.description
    }
}
