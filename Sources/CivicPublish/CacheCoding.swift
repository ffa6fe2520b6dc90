import CivicPolicy
import Foundation

/// The binary form of the caches a publish run keeps between runs (summaries of checked
/// posts, render keys, the records archive's state): a magic string naming the format and
/// its version, then fields in a fixed order, integers as LEB128 varints and strings as a
/// length and UTF-8 bytes. It loads 10,000 summaries in milliseconds where JSON took
/// hundreds. A cache is derived data: one that is missing, from another version or cut
/// short is simply rebuilt.
///
/// Writer and reader are `@inlinable`: their generic methods (`array`, `dictionary`,
/// `optional`) are specialized in the module that calls them, where the element types are
/// known, and the small ones inlined into those loops. Unspecialized, across the module
/// boundary, every value went through its type's witness table: reading the approval
/// checkpoint's 10,000 entries took twice as long.
public struct CacheWriter {
    /// What was written, for a writer in memory (``init(magic:)``).
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8] = []
    /// The file written to (``write(magic:to:durable:_:)``), or -1 in memory.
    @usableFromInline let output: Int32
    private let outputPath: String
    /// The first write error (`errno`); later chunks are dropped, and ``write`` throws it.
    private var failure: Int32 = 0
    /// Bytes held before they go to the file.
    @usableFromInline static let chunkSize = 1 << 18

    /// A writer into memory.
    public init(magic: String) {
        output = -1
        outputPath = ""
        storage.reserveCapacity(1 << 16)
        storage += Array(magic.utf8)
    }

    private init(magic: String, output: Int32, path: String) {
        self.output = output
        outputPath = path
        storage.reserveCapacity(Self.chunkSize + (1 << 12))
        storage += Array(magic.utf8)
    }

    /// Writes the cache file at `url` through ``AtomicFile`` as `body` makes it, a chunk at a
    /// time: memory stays flat, however large the cache (a publish cache is megabytes, and
    /// fresh memory is not free).
    public static func write(
        magic: String, to url: URL, durable: Bool = false, _ body: (inout CacheWriter) throws -> Void
    ) throws {
        try AtomicFile.write(to: url, durable: durable) { descriptor in
            var writer = CacheWriter(magic: magic, output: descriptor, path: url.path)
            try body(&writer)
            writer.flush()
            if writer.failure != 0 { throw PublishError.io(path: url.path, errno: writer.failure) }
        }
    }

    /// Sends the held bytes to the file once a chunk is full (nothing in memory).
    @inlinable
    mutating func flushIfFull() {
        if output >= 0, storage.count >= Self.chunkSize { flush() }
    }

    @usableFromInline
    mutating func flush() {
        if failure == 0 {
            do {
                try storage.withUnsafeBytes { try AtomicFile.writeAll($0, to: output, path: outputPath) }
            } catch PublishError.io(_, let code) {
                failure = code
            } catch {
                failure = EIO
            }
        }
        storage.removeAll(keepingCapacity: true)
    }

    @inlinable
    public mutating func int(_ value: Int) {
        // Zig-zag, so that small negative numbers stay short.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        storage.append(UInt8(rest))
    }

    @inlinable
    public mutating func bool(_ value: Bool) {
        storage.append(value ? 1 : 0)
    }

    /// Eight bytes, little-endian: for values spread over the whole range (digests), which
    /// a varint would stretch to ten.
    @inlinable
    public mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { storage.append(contentsOf: $0) }
    }

    @inlinable
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            storage.append(contentsOf: utf8)
        }
    }

    @inlinable
    public mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    @inlinable
    public mutating func array<Value>(_ values: some Collection<Value>, _ write: (inout CacheWriter, Value) -> Void) {
        int(values.count)
        for value in values {
            write(&self, value)
            flushIfFull()
        }
    }
}

/// Reads what a ``CacheWriter`` wrote; throws ``CacheReader/Truncated`` on bytes that end
/// early or do not make sense, so the caller falls back to an empty cache.
public struct CacheReader {
    public struct Truncated: Error {
        public init() {}
    }

    /// What is read, kept alive while it is.
    @usableFromInline let source: ReadBytes
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var offset: Int

