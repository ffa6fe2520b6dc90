internal import CGit2
import Foundation

extension Repository {
    /// Opens a second handle on the repository at `path` whose object writes go to memory
    /// (`git_mempack_new`), so that thousands of blobs, trees and commits cost no file each.
    /// Nothing written through it is on disk until ``flushBatch()`` writes one packfile; a
    /// reference must only be moved to a batch object after that.
    ///
    /// The handle has an object database of its own: the memory store first, then the
    /// repository's packs and loose objects. Its packs are listed once, when it opens, and
    /// not again: libgit2 writes an object only after looking for it, and a look-up that
    /// misses, as it does for every new object, lists `objects/pack` anew and checks each
    /// pack's index (`git_odb_refresh`). A full publish writes 90,000 objects: that was about
    /// four seconds of it. What a batch reads was there when it opened or was written through it;
    /// a pack another process adds meanwhile holds nothing it needs.
    public static func openBatch(at path: String) throws -> Repository {
        let repository = try discover(from: path)
        let objects = repository.gitDirectory + "objects"
        var odb: OpaquePointer?
        try check(git_odb_new(&odb))
        defer { git_odb_free(odb) }
        var loose: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_loose(&loose, objects, -1, 0, 0, 0))
        try check(git_odb_add_backend(odb, loose, Self.loosePriority))
        var packs: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_pack(&packs, objects))
        // The object database owns each backend once added. Without a `refresh`, a miss
        // lists nothing; ``flushBatch()`` lists the packs again after adding one.
        repository.packs = (packs!, packs!.pointee.refresh)
        packs!.pointee.refresh = nil
        try check(git_odb_add_backend(odb, packs, Self.packedPriority))
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend))
        try check(git_odb_add_backend(odb, backend, 999))
        try check(git_repository_set_odb(repository.handle, odb))
        repository.mempack = backend
        return repository
    }

    /// libgit2's own priorities for a repository's loose objects and packs
    /// (`GIT_ODB_DEFAULT_LOOSE_PRIORITY`, `GIT_ODB_DEFAULT_PACKED_PRIORITY`): packs first.
    private static let loosePriority: Int32 = 1
    private static let packedPriority: Int32 = 2

    /// Writes the objects made since the last flush — and only those, less any the
    /// repository already had — as one packfile under `objects/pack`, then empties the
    /// memory store.
    ///
    /// The pack is streamed through libgit2's indexer (`git_indexer_append`, which checks
    /// every object and writes the `.idx`) with each object whole and zlib-compressed: no
    /// delta search. `git_packbuilder` would compare each object with its ten neighbours,
    /// which for the records archive's thousands of similar pages costs far more than it
    /// saves; `git gc` can always repack later. (`git_mempack_dump` would pack each commit
    /// with its whole tree, so a growing archive would be written again on every flush.)
    public func flushBatch() throws {
        guard let mempack else { return }
        if !batchObjects.isEmpty { try writePack(batchObjects) }
        batchObjects.removeAll()
        batchCompressed.removeAll()
        try check(git_mempack_reset(mempack))
        // What was in memory is in the new pack now: the handle must see it.
        if let (backend, refresh) = packs, let refresh { try check(refresh(backend)) }
    }

    private func writePack(_ objects: [ObjectID]) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle))
        defer { git_odb_free(odb) }
        // The objects on disk, without the memory store: what is there already is not packed
        // again. Its packs were listed as it opened; a miss must not list them again (as
        // `git_odb_exists` does), since nearly every object is one.
        var disk: OpaquePointer?
        try check(git_odb_open(&disk, gitDirectory + "objects"))
        defer { git_odb_free(disk) }
        var seen: Set<ObjectID> = []
        let fresh = objects.filter { id in
            var oid = id.raw
            return seen.insert(id).inserted && git_odb_exists_ext(disk, &oid, UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 0
        }
        guard !fresh.isEmpty else { return }

        var options = git_indexer_options()
        try check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)))
        var indexer: OpaquePointer?
        try check(git_indexer_new(&indexer, gitDirectory + "objects/pack", 0, odb, &options))
        defer { git_indexer_free(indexer) }
        var stream = PackStream(indexer: indexer!)
        try stream.header(count: fresh.count)
        // A few megabytes of objects at a time, compressed on all cores (but those compressed
        // already), appended in order.
        var next = 0
        while next < fresh.count {
            var read: [OpaquePointer] = []
            defer { read.forEach { git_odb_object_free($0) } }
            var slice: [PackStream.Object] = []
            var bytes = 0
            while next < fresh.count, bytes < PackStream.sliceBytes {
                let id = fresh[next]
                next += 1
                if let prepared = batchCompressed[id] {
                    slice.append(PackStream.Object(type: GIT_OBJECT_BLOB, size: prepared.size, compressed: prepared.bytes))
                    continue
                }
                var oid = id.raw
                var object: OpaquePointer?
                try check(git_odb_read(&object, odb, &oid))
                read.append(object!)
                let size = git_odb_object_size(object)
                slice.append(
                    PackStream.Object(
                        type: git_odb_object_type(object), size: size,
                        data: UnsafeRawBufferPointer(start: git_odb_object_data(object), count: size)))
                bytes += size
            }
            try stream.objects(slice)
        }
        try stream.finish()
    }

    /// Writes `objects/pack/multi-pack-index` over every pack (`git_odb_write_multi_pack_index`)
    /// when at least `threshold` packs are newer than the one there (or there is none);
    /// returns whether it did. Each publish run adds a pack of records, and libgit2, like git,
    /// looks an object up in every pack in turn: after a few hundred runs that is most of a
    /// run. With the index, an object is one binary search away whatever the number of packs;
    /// libgit2 and git (2.24 on) both read it, and `git gc` replaces it. Only packs newer than
    /// the index are searched one by one.
    @discardableResult
    public func indexPacks(threshold: Int = 16) throws -> Bool {
        let folder = gitDirectory + "objects/pack/"
        func modified(_ path: String) -> timespec? {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mtim : nil
        }
        let indexed = modified(folder + "multi-pack-index")
        var newer = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".pack") {
            guard let indexed, let time = modified(folder + name) else {
                newer += 1
                continue
            }
            if (time.tv_sec, time.tv_nsec) > (indexed.tv_sec, indexed.tv_nsec) { newer += 1 }
        }
        guard newer >= threshold else { return false }
        var disk: OpaquePointer?
        try check(git_odb_open(&disk, gitDirectory + "objects"))
        defer { git_odb_free(disk) }
        try check(git_odb_write_multi_pack_index(disk))
        return true
    }

    /// Writes a blob made ready on another thread. Through a batch handle it goes into the
    /// memory store under its id, with no hashing and no look-up, and into the next pack as
    /// compressed already; through any other handle it is written as ``writeBlob(_:)-([UInt8])``
    /// writes bytes.
    public func writeBlob(_ blob: PreparedBlob) throws -> ObjectID {
        guard let mempack, let write = mempack.pointee.write else { return try writeBlob(blob.bytes) }
        var oid = blob.id.raw
        try blob.bytes.withUnsafeBytes { raw in
            try check(write(mempack, &oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB))
        }
        batchObjects.append(blob.id)
        batchCompressed[blob.id] = (blob.bytes.count, blob.compressed)
        return blob.id
    }

    /// Notes an object written through a batch handle, for ``flushBatch()``.
    func noteBatchObject(_ id: ObjectID) {
        if mempack != nil { batchObjects.append(id) }
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors (`git_graph_descendant_of`).
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var a = descendant.raw, b = ancestor.raw
        let result = git_graph_descendant_of(handle, &a, &b)
        try check(result)
        return result == 1
    }

    /// The reference's log, newest first: each update's old and new target (`git_reflog_read`).
    public func referenceLog(_ name: String) throws -> [(old: ObjectID, new: ObjectID, message: String)] {
        var log: OpaquePointer?
        try check(git_reflog_read(&log, handle, name))
        defer { git_reflog_free(log) }
        return (0..<git_reflog_entrycount(log)).compactMap { index in
            guard let entry = git_reflog_entry_byindex(log, index) else { return nil }
            return (
                ObjectID(git_reflog_entry_id_old(entry).pointee), ObjectID(git_reflog_entry_id_new(entry).pointee),
                git_reflog_entry_message(entry).map { String(cString: $0) } ?? ""
            )
        }
    }
}

