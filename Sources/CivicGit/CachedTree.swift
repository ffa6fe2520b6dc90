/// A folder of the index's cached trees (its `TREE` extension): the id of the tree object
/// the folder's staged entries make, while no entry under it has changed since that tree
/// was computed (git invalidates a folder, and every folder above it, whenever an entry
/// under it changes).
struct CachedTree {
    /// The folder's name in its parent; empty for the root.
    var name: [UInt8]
    /// The tree id; nil when the folder is invalidated.
    var id: ObjectID?
    var children: [CachedTree]

    /// The sub-folder `name`, when it is cached.
    func child(named name: UnsafeBufferPointer<UInt8>) -> CachedTree? {
        children.first { $0.name.elementsEqual(name) }
    }

    /// Parses the extension's body: for each folder, depth first, its name, a NUL, its entry
    /// count (-1 when invalid) in ASCII, a space, its sub-folder count, a newline, and the
    /// 20-byte tree id when valid. Nil when the body is malformed.
    static func parse(_ body: UnsafeRawPointer, count: Int) -> CachedTree? {
        var offset = 0
        guard let root = parseFolder(body, count: count, offset: &offset, depth: 0), offset == count else { return nil }
        return root
    }

    private static func parseFolder(_ body: UnsafeRawPointer, count: Int, offset: inout Int, depth: Int) -> CachedTree? {
        guard depth < 4096 else { return nil }
        func byte(_ at: Int) -> UInt8 { body.load(fromByteOffset: at, as: UInt8.self) }
        var name: [UInt8] = []
        while offset < count, byte(offset) != 0 {
            name.append(byte(offset))
            offset += 1
        }
        guard offset < count else { return nil }
        offset += 1
        func number(until terminator: UInt8) -> Int? {
            var negative = false
            if offset < count, byte(offset) == UInt8(ascii: "-") {
                negative = true
                offset += 1
            }
            var value = 0
            var digits = 0
            while offset < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte(offset)), digits < 10 {
                value = value * 10 + Int(byte(offset) - UInt8(ascii: "0"))
                digits += 1
                offset += 1
            }
            guard digits > 0, offset < count, byte(offset) == terminator else { return nil }
            offset += 1
            return negative ? -value : value
        }
        guard let entries = number(until: UInt8(ascii: " ")), let subfolders = number(until: UInt8(ascii: "\n")),
            entries >= -1, subfolders >= 0
        else { return nil }
        var id: ObjectID?
        if entries >= 0 {
            guard count - offset >= 20 else { return nil }
            id = ObjectID(bytes: body + offset)
            offset += 20
        }
        var children: [CachedTree] = []
        for _ in 0..<subfolders {
            guard let child = parseFolder(body, count: count, offset: &offset, depth: depth + 1) else { return nil }
            children.append(child)
        }
        return CachedTree(name: name, id: id, children: children)
    }
}
