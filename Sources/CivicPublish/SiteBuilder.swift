import CivicMarkdown
import CivicPolicy
import Crypto
import Dispatch
import Foundation

/// Renders the city site: a page per post, a page per department, a paginated home page,
/// Atom and JSON feeds (site-wide and per department), sitemap.xml and robots.txt.
///
/// Incremental and crash-safe by ordering: assets and media are written first, then post
/// pages, then the indexes, feeds and sitemap that link to them; every file is replaced
/// atomically and nothing is ever deleted, so a run killed at any moment leaves each file
/// whole (old or new) and no link to a page that is not there. A post page is rendered only
/// when its render key (blob, theme, configuration, roster, outdated flag) changed or the
/// file is missing; pages are rendered in parallel chunks and written as they come, never
/// all held in memory.
public struct SiteBuilder: Sendable {
    /// Posts per index page.
    public static let pageSize = 20
    /// Post pages rendered at once before they are written.
    static let chunkSize = 128
    /// The policy's disclaimer, in every footer ("ENFORCEMENT").
    public static let disclaimer =
        "Information on this site and the City's social media may not be timely, accurate or complete. Communication through social media is not legal or official notice for any purpose."

    public let config: Config
    public let roster: Roster
    public let theme: Theme
    /// What the rendering depends on besides the post: mixed into every render key.
    public let fingerprint: String

    public init(config: Config, roster: Roster, theme: Theme, fingerprint: String = "") {
        self.config = config
        self.roster = roster
        self.theme = theme
        self.fingerprint = fingerprint
        fingerprintDigest = sha256Hex(Array(fingerprint.utf8)).prefix(16) + ""
    }

    /// A short digest of `fingerprint`, for the keys of 10,000 pages.
    private let fingerprintDigest: String

    /// Writes the site into `output`. `source` gives a post version's bytes (for pages that
    /// must be rendered); `media` gives a file under `content/` as its version (the key it is
    /// copied under) and a way to read it, or nil when it is missing (reported). `cache` maps
    /// page paths to the render key of the page on disk, and is updated. `keep` is called with
    /// the cache before any file is written whose key the cache must not hold should the run
    /// end early (see pass 1): it should save it.
    public func build(
        _ posts: [PublishedPost], source: (PublishedPost) throws -> [UInt8],
        media: (String) -> (version: String, read: () throws -> [UInt8])?, cache: inout RenderCache,
        keep: (RenderCache) throws -> Void = { _ in }, into output: OutputFolder
    ) throws -> SiteSummary {
        var summary = SiteSummary()
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try output.stage(bytes, to: path)
        }
        let sorted = posts.sorted { ($0.publishAt, $0.path) > ($1.publishAt, $1.path) }
        var copied: Set<String> = []
        for item in sorted {
            for file in item.summary.media where copied.insert(file.file).inserted {
                if let found = media(file.file) {
                    if cache.keys[file.file] == found.version, output.contains(file.file) { continue }
                    let bytes = try found.read()
                    // Only pictures are served: an SVG or HTML file would run scripts as the city.
                    guard MediaKind.isPicture(path: file.file), MediaKind.isPicture(bytes: bytes) else {
                        summary.missingMedia.append("content/\(file.file) (\(item.path)): not a PNG, JPEG, GIF or WebP picture, not copied")
                        continue
                    }
                    try output.stage(bytes, to: file.file)
                    cache.keys[file.file] = found.version
                } else {
                    summary.missingMedia.append("content/\(file.file) (\(item.path))")
                }
            }
        }
        try output.commit()
        let current = sorted.filter { !$0.outdated }
        // Pass 1: index pages and feeds that do not exist yet are first written with links
        // only to files that already exist, so no page ever links to a missing one. (The
        // pass writes nothing when every index file of the final lists is there already.)
        let missing = hubFiles(current).filter { !output.contains($0) }
        if !missing.isEmpty {
            // What pass 1 writes is never a file's final form, so no key may say it is: the
            // missing files' keys are dropped, and the cache kept, before they are written. (Else
            // a run that failed after pass 1 would leave a key that the next run finds current.)
            if missing.contains(where: { cache.keys[$0] != nil }) {
                for file in missing { cache.keys[file] = nil }
                try keep(cache)
            }
            // This pass asks after every page it might link to: looked up together, on all
            // cores. (Otherwise only pages whose cached key matches are asked after, and the
            // files the last run wrote were looked up ahead: ``OutputFolder/learn(_:)``.)
            output.prefetch(sorted.compactMap(\.pageFile))
            try writeHubs(current, all: sorted, source: source, cache: &cache, into: output, onlyNew: true)
        }

