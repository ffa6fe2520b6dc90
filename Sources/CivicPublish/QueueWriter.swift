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
    private let rootPath: String
    private let pendingPath: String

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        pending = self.root.appendingPathComponent(".civicpost-pending")
        journal = pending.appendingPathComponent("journal.json")
        rootPath = self.root.path
        pendingPath = pending.path
        try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
        try Self.requireFolder(pendingPath, shownAs: ".civicpost-pending")
    }

    /// Whether `text` is 64 lower-case hexadecimal digits.
    static func isKey(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Throws unless `path` is a folder itself, not a symbolic link to one: whoever can write
    /// the queue folder (the sender empties it) must not steer the writes and removals of a
    /// publish elsewhere.
    private static func requireFolder(_ path: String, shownAs name: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw PublishError.io(path: path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw PublishError.unsafePath(name) }
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
        var folders: Set<String> = []
        // A journal names only idempotency keys (SHA-256 in hex): whoever can write the queue
        // folder must not make recovery move a file in from elsewhere (`../../secret`).
        guard entries.allSatisfy({ Self.isKey($0.key) }) else {
            throw PublishError.unsafePath(".civicpost-pending/journal.json")
        }
        for entry in entries {
            let staged = pendingPath + "/" + entry.key + ".json"
            guard FileManager.default.fileExists(atPath: staged) else { continue }
            try moveIntoPlace(staged, entry.file, knownFolders: &folders)
        }
        return Set(entries.map(\.key))
    }

    /// Writes `files` but those in `skipping` (already written by an interrupted run), as one
    /// journaled batch. Call ``finish()`` once the batch is recorded.
    public func write(_ files: [QueueFile], skipping: Set<String> = []) throws {
        guard !files.isEmpty else { return }
        var toMove: [(String, String)] = []
        for file in files where !skipping.contains(file.item.idempotencyKey) {
            let staged = pendingPath + "/" + file.item.idempotencyKey + ".json"
            try AtomicFile.writeUnsynced(file.bytes, to: staged)
            toMove.append((staged, file.item.fileName))
        }
        let descriptor = open(pendingPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishError.io(path: pendingPath, errno: errno) }
        let synced = civicpost_syncfs(descriptor)
        close(descriptor)
        guard synced == 0 else { throw PublishError.io(path: pendingPath, errno: errno) }
        let entries = files.map { Entry(key: $0.item.idempotencyKey, file: $0.item.fileName) }
        try AtomicFile.write(Array(try JSONEncoder().encode(entries)), to: journal)
        var folders: Set<String> = []
        for (staged, file) in toMove { try moveIntoPlace(staged, file, knownFolders: &folders) }
    }

    /// The batch is recorded: the journal is no longer needed.
    public func finish() throws {
        if FileManager.default.fileExists(atPath: journal.path) { try FileManager.default.removeItem(at: journal) }
        try clearPending()
    }

    private func moveIntoPlace(_ staged: String, _ file: String, knownFolders: inout Set<String>) throws {
        guard !file.hasPrefix("/"), !file.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            throw PublishError.unsafePath(file)
        }
        let target = rootPath + "/" + file
        let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
        if knownFolders.insert(folder).inserted {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Every folder between the queue's root and the file.
            var below = rootPath
            for component in file.split(separator: "/").dropLast() {
                below += "/" + component
                try Self.requireFolder(below, shownAs: String(below.dropFirst(rootPath.count + 1)))
            }
        }
        guard rename(staged, target) == 0 else { throw PublishError.io(path: target, errno: errno) }
    }

    private func clearPending() throws {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: pending.path)) ?? [] where name.hasSuffix(".json") {
            try FileManager.default.removeItem(at: pending.appendingPathComponent(name))
        }
    }
}
