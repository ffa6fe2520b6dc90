/// Character classes of normalised bytes, as the matcher sees them.
enum ByteClass {
    /// a-z, 0-9 and every byte of a non-ASCII scalar: part of a word.
    static let word: UInt8 = 1
    /// a-z or non-ASCII.
    static let letter: UInt8 = 2
    /// ASCII other than a-z and 0-9: a phrase gap may consume it.
    static let separator: UInt8 = 4
    /// Separators that may sit between spelled-out letters: space . - * _
    static let joiner: UInt8 = 8
    /// `% # & + $ @`: kept as literals in phrases.
    static let symbol: UInt8 = 16
    /// Bytes read as letters by evasion-aware phrases: @ 0 1 ! 3 $ 5 4 7
    static let leet: UInt8 = 32

    /// Flags for every byte value.
    static let flags: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        var flags: UInt8 = 0
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...0xFF: flags |= word | letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): flags |= word
        default: flags |= separator
        }
        if " .-*_".utf8.contains(byte) { flags |= joiner }
        if symbols.contains(byte) { flags |= symbol }
        if leetLetter(byte) != 0 { flags |= leet }
        return flags
    }

    /// Literal symbols, in transition-class order.
    static let symbols: [UInt8] = Array("%#&+$@".utf8)

    /// The letter a leetspeak byte stands for, or 0.
    static func leetLetter(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "@"), UInt8(ascii: "4"): return UInt8(ascii: "a")
        case UInt8(ascii: "0"): return UInt8(ascii: "o")
        case UInt8(ascii: "1"), UInt8(ascii: "!"): return UInt8(ascii: "i")
        case UInt8(ascii: "3"): return UInt8(ascii: "e")
        case UInt8(ascii: "$"), UInt8(ascii: "5"): return UInt8(ascii: "s")
        case UInt8(ascii: "7"): return UInt8(ascii: "t")
        default: return 0
        }
    }

    /// Leet letters for every byte value (0 where none).
    static let leetLetters: [UInt8] = (0...255).map { leetLetter(UInt8($0)) }
}

/// Transition classes of the phrase trie: one per ASCII letter, digit and
/// literal symbol, plus the gap and wildcard elements. Non-ASCII bytes use a
/// sparse side table.
enum TransitionClass {
    static let separatorRequired = 36
    static let separatorOptional = 37
    static let wildcard = 38
    static let firstSymbol = 39
    static let count = 45
    static let none: Int8 = -1
    static let wide: Int8 = -2

    /// Class of each byte value: -1 for none, -2 for non-ASCII.
    static let ofByte: [Int8] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int8(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int8(26 + byte - UInt8(ascii: "0"))
        case 0x80...0xFF: return wide
        default:
            if let index = ByteClass.symbols.firstIndex(of: byte) { return Int8(firstSymbol + index) }
            return none
        }
    }
}
