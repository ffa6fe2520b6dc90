import CivicPolicy
import Crypto
import Foundation

/// One entry of the public-records archive (`record.json` on the `records` branch): a
/// published or withdrawn version of a post, with its approval evidence, the hashes of the
/// files kept beside it, and the SHA-256 of the previous record's `record.json` (a hash chain).
public struct Record: Codable, Sendable, Equatable {
    /// What happened to the version.
    public enum Action: String, Codable, Sendable { case publish, withdraw }

    /// Format version.
    public var schema = 1
    /// 1, 2, 3, … in the order records were appended.
    public var sequence: Int
    public var action: Action
    public var post: QueueItem.Source
    public var approval: Approval?
    /// When the record was made (the publish run's time), UTC.
    public var recordedAt: String
    /// When the version was due, UTC.
    public var publishAt: String
    /// The retention period that applies (`7y`), from `retention.posts` in civicpost.yml.
    public var retention: String?
    /// The last day the record must be kept; nil when no period is configured.
    public var retainUntil: String?
    /// SHA-256 (hex) of path, blob and action: the version's identity in the archive.
    public var versionKey: String
    /// SHA-256 (hex) of each file kept beside `record.json`, by its name in the record's folder.
    public var files: [String: String]
    /// The platforms the record's queue items are for.
    public var platforms: [String] = []
    /// SHA-256 (hex) of the previous record's `record.json`; nil for the first record.
    public var previous: String?

    public init(
        sequence: Int, action: Action, post: QueueItem.Source, approval: Approval?, recordedAt: String,
        publishAt: String, retention: String?, retainUntil: String?, versionKey: String,
        files: [String: String], previous: String?
    ) {
        self.sequence = sequence
        self.action = action
        self.post = post
        self.approval = approval
        self.recordedAt = recordedAt
        self.publishAt = publishAt
        self.retention = retention
        self.retainUntil = retainUntil
        self.versionKey = versionKey
        self.files = files
        self.previous = previous
    }

    enum CodingKeys: String, CodingKey {
        case schema, sequence, action, post, approval, retention, files, previous, platforms
        case recordedAt = "recorded_at"
        case publishAt = "publish_at"
        case retainUntil = "retain_until"
        case versionKey = "version_key"
    }

    /// The archive identity of a version.
    public static func versionKey(path: String, blob: String, action: Action) -> String {
        sha256Hex(versionKeyInput(path: path, blob: blob, action: action))
    }

    /// What ``versionKey(path:blob:action:)`` is the SHA-256 of.
    public static func versionKeyInput(path: String, blob: String, action: Action) -> [UInt8] {
        Array("\(path)\u{0}\(blob)\u{0}\(action.rawValue)".utf8)
    }

    /// The record's folder on the records branch: `records/<bucket>/<sequence>-<key12>/`,
    /// a hundred records to a bucket so that no folder grows large.
    public var folder: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "records/\(pad(sequence / 100, 4))/\(pad(sequence, 6))-\(versionKey.prefix(12))/"
    }

    /// The bytes of `record.json`: sorted keys, a final newline.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// The last day to keep a record made on `day` for `period` (`7y`, `18m`, `90d`); nil when
    /// the period cannot be read.
    public static func retainUntil(from day: Day, period: String) -> Day? {
        guard let unit = period.last, let count = Int(period.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "y":
            return Day(year: day.year + count, month: day.month, day: min(day.day, Day.lastDay(month: day.month, year: day.year + count)))
        case "m":
            let months = day.month - 1 + count
            let year = day.year + months / 12, month = months % 12 + 1
            return Day(year: year, month: month, day: min(day.day, Day.lastDay(month: month, year: year)))
        case "d": return day.adding(days: count)
        default: return nil
        }
    }
}

/// SHA-256 of bytes, as lower-case hex.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    lowerHex(SHA256.hash(data: Array(bytes)))
}

/// Bytes (a digest) as lower-case hex.
func lowerHex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
