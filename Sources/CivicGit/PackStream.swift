internal import CDeflate
internal import CGit2
import Crypto
import Dispatch
import Foundation

/// A packfile (version 2) written object by object into a libgit2 indexer: the header, each
/// object whole (type and size, then its zlib-compressed bytes) and the SHA-1 trailer, in
/// buffered appends. The indexer checks the stream, writes the `.pack` and `.idx` files and
/// moves them into place on ``finish()``.
struct PackStream {
    private let indexer: OpaquePointer
    private var buffer: [UInt8] = []
    private var hash = Insecure.SHA1()
    private var progress = git_indexer_progress()

    /// Bytes gathered before each `git_indexer_append`.
    private static let bufferSize = 1 << 20

    init(indexer: OpaquePointer) {
        self.indexer = indexer
        buffer.reserveCapacity(Self.bufferSize + 64)
    }

    mutating func header(count: Int) throws {
        precondition(count <= Int(UInt32.max))
        buffer += Array("PACK".utf8) + [0, 0, 0, 2]
        for shift in stride(from: 24, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: count >> shift)) }
    }

    /// One object to append: its type (commit, tree, blob or tag), its size, and either its
    /// bytes, which stay valid and unchanged until ``objects(_:)`` returns, or them compressed.
    /// `@unchecked Sendable`: the bytes are only read, by the compressing threads.
    struct Object: @unchecked Sendable {
        var type: git_object_t
        var size: Int
        var data: UnsafeRawBufferPointer? = nil
        var compressed: [UInt8]? = nil
    }

    /// About how many bytes of objects a caller hands to ``objects(_:)`` at a time.
    static let sliceBytes = 4 << 20

    /// Appends `objects` undeltified, in order; their bytes are compressed on all cores.
    mutating func objects(_ objects: [Object]) throws {
        let compressed = try Self.compress(objects)
        for (object, bytes) in zip(objects, compressed) {
            // Type and size: the first byte has the type in bits 4-6 and the size's low four
            // bits; each further byte seven more bits; the top bit says another byte follows.
            var size = object.size
            var byte = UInt8(truncatingIfNeeded: (Int(object.type.rawValue) << 4) | (size & 0x0f))
            size >>= 4
            while size > 0 {
                buffer.append(byte | 0x80)
                byte = UInt8(truncatingIfNeeded: size & 0x7f)
                size >>= 7
            }
            buffer.append(byte)
            buffer += bytes
            if buffer.count >= Self.bufferSize { try flush() }
        }
    }

    /// Each object's bytes compressed in the zlib format (fastest level), worked out on all cores in
    /// contiguous runs; results in order.
    private static func compress(_ objects: [Object]) throws -> [[UInt8]] {
        let runs = min(objects.count, 8 * ProcessInfo.processInfo.activeProcessorCount)
        guard runs > 0 else { return [] }
        let results = UnsafeMutableBufferPointer<[UInt8]?>.allocate(capacity: objects.count)
        defer { results.deallocate() }
        let slots = CompressedSlots(results)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let deflater = Deflater()
            for index in (objects.count * run / runs)..<(objects.count * (run + 1) / runs) {
                let object = objects[index]
                slots.store(object.compressed ?? object.data.flatMap(deflater.compress), at: index)
            }
        }
        defer { _ = results.baseAddress!.deinitialize(count: objects.count) }
        return try results.map { compressed throws(GitError) in
            guard let compressed else { throw GitError.deflateOutOfMemory }
            return compressed
        }
    }

    /// Appends the trailer and lets the indexer write the pack and its index.
    mutating func finish() throws {
        try flush()
        let trailer = Array(hash.finalize())
        buffer = trailer
        try append()
        try check(git_indexer_commit(indexer, &progress))
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        hash.update(data: buffer)
        try append()
    }

    private mutating func append() throws {
        try buffer.withUnsafeBytes { raw in
            try check(git_indexer_append(indexer, raw.baseAddress, raw.count, &progress))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Where compressing threads put each object's result, each at its own index.
/// `@unchecked Sendable`: every index is written by exactly one thread, and read only after
/// `concurrentPerform` returns, which orders the writes before the reads.
private struct CompressedSlots: @unchecked Sendable {
    let storage: UnsafeMutableBufferPointer<[UInt8]?>

    init(_ storage: UnsafeMutableBufferPointer<[UInt8]?>) {
        self.storage = storage
    }

    func store(_ value: [UInt8]?, at index: Int) {
        (storage.baseAddress! + index).initialize(to: value)
    }
}

/// Compression in the zlib format, as packs and loose objects store objects, by libdeflate at
/// its fastest level: on this machine's pages and queue files, 2.4 times zlib's fastest level,
/// and 5% smaller. Records are whole files in memory, which is what libdeflate's one-call
/// interface wants. Used by one thread at a time.
final class Deflater {
    /// nil when it could not be allocated; ``compress(_:)`` then returns nil.
    private let compressor: OpaquePointer?

    init() {
        compressor = libdeflate_alloc_compressor(1)
    }

    deinit {
        libdeflate_free_compressor(compressor)
    }

    /// `data` compressed in the zlib format; nil only when memory ran out
    /// (``GitError/deflateOutOfMemory``).
    func compress(_ data: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let compressor else { return nil }
        let bound = libdeflate_zlib_compress_bound(compressor, data.count)
        let empty: UInt8 = 0
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            // A non-null input pointer even for no bytes; nothing is read through it then.
            count = withUnsafePointer(to: empty) { placeholder in
                libdeflate_zlib_compress(
                    compressor, data.baseAddress ?? UnsafeRawPointer(placeholder), data.count, buffer.baseAddress, bound)
            }
        }
        // The output always fits in the bound: 0 bytes would mean it did not.
        return out.isEmpty ? nil : out
    }
}

extension GitError {
    /// What a ``Deflater`` that returned nil means: it fails only for want of memory.
    static let deflateOutOfMemory = GitError(code: .init(rawValue: -1), function: "deflate", message: "out of memory")
}
