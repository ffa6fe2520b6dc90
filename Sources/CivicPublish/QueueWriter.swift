import CivicPolicy
import Foundation

/// Writes one queue file per platform message, each exactly once. The ledger (an append-only
/// file of idempotency keys beside the queue) is the record of what was queued, so a sender
/// may move files out of the queue without causing them to be written again.
public struct QueueWriter {
    public let config: Config
    public let folder: OutputFolder
    let ledgerPath: URL

    public init(config: Config, folder: OutputFolder) {
        self.config = config
        self.folder = folder
        self.ledgerPath = folder.root.appendingPathComponent(".civicpost-ledger")
    }

    /// Queues `create` items for due, current posts and `withdraw` items for outdated posts
    /// that were queued before; returns the items written by this run.
    public func enqueue(_ posts: [PublishedPost]) throws -> [QueueItem] {
        var ledger = try readLedger()
        var written: [QueueItem] = []
        for item in posts.sorted(by: { ($0.publishAt, $0.post.path) < ($1.publishAt, $1.post.path) }) {
            for platform in item.post.frontMatter?.targetPlatforms ?? [] where config.platforms.contains(platform) {
                let queued: QueueItem
                if item.outdated {
                    // Withdraw what went out, whichever version it was.
                    guard ledger.created.contains(LedgerKey(path: item.post.path, platform: platform.rawValue)),
                          !ledger.withdrawn.contains(LedgerKey(path: item.post.path, platform: platform.rawValue)) else { continue }
                    queued = QueueItem(item, platform: platform, action: .withdraw, config: config)
                } else {
                    queued = QueueItem(item, platform: platform, action: .create, config: config)
                }
                guard !ledger.keys.contains(queued.idempotencyKey) else { continue }
                try folder.write(try queued.encoded(), to: queued.fileName)
                try appendToLedger(queued)
                ledger.record(queued)
                written.append(queued)
            }
        }
        return written
    }

    struct LedgerKey: Hashable {
        var path: String
        var platform: String
    }

    struct Ledger {
        var keys: Set<String> = []
        var created: Set<LedgerKey> = []
        var withdrawn: Set<LedgerKey> = []

        mutating func record(_ item: QueueItem) {
            keys.insert(item.idempotencyKey)
            let key = LedgerKey(path: item.post.path, platform: item.platform)
            switch item.action {
            case .create:
                created.insert(key)
                withdrawn.remove(key)
            case .withdraw:
                withdrawn.insert(key)
            }
        }
    }

    struct LedgerLine: Codable {
        var key: String
        var action: QueueItem.Action
        var path: String
        var platform: String
    }

    func readLedger() throws -> Ledger {
        var ledger = Ledger()
        guard let data = FileManager.default.contents(atPath: ledgerPath.path) else { return ledger }
        let decoder = JSONDecoder()
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            // A torn last line (a run killed mid-append) is ignored; its item is written again,
            // at the same file name, with the same bytes.
            guard let entry = try? decoder.decode(LedgerLine.self, from: Data(line)) else { continue }
            var item = QueueItem.placeholder
            item.idempotencyKey = entry.key
            item.action = entry.action
            item.platform = entry.platform
            item.post.path = entry.path
            ledger.record(item)
        }
        return ledger
    }

    func appendToLedger(_ item: QueueItem) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Array(try encoder.encode(LedgerLine(key: item.idempotencyKey, action: item.action,
                                                        path: item.post.path, platform: item.platform))) + [0x0A]
        let descriptor = open(ledgerPath.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError.io(path: ledgerPath.path, errno: errno) }
        defer { close(descriptor) }
        let count = line.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, $0.count) }
        guard count == line.count, fsync(descriptor) == 0 else { throw PublishError.io(path: ledgerPath.path, errno: errno) }
    }
}

extension QueueItem {
    static var placeholder: QueueItem {
        QueueItem(idempotencyKey: "", action: .create, platform: "", text: "", link: "", media: [], publishAt: "",
                  post: Source(path: "", blob: "", commit: ""), approval: nil)
    }

    init(idempotencyKey: String, action: Action, platform: String, text: String, link: String, media: [MediaFile],
         publishAt: String, post: Source, approval: Approval?) {
        self.idempotencyKey = idempotencyKey
        self.action = action
        self.platform = platform
        self.text = text
        self.link = link
        self.media = media
        self.publishAt = publishAt
        self.post = post
        self.approval = approval
    }
}