extension Repository {
    /// A tree equal to `base` with the folder `folder` (e.g. `records/0000/000001-ab/`) added
    /// or replaced by exactly `files` (names relative to it). Only the trees on the way from
    /// the root to that folder are rewritten, with `git_treebuilder`, so the cost follows the
    /// depth and the width of those folders, never the size of the whole tree.
    public func tree(_ base: ObjectID?, placing files: [(name: String, blob: ObjectID)], in folder: String) throws -> ObjectID {
        let leaf = try folderTree(files)
        let components = folder.split(separator: "/").map(String.init)
        return try replace(in: base, components[...], with: leaf)
    }

    /// A new tree holding `files`, whose names may contain `/` for subfolders.
    private func folderTree(_ files: [(name: String, blob: ObjectID)]) throws -> ObjectID {
        var here: [(String, ObjectID)] = []
        var below: [String: [(name: String, blob: ObjectID)]] = [:]
        for file in files {
            if let slash = file.name.firstIndex(of: "/") {
                below[String(file.name[..<slash]), default: []].append((String(file.name[file.name.index(after: slash)...]), file.blob))
            } else {
                here.append((file.name, file.blob))
            }
        }
        let subtrees = try below.map { ($0.key, try folderTree($0.value)) }
        return try buildTree(from: nil) { builder in
            for (name, blob) in here {
                var oid = blob.raw
                try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_BLOB))
            }
            for (name, tree) in subtrees {
                var oid = tree.raw
                try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE))
            }
        }
    }

    private func replace(in tree: ObjectID?, _ components: ArraySlice<String>, with leaf: ObjectID) throws -> ObjectID {
        guard let name = components.first else { return leaf }
        let child: ObjectID? = try tree.flatMap { tree in
            try withTree(tree) { handle -> ObjectID? in
                guard let entry = git_tree_entry_byname(handle, name), git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
                return ObjectID(git_tree_entry_id(entry).pointee)
            }
        }
        let updated = try replace(in: child, components.dropFirst(), with: leaf)
        return try buildTree(from: tree) { builder in
            var oid = updated.raw
            try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE))
        }
    }

    /// Writes a tree made from `source` (nil: empty) changed by `edit` (`git_treebuilder`).
    private func buildTree(from source: ObjectID?, _ edit: (OpaquePointer) throws -> Void) throws -> ObjectID {
        var sourceTree: OpaquePointer?
        if let source {
            var oid = source.raw
            try check(git_tree_lookup(&sourceTree, handle, &oid))
        }
        defer { git_tree_free(sourceTree) }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, handle, sourceTree))
        defer { git_treebuilder_free(builder) }
        try edit(builder!)
        var out = git_oid()
        try check(git_treebuilder_write(&out, builder))
        noteBatchObject(ObjectID(out))
        return ObjectID(out)
    }
}

/// A blob made ready for a batch handle on any thread: its id (`git_odb_hash`) and its bytes
/// compressed as a pack stores them, so that the thread writing the batch does neither.
public struct PreparedBlob: Sendable {
    public let id: ObjectID
    let bytes: [UInt8]
    let compressed: [UInt8]

    public init(_ bytes: [UInt8]) throws {
        try self.init(bytes, deflater: Deflater())
    }

    /// Several blobs, made ready one after another on this thread (sharing compression
    /// streams: a record's files are a handful of small ones).
    public static func prepare(_ contents: [[UInt8]]) throws -> [PreparedBlob] {
        let deflater = Deflater()
        return try contents.map { try PreparedBlob($0, deflater: deflater) }
    }

    init(_ bytes: [UInt8], deflater: Deflater) throws {
        _ = libgit2Initialized
        var oid = git_oid()
        try bytes.withUnsafeBytes { raw in
            try check(git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB))
        }
        guard let compressed = bytes.withUnsafeBytes(deflater.compress) else { throw GitError.deflateOutOfMemory }
        (id, self.bytes, self.compressed) = (ObjectID(oid), bytes, compressed)
    }
}
