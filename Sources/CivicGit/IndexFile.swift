import Crypto
import Foundation

/// The index file (`.git/index`) read directly, for the common case only: what libgit2's
/// `git_index_read` does not give a caller is the index's cached trees (the `TREE`
/// extension), which tell which folders still match a tree object without reading it.
///
/// `read(at:)` returns nil for anything unusual, and the caller then goes through libgit2:
/// a version other than 2, 3 or 4; a bad checksum; unmerged (conflicted) entries; entries
/// with extended flags (intent-to-add, skip-worktree); modes other than a file, an
/// executable or a symbolic link (submodules, sparse folders); entries out of order; a
/// split index, a sparse index or any other required extension.
final class IndexFile {
    /// One staged file: its path in ``names``, its blob in the file and its mode.
    private struct Entry {
        var name: Int32
        var nameLength: Int32
        var object: Int32
        var mode: UInt32
    }

    /// The file, mapped read-only; git replaces the index by renaming a new file over it,
    /// so the mapping never changes under us.
    private let base: UnsafeRawPointer
    private let size: Int
    /// Where paths are: the mapping itself for versions 2 and 3 (each path ends with a
    /// NUL there), else ``builtNames``.
    private var names: UnsafePointer<UInt8>
    /// Version 4's paths, rebuilt from its prefix compression, each followed by a NUL.
    private var builtNames: UnsafeMutableBufferPointer<UInt8>?
    private var entries: [Entry] = []
    /// The cached trees of the `TREE` extension; nil when the index has none.
    private(set) var cachedTree: CachedTree?

    private init(base: UnsafeRawPointer, size: Int) {
        self.base = base
        self.size = size
        names = base.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
        builtNames?.deallocate()
    }

