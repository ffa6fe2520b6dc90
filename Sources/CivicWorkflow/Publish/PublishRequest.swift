import CivicDefaults
import CivicGit
import CivicPolicy
import CivicPublish
import Foundation

/// `civicpost publish`: renders the site and queues platform messages for the posts on the
/// publish branch that pass the policy, are due, and are not stale.
public struct PublishRequest {
    public var directory: URL
    public var siteFolder: URL
    public var queueFolder: URL
    public var now: Timestamp
    public var today: Day

    public init(directory: URL, siteFolder: URL, queueFolder: URL, now: Timestamp, today: Day) {
        self.directory = directory
        self.siteFolder = siteFolder
        self.queueFolder = queueFolder
        self.now = now
        self.today = today
    }

    public func run() throws -> PublishResult {
        let workspace = try Workspace.locate(from: directory)
        let repository = try workspace.requireRepository(for: "publish")
        do {
            let branch = try Settings.load(from: WorkingTreeSource(root: workspace.root)).config.publishBranch
            let approvals = try ApprovalVerifier(repository: repository, branch: branch).run()
            let settings = approvals.settings
            // Only approved versions are ever read: posts, media, templates.
            var approved: [String: ObjectID] = [:]
            for (path, file) in approvals.files { if let version = file.lastApproved { approved[path] = version.blob } }
            let source = BlobSource(repository: repository, blobs: approved)
            let checker = Checker(settings: settings, today: today)
            var result = PublishResult(commit: approvals.tip.hex)
            var published: [PublishedPost] = []
            for file in approvals.files.values.sorted(by: { $0.path < $1.path }) where Settings.isPost(file.path) {
                if case let .unapproved(problem) = file.decision {
                    let kept = file.lastApproved.map { " (the version approved in \($0.evidence.commit.short) stays published)" } ?? ""
                    result.held.append(HeldPost(path: file.path, reason: "not approved: \(problem.reason)\(kept)"))
                }
                guard let version = file.lastApproved else { continue }
                let bytes = try repository.blob(version.blob)
                let report = checker.check([CheckInput(path: file.path, bytes: bytes)])
                if report.errors > 0 {
                    result.held.append(HeldPost(path: file.path, reason: "\(report.errors) policy error(s); run `civicpost check \(file.path)`"))
                    continue
                }
                let post = Post.parse(path: file.path, bytes: bytes)
                let evidence = version.evidence
                let publishAt = post.frontMatter?.publishAt?.value
                    ?? Timestamp(secondsSinceEpoch: Int(evidence.time.timeIntervalSince1970))
                if publishAt > now {
                    result.scheduled.append(HeldPost(path: file.path, reason: "due at \(publishAt)"))
                    continue
                }
                let stale = post.frontMatter?.reviewBy.map { $0.value < today } ?? false
                published.append(PublishedPost(post: post, blob: version.blob.hex, commit: evidence.commit.hex,
                                               approval: Approval(merge: evidence.commit.hex, reviewer: evidence.reviewer),
                                               publishAt: publishAt, outdated: stale))
            }
            let theme = try loadTheme(from: source)
            let site = try OutputFolder(root: siteFolder)
            let builder = SiteBuilder(config: settings.config, roster: settings.roster, theme: theme)
            let summary = try builder.build(published, media: { try? source.read("content/" + $0) }, into: site)

            // The records archive says what went out before; queue and record only what is new.
            let archive = RecordsArchive(repository: repository)
            var state = try archive.state()
            var drafts: [RecordsArchive.Draft] = []
            for item in published {
                let path = item.post.path
                if item.outdated {
                    guard let live = state.live[path] else { continue }
                    drafts.append(withdrawal(of: path, live: live, item: item, config: settings.config))
                    continue
                }
                guard !state.versions.contains(Record.versionKey(path: path, blob: item.blob, action: .publish)) else { continue }
                let items = (item.post.frontMatter?.targetPlatforms ?? []).filter(settings.config.platforms.contains)
                    .map { QueueItem(item, platform: $0, action: .create, config: settings.config) }
                    .filter { !state.queued.contains($0.idempotencyKey) }
                drafts.append(.init(action: .publish, path: path, blob: item.blob, commit: item.commit, approval: item.approval,
                                    publishAt: item.publishAt, source: item.post.source.bytes,
                                    page: Array(builder.renderPage(item).utf8), queueItems: items))
            }
            // Posts that left the branch are withdrawn from wherever they went.
            let present = Set(approvals.files.keys)
            for (path, live) in state.live.sorted(by: { $0.key < $1.key }) where !present.contains(path) {
                drafts.append(withdrawal(of: path, live: live, item: nil, config: settings.config))
            }
            let queue = try OutputFolder(root: queueFolder)
            let items = drafts.flatMap(\.queueItems)
            // Queue files first, then the records that say they were queued: a run killed in
            // between writes the same files again (same names, same bytes, same keys) next time.
            try QueueWriter(folder: queue).write(items)
            try archive.append(drafts, to: &state, now: now, retention: settings.config.retention["posts"])
            result.queued = items
            result.records = drafts.count
            result.site = summary
            result.pagesWritten = site.written.count
            result.pagesUnchanged = site.unchanged.count
            result.outdated = published.filter(\.outdated).map(\.post.path)
            return result
        } catch let error as GitError {
            throw WorkflowError.git(error)
        } catch let error as PublishError {
            throw WorkflowError.publish(error)
        } catch let error as TemplateError {
            throw WorkflowError.publish(.template(error))
        }
    }

