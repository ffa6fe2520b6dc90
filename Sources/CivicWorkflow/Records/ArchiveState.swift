import CivicPublish
import Crypto
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
    public var versions = KeySet()
    /// Idempotency keys of every queue item ever written.
    public var queued = KeySet()
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

/// A set of keys that are SHA-256 digests in hex (version keys, idempotency keys), held as
/// 32 bytes each rather than 64-character strings: tens of thousands load without a string
/// each. Any other text is kept as text.
public struct KeySet: Sendable, Equatable {
    struct Digest: Hashable, Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64)

        static func == (lhs: Digest, rhs: Digest) -> Bool { lhs.words == rhs.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
        }

        init(words: (UInt64, UInt64, UInt64, UInt64)) {
            self.words = words
        }

        /// Nil unless `hex` is 64 lower-case hexadecimal digits.
        init?(hex: String) {
            guard hex.utf8.count == 64 else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var count = 0
            for byte in hex.utf8 {
                let value: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                switch count / 16 {
                case 0: words.0 = words.0 << 4 | UInt64(value)
                case 1: words.1 = words.1 << 4 | UInt64(value)
                case 2: words.2 = words.2 << 4 | UInt64(value)
                default: words.3 = words.3 << 4 | UInt64(value)
                }
                count += 1
            }
            self.words = words
        }
    }

    var digests: Set<Digest> = []
    var others: Set<String> = []

    public init() {}

    public var count: Int { digests.count + others.count }

    /// Whether the key that is the SHA-256 of `input` is in the set, without making its hex.
    public func contains(sha256Of input: [UInt8]) -> Bool {
        let words = SHA256.hash(data: input).withUnsafeBytes { raw in
            (0..<4).map { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        return digests.contains(Digest(words: (words[0], words[1], words[2], words[3])))
    }

    public func contains(_ key: String) -> Bool {
        if let digest = Digest(hex: key) { return digests.contains(digest) }
        return others.contains(key)
    }

    public mutating func insert(_ key: String) {
        if let digest = Digest(hex: key) { digests.insert(digest) } else { others.insert(key) }
    }

    public mutating func formUnion(_ keys: some Sequence<String>) {
        for key in keys { insert(key) }
    }

    func write(to writer: inout CacheWriter) {
        writer.array(digests) { writer, digest in
            writer.word(digest.words.0)
            writer.word(digest.words.1)
            writer.word(digest.words.2)
            writer.word(digest.words.3)
        }
        writer.array(others) { $0.string($1) }
    }

    init(from reader: inout CacheReader) throws {
        let words = try reader.array { reader in
            Digest(words: (try reader.word(), try reader.word(), try reader.word(), try reader.word()))
        }
        digests = Set(words)
        others = Set(try reader.array { try $0.string() })
    }
}

extension ArchiveState {
    /// The binary cache format's name and version.
    static let magic = "civicpost records state 3\n"

    func encoded() -> [UInt8] {
        var writer = CacheWriter(magic: Self.magic)
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout CacheWriter) {
        writer.optional(tip) { $0.string($1) }
        writer.int(sequence)
        writer.optional(lastHash) { $0.string($1) }
        versions.write(to: &writer)
        queued.write(to: &writer)
        writer.array(live) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value.blob)
            writer.string(entry.value.commit)
            writer.array(entry.value.platforms) { $0.string($1) }
        }
    }

    /// Nil for bytes of another format or cut short.
    init?(encoded bytes: [UInt8]) {
        self.init(encoded: ReadBytes(copying: bytes))
    }

    init?(encoded bytes: ReadBytes) {
        guard var reader = CacheReader(bytes, magic: Self.magic) else { return nil }
        do {
            tip = try reader.optional { try $0.string() }
            sequence = try reader.int()
            lastHash = try reader.optional { try $0.string() }
            versions = try KeySet(from: &reader)
            queued = try KeySet(from: &reader)
            live = try reader.dictionary { reader in
                (
                    try reader.string(),
                    LivePost(blob: try reader.string(), commit: try reader.string(), platforms: Set(try reader.array { try $0.string() }))
                )
            }
            guard reader.isAtEnd else { return nil }
        } catch {
            return nil
        }
    }
}