        // Post pages: only those whose key changed (or whose file is gone) are rendered.
        // Each key is written into one buffer and compared with the cached one in place: of
        // 10,000 keys only the changed ones become strings.
        var stale: [(PublishedPost, String)] = []
        var key: [UInt8] = []
        for item in sorted {
            guard let file = item.pageFile else { continue }
            summary.posts += 1
            writeRenderKey(item, into: &key)
            if var cached = cache.keys[file],
                cached.withUTF8({ $0.count == key.count && memcmp($0.baseAddress!, key, key.count) == 0 }),
                output.contains(file)
            {
                summary.pagesReused += 1
                continue
            }
            stale.append((item, String(decoding: key, as: UTF8.self)))
        }
        // Sources are read here, on one thread (a libgit2 repository is not shared across
        // threads); parsing and rendering run on all cores, a chunk ahead of this thread,
        // which writes the chunk before (the kernel's work, on one core).
        let chunks = stride(from: 0, to: stale.count, by: Self.chunkSize).map { start in
            Array(stale[start..<min(stale.count, start + Self.chunkSize)])
        }
        func rendering(_ chunk: [(PublishedPost, String)]) throws -> Background<[[UInt8]]> {
            let items = chunk.map(\.0)
            let sources = try items.map(source)
            return Background { [self] in parallelRender(items, sources: sources) }
        }
        var next = try chunks.first.map(rendering)
        for (index, chunk) in chunks.enumerated() {
            let pages = try next!.take()
            next = index + 1 < chunks.count ? try rendering(chunks[index + 1]) : nil
            for ((item, key), page) in zip(chunk, pages) {
                let file = item.pageFile!
                try output.stage(page, to: file)
                cache.keys[file] = key
                summary.pagesRendered += 1
            }
            try output.commit()
        }
        // Pass 2: every index page and feed, final.
        summary.departments = try writeHubs(current, all: sorted, source: source, cache: &cache, into: output, onlyNew: false)
        return summary
    }

    /// Writes the home and department pages, feeds, sitemap and robots.txt; returns the number
    /// of department pages. With `onlyNew`, writes only those files that do not exist yet, and
    /// links in them only to files that do (the first pass of a run). Otherwise each file is
    /// rendered only when its key — a digest of everything it shows — differs from the one
    /// it was last written under, so republishing after one edit renders a handful of index
    /// pages, not every page of every list.
    @discardableResult
    private func writeHubs(
        _ current: [PublishedPost], all sorted: [PublishedPost], source: (PublishedPost) throws -> [UInt8],
        cache: inout RenderCache, into output: OutputFolder, onlyNew: Bool
    ) throws -> Int {
        let exists: ((String) -> Bool)? = onlyNew ? { output.contains($0) } : nil
        let visible = onlyNew ? current.filter { $0.pageFile.map(output.contains) ?? false } : current
        var lists: [(posts: [PublishedPost], heading: String, folder: String)] = [(visible, "News from the City", "")]
        var byDepartment: [String: [PublishedPost]] = [:]
        for item in visible { byDepartment[item.summary.department, default: []].append(item) }
        for department in roster.departments {
            lists.append((byDepartment[department.slug] ?? [], department.name, department.slug + "/"))
        }
        var writer = HubWriter(output: output, onlyNew: onlyNew, fingerprint: fingerprint)
        defer { writer.finish(into: &cache) }
        // Feeds first: the pages link to them in their head.
        let feeds = FeedWriter(config: config, roster: roster)
        // A JSON feed holds each post's text: posts are read here (one thread: libgit2), parsed
        // on all cores, and a post in several feeds (the site's and its department's) once.
        var texts: [String: String] = [:]
        func feedTexts(_ items: ArraySlice<PublishedPost>) throws -> [String] {
            let missing = items.filter { texts[$0.path] == nil }
            let sources = try missing.map(source)
            let parsed = parallelMap(Array(zip(missing, sources))) { item, bytes in
                Post.parse(path: item.path, bytes: bytes).body.paragraphs.map(\.text).joined(separator: "\n\n")
            }
            for (item, text) in zip(missing, parsed) { texts[item.path] = text }
            return items.map { texts[$0.path] ?? "" }
        }
        for list in lists {
            let title = list.folder.isEmpty ? config.siteName : "\(config.siteName): \(list.heading)"
            let newest = list.posts.prefix(50)
            var key = HubKey("feed", title, list.folder)
            for item in newest { key.add(item) }
            try writer.write(list.folder + "feed.xml", key: key, cache: cache) {
                feeds.atom(newest, title: title, folder: list.folder)
            }
            try writer.write(list.folder + "feed.json", key: key, cache: cache) {
                feeds.jsonFeed(newest, texts: try feedTexts(newest), title: title, folder: list.folder)
            }
        }
        try output.commit()
        for list in lists {
            try writeList(list.posts, heading: list.heading, folder: list.folder, writer: &writer, cache: cache, exists: exists)
        }
        let mapped = onlyNew ? visible : sorted
        var key = HubKey("sitemap")
        for folder in lists.map(\.folder) { key.add(folder) }
        for item in mapped {
            key.add(item.summary.pagePath ?? "")
            key.add(item.publishAt)
        }
        try writer.write("sitemap.xml", key: key, cache: cache) {
            feeds.sitemap(mapped, departments: lists.map(\.folder))
        }
        try writer.write("robots.txt", key: HubKey("robots"), cache: cache) {
            "User-agent: *\nAllow: /\nSitemap: \(config.baseURL)/sitemap.xml\n"
        }
        try output.commit()
        return roster.departments.count
    }

    /// Every index page, feed and sitemap file of the lists of `current`. A first pass over
    /// fewer posts makes a subset of them (as many pages or fewer, the same folders).
    private func hubFiles(_ current: [PublishedPost]) -> [String] {
        var counts: [String: Int] = [:]
        for item in current { counts[item.summary.department, default: 0] += 1 }
        var files = ["sitemap.xml", "robots.txt"]
        for (folder, count) in [("", current.count)] + roster.departments.map({ ($0.slug + "/", counts[$0.slug] ?? 0) }) {
            files += [folder + "feed.xml", folder + "feed.json", folder + "index.html"]
            let pages = max(1, (count + Self.pageSize - 1) / Self.pageSize)
            if pages > 1 { files += (2...pages).map { folder + "page/\($0)/index.html" } }
        }
        return files
    }

    /// The key a post page is rendered under, written over `key`: it changes when anything
    /// that shapes the page does (`blob|outdated|seconds|offset|settings`).
    func writeRenderKey(_ item: PublishedPost, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: item.blob.utf8)
        key.append(contentsOf: item.outdated ? "|1|".utf8 : "|0|".utf8)
        appendDecimal(item.publishAt.secondsSinceEpoch, to: &key)
        key.append(UInt8(ascii: "|"))
        appendDecimal(item.publishAt.offsetMinutes, to: &key)
        key.append(UInt8(ascii: "|"))
        key.append(contentsOf: fingerprintDigest.utf8)
    }

    private func parallelRender(_ items: [PublishedPost], sources: [[UInt8]]) -> [[UInt8]] {
        parallelMap(Array(zip(items, sources))) { item, source in
            Array(renderPost(item, post: Post.parse(path: item.path, bytes: source), root: relativeRoot(depth: 3)).utf8)
        }
    }

    private func writeList(
        _ posts: [PublishedPost], heading: String, folder: String, writer: inout HubWriter, cache: RenderCache,
        exists: ((String) -> Bool)?
    ) throws {
        let pages = max(1, (posts.count + Self.pageSize - 1) / Self.pageSize)
        for page in 1...pages {
            let slice = posts.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
            let pageFolder = folder + (page == 1 ? "" : "page/\(page)/")
            var key = HubKey("list", heading, pageFolder, String(page), String(pages))
            for item in slice { key.add(item) }
            try writer.write(pageFolder + "index.html", key: key, cache: cache) {
                let depth = pageFolder.split(separator: "/").count
                func link(_ number: Int) -> String? {
                    guard number >= 1, number <= pages else { return nil }
                    let target = folder + (number == 1 ? "index.html" : "page/\(number)/index.html")
                    return exists.map { $0(target) } == false ? nil : target
                }
                var context = baseContext(
                    root: relativeRoot(depth: depth), exists: exists,
                    page: [
                        "title": heading,
                        "description": folder.isEmpty ? "Official news from \(config.siteName)." : "Official news from \(heading).",
                        "url": config.baseURL + "/" + pageFolder, "type": "website",
                    ])
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
                return theme.render("list", context)
            }
        }
    }

    /// The page of one post, as the site holds it.
    public func renderPage(_ item: PublishedPost, post: Post) -> String {
        renderPost(item, post: post, root: relativeRoot(depth: 3))
    }

    func renderPost(_ item: PublishedPost, post: Post, root: String) -> String {
        let html = MarkdownDocument.html(post.bodyBytes)
        var entry = listEntry(item)
        entry["body"] = html
        entry["outdated"] = item.outdated
        let media: [[String: Any]] = item.summary.media.map { file in
            var value: [String: Any] = ["path": file.file, "alt": file.alt]
            if let credit = file.credit { value["credit"] = credit }
            return value
        }
        entry["media"] = media
        var page: [String: Any] = [
            "title": item.summary.title,
            "description": item.summary.description,
            "url": item.summary.pageURL(config: config) ?? config.baseURL,
            "type": "article",
        ]
        if let first = item.summary.media.first {
            page["image"] = ["url": config.baseURL + "/" + first.file, "alt": first.alt]
        }
        var context = baseContext(root: root, page: page)
        context["post"] = entry
        return theme.render("post", context)
    }

    private func listEntry(_ item: PublishedPost) -> [String: Any] {
        let slug = item.summary.department
        var entry: [String: Any] = [
            "title": item.summary.title,
            "path": (item.summary.pagePath ?? "") + "index.html",
            "date": SiteDates.human(item.publishAt),
            "date_iso": SiteDates.iso(item.publishAt),
            "department": ["name": roster.department(slug)?.name ?? slug, "path": slug + "/index.html"],
        ]
        if let summary = item.summary.summary { entry["summary"] = summary }
        return entry
    }

    /// The context every page shares. With `exists`, the department menu lists only
    /// departments whose page is already there.
    private func baseContext(root: String, exists: ((String) -> Bool)? = nil, page: [String: Any]) -> [String: Any] {
        let official = "https://\(config.canonicalHost)/"
        return [
            "root": root,
            "site": [
                "name": config.siteName, "lang": "en", "base_url": config.baseURL,
                "official_url": official, "official_host": config.canonicalHost, "disclaimer": Self.disclaimer,
            ],
            "page": page,
            "departments": roster.departments.filter { exists?($0.slug + "/index.html") ?? true }
                .map { ["name": $0.name, "path": $0.slug + "/index.html"] },
        ]
    }

    private func relativeRoot(depth: Int) -> String {
        String(repeating: "../", count: depth)
    }
}

