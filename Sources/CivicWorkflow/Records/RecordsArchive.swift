import CivicGit
import CivicPolicy
import CivicPublish
import Foundation

/// The public-records archive: the `records` branch, appended to with libgit2 without
/// touching the work tree. Each record is a commit adding one folder — `record.json`, the
/// post's source, the rendered page and the queue items — and each `record.json` carries the
/// SHA-256 of the one before it.
public final class RecordsArchive {
    /// The branch's reference.
    public static let reference = "refs/heads/records"
    static let signature = ("civicpost records", "records@civicpost.invalid")

    let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// Where the state is cached: in the git folder, beside the publish cache.
    static func cacheURL(gitDirectory: String) -> URL {
        URL(fileURLWithPath: gitDirectory).appendingPathComponent("civicpost/records-state.bin")
    }

    /// A record to append, before it has a sequence number and a place in the chain.
    public struct Draft: Sendable {
        public var action: Record.Action
        public var path: String
        public var blob: String
        public var commit: String
        public var approval: Approval?
        public var publishAt: Timestamp
        public var source: [UInt8]
        public var page: [UInt8]?
        public var queueItems: [QueueFile]
    }

    /// The state cached in `gitDirectory`, whatever tip it describes; nil when there is none
    /// or it does not read. (For loading ahead, on another thread: ``state(cached:)`` checks it.)
    public static func cachedState(gitDirectory: String) -> ArchiveState? {
        ReadBytes.map(cacheURL(gitDirectory: gitDirectory).path).flatMap { ArchiveState(encoded: $0) }
    }

    /// The archive's state: the cached one when it describes the branch's current tip, else
    /// rebuilt by reading every record.
    public func state() throws -> ArchiveState {
        try state(cached: Self.cachedState(gitDirectory: repository.gitDirectory))
    }

    /// ``state()`` with the cache already read (`cached`, nil when there was none). Taken, not
    /// copied: the caller's changes to what it returns copy nothing.
    public func state(cached: consuming ArchiveState?) throws -> ArchiveState {
        let tip = try repository.referenceTarget(Self.reference)
        if let state = cached.take(), state.tip == tip?.hex {
            return state
        }
        var state = ArchiveState()
        state.tip = tip?.hex
        guard let tip else { return state }
        for commit in try repository.firstParentChain(from: tip).reversed() {
            for record in try records(addedBy: commit) {
                apply(record.record, queueKeys: record.queueKeys, to: &state)
                state.lastHash = sha256Hex(record.bytes)
            }
        }
        try? saveCache(state)
        return state
    }

    /// Throws unless the publish branch at `tip` still holds, on its first-parent history, the
    /// commit the last record was published from. A branch whose history was rewritten or replaced (a force-push, an
    /// orphan branch named in its place) would otherwise be walked from its new root, which
    /// counts as approved: everything on it would be. Nothing is verified or published then.
    public func requireHistory(of branch: String, at tip: ObjectID) throws {
        guard let recordsTip = try repository.referenceTarget(Self.reference) else { return }
        guard let last = try records(addedBy: try repository.commit(recordsTip)).max(by: { $0.record.sequence < $1.record.sequence })
        else { return }
        // On the first-parent history, not merely reachable: a new history that merges the
        // old one as a side branch (`merge -s ours`) still reaches it.
        let held =
            try ObjectID(hex: last.record.post.commit).map { try repository.firstParentChain(from: tip, stoppingAt: $0) != nil } ?? false
        guard held else {
            throw WorkflowError.invalid(
                "record \(last.record.sequence) was published from commit \(last.record.post.commit.prefix(12)), which the publish branch '\(branch)' no longer holds: its history was rewritten or replaced. Nothing is verified or published until the branch holds that commit again."
            )
        }
    }

    /// The records a commit of the branch added, with their `record.json` bytes.
    func records(addedBy commit: Commit) throws -> [(record: Record, bytes: [UInt8], queueKeys: [String])] {
        let parentTree = try commit.parents.first.map { try repository.commit($0).tree }
        var out: [(Record, [UInt8], [String])] = []
        for change in try repository.changes(from: parentTree, to: commit.tree)
        where change.kind == .added && change.path.hasSuffix("/record.json") {
            let bytes = try repository.blob(change.newBlob!)
            let record = try JSONDecoder().decode(Record.self, from: Data(bytes))
            let keys = record.files.keys.filter { $0.hasPrefix("queue/") }.map { String($0.dropFirst(6).dropLast(5)) }
            out.append((record, bytes, keys))
        }
        return out
    }

    private func apply(_ record: Record, queueKeys: [String], to state: inout ArchiveState) {
        state.sequence = max(state.sequence, record.sequence)
        state.versions.insert(record.versionKey)
        state.queued.formUnion(queueKeys)
        switch record.action {
        case .publish:
            let earlier = state.live[record.post.path]?.platforms ?? []
            state.live[record.post.path] = .init(
                blob: record.post.blob, commit: record.post.commit,
                platforms: earlier.union(record.platforms))
        case .withdraw:
            state.live[record.post.path] = nil
        }
    }

