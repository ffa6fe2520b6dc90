/// The matcher's lookup tables as raw memory, so the search loop runs without
/// bounds checks, retains or uniqueness checks.
///
/// `@unchecked Sendable`: every buffer is written once in `init` and only read
/// afterwards; the class owns them and frees them in `deinit`.
final class TrieTables: @unchecked Sendable {
    /// Dense transitions, `next[node * TransitionClass.count + class]`, -1 for none.
    let next: UnsafeMutableBufferPointer<Int32>
    /// Entries accepted at node `n` are `acceptList[acceptStart[n]..<acceptStart[n + 1]]`.
    let acceptStart: UnsafeMutableBufferPointer<Int32>
    let acceptList: UnsafeMutableBufferPointer<Int32>
    /// Whether an evasion-aware phrase continues below each node.
    let evasionBelow: UnsafeMutableBufferPointer<Bool>
    /// Whether a phrase ending in `*` is accepted at each node.
    let suffixAccept: UnsafeMutableBufferPointer<Bool>
    /// Bytes that can begin a match.
    let startBytes: UnsafeMutableBufferPointer<Bool>
    /// Copies of `ByteClass.flags`, `TransitionClass.ofByte` and `ByteClass.leetLetters`.
    let flags: UnsafeMutableBufferPointer<UInt8>
    let classOfByte: UnsafeMutableBufferPointer<Int8>
    let leetLetters: UnsafeMutableBufferPointer<UInt8>
    /// Whether each byte value is an ASCII word byte (`ByteClass.word` below 0x80): one load
    /// per byte where the search skips the rest of a word.
    let asciiWord: UnsafeMutableBufferPointer<Bool>
    /// What the letters-only walk from the root makes of two letters a-z, at
    /// `firstPairs[first * 26 + second]`: ``TrieTables/noMatch``, ``TrieTables/mayMatch``
    /// (a `*` phrase accepted on the way), or the node reached. One small table in place of
    /// two transitions and two `suffixAccept` reads scattered over the whole trie.
    let firstPairs: UnsafeMutableBufferPointer<Int32>
    static let noMatch: Int32 = -1
    static let mayMatch: Int32 = -2

    init(next: [Int32], outputs: [[Int32]], evasionBelow: [Bool], startBytes: [Bool], suffixAccept: [Bool]) {
        self.suffixAccept = Self.copy(suffixAccept)
        self.next = Self.copy(next)
        var starts: [Int32] = [0]
        for output in outputs { starts.append(starts.last! + Int32(output.count)) }
        acceptStart = Self.copy(starts)
        acceptList = Self.copy(outputs.flatMap { $0 })
        self.evasionBelow = Self.copy(evasionBelow)
        self.startBytes = Self.copy(startBytes)
        flags = Self.copy(ByteClass.flags)
        classOfByte = Self.copy(TransitionClass.ofByte)
        leetLetters = Self.copy(ByteClass.leetLetters)
        asciiWord = Self.copy((0..<256).map { $0 < 0x80 && ByteClass.flags[$0] & ByteClass.word != 0 })
        var pairs = [Int32](repeating: Self.noMatch, count: 26 * 26)
        for first in 0..<26 {
            let child = next[first]  // the root is node 0
            for second in 0..<26 {
                if child < 0 { continue }
                if suffixAccept[Int(child)] {
                    pairs[first * 26 + second] = Self.mayMatch
                    continue
                }
                let grandchild = next[Int(child) * TransitionClass.count + second]
                if grandchild < 0 { continue }
                pairs[first * 26 + second] = suffixAccept[Int(grandchild)] ? Self.mayMatch : grandchild
            }
        }
        firstPairs = Self.copy(pairs)
    }

    deinit {
        next.deallocate()
        acceptStart.deallocate()
        acceptList.deallocate()
        evasionBelow.deallocate()
        startBytes.deallocate()
        suffixAccept.deallocate()
        flags.deallocate()
        classOfByte.deallocate()
        leetLetters.deallocate()
        asciiWord.deallocate()
        firstPairs.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