    /// A withdrawal of a live post from every platform it went to.
    private func withdrawal(of path: String, live: ArchiveState.LivePost, item: PublishedPost?, config: Config) -> RecordsArchive.Draft {
        let post = item?.post ?? Post.parse(path: path, bytes: [])
        let basis = PublishedPost(post: post, blob: live.blob, commit: item?.commit ?? live.commit, approval: item?.approval,
                                  publishAt: item?.publishAt ?? now, outdated: true)
        let items = live.platforms.sorted().compactMap(Platform.init(rawValue:))
            .map { QueueItem(basis, platform: $0, action: .withdraw, config: config) }
        return .init(action: .withdraw, path: path, blob: live.blob, commit: basis.commit, approval: item?.approval,
                     publishAt: basis.publishAt, source: item?.post.source.bytes ?? [], page: nil, queueItems: items)
    }

    /// The built-in theme, overridden file by file by the repository's `templates/`.
    private func loadTheme(from source: some ContentSource) throws -> Theme {
        var builtIn: [String: [UInt8]] = [:]
        for file in EmbeddedFiles.files(under: "templates/") {
            builtIn[String(file.path.dropFirst("templates/".count))] = file.contents
        }
        var overrides: [String: [UInt8]] = [:]
        for path in try source.files(under: "templates") {
            if let bytes = try source.read(path) { overrides[String(path.dropFirst("templates/".count))] = bytes }
        }
        return try Theme(builtIn: builtIn, overrides: overrides)
    }
}

/// What a publish run did.
public struct PublishResult: Sendable, Encodable {
    /// The publish branch's commit that was published.
    public var commit: String
    public var site = SiteSummary()
    public var pagesWritten = 0
    public var pagesUnchanged = 0
    /// Queue items written by this run.
    public var queued: [QueueItem] = []
    /// Posts held back, and why.
    public var held: [HeldPost] = []
    /// Posts not yet due.
    public var scheduled: [HeldPost] = []
    /// Posts published as outdated (stale).
    public var outdated: [String] = []
    /// Records appended to the records branch.
    public var records = 0

    enum CodingKeys: String, CodingKey {
        case commit, held, scheduled, outdated, queued
        case pagesWritten = "pages_written"
        case pagesUnchanged = "pages_unchanged"
        case posts, records
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(held, forKey: .held)
        try container.encode(scheduled, forKey: .scheduled)
        try container.encode(outdated, forKey: .outdated)
        try container.encode(queued.map(\.fileName), forKey: .queued)
        try container.encode(pagesWritten, forKey: .pagesWritten)
        try container.encode(pagesUnchanged, forKey: .pagesUnchanged)
        try container.encode(site.posts, forKey: .posts)
        try container.encode(records, forKey: .records)
    }
}

/// A post that was not published, and why.
public struct HeldPost: Sendable, Encodable, Equatable {
    public var path: String
    public var reason: String
}