    /// A draft with its files made ready on any thread: each file's name, blob (id and
    /// compressed bytes) and SHA-256, so that the thread writing the records, one after
    /// another, only makes the small objects that chain them.
    public struct PreparedDraft: Sendable {
        var draft: Draft
        var files: [(name: String, blob: PreparedBlob, sha256: String)]

        public init(_ draft: Draft) throws {
            var named: [(String, [UInt8])] = [("source.md", draft.source)]
            if let page = draft.page { named.append(("page.html", page)) }
            for file in draft.queueItems { named.append(("queue/\(file.item.idempotencyKey).json", file.bytes)) }
            self.draft = draft
            let blobs = try PreparedBlob.prepare(named.map(\.1))
            files = zip(named, blobs).map { file, blob in (name: file.0, blob: blob, sha256: sha256Hex(file.1)) }
        }
    }

    /// Where the next record goes: after the branch's tip, the last record's sequence number
    /// and the hash of its `record.json`.
    public struct Position: Sendable {
        var tip: String?
        var sequence: Int
        var lastHash: String?

        public init(_ state: ArchiveState) {
            (tip, sequence, lastHash) = (state.tip, state.sequence, state.lastHash)
        }
    }

    /// Records written to the repository (one pack) but not yet on the branch.
    public struct Written: Sendable {
        var oldTip: ObjectID?
        var tip: ObjectID?
        /// Each record, with its queue items' keys and the hash of its `record.json`.
        var records: [(record: Record, queueKeys: [String], hash: String)]
    }

    /// The drafts as records after `position`, one commit each, written through a batch
    /// handle on the repository at `gitDirectory` as one packfile. Nothing is visible until
    /// ``publish(_:to:)`` moves the branch; this may run on another thread than an archive's.
    public static func write(
        _ drafts: [PreparedDraft], after position: Position, gitDirectory: String, now: Timestamp, retention: String?
    ) throws -> Written {
        let oldTip = position.tip.flatMap { ObjectID(hex: $0) }
        var written = Written(oldTip: oldTip, tip: oldTip, records: [])
        guard !drafts.isEmpty else { return written }
        let batch = try Repository.openBatch(at: gitDirectory)
        var tree = try oldTip.map { try batch.commit($0).tree }
        let time = Date(timeIntervalSince1970: TimeInterval(now.secondsSinceEpoch))
        let author = Signature(name: Self.signature.0, email: Self.signature.1, time: time)
        var (sequence, lastHash) = (position.sequence, position.lastHash)
        for prepared in drafts {
            let draft = prepared.draft
            sequence += 1
            var record = Record(
                sequence: sequence, action: draft.action,
                post: .init(path: draft.path, blob: draft.blob, commit: draft.commit), approval: draft.approval,
                recordedAt: now.description, publishAt: draft.publishAt.description, retention: retention,
                retainUntil: retention.flatMap { Record.retainUntil(from: now.day, period: $0)?.description },
                versionKey: Record.versionKey(path: draft.path, blob: draft.blob, action: draft.action),
                files: [:], previous: lastHash)
            record.platforms = draft.queueItems.map(\.item.platform).sorted()
            for file in prepared.files { record.files[file.name] = file.sha256 }
            let recordBytes = try record.encoded()
            var blobs = try prepared.files.map { (name: $0.name, blob: try batch.writeBlob($0.blob)) }
            blobs.append((name: "record.json", blob: try batch.writeBlob(recordBytes)))
            tree = try batch.tree(tree, placing: blobs, in: record.folder)
            written.tip = try batch.createCommit(
                tree: tree!, parents: written.tip.map { [$0] } ?? [], author: author, committer: author,
                message: "record \(record.sequence): \(draft.action.rawValue) \(draft.path)\n\nprevious: \(record.previous ?? "none")\n")
            lastHash = sha256Hex(recordBytes)
            written.records.append((record, draft.queueItems.map(\.item.idempotencyKey), lastHash!))
        }
        try batch.flushBatch()
        return written
    }

    /// Moves the branch to records ``write(_:after:gitDirectory:now:retention:)`` made, only if it still
    /// points where it did then (no lost records), and brings `state` up to them.
    public func publish(_ written: Written, to state: inout ArchiveState) throws {
        guard let tip = written.tip, tip != written.oldTip else { return }
        try repository.moveReference(
            Self.reference, to: tip, from: written.oldTip, message: "civicpost publish: \(written.records.count) records")
        for (record, queueKeys, hash) in written.records {
            apply(record, queueKeys: queueKeys, to: &state)
            state.lastHash = hash
        }
        state.tip = tip.hex
    }

    /// Keeps the state beside the branch so the next run need not read every record. Call it
    /// once after the appends of a run: a state that does not match the branch's tip (a run
    /// killed before it got here) is rebuilt from the records.
    public func saveCache(_ state: ArchiveState) throws {
        try Self.saveCache(state, gitDirectory: repository.gitDirectory)
    }

    /// ``saveCache(_:)`` without the archive, for another thread (what ``cachedState(gitDirectory:)`` reads).
    public static func saveCache(_ state: ArchiveState, gitDirectory: String) throws {
        let url = cacheURL(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CacheWriter.write(magic: ArchiveState.magic, to: url) { state.write(to: &$0) }
    }
}
