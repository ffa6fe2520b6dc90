import CivicPolicy
import Foundation

/// One outbound platform message, as the sender reads it (`schemas/queue-item.schema.json`).
public struct QueueItem: Codable, Sendable, Equatable {
    /// What the sender does.
    public enum Action: String, Codable, Sendable { case create, withdraw }

    /// The post version a message comes from.
    public struct Source: Codable, Sendable, Equatable {
        public var path: String
        public var blob: String
        public var commit: String

        public init(path: String, blob: String, commit: String) {
            self.path = path
            self.blob = blob
            self.commit = commit
        }
    }

    /// A media file with its alt text.
    public struct MediaFile: Codable, Sendable, Equatable {
        public var file: String
        public var alt: String
    }

    /// Format version; bumped only for incompatible changes.
    public var schema = 1
    /// SHA-256 (hex) of path, blob, platform and action: the same message always has the same key.
    public var idempotencyKey: String
    public var action: Action
    public var platform: String
    /// The text to post, link included.
    public var text: String
    /// The post's page on the city site.
    public var link: String
    public var media: [MediaFile]
    /// When to send, UTC (`2026-10-10T14:00:00Z`).
    public var publishAt: String
    public var post: Source
    public var approval: Approval?

    enum CodingKeys: String, CodingKey {
        case schema, action, platform, text, link, media, post, approval
        case idempotencyKey = "idempotency_key"
        case publishAt = "publish_at"
    }

    /// The item for one platform of a published post (`post` is the version's parsed source,
    /// for the platform's text).
    public init(_ item: PublishedPost, post: Post, platform: Platform, action: Action, config: Config) {
        let path = item.path
        self.idempotencyKey = Self.key(path: path, blob: item.blob, platform: platform.rawValue, action: action)
        self.action = action
        self.platform = platform.rawValue
        self.text = action == .create ? post.message(for: platform, config: config) : ""
        self.link = item.summary.pageURL(config: config) ?? config.baseURL
        self.media = action == .create ? item.summary.media.map { MediaFile(file: $0.file, alt: $0.alt) } : []
        self.publishAt = item.publishAt.description
        self.post = Source(path: path, blob: item.blob, commit: item.commit)
        self.approval = item.approval
    }

    /// SHA-256 over the four fields, each followed by a NUL byte.
    public static func key(path: String, blob: String, platform: String, action: Action) -> String {
        sha256Hex([path, blob, platform, action.rawValue].flatMap { Array($0.utf8) + [0] })
    }

    /// `<platform>/<publish_at>-<slug>-<key8>.json`, with the time in compact UTC form.
    public var fileName: String {
        let time = publishAt.filter { $0 != "-" && $0 != ":" }
        let slug = self.post.path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? "post"
        let suffix = action == .withdraw ? "-withdraw" : ""
        return "\(platform)/\(time)-\(slug)-\(idempotencyKey.prefix(8))\(suffix).json"
    }

    /// The file's bytes: JSON with sorted keys and a final newline.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}

/// A queue item with its file's bytes, encoded once for the queue folder and the record.
public struct QueueFile: Sendable {
    public let item: QueueItem
    public let bytes: [UInt8]

    public init(_ item: QueueItem) throws {
        self.item = item
        bytes = try item.encoded()
    }
}
