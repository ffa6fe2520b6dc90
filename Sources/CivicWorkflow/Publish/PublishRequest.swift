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
    /// Whether the run's working set (caches of 10,000 posts, the approval walk) is freed
    /// before ``run()`` returns. A one-shot process sets it false and leaves that to the
    /// operating system at exit, as compilers do: freeing it was a tenth of a republish.
    public var freesWorkingSet = true

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
        let lock = try PublishLock(gitDirectory: repository.gitDirectory)
        defer { withExtendedLifetime(lock) {} }
        var clock = PhaseClock()
        do {
            let gitDirectory = repository.gitDirectory
            // What this thread need not do goes to one serial queue, the other core, one piece
            // after another in the order the pieces are needed: on two cores a third busy thread
            // only takes turns with this one. First the publish cache, then a look-up of the files
            // the last run wrote into the site folder (10,000 `stat`s) so the site build knows
            // which are still there; from the site build on, the records state and the caches'
            // saves.
            let siteFolder = siteFolder.standardizedFileURL
            let otherCore = DispatchQueue(label: "civicpost.other-core")
            let cacheLoad = Background(on: otherCore) { () -> (cache: PublishCache, siteFiles: OutputFolder.FileLookup) in
                let cache = PublishCache.load(gitDirectory: gitDirectory)
                let lookup = OutputFolder.FileLookup(cache.sites[siteFolder.path]?.keys.keys.map { $0 } ?? [], in: siteFolder)
                otherCore.async { lookup.run() }
                return (cache, lookup)
            }
            let branch = try Settings.loadConfig(from: WorkingTreeSource(root: workspace.root)).config.publishBranch
            let checkpoint = ApprovalCheckpoint.load(gitDirectory: repository.gitDirectory)
            let resumedTip = checkpoint?.tip
            let approvals = try ApprovalVerifier(repository: repository, branch: branch).run(resumingFrom: consume checkpoint)
            try RecordsArchive(repository: repository).requireHistory(of: branch, at: approvals.tip)
            var saves: [Background<Void>] = []
            defer { for save in saves { _ = try? save.wait() } }
            // (Saved from the site build on, below.)
            let walked = approvals.checkpoint.tip != resumedTip ? approvals.checkpoint : nil
            clock.lap("approvals")
            let settings = approvals.settings
            // Only approved versions are ever read: posts, media, templates.
            var approved: [String: ObjectID] = [:]
            approved.reserveCapacity(approvals.files.count)
            var settingsFiles: [(path: String, blob: ObjectID)] = []
            for (path, file) in approvals.files {
                guard let version = file.lastApproved else { continue }
                approved[path] = version.blob
                if file.kind.isSettings { settingsFiles.append((path, version.blob)) }
            }
            let source = BlobSource(repository: repository, blobs: approved)
            let settingsKey = settingsFiles.sorted { $0.path < $1.path }.map { "\($0.path)=\($0.blob.hex)" }.joined(separator: ";")
            // What needs no cache is made while it loads: the detectors (a run with nothing new
            // to check has them for nothing, but would only have waited) and the theme.
            let detectors = settings.detectors(today: today)
            let theme = try loadTheme(from: source)
            clock.lap("detectors and theme")
            var cache: PublishCache
            let siteFiles: OutputFolder.FileLookup
            (cache, siteFiles) = try cacheLoad.take()
            clock.lap("cache load (wait)")
            try checkVersions(
                approvals: approvals, settings: settings, detectors: detectors, settingsKey: settingsKey, cache: &cache,
                repository: repository)
            clock.lap("policy check")

            var result = PublishResult(commit: approvals.tip.hex)
            var published: [PublishedPost] = []
            // In no order: what needs one (the held and scheduled lists, the records) is sorted
            // by path below, the site by date.
            for (path, file) in approvals.files where Settings.isPost(path) {
                if case let .unapproved(problem) = file.decision {
                    let kept = file.lastApproved.map { " (the version approved in \($0.evidence.commit.short) stays published)" } ?? ""
                    result.held.append(HeldPost(path: file.path, reason: "not approved: \(problem.reason)\(kept)"))
                }
                guard let version = file.lastApproved, let checked = cache.checked[version.blob] else { continue }
                if checked.errors > 0 {
                    result.held.append(
                        HeldPost(path: file.path, reason: "\(checked.errors) policy error(s); run `civicpost check \(file.path)`"))
                    continue
                }
                let evidence = version.evidence
                let publishAt = checked.summary.publishAt ?? Timestamp(secondsSinceEpoch: Int(evidence.time.timeIntervalSince1970))
                if publishAt > now {
                    result.scheduled.append(HeldPost(path: file.path, reason: "due at \(publishAt)"))
                    continue
                }
                let stale = checked.summary.reviewBy.map { $0 < today } ?? false
                let commit = evidence.commit.hex
                published.append(
                    PublishedPost(
                        summary: checked.summary, blob: version.blob.hex, commit: commit,
                        approval: Approval(merge: commit, reviewer: evidence.reviewer),
                        publishAt: publishAt, outdated: stale))
            }
            // Sorted by path; a path's two reasons (not approved, policy errors) keep their order.
            result.held = result.held.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }.map(\.element)
            result.scheduled.sort { $0.path < $1.path }
            clock.lap("select")
            let site = try OutputFolder(root: siteFolder)
            site.learn(siteFiles.found())
            // The records state, and what is new against it, are worked out during the site build.
            let onBranch = approvals.files
            let recordsLoad = Background(on: otherCore) { [published] () -> (cached: ArchiveState, pending: [PendingRecord])? in
                RecordsArchive.cachedState(gitDirectory: gitDirectory).map {
                    ($0, Self.pendingRecords(published, onBranch: onBranch, state: $0))
                }
            }
            if let walked { saves.append(Background(on: otherCore) { try walked.save(gitDirectory: gitDirectory) }) }
            let builder = SiteBuilder(config: settings.config, roster: settings.roster, theme: theme, fingerprint: settingsKey)
            let readSource: (PublishedPost) throws -> [UInt8] = { item in
                guard let blob = ObjectID(hex: item.blob) else { return [] }
                return try repository.blob(blob)
            }
            // Taken out of the cache (not copied) while the build changes it; put back after.
            var renderCache = cache.sites.removeValue(forKey: siteFolder.path) ?? RenderCache()
            let summary = try builder.build(
                published, source: readSource,
                media: { path in approved["content/" + path].map { blob in (blob.hex, { try repository.blob(blob) }) } },
                cache: &renderCache,
                keep: { renderCache in
                    var kept = cache
                    kept.sites[siteFolder.path] = renderCache
                    try kept.save(gitDirectory: gitDirectory, durable: true)
                }, into: site)
            clock.lap("site")
            cache.sites[siteFolder.path] = renderCache
            let saved = cache
            saves.append(Background(on: otherCore) { try saved.save(gitDirectory: gitDirectory) })

            let queue = try QueueWriter(root: queueFolder)
            let archive = RecordsArchive(repository: repository)
            let (items, records, state) = try queueAndRecord(
                published, approvals: approvals, settings: settings, builder: builder,
                site: site, queue: queue, archive: archive, otherCore: otherCore, read: try recordsLoad.take())
            if records > 0 { saves.append(Background(on: otherCore) { try RecordsArchive.saveCache(state, gitDirectory: gitDirectory) }) }
            // Every run adds a pack of records: index them together now and then, so that
            // object lookups stay one search however many runs there were. Speed only, so a
            // failure here is not the run's.
            _ = try? repository.indexPacks()
            clock.lap("queue and records")
            for save in saves { try save.wait() }
            saves = []
            clock.lap("cache saves")
            result.queued = items
            result.records = records
            result.timings = clock.laps
            if !freesWorkingSet {
                // (The records state too: else the thread that saved it would free it.)
                _ = Unmanaged.passRetained(WorkingSet(approvals: approvals, cache: cache, published: published, records: state))
            }
            result.site = summary
            result.pagesWritten = site.written.count
            result.pagesUnchanged = site.unchanged.count
            result.outdated = published.filter(\.outdated).map(\.path).sorted()
            return result
        } catch let error as GitError {
            throw WorkflowError.git(error)
        } catch let error as PublishError {
            throw WorkflowError.publish(error)
        } catch let error as TemplateError {
            throw WorkflowError.publish(.template(error))
        }
    }

    /// Checks every approved post version not checked before under the same settings and day
    /// (all cores), keeping its summary and error count in the cache.
    private func checkVersions(
        approvals: ApprovalReport, settings: Settings, detectors: Detectors, settingsKey: String,
        cache: inout PublishCache, repository: Repository
    ) throws {
        let fingerprint = "\(settingsKey)|\(today)"
        if cache.checkFingerprint != fingerprint {
            cache.checked = [:]
            cache.checkFingerprint = fingerprint
        }
        var wanted: [(path: String, blob: ObjectID)] = []
        var seen: Set<ObjectID> = []
        for file in approvals.files.values where Settings.isPost(file.path) {
            // (`index(forKey:)`: asking for the entry would copy its summary out, 10,000 times.)
            guard let version = file.lastApproved, cache.checked.index(forKey: version.blob) == nil,
                seen.insert(version.blob).inserted
            else {
                continue
            }
            wanted.append((file.path, version.blob))
        }
        guard !wanted.isEmpty else { return }
        let inputs = try wanted.map { CheckInput(path: $0.path, bytes: try repository.blob($0.blob)) }
        let engine = PolicyEngine()
        let today = self.today
        let results = parallelMap(inputs) { input -> PublishCache.Checked in
            let post = Post.parse(path: input.path, bytes: input.bytes)
            let context = RuleContext(roster: settings.roster, config: settings.config, today: today, detectors: detectors)
            let errors = engine.check(post, in: context).count { !$0.isSuppressed && $0.severity == .error }
            return PublishCache.Checked(summary: PostSummary(post), errors: errors)
        }
        for (want, checked) in zip(wanted, results) { cache.checked[want.blob] = checked }
    }

    /// Queue items and records for what is new since the archive's last record: versions
    /// not yet published, and withdrawals of posts that went stale or left the branch, in
    /// chunks so memory stays bounded. Each chunk's queue files go through the queue's
    /// roll-forward journal before the records that say they were queued, so a run killed
    /// at any moment never loses an item and never writes one twice.
    private func queueAndRecord(
        _ published: [PublishedPost], approvals: ApprovalReport, settings: Settings, builder: SiteBuilder,
        site: OutputFolder, queue: QueueWriter, archive: RecordsArchive, otherCore: DispatchQueue,
        read: consuming (cached: ArchiveState, pending: [PendingRecord])?
    ) throws -> (queued: [String], records: Int, state: ArchiveState) {
        let repository = archive.repository
        // Taken apart, not copied: the state is changed below.
        var cached: ArchiveState? = nil
        var precomputed: [PendingRecord]? = nil
        if let taken = read.take() { (cached, precomputed) = (taken.cached, taken.pending) }
        let cachedTip = cached?.tip
        var state = try archive.state(cached: cached.take())
        // What is new was worked out beside the cached state; a state rebuilt from the records
        // (the cache described another tip) is gone through here.
        let pending =
            (cachedTip == state.tip ? precomputed : nil)
            ?? Self.pendingRecords(published, onBranch: approvals.files, state: state)
        // A batch an interrupted run left half done is completed first, never written twice.
        let alreadyWritten = try queue.recover()
        let retention = settings.config.retention["posts"]
        let (gitDirectory, now) = (repository.gitDirectory, now)
        var written: [String] = []
        for start in stride(from: 0, to: pending.count, by: 500) {
            let chunk = Array(pending[start..<min(pending.count, start + 500)])
            let drafts = try drafts(
                for: chunk, settings: settings, builder: builder, site: site, queued: state.queued, repository: repository)
            let items = drafts.flatMap(\.draft.queueItems)
            // The records are made (in memory, then one pack, nothing visible) on the other
            // core while this one writes the queue files; the branch moves only once the
            // queue's journal is durable, so a run killed in between loses no item.
            let position = RecordsArchive.Position(state)
            let records = Background(on: otherCore) {
                try RecordsArchive.write(drafts, after: position, gitDirectory: gitDirectory, now: now, retention: retention)
            }
            try queue.write(items, skipping: alreadyWritten)
            try archive.publish(try records.take(), to: &state)
            try queue.finish()
            written += items.lazy.map(\.item).filter { !alreadyWritten.contains($0.idempotencyKey) }.map(\.fileName)
        }
        return (written, pending.count, state)
    }

    /// The records (with their queue items) for a chunk of what is new. Sources are read
    /// and pages located here, on one thread (one libgit2 handle; the site folder remembers
    /// the folders it checked); the posts are parsed, the queue items made and the records'
    /// files hashed and compressed on all cores.
    private func drafts(
        for chunk: [PendingRecord], settings: Settings, builder: SiteBuilder, site: OutputFolder, queued: KeySet,
        repository: Repository
    ) throws -> [RecordsArchive.PreparedDraft] {
        let sources = try chunk.map { pending in
            try pending.item.flatMap { ObjectID(hex: $0.blob) }.map { try repository.blob($0) } ?? []
        }
        let pages = chunk.map { pending in pending.live == nil ? pending.item?.pageFile.flatMap(site.location(of:)) : nil }
        let (config, now) = (settings.config, now)
        let results = parallelMap(count: chunk.count, batch: 8) { index -> Result<RecordsArchive.PreparedDraft?, Error> in
            Result {
                let (item, path, live) = chunk[index]
                let post = Post.parse(path: path, bytes: sources[index])
                let draft: RecordsArchive.Draft
                if let live {
                    draft = try Self.withdrawal(of: path, live: live, item: item, post: post, config: config, now: now)
                } else if let item {
                    let files = try item.summary.platforms.filter(config.platforms.contains)
                        .map { QueueItem(item, post: post, platform: $0, action: .create, config: config) }
                        .filter { !queued.contains($0.idempotencyKey) }
                        .map(QueueFile.init)
                    let page = pages[index].flatMap { try? FileReader.read($0).get() }
                    draft = .init(
                        action: .publish, path: path, blob: item.blob, commit: item.commit, approval: item.approval,
                        publishAt: item.publishAt, source: sources[index],
                        page: page ?? Array(builder.renderPage(item, post: post).utf8),
                        queueItems: files)
                } else {
                    return nil
                }
                return try RecordsArchive.PreparedDraft(draft)
            }
        }
        return try results.compactMap { try $0.get() }
    }

    /// A post version to record (a publication), or a live post to withdraw.
    typealias PendingRecord = (item: PublishedPost?, path: String, live: ArchiveState.LivePost?)

    /// What is new since the archive's `state`: versions not yet published, by path, then the
    /// live posts no longer on the branch (`onBranch`), by path.
    static func pendingRecords(
        _ published: [PublishedPost], onBranch: [String: FileApproval], state: ArchiveState
    ) -> [PendingRecord] {
        var pending: [PendingRecord] = []
        for item in published {
            if item.outdated {
                if let live = state.live[item.path] { pending.append((item, item.path, live)) }
            } else if state.live[item.path]?.blob != item.blob,
                // (A live post's version was recorded: live entries come from publish records.)
                !state.versions.contains(sha256Of: Record.versionKeyInput(path: item.path, blob: item.blob, action: .publish))
            {
                pending.append((item, item.path, nil))
            }
        }
        pending.sort { $0.path < $1.path }
        for path in state.live.keys.filter({ onBranch.index(forKey: $0) == nil }).sorted() {
            pending.append((nil, path, state.live[path]))
        }
        return pending
    }

    /// A withdrawal of a live post from every platform it went to.
    private static func withdrawal(
        of path: String, live: ArchiveState.LivePost, item: PublishedPost?, post: Post,
        config: Config, now: Timestamp
    ) throws -> RecordsArchive.Draft {
        let basis = PublishedPost(
            summary: item?.summary ?? PostSummary(post), blob: live.blob, commit: item?.commit ?? live.commit,
            approval: item?.approval, publishAt: item?.publishAt ?? now, outdated: true)
        let items = try live.platforms.sorted().compactMap(Platform.init(rawValue:))
            .map { try QueueFile(QueueItem(basis, post: post, platform: $0, action: .withdraw, config: config)) }
        return .init(
            action: .withdraw, path: path, blob: live.blob, commit: basis.commit, approval: item?.approval,
            publishAt: basis.publishAt, source: post.source.bytes, page: nil, queueItems: items)
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
    /// The queue files this run wrote, relative to the queue folder (`<platform>/<name>.json`):
    /// names only, not the items, which a full publish has tens of thousands of.
    public var queued: [String] = []
    /// Posts held back, and why.
    public var held: [HeldPost] = []
    /// Posts not yet due.
    public var scheduled: [HeldPost] = []
    /// Posts published as outdated (stale).
    public var outdated: [String] = []
    /// Records appended to the records branch.
    public var records = 0
    /// How long each phase took, in seconds, in order.
    public var timings: [PhaseTiming] = []

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
        try container.encode(queued, forKey: .queued)
        try container.encode(pagesWritten, forKey: .pagesWritten)
        try container.encode(pagesUnchanged, forKey: .pagesUnchanged)
        try container.encode(site.posts, forKey: .posts)
        try container.encode(records, forKey: .records)
    }
}

