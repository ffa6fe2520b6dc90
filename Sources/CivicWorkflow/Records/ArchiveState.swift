import CivicPublish
import Foundation

/// What the records branch holds, in the form a publish run needs: which versions were
/// recorded, which platforms each post went to, and the end of the hash chain. Derived from
/// the branch; cached in the git folder keyed by the branch's tip, rebuilt when they differ.
public struct ArchiveState: Sendable, Equatable {
    /// The records branch commit this state describes (nil: no records yet).
    public var tip: String?
    /// The last record's sequence number (0: none).
    public var sequence = 0
    /// SHA-256 of the last record's `record.json`.
    public var lastHash: String?
    /// Version keys of every record.
    public var versions: Set<String> = []
    /// Idempotency keys of every queue item ever written.
    public var queued: Set<String> = []
    /// Posts sent to platforms and not withdrawn since, by path.
    public var live: [String: LivePost] = [:]

    /// A post out on platforms.
    public struct LivePost: Sendable, Equatable {
        /// The version last published.
        public var blob: String
        public var commit: String
        /// The platforms it went to.
        public var platforms: Set<String>
    }

    public init() {}
}

extension ArchiveState {
    /// The binary cache format's name and version.
    static let magic = "civicpost records state 1\n"

    func encoded() -> [UInt8] {
        var writer = CacheWriter(magic: Self.magic)
        writer.optional(tip) { $0.string($1) }
        writer.int(sequence)
        writer.optional(lastHash) { $0.string($1) }
        writer.array(versions) { $0.string($1) }
        writer.array(queued) { $0.string($1) }
        writer.array(live) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value.blob)
            writer.string(entry.value.commit)
            writer.array(entry.value.platforms) { $0.string($1) }
        }
        return writer.bytes
    }

    /// Nil for bytes of another format or cut short.
    init?(encoded bytes: [UInt8]) {
        guard var reader = CacheReader(bytes, magic: Self.magic) else { return nil }
        do {
            tip = try reader.optional { try $0.string() }
            sequence = try reader.int()
            lastHash = try reader.optional { try $0.string() }
            versions = Set(try reader.array { try $0.string() })
            queued = Set(try reader.array { try $0.string() })
            for (path, live) in try reader.array({ reader in
                (
                    try reader.string(),
                    LivePost(blob: try reader.string(), commit: try reader.string(), platforms: Set(try reader.array { try $0.string() }))
                )
            }) {
                self.live[path] = live
            }
            guard reader.isAtEnd else { return nil }
        } catch {
            return nil
        }
    }
}
