/// A lexicon phrase compiled to the element sequence the matcher's trie stores.
///
/// Phrase syntax (after the lexicon file syntax is stripped):
/// - words are runs of letters and digits; any run of spaces or punctuation
///   between two words matches one or more separators in the text;
/// - `% # & + $ @` are literal symbols; separators around them are optional;
/// - a standalone `_` matches exactly one word (not first or last);
/// - a trailing `*` lets the last word take any suffix (`damn*` → damned);
/// - a leading `~` makes the phrase an exception: matches of the same tag
///   that overlap it are dropped (`~pussy willow`).
struct PhrasePattern: Sendable, Equatable {
    enum Element: Sendable, Equatable {
        /// One byte of a word (ASCII letter or digit, or a byte of a non-ASCII scalar).
        case byte(UInt8)
        /// A literal symbol.
        case symbol(UInt8)
        /// A run of separators; `required` when both neighbours are words.
        case gap(required: Bool)
        /// Exactly one word.
        case wildcard
    }

    var elements: [Element]
    var isException: Bool
    var allowsSuffix: Bool

    /// The first element is a word byte: the match must start at a word boundary.
    var needsStartBoundary: Bool {
        if case .byte = elements.first { return true }
        return false
    }

    /// The last element is a word byte: the match must end at a word boundary.
    var needsEndBoundary: Bool {
        if case .byte = elements.last { return true }
        return false
    }

    /// A key that identifies phrases that match the same text (for removal and de-duplication).
    var key: String {
        var key = isException ? "~" : ""
        for element in elements {
            switch element {
            case .byte(let byte): key.unicodeScalars.append(Unicode.Scalar(byte))
            case .symbol(let byte): key.unicodeScalars.append(Unicode.Scalar(byte))
            case .gap: key += " "
            case .wildcard: key += "_"
            }
        }
        return allowsSuffix ? key + "*" : key
    }

    /// Why a phrase cannot be compiled, with the 1-based column (in Unicode scalars) of the problem.
    struct Problem: Error, Equatable, Sendable {
        var column: Int
        var reason: String
    }

    /// Compiles `phrase`, normalising it like the text it will be matched against.
    static func compile(_ phrase: String) -> Result<PhrasePattern, Problem> {
        var scalars = Array(phrase.unicodeScalars)
        var offset = 0
        let isException = scalars.first == "~"
        if isException {
            scalars.removeFirst()
            offset = 1
        }
        if let star = scalars.firstIndex(of: "*"), star != scalars.count - 1 {
            return .failure(Problem(column: offset + star + 1, reason: "'*' is only allowed at the end of a phrase"))
        }
        let allowsSuffix = scalars.last == "*"
        if allowsSuffix {
            scalars.removeLast()
            if let last = scalars.last, !(last.properties.isAlphabetic || last.properties.numericType != nil) {
                return .failure(Problem(column: offset + scalars.count + 1, reason: "'*' must directly follow a letter or digit"))
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let normalized = normalize(text).bytes

        // Items: words, symbols and wildcards, in order.
        enum Item { case word([UInt8]), symbol(UInt8), wildcard }
        var items: [Item] = []
        var word: [UInt8] = []
        var chunk: [UInt8] = []
        func flushWord() {
            if !word.isEmpty { items.append(.word(word)) }
            word = []
        }
        func flushChunk() {
            if chunk == [UInt8(ascii: "_")] {
                items.append(.wildcard)
            } else {
                for byte in chunk {
                    let flags = ByteClass.flags[Int(byte)]
                    if flags & ByteClass.word != 0 {
                        word.append(byte)
                    } else {
                        flushWord()
                        if flags & ByteClass.symbol != 0 { items.append(.symbol(byte)) }
                    }
                }
                flushWord()
            }
            chunk = []
        }
        for byte in normalized {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { flushChunk() } else { chunk.append(byte) }
        }
        flushChunk()

        guard items.contains(where: { if case .word = $0 { return true } else { return false } }) else {
            return .failure(Problem(column: offset + 1, reason: "phrase has no letters or digits"))
        }
        if case .wildcard = items.first {
            return .failure(Problem(column: offset + 1, reason: "a phrase cannot start with the '_' wildcard"))
        }
        if case .wildcard = items.last {
            return .failure(Problem(column: offset + scalars.count, reason: "a phrase cannot end with the '_' wildcard"))
        }
        if allowsSuffix, case .word = items.last {
        } else if allowsSuffix {
            return .failure(Problem(column: offset + scalars.count + 1, reason: "'*' must follow a word"))
        }

        var elements: [Element] = []
        var previousIsWord = false
        for (index, item) in items.enumerated() {
            let isWord: Bool
            switch item {
            case .word, .wildcard: isWord = true
            case .symbol: isWord = false
            }
            if index > 0 { elements.append(.gap(required: previousIsWord && isWord)) }
            switch item {
            case .word(let bytes): elements.append(contentsOf: bytes.map(Element.byte))
            case .symbol(let byte): elements.append(.symbol(byte))
            case .wildcard: elements.append(.wildcard)
            }
            previousIsWord = isWord
        }
        return .success(PhrasePattern(elements: elements, isException: isException, allowsSuffix: allowsSuffix))
    }
}