/// What a run leaves unfreed when ``PublishRequest/freesWorkingSet`` is false.
private final class WorkingSet {
    let approvals: ApprovalReport
    let cache: PublishCache
    let published: [PublishedPost]
    let records: ArchiveState

    init(approvals: ApprovalReport, cache: PublishCache, published: [PublishedPost], records: ArchiveState) {
        self.approvals = approvals
        self.cache = cache
        self.published = published
        self.records = records
    }
}

/// Wall-clock and CPU time (all threads) between laps, for `--timings`.
struct PhaseClock {
    private(set) var laps: [PhaseTiming] = []
    private var last = PhaseClock.sample()

    mutating func lap(_ phase: String) {
        let now = Self.sample()
        laps.append(PhaseTiming(phase: phase, seconds: now.wall - last.wall, cpuSeconds: now.cpu - last.cpu))
        last = now
    }

    private static func sample() -> (wall: Double, cpu: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (Double(DispatchTime.now().uptimeNanoseconds) / 1e9, cpu)
    }
}

/// How long one phase of a run took.
public struct PhaseTiming: Sendable {
    public var phase: String
    /// Wall-clock seconds.
    public var seconds: Double
    /// CPU seconds, all threads together.
    public var cpuSeconds: Double
}

/// A post that was not published, and why.
public struct HeldPost: Sendable, Encodable, Equatable {
    public var path: String
    public var reason: String
}
