/// Finding one byte value in a buffer eight bytes at a time (SWAR): posts are mostly long
/// lines, so a per-byte loop spends its time on bytes that cannot match.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first `byte` in `buffer` at or after `start`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        let pattern = ones &* UInt64(byte)
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ pattern
            // Non-zero exactly when some byte of `word` is zero, i.e. some byte equals `byte`.
            if (word &- ones) & ~word & highs != 0 { break }
            index += 8
        }
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
