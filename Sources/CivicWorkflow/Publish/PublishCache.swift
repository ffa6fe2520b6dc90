import CivicPolicy
import CivicPublish
import Foundation

/// What a publish run keeps for the next one, in the repository's git folder: each checked
/// post version's summary and error count (keyed by blob and by the settings and day it was
/// checked under), and the render keys of the pages of each output folder. Derived data only:
/// deleting it costs time, never correctness.
struct PublishCache: Codable {
    struct Checked: Codable {
        var summary: PostSummary
        var errors: Int
    }

    /// The settings and day the `checked` entries hold for.
    var checkFingerprint = ""
    var checked: [String: Checked] = [:]
    /// Render keys by output folder path.
    var sites: [String: RenderCache] = [:]

    static func url(gitDirectory: String) -> URL {
        URL(fileURLWithPath: gitDirectory).appendingPathComponent("civicpost/publish-cache.json")
    }

    static func load(gitDirectory: String) -> PublishCache {
        guard let data = FileManager.default.contents(atPath: url(gitDirectory: gitDirectory).path),
            let cache = try? JSONDecoder().decode(PublishCache.self, from: data)
        else { return PublishCache() }
        return cache
    }

    func save(gitDirectory: String) throws {
        let url = Self.url(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Array(try JSONEncoder().encode(self)), to: url)
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
