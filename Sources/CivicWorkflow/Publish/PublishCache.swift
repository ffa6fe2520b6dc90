import CivicGit
import CivicPolicy
import CivicPublish
import Foundation

/// What a publish run keeps for the next one, in the repository's git folder: each checked
/// post version's summary and error count (keyed by blob and by the settings and day it was
/// checked under), and the render keys of the pages of each output folder. Derived data only:
/// deleting it costs time, never correctness.
struct PublishCache: Sendable {
    struct Checked: Sendable {
        var summary: PostSummary
        var errors: Int
    }

    /// The settings and day the `checked` entries hold for.
    var checkFingerprint = ""
    var checked: [ObjectID: Checked] = [:]
    /// Render keys by output folder path.
    var sites: [String: RenderCache] = [:]

    /// The format's name and version, first in the file.
    static let magic = "civicpost publish cache 3\n"

    static func url(gitDirectory: String) -> URL {
        URL(fileURLWithPath: gitDirectory).appendingPathComponent("civicpost/publish-cache.bin")
    }

    static func load(gitDirectory: String) -> PublishCache {
        guard let bytes = ReadBytes.map(url(gitDirectory: gitDirectory).path),
            var reader = CacheReader(bytes, magic: magic),
            let cache = try? PublishCache(from: &reader), reader.isAtEnd
        else { return PublishCache() }
        return cache
    }

    /// Writes the cache (without `fsync` unless `durable`: a lost cache is only rebuilt).
    func save(gitDirectory: String, durable: Bool = false) throws {
        let url = Self.url(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CacheWriter.write(magic: Self.magic, to: url, durable: durable) { writer in
            writer.string(checkFingerprint)
            writer.array(checked) { writer, entry in
                writer.id(entry.key)
                entry.value.summary.write(to: &writer)
                writer.int(entry.value.errors)
            }
            writer.array(sites.sorted { $0.key < $1.key }) { writer, entry in
                writer.string(entry.key)
                entry.value.write(to: &writer)
            }
        }
    }

    init() {}

    private init(from reader: inout CacheReader) throws {
        checkFingerprint = try reader.string()
        checked = try reader.dictionary { reader in
            (try reader.id(), Checked(summary: try PostSummary(from: &reader), errors: try reader.int()))
        }
        sites = try reader.dictionary { reader in (try reader.string(), try RenderCache(from: &reader)) }
    }
}

/// An exclusive lock on publishing in one repository (`flock` on a file in the git folder):
/// two runs never interleave. Released when the process ends, however it ends.
final class PublishLock {
    private let descriptor: Int32

    init(gitDirectory: String) throws {
        let folder = URL(fileURLWithPath: gitDirectory).appendingPathComponent("civicpost")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("publish.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WorkflowError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw WorkflowError.invalid("another civicpost publish is running in this repository (lock \(path)); try again when it ends")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