/// Render keys of the pages on disk, by file path; kept between runs.
public struct RenderCache: Sendable, Equatable {
    public var keys: [String: String] = [:]
    public init() {}
}

/// The digest an index page, feed or sitemap is keyed by: SHA-256 over its kind, its
/// parameters and, for each post it shows, the post's path, version and date (everything
/// else it shows follows from those and the settings fingerprint). Parts go through a small
/// buffer into the hash as they come: the sitemap's key covers 10,000 posts.
struct HubKey {
    private var hash = SHA256()
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 12

    init(_ parts: String...) {
        buffer.reserveCapacity(Self.flushSize + 256)
        for part in parts { add(part) }
    }

    mutating func add(_ part: String) {
        Self.append(part, to: &buffer)
        flushIfFull()
    }

    mutating func add(_ item: PublishedPost) {
        buffer.append(contentsOf: item.listKey)
        flushIfFull()
    }

    mutating func add(_ time: Timestamp) {
        Self.append(time, to: &buffer)
        flushIfFull()
    }

    func finalize(fingerprint: String) -> String {
        var hash = hash
        hash.update(data: buffer)
        hash.update(data: Array(fingerprint.utf8))
        return lowerHex(hash.finalize())
    }

    private mutating func flushIfFull() {
        guard buffer.count >= Self.flushSize else { return }
        hash.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A part as keys hold it: a string's UTF-8 and a NUL; a time's seconds and offset as
    /// machine words.
    static func append(_ part: String, to bytes: inout [UInt8]) {
        var part = part
        part.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(0)
    }

    static func append(_ time: Timestamp, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: (time.secondsSinceEpoch, time.offsetMinutes)) { bytes.append(contentsOf: $0) }
    }
}