    /// Nil when the bytes do not start with `magic`.
    public init?(_ source: ReadBytes, magic: String) {
        let prefix = Array(magic.utf8)
        guard source.bytes.starts(with: prefix) else { return nil }
        self.source = source
        bytes = source.bytes
        offset = prefix.count
    }

    /// Reads a copy of `bytes`.
    public init?(_ bytes: [UInt8], magic: String) {
        self.init(ReadBytes(copying: bytes), magic: magic)
    }

    @inlinable public var isAtEnd: Bool { offset == bytes.count }

    @inlinable
    public mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int(Int64(bitPattern: result))
        return (value >>> 1) ^ -(value & 1)
    }

    @inlinable
    public mutating func word() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Truncated() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable
    public mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    @inlinable
    public mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    @inlinable
    public mutating func optional<Value>(_ read: (inout CacheReader) throws -> Value) throws -> Value? {
        try bool() ? try read(&self) : nil
    }

    @inlinable
    public mutating func array<Value>(_ read: (inout CacheReader) throws -> Value) throws -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// What ``CacheWriter/array(_:_:)`` wrote of key-value pairs, read straight into a
    /// dictionary of the right capacity (no array in between, no growing); a later pair
    /// replaces an earlier one with the same key.
    @inlinable
    public mutating func dictionary<Key: Hashable, Value>(
        _ read: (inout CacheReader) throws -> (Key, Value)
    ) throws -> [Key: Value] {
        let count = try count()
        var values: [Key: Value] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let (key, value) = try read(&self)
            values[key] = value
        }
        return values
    }

    /// An element count, which cannot exceed the bytes left (every element takes one).
    @inlinable
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        return count
    }
}

/// Logical shift right, for zig-zag decoding.
infix operator >>> : BitwiseShiftPrecedence

@usableFromInline func >>> (value: Int, shift: Int) -> Int {
    Int(bitPattern: UInt(bitPattern: value) >> UInt(shift))
}

extension Timestamp {
    public func write(to writer: inout CacheWriter) {
        writer.int(secondsSinceEpoch)
        writer.int(offsetMinutes)
    }

    public init(from reader: inout CacheReader) throws {
        self.init(secondsSinceEpoch: try reader.int(), offsetMinutes: try reader.int())
    }
}

extension Day {
    public func write(to writer: inout CacheWriter) {
        writer.int(year)
        writer.int(month)
        writer.int(day)
    }

    public init(from reader: inout CacheReader) throws {
        self.init(year: try reader.int(), month: try reader.int(), day: try reader.int())
    }
}

extension PostSummary {
    public func write(to writer: inout CacheWriter) {
        writer.string(path)
        writer.string(title)
        writer.optional(summary) { $0.string($1) }
        writer.string(department)
        writer.optional(publishAt) { $1.write(to: &$0) }
        writer.optional(reviewBy) { $1.write(to: &$0) }
        writer.array(platforms) { $0.string($1.rawValue) }
        writer.array(media) { writer, file in
            writer.string(file.file)
            writer.string(file.alt)
            writer.optional(file.credit) { $0.string($1) }
        }
        writer.optional(firstParagraph) { $0.string($1) }
        writer.optional(pagePath) { $0.string($1) }
    }

    public init(from reader: inout CacheReader) throws {
        path = try reader.string()
        title = try reader.string()
        summary = try reader.optional { try $0.string() }
        department = try reader.string()
        publishAt = try reader.optional { try Timestamp(from: &$0) }
        reviewBy = try reader.optional { try Day(from: &$0) }
        platforms = try reader.array { reader in
            guard let platform = Platform(rawValue: try reader.string()) else { throw CacheReader.Truncated() }
            return platform
        }
        media = try reader.array { reader in
            MediaFile(file: try reader.string(), alt: try reader.string(), credit: try reader.optional { try $0.string() })
        }
        firstParagraph = try reader.optional { try $0.string() }
        pagePath = try reader.optional { try $0.string() }
    }
}

extension RenderCache {
    public func write(to writer: inout CacheWriter) {
        writer.array(keys) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value)
        }
    }

    public init(from reader: inout CacheReader) throws {
        self.init()
        keys = try reader.dictionary { (try $0.string(), try $0.string()) }
    }
}
