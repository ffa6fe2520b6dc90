import Foundation

/// Whole files read with one `open`, `fstat` and as few `read` calls as their size needs: no
/// `FileManager`, `URL` or `Data` on the way (a check reads thousands of small posts, a
/// publish megabytes of caches).
public enum FileReader {
    /// Why a file could not be read: the system's reason, and its `errno`.
    public struct Failure: Error {
        public var reason: String
        public var code: Int32

        init(_ code: Int32) {
            self.code = code
            reason = String(cString: strerror(code))
        }
    }

    /// Whether the file at the absolute `path` holds exactly `bytes`: its size first, then its
    /// bytes a chunk at a time, stopping at the first difference (a sitemap that changed near
    /// the top is not read to the end, nor held in memory). False when it cannot be read.
    public static func file(at path: String, holds bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        return bytes.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let read = Foundation.read(descriptor, chunk, min(chunkSize, expected.count - offset))
                if read < 0, errno == EINTR { continue }
                guard read > 0, memcmp(chunk, expected.baseAddress! + offset, read) == 0 else { return false }
                offset += read
            }
            // Nothing may follow (a file that grew since `fstat`).
            return Foundation.read(descriptor, chunk, 1) == 0
        }
    }

    /// The bytes of the file at `path`: absolute, or relative to the open folder `directory`
    /// (a name relative to an open folder walks fewer path components in the kernel, which
    /// counts when thousands of posts are read).
    public static func read(_ path: String, in directory: Int32 = AT_FDCWD) -> Result<[UInt8], Failure> {
        let descriptor = openat(directory, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Failure(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(EISDIR)) }
        // Read into uninitialised storage sized from fstat; a file that grew meanwhile is read
        // on in chunks.
        var failure: Int32 = 0
        var filled = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, initialized in
            var count = 0
            while count < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if read == 0 { break }
                count += read
            }
            filled = count == buffer.count
            initialized = count
        }
        if failure != 0 { return .failure(Failure(failure)) }
        while filled {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let read = chunk.withUnsafeMutableBytes { raw in Foundation.read(descriptor, raw.baseAddress!, raw.count) }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno))
            }
            if read == 0 { break }
            bytes += chunk[..<read]
        }
        return .success(bytes)
    }
}

/// Bytes held for reading: a file mapped into memory, or a copy of an array. A cache file
/// is mapped rather than read: its pages are the file system's own, with no copy into fresh
/// memory (which on a virtual machine costs more than the copy). Caches are replaced by
/// renaming a new file over them, never written in place, so a mapping stays whole.
public final class ReadBytes: @unchecked Sendable {
    /// Valid while this object lives (``CacheReader`` holds both).
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Calls `body` with the bytes, which stay valid until it returns.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    /// The file at `path` mapped read-only; nil when it cannot be opened or mapped, or is empty.
    public static func map(_ path: String) -> ReadBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
            let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED
        else { return nil }
        return ReadBytes(mapped: UnsafeRawBufferPointer(start: base, count: Int(info.st_size)))
    }

    private init(mapped bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        mapped = true
    }

    public init(copying array: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 8)
        array.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(copy)
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
