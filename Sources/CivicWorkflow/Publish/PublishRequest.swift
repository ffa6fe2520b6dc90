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
            let branchSettings = try Settings.load(from: WorkingTreeSource(root: workspace.root))
            let branch = branchSettings.config.publishBranch
            guard let tip = try repository.referenceTarget("refs/heads/\(branch)") else {
                throw WorkflowError.invalid("the publish branch '\(branch)' has no commits")
            }
            let tipCommit = try repository.commit(tip)
            let source = TreeSource(repository: repository, tree: tipCommit.tree)
            let settings = try Settings.load(from: source)
            let checker = Checker(settings: settings, today: today)
            var result = PublishResult(commit: tip.hex)
            var published: [PublishedPost] = []
            for path in try source.files(under: Settings.postsFolder) where Settings.isPost(path) {
                guard let blob = try source.blob(of: path), let bytes = try source.read(path) else { continue }
                let report = checker.check([CheckInput(path: path, bytes: bytes)])
                if report.errors > 0 {
                    result.held.append(HeldPost(path: path, reason: "\(report.errors) policy error(s); run `civicpost check \(path)`"))
                    continue
                }
                let post = Post.parse(path: path, bytes: bytes)
                let publishAt = post.frontMatter?.publishAt?.value
                    ?? Timestamp(secondsSinceEpoch: Int(tipCommit.committer.time.timeIntervalSince1970))
                if publishAt > now {
                    result.scheduled.append(HeldPost(path: path, reason: "due at \(publishAt)"))
                    continue
                }
                let stale = post.frontMatter?.reviewBy.map { $0.value < today } ?? false
                published.append(PublishedPost(post: post, blob: blob.hex, commit: tip.hex, approval: nil,
                                               publishAt: publishAt, outdated: stale))
            }
            let theme = try loadTheme(from: source)
            let site = try OutputFolder(root: siteFolder)
            let summary = try SiteBuilder(config: settings.config, roster: settings.roster, theme: theme)
                .build(published, media: { try? source.read("content/" + $0) }, into: site)
            let queue = try OutputFolder(root: queueFolder)
            result.queued = try QueueWriter(config: settings.config, folder: queue).enqueue(published)
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

    /// The built-in theme, overridden file by file by the repository's `templates/`.
    private func loadTheme(from source: TreeSource) throws -> Theme {
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

    enum CodingKeys: String, CodingKey {
        case commit, held, scheduled, outdated, queued
        case pagesWritten = "pages_written"
        case pagesUnchanged = "pages_unchanged"
        case posts
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
    }
}

/// A post that was not published, and why.
public struct HeldPost: Sendable, Encodable, Equatable {
    public var path: String
    public var reason: String
}