    /// The index at `path`, or nil when it is missing, unreadable or unusual (see above).
    static func read(at path: String) -> IndexFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 32, status.st_size < Int32.max / 2 else { return nil }
        let size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        let file = IndexFile(base: UnsafeRawPointer(mapped), size: size)
        return file.parse() ? file : nil
    }

    /// Number of entries.
    var count: Int { entries.count }

    /// The path of entry `index`, without its NUL.
    func name(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        return UnsafeBufferPointer(start: names + Int(entry.name), count: Int(entry.nameLength))
    }

    /// Calls `body` with the path of entry `index` as a NUL-terminated C string.
    func withName<T>(_ index: Int, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try UnsafeRawPointer(names + Int(entries[index].name)).withMemoryRebound(to: CChar.self, capacity: 1) { try body($0) }
    }

    /// The path of entry `index`.
    func path(_ index: Int) -> String {
        String(decoding: name(index), as: UTF8.self)
    }

    /// The blob of entry `index`: 20 bytes of the mapped file.
    func objectBytes(_ index: Int) -> UnsafeRawPointer {
        base.advanced(by: Int(entries[index].object))
    }

    /// The blob of entry `index`.
    func object(_ index: Int) -> ObjectID {
        ObjectID(bytes: objectBytes(index))
    }

    /// The mode of entry `index` (`0o100644`, `0o100755` or `0o120000`).
    func mode(_ index: Int) -> UInt32 { entries[index].mode }

    /// The first entry at or after `start` whose path is not below `start`'s path up to
    /// `length` bytes (the end of a folder's entries, which are contiguous), before `end`.
    func endOfFolder(from start: Int, prefixLength length: Int, before end: Int) -> Int {
        let prefix = name(start)
        var low = start + 1
        var high = end
        while low < high {
            let middle = (low + high) / 2
            let other = name(middle)
            if other.count >= length && memcmp(other.baseAddress!, prefix.baseAddress!, length) == 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The position of `path`, or where it would be inserted.
    func position(of path: [UInt8]) -> (index: Int, found: Bool) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(name(middle), path)
            if order == 0 { return (middle, true) }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    private func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: [UInt8]) -> Int32 {
        rhs.withUnsafeBufferPointer { rhs in compare(lhs, rhs) }
    }

    private func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int32 {
        let common = min(lhs.count, rhs.count)
        let order = common == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
        if order != 0 { return order }
        return lhs.count < rhs.count ? -1 : lhs.count > rhs.count ? 1 : 0
    }

    // MARK: Parsing

    private func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

    private func word16(_ offset: Int) -> UInt32 {
        UInt32(UInt16(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    private func word32(_ offset: Int) -> UInt32 {
        UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// Reads the header, entries and extensions; false when the index is unusual.
    private func parse() -> Bool {
        let end = size - 20  // the SHA-1 of everything before it
        guard word32(0) == 0x4449_5243 else { return false }  // "DIRC"
        let version = word32(4)
        guard (2...4).contains(version) else { return false }
        let count = Int(word32(8))
        guard count <= end / 40 else { return false }
        entries.reserveCapacity(count)
        var built: [UInt8] = []
        if version == 4 { built.reserveCapacity(count * 64) }
        var offset = 12
        var previous: UnsafeBufferPointer<UInt8>?  // the previous path, for the order check
        for _ in 0..<count {
            guard offset + 62 <= end else { return false }
            let mode = word32(offset + 24)
            guard mode == 0o100644 || mode == 0o100755 || mode == 0o120000 else { return false }
            let object = offset + 40
            let flags = word16(offset + 60)
            // Stage bits (conflicts) and the extended bit (intent-to-add, skip-worktree).
            guard flags & 0x7000 == 0 else { return false }
            let start: Int
            let length: Int
            if version < 4 {
                start = offset + 62
                guard let found = nulOffset(from: start, before: end) else { return false }
                length = found
                offset += (62 + length + 8) & ~7
            } else {
                // A varint of how many bytes of the previous path to drop, then the rest.
                var position = offset + 62
                guard position < end else { return false }
                var byte = self.byte(position)
                var drop = Int(byte & 0x7F)
                position += 1
                while byte & 0x80 != 0 {
                    guard position < end, drop < 1 << 20 else { return false }
                    byte = self.byte(position)
                    drop = ((drop + 1) << 7) + Int(byte & 0x7F)
                    position += 1
                }
                guard let suffix = nulOffset(from: position, before: end) else { return false }
                let kept = (entries.last.map { Int($0.nameLength) } ?? 0) - drop
                guard kept >= 0 else { return false }
                start = built.count
                if let last = entries.last {
                    for at in Int(last.name)..<(Int(last.name) + kept) { built.append(built[at]) }
                }
                built.append(contentsOf: UnsafeRawBufferPointer(start: base + position, count: suffix))
                built.append(0)
                length = kept + suffix
                offset = position + suffix + 1
            }
            // The name length in the flags is the path's, or 0xFFF when it is longer.
            guard offset <= end, length > 0, Int(flags & 0xFFF) == min(length, 0xFFF) else { return false }
            entries.append(Entry(name: Int32(start), nameLength: Int32(length), object: Int32(object), mode: mode))
            if version < 4 {
                let path = UnsafeBufferPointer(start: names + start, count: length)
                if let previous, compare(previous, path) >= 0 { return false }
                guard Self.isOrdinary(path) else { return false }
                previous = path
            }
        }
        if version == 4 {
            let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(built.count, 1))
            _ = owned.initialize(from: built)
            builtNames = owned
            names = UnsafePointer(owned.baseAddress!)
            for position in entries.indices {
                guard Self.isOrdinary(name(position)) else { return false }
                if position > 0, compare(name(position - 1), name(position)) >= 0 { return false }
            }
        }
        return parseExtensions(from: offset, end: end) && hasValidChecksum(end: end)
    }

    /// Whether libgit2 surely accepts `path` in an index: no empty, `.` or `..` component,
    /// and none that could name `.git` (`.git…`, or `git~…` as NTFS short names go). This is
    /// stricter than libgit2, which fails the whole read on an invalid path.
    private static func isOrdinary(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while true {
            let rest = UnsafeBufferPointer(rebasing: path[start...])
            let length = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.count
            guard length > 0 else { return false }
            // Lower case for letters; ".", "~" and "/" stay as they are.
            func lowered(_ at: Int) -> UInt8 { at < length ? rest[at] | 0x20 : 0 }
            if lowered(0) == UInt8(ascii: ".") {
                if length == 1 || (length == 2 && rest[1] == UInt8(ascii: ".")) { return false }
                if lowered(1) == UInt8(ascii: "g") && lowered(2) == UInt8(ascii: "i") && lowered(3) == UInt8(ascii: "t") { return false }
            } else if lowered(0) == UInt8(ascii: "g") {
                if lowered(1) == UInt8(ascii: "i") && lowered(2) == UInt8(ascii: "t") && lowered(3) == UInt8(ascii: "~") { return false }
            }
            start += length + 1
            if start > path.count { return true }
        }
    }

    /// The length of the NUL-terminated string at `offset`, when it ends before `end`.
    private func nulOffset(from offset: Int, before end: Int) -> Int? {
        guard offset < end, let found = memchr(base + offset, 0, end - offset) else { return nil }
        return UnsafeRawPointer(found) - (base + offset)
    }

    private func parseExtensions(from start: Int, end: Int) -> Bool {
        var offset = start
        while offset < end {
            guard offset + 8 <= end else { return false }
            let signature = word32(offset)
            let length = Int(word32(offset + 4))
            let body = offset + 8
            guard length <= end - body else { return false }
            if signature == 0x5452_4545 {  // "TREE"
                guard cachedTree == nil, let tree = CachedTree.parse(base + body, count: length) else { return false }
                cachedTree = tree
            } else if !(0x41...0x5A).contains(signature >> 24) {
                return false  // a required extension ("link", "sdir", ...): lower case first letter
            }
            offset = body + length
        }
        return true
    }

    private func hasValidChecksum(end: Int) -> Bool {
        let digest = Insecure.SHA1.hash(data: UnsafeRawBufferPointer(start: base, count: end))
        return digest.withUnsafeBytes { memcmp($0.baseAddress!, base + end, 20) == 0 }
    }
}
