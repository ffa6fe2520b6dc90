import CivicGit
import CivicPolicy
import CivicPublish
import Foundation

/// Reading the archive for a public-records request or a retention review.
public struct RecordsReader {
    let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// One record with its files.
    public struct Entry {
        public var record: Record
        public var folder: String
        public var files: [(name: String, bytes: [UInt8])]
    }

    /// Every record, oldest first; `include` filters before the files are read.
    public func entries(where include: (Record) -> Bool = { _ in true }) throws -> [Entry] {
        guard let tip = try repository.referenceTarget(RecordsArchive.reference) else { return [] }
        let tree = try repository.commit(tip).tree
        var out: [Entry] = []
        for file in try repository.files(inTree: tree, under: "records") where file.path.hasSuffix("/record.json") {
            let record = try JSONDecoder().decode(Record.self, from: Data(try repository.blob(file.blob)))
            guard include(record) else { continue }
            let folder = String(file.path.dropLast("record.json".count))
            let files = try repository.files(inTree: tree, under: folder).map { entry in
                (String(entry.path.dropFirst(folder.count)), try repository.blob(entry.blob))
            }
            out.append(Entry(record: record, folder: folder, files: files))
        }
        return out.sorted { $0.record.sequence < $1.record.sequence }
    }

    /// Records made from `from` to `to` (days, inclusive) as JSON Lines: one object per
    /// record with its `record.json` and its files (text as UTF-8).
    public func jsonLines(from: Day?, to: Day?) throws -> [UInt8] {
        var out: [UInt8] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Line: Encodable {
            var record: Record
            var files: [String: String]
        }
        for entry in try entries(where: { Self.within($0, from: from, to: to) }) {
            var files: [String: String] = [:]
            for (name, bytes) in entry.files { files[name] = String(decoding: bytes, as: UTF8.self) }
            out += Array(try encoder.encode(Line(record: entry.record, files: files))) + [0x0A]
        }
        return out
    }

    /// The same records as a ZIP archive: one folder per record with its files as kept.
    public func zip(from: Day?, to: Day?) throws -> [UInt8] {
        var writer = ZipWriter()
        for entry in try entries(where: { Self.within($0, from: from, to: to) }) {
            for (name, bytes) in entry.files { writer.add(path: entry.folder + name, bytes: bytes) }
        }
        return writer.finish()
    }

    static func within(_ record: Record, from: Day?, to: Day?) -> Bool {
        guard let day = Timestamp(record.recordedAt)?.day else { return false }
        return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
}

/// A minimal ZIP writer (stored entries, no compression), enough for an export any unzip reads.
struct ZipWriter {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    mutating func add(path: String, bytes: [UInt8]) {
        let name = Array(path.utf8)
        let crc = Self.crc32(bytes)
        let offset = UInt32(body.count)
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        let size = le32(UInt32(bytes.count))
        // Local file header: version 2.0, UTF-8 names (bit 11), stored.
        body += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        body += le32(crc) + size + size + le16(name.count) + le16(0) + name + bytes
        directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        directory += le32(crc) + size + size + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0)
        directory += le32(0o100644 << 16) + le32(offset) + name
        count += 1
    }

    mutating func finish() -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        let end =
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count)
            + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
        return body + directory + end
    }

    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
