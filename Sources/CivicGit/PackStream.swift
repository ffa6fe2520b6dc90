internal import CGit2
internal import CZlib
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

    /// Each object's bytes zlib-compressed (fastest level), worked out on all cores in
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

/// zlib compression at the fastest level, with a window and hash table no larger than each
/// input needs, and a stream kept per window size for the next input of that size (reset,
/// not set up again). Records are mostly a few kilobytes: zlib's defaults (a 32 KB window, a
/// 64K-entry hash table cleared on every start) and setting up five buffers for each cost
/// more than compressing them. The window size is in each stream's header, so whoever
/// inflates it allocates as little. Used by one thread at a time.
final class Deflater {
    /// By window bits; on the heap, since zlib keeps a pointer back to its stream.
    private var streams: [Int32: UnsafeMutablePointer<z_stream>] = [:]

    deinit {
        for stream in streams.values {
            deflateEnd(stream)
            stream.deallocate()
        }
    }

    /// `data` compressed in the zlib format; nil only when zlib runs out of memory
    /// (``GitError/deflateOutOfMemory``).
    func compress(_ data: UnsafeRawBufferPointer) -> [UInt8]? {
        var windowBits: Int32 = 9  // zlib's smallest
        while windowBits < 15, 1 << windowBits < data.count { windowBits += 1 }
        guard let stream = stream(windowBits: windowBits) else { return nil }
        let bound = Int(deflateBound(stream, uLong(data.count)))
        var result = Z_OK
        let empty: UInt8 = 0
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            withUnsafePointer(to: empty) { placeholder in
                // zlib wants a non-null pointer even for no bytes; it does not write through it.
                stream.pointee.next_in = UnsafeMutablePointer(
                    mutating: data.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? placeholder)
                stream.pointee.avail_in = uInt(data.count)
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(bound)
                result = deflate(stream, Z_FINISH)
            }
            count = result == Z_STREAM_END ? Int(stream.pointee.total_out) : 0
        }
        return result == Z_STREAM_END ? out : nil
    }

    /// A stream ready for a new input: the one kept for `windowBits`, reset, or a new one.
    private func stream(windowBits: Int32) -> UnsafeMutablePointer<z_stream>? {
        if let stream = streams[windowBits] {
            return deflateReset(stream) == Z_OK ? stream : nil
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let memoryLevel = max(1, windowBits - 7)  // a hash table of 2^(level + 7) entries
        guard
            deflateInit2_(
                stream, Z_BEST_SPEED, Z_DEFLATED, windowBits, memoryLevel, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            stream.deallocate()
            return nil
        }
        streams[windowBits] = stream
        return stream
    }
}

extension GitError {
    /// What a ``Deflater`` that returned nil means: zlib fails only for want of memory.
    static let deflateOutOfMemory = GitError(code: .init(rawValue: -1), function: "deflate", message: "out of memory")
}