/// Writes the hub files of one pass: in the first pass only missing files (and forgets
/// their keys, so the final pass renders them again); in the final pass every file whose key
/// changed or whose file is gone, keeping the new keys for ``finish(into:)``.
private struct HubWriter {
    let output: OutputFolder
    let onlyNew: Bool
    let fingerprint: String
    var keys: [String: String?] = [:]

    init(output: OutputFolder, onlyNew: Bool, fingerprint: String) {
        self.output = output
        self.onlyNew = onlyNew
        self.fingerprint = fingerprint
    }

    mutating func write(_ file: String, key: HubKey, cache: RenderCache, render: () throws -> String) throws {
        try write(file, key: key, cache: cache) { Array(try render().utf8) }
    }

    mutating func write(_ file: String, key: HubKey, cache: RenderCache, render: () throws -> [UInt8]) throws {
        let present = output.contains(file)
        if onlyNew {
            guard !present else { return }
            try output.stage(try render(), to: file)
            keys[file] = .some(nil)
            return
        }
        let digest = key.finalize(fingerprint: fingerprint)
        if present, cache.keys[file] == digest { return }
        try output.stage(try render(), to: file)
        keys[file] = digest
    }

    func finish(into cache: inout RenderCache) {
        for (file, key) in keys { cache.keys[file] = key }
    }
}

/// `value` in decimal, as `String(value)` writes it.
func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, most significant last
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
}

/// What a build wrote.
public struct SiteSummary: Sendable, Equatable {
    /// Post pages in the site.
    public var posts = 0
    /// Post pages rendered by this run.
    public var pagesRendered = 0
    /// Post pages whose render key had not changed.
    public var pagesReused = 0
    /// Department pages rendered.
    public var departments = 0
    /// Media files a post names that do not exist.
    public var missingMedia: [String] = []

    public init() {}
}

/// Dates as the site shows them.
enum SiteDates {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]

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
