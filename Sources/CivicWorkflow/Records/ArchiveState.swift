import Foundation

/// What the records branch holds, in the form a publish run needs: which versions were
/// recorded, which platforms each post went to, and the end of the hash chain. Derived from
/// the branch; cached in the git folder keyed by the branch's tip, rebuilt when they differ.
public struct ArchiveState: Codable, Sendable, Equatable {
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
    public struct LivePost: Codable, Sendable, Equatable {
        /// The version last published.
        public var blob: String
        public var commit: String
        /// The platforms it went to.
        public var platforms: Set<String>
    }

    public init() {}
}
