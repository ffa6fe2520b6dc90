internal import CGit2

/// A git object id (SHA-1), stored inline so that it costs no allocation.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    private var high: UInt64
    private var middle: UInt64
    private var low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
            (
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            )
        }
    }

    /// The id whose 20 raw bytes start at `raw`.
    init(bytes raw: UnsafeRawPointer) {
        high = UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The id as three words, for compact storage; ``init(words:)`` reverses it.
    public var words: (UInt64, UInt64, UInt32) { (high, middle, low) }

    public init(words: (UInt64, UInt64, UInt32)) {
        (high, middle, low) = words
    }

    /// Parses a full 40-character hexadecimal id.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 40 else { return nil }
        var oid = git_oid()
        let ok = String(hex).withCString { git_oid_fromstrn(&oid, $0, 40) } == 0
        guard ok else { return nil }
        self.init(oid)
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 40-character lower-case hexadecimal form.
    public var hex: String {
        // Written straight into the string's storage: one allocation (a publish makes 20,000).
        String(unsafeUninitializedCapacity: 40) { out in
            func put(_ value: UInt64, digits: Int, at offset: Int) {
                for index in 0..<digits {
                    let nibble = UInt8(truncatingIfNeeded: value >> UInt64((digits - 1 - index) * 4)) & 0xF
                    out[offset + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                }
            }
            put(high, digits: 16, at: 0)
            put(middle, digits: 16, at: 16)
            put(UInt64(low), digits: 8, at: 32)
            return 40
        }
    }

    /// The first seven hexadecimal digits, as git abbreviates.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}
