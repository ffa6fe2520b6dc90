import Foundation

/// Whole files read with one `open`, `fstat` and as few `read` calls as their size needs: no
/// `FileManager`, `URL` or `Data` on the way (a check reads thousands of small posts).
enum FileReader {
    /// Why a file could not be read: the system's reason, and its `errno`.
    struct Failure: Error {
        var reason: String
        var code: Int32

        init(_ code: Int32) {
            self.code = code
            reason = String(cString: strerror(code))
        }
    }

    /// The bytes of the file at the absolute `path`.
    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
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
