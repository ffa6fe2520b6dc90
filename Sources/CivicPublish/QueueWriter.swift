internal import CFileSync
import CivicPolicy
import Foundation

/// Writes queue items into the queue folder exactly once, even when a run is killed at any
/// moment and the sender empties the folder meanwhile, with a roll-forward journal:
///
/// 1. every item of a batch is written to `.civicpost-pending/<key>.json` and made durable;
/// 2. the journal (`.civicpost-pending/journal.json`) lists the batch's keys and file names;
/// 3. each pending file is renamed into `<platform>/…json`;
/// 4. the caller records the batch (the records archive), then ``finish()`` drops the journal.
///
/// A run that finds a journal completes it (``recover()``): a pending file still there was
/// never visible and is renamed into place now; a missing one is already in the queue or
/// taken by the sender, and is not written again. Which items to write is the caller's
/// decision, from the records archive; the folder itself is the sender's to empty (it must
/// ignore names starting with a dot).
public struct QueueWriter {
    public let root: URL
    let pending: URL
    let journal: URL

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        pending = self.root.appendingPathComponent(".civicpost-pending")
        journal = pending.appendingPathComponent("journal.json")
        try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
    }

    struct Entry: Codable {
        var key: String
        var file: String
    }

    /// Completes an interrupted batch; returns the keys that must not be written again.
    public func recover() throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: journal.path),
            let entries = try? JSONDecoder().decode([Entry].self, from: data)
        else {
            try clearPending()
            return []
        }
        for entry in entries {
            let staged = pending.appendingPathComponent(entry.key + ".json")
            guard FileManager.default.fileExists(atPath: staged.path) else { continue }
            try moveIntoPlace(staged, entry.file)
        }
        return Set(entries.map(\.key))
    }

    /// Writes `items` but those in `skipping` (already written by an interrupted run), as one
    /// journaled batch. Call ``finish()`` once the batch is recorded.
    public func write(_ items: [QueueItem], skipping: Set<String> = []) throws {
        guard !items.isEmpty else { return }
        var toMove: [(URL, String)] = []
        for item in items where !skipping.contains(item.idempotencyKey) {
            let staged = pending.appendingPathComponent(item.idempotencyKey + ".json")
            try AtomicFile.writeUnsynced(try item.encoded(), to: staged.path)
            toMove.append((staged, item.fileName))
        }
        let descriptor = open(pending.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishError.io(path: pending.path, errno: errno) }
        let synced = civicpost_syncfs(descriptor)
        close(descriptor)
        guard synced == 0 else { throw PublishError.io(path: pending.path, errno: errno) }
        let entries = items.map { Entry(key: $0.idempotencyKey, file: $0.fileName) }
        try AtomicFile.write(Array(try JSONEncoder().encode(entries)), to: journal)
        for (staged, file) in toMove { try moveIntoPlace(staged, file) }
    }

    /// The batch is recorded: the journal is no longer needed.
    public func finish() throws {
        if FileManager.default.fileExists(atPath: journal.path) { try FileManager.default.removeItem(at: journal) }
        try clearPending()
    }

    private func moveIntoPlace(_ staged: URL, _ file: String) throws {
        guard !file.hasPrefix("/"), !file.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            throw PublishError.unsafePath(file)
        }
        let target = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard rename(staged.path, target.path) == 0 else { throw PublishError.io(path: target.path, errno: errno) }
    }

    private func clearPending() throws {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: pending.path)) ?? [] where name.hasSuffix(".json") {
            try FileManager.default.removeItem(at: pending.appendingPathComponent(name))
        }
    }
}
