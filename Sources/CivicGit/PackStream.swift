internal import CGit2
internal import CZlib
import Crypto

/// A packfile (version 2) written object by object into a libgit2 indexer: the header, each
/// object whole (type and size, then its zlib-compressed bytes) and the SHA-1 trailer, in
/// buffered appends. The indexer checks the stream, writes the `.pack` and `.idx` files and
/// moves them into place on ``finish()``.
struct PackStream {
    private let indexer: OpaquePointer
    private var buffer: [UInt8] = []
    private var hash = Insecure.SHA1()
    private var progress = git_indexer_progress()
    private var compressed: [UInt8] = []

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

    /// Appends one undeltified object: `type` is a commit, tree, blob or tag.
    mutating func object(type: git_object_t, data: UnsafeRawBufferPointer) throws {
        // Type and size: the first byte has the type in bits 4-6 and the size's low four
        // bits; each further byte seven more bits; the top bit says another byte follows.
        var size = data.count
        var byte = UInt8(truncatingIfNeeded: (Int(type.rawValue) << 4) | (size & 0x0f))
        size >>= 4
        while size > 0 {
            buffer.append(byte | 0x80)
            byte = UInt8(truncatingIfNeeded: size & 0x7f)
            size >>= 7
        }
        buffer.append(byte)

        let bound = Int(compressBound(uLong(data.count)))
        if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
        var length = uLong(bound)
        let empty: [UInt8] = [0]
        let result = compressed.withUnsafeMutableBufferPointer { out in
            empty.withUnsafeBufferPointer { placeholder in
                // zlib wants a non-null pointer even for no bytes.
                let input = data.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? placeholder.baseAddress!
                return compress2(out.baseAddress, &length, input, uLong(data.count), Z_BEST_SPEED)
            }
        }
        guard result == Z_OK else {
            throw GitError(code: .init(rawValue: -1), function: "compress2", message: "zlib error \(result)")
        }
        buffer += compressed[..<Int(length)]
        if buffer.count >= Self.bufferSize { try flush() }
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
