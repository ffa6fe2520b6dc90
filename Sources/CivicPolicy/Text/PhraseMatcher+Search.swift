extension PhraseMatcher {
    /// Finds every phrase in `text`, ordered by range.
    ///
    /// Matches overlapping an exception (`~phrase`) of the same tag are dropped.
    /// Unless `overlapping` is true, a match inside a longer match of the same
    /// tag is dropped too (`my view` inside `in my view`).
    public func matches(in text: NormalizedText, overlapping: Bool = false) -> [PhraseMatch] {
        resolve(rawMatches(in: text), overlapping: overlapping)
    }

    /// For a matcher made by `init(combining:_:)`: the matches of the first matcher's
    /// entries (those numbered below `boundary`) and of the second's, from one walk; each
    /// list is what that matcher's own `matches(in:)` returns.
    func matches(in text: NormalizedText, splitAt boundary: Int) -> (first: [PhraseMatch], second: [PhraseMatch]) {
        let raw = rawMatches(in: text)
        if raw.isEmpty { return ([], []) }
        var first: [RawMatch] = [], second: [RawMatch] = []
        for match in raw {
            if match.entry < boundary { first.append(match) } else { second.append(match) }
        }
        return (resolve(first, overlapping: false), resolve(second, overlapping: false))
    }

    private func rawMatches(in text: NormalizedText) -> [RawMatch] {
        var raw: [RawMatch] = []
        text.bytes.withUnsafeBufferPointer { textBuffer in
            var walk = TrieWalk(matcher: self, text: textBuffer)
            defer { walk.stack.deallocate() }
            walk.run(into: &raw)
        }
        return raw
    }

    /// Applies exceptions, removes duplicates and contained matches, and sorts.
    private func resolve(_ raw: [RawMatch], overlapping: Bool) -> [PhraseMatch] {
        if raw.isEmpty { return [] }
        var exceptions: [String: [Range<Int>]] = [:]
        for match in raw where entries[Int(match.entry)].isException {
            exceptions[entries[Int(match.entry)].tag, default: []].append(match.start..<match.end)
        }
        var kept = raw.filter { match in
            let entry = entries[Int(match.entry)]
            if entry.isException { return false }
            guard let ranges = exceptions[entry.tag] else { return true }
            return !ranges.contains { $0.overlaps(match.start..<match.end) }
        }
        kept.sort { ($0.start, -$0.end, $0.entry) < ($1.start, -$1.end, $1.entry) }
        var result: [PhraseMatch] = []
        var furthest: [String: Int] = [:]
        var previous: RawMatch? = nil
        for match in kept {
            defer { previous = match }
            if let previous, previous == match { continue }
            let entry = entries[Int(match.entry)]
            if !overlapping {
                if let end = furthest[entry.tag], end >= match.end { continue }
                furthest[entry.tag] = match.end
            }
            result.append(PhraseMatch(tag: entry.tag, phrase: entry.phrase, range: match.start..<match.end))
        }
        result.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return result
    }
}

/// A match before exceptions and de-duplication.
struct RawMatch: Equatable {
    var start: Int
    var end: Int
    var entry: Int32
}

/// The per-call search: a depth-first walk of the trie from every possible
/// match start, over unsafe views of the text and tables.
struct TrieWalk {
    struct State {
        var node: Int32
        var position: Int
        var flags: UInt16
    }

    // State flags.
    static let usedEvasion: UInt16 = 1
    static let leetInWord: UInt16 = 2
    static let letterInWord: UInt16 = 4
    static let spaced: UInt16 = 8
    static let adjacent: UInt16 = 16
    static let inWord: UInt16 = 32
    static let atRoot: UInt16 = 64
    static let startBoundary: UInt16 = 128
    static let wordFlags: UInt16 = leetInWord | letterInWord | spaced | adjacent
    /// The most bytes of spaces and punctuation between two words of a phrase.
    static let maximumGap = 32

    let matcher: PhraseMatcher
    let text: UnsafeBufferPointer<UInt8>
    let tables: TrieTables
    let next: UnsafeMutableBufferPointer<Int32>
    let flags: UnsafeMutableBufferPointer<UInt8>
    let asciiWord: UnsafeMutableBufferPointer<Bool>
    /// Pending states; grown by doubling.
    var stack: UnsafeMutablePointer<State>
    var stackCount = 0
    var stackCapacity = 64
    var start = 0

    init(matcher: PhraseMatcher, text: UnsafeBufferPointer<UInt8>) {
        self.matcher = matcher
        self.text = text
        tables = matcher.tables
        next = tables.next
        flags = tables.flags
        asciiWord = tables.asciiWord
        stack = .allocate(capacity: stackCapacity)
    }

    @inline(__always)
    private mutating func push(_ state: State) {
        if stackCount == stackCapacity {
            let grown = UnsafeMutablePointer<State>.allocate(capacity: stackCapacity * 2)
            grown.moveInitialize(from: stack, count: stackCount)
            stack.deallocate()
            stack = grown
            stackCapacity *= 2
        }
        (stack + stackCount).initialize(to: state)
        stackCount += 1
    }

    mutating func run(into matches: inout [RawMatch]) {
        let count = text.count
        var position = 0
        while position < count {
            let byte = text[position]
            let here = position
            position += 1
            if asciiWord[Int(byte)] {
                // Bytes inside an ASCII word never start a match: skip the rest of it.
                while position < count, asciiWord[Int(text[position])] { position += 1 }
            }
            guard tables.startBytes[Int(byte)] else { continue }
            var boundary = true
            if here > 0 {
                let previous = text[here - 1]
                if previous < 0x80 {
                    boundary = flags[Int(previous)] & ByteClass.word == 0
                } else {
                    boundary = isBoundary(before: here)
                }
            }
            if !boundary, flags[Int(byte)] & ByteClass.symbol == 0 { continue }
            if byte &- UInt8(ascii: "a") < 26, !mayMatch(from: here) { continue }
            start = here
            push(State(node: 0, position: here, flags: Self.atRoot | (boundary ? Self.startBoundary : 0)))
            while stackCount > 0 {
                stackCount -= 1
                expand(stack[stackCount], into: &matches)
            }
        }
    }

    /// Fast rejection for a word start: walks the run of letters a-z directly.
    /// If the trie runs out before the run does, only a `*` phrase accepted on
    /// the way could still match (leetspeak, spelled-out letters, gaps and
    /// wildcards all need a byte other than a-z at the point of departure).
    @inline(__always)
    private func mayMatch(from position: Int) -> Bool {
        var node: Int32 = 0
        var index = position
        let count = text.count
        if position + 1 < count {
            // The first two letters at once (the caller saw a letter a-z at `position`).
            let second = text[position + 1] &- UInt8(ascii: "a")
            if second < 26 {
                let pair = tables.firstPairs[Int(text[position] &- UInt8(ascii: "a")) &* 26 &+ Int(second)]
                if pair == TrieTables.noMatch { return false }
                if pair == TrieTables.mayMatch { return true }
                node = pair
                index = position + 2
            }
        }
        while index < count {
            let cls = text[index] &- UInt8(ascii: "a")
            guard cls < 26 else { return true }  // the run ended: let the full search decide
            let child = transition(node, Int(cls))
            if child < 0 { return false }
            if tables.suffixAccept[Int(child)] { return true }
            node = child
            index += 1
        }
        return true
    }

    @inline(__always)
    private func transition(_ node: Int32, _ cls: Int) -> Int32 {
        next[Int(node) &* TransitionClass.count &+ cls]
    }

    private mutating func expand(_ state: State, into matches: inout [RawMatch]) {
        let count = text.count
        let node = state.node
        let position = state.position
        let inWord = state.flags & Self.inWord != 0
        let wordValid = !(state.flags & Self.leetInWord != 0 && state.flags & Self.letterInWord == 0)

        if wordValid, tables.acceptStart[Int(node)] != tables.acceptStart[Int(node) + 1] {
            accept(state, into: &matches)
        }

        if position < count {
            if inWord {
                if state.flags & Self.spaced == 0 {
                    consume(node, at: position, flags: state.flags | Self.adjacent, wordOnly: true)
                    if text[position] == UInt8(ascii: "*"), tables.evasionBelow[Int(node)] {
                        // A censored letter ("sh*t"): any one letter, counted as leetspeak.
                        let censored = state.flags | Self.adjacent | Self.inWord | Self.leetInWord | Self.usedEvasion
                        for letter in 0..<26 {
                            let child = transition(node, letter)
                            if child >= 0 { push(State(node: child, position: position + 1, flags: censored)) }
                        }
                    }
                }
                if state.flags & Self.adjacent == 0, tables.evasionBelow[Int(node)],
                    flags[Int(text[position])] & ByteClass.joiner != 0, position + 1 < count,
                    text[position + 1] < 0x80, flags[Int(text[position + 1])] & (ByteClass.word | ByteClass.leet) != 0,
                    position < 2 || flags[Int(text[position - 2])] & ByteClass.word == 0 || text[position - 2] >= 0x80
                {
                    consume(node, at: position + 1, flags: state.flags | Self.spaced | Self.usedEvasion, wordOnly: true)
                }
            } else {
                consume(node, at: position, flags: state.flags & ~Self.wordFlags, wordOnly: false)
            }
        }

        if state.flags & Self.atRoot != 0 || !wordValid { return }
        let carried = state.flags & (Self.usedEvasion)
        // Words of a phrase match across at most `maximumGap` bytes of spaces and
        // punctuation: without a bound, every byte of a long run of `#` or `%` (which also
        // start phrases) walked the rest of the run, and 20,000 of them took two seconds.
        let gapEnd = min(count, position + Self.maximumGap)
        for gap in TransitionClass.separatorRequired...TransitionClass.separatorOptional {
            let child = transition(node, gap)
            guard child >= 0 else { continue }
            var end = position
            while end < gapEnd, flags[Int(text[end])] & ByteClass.separator != 0 { end += 1 }
            let first = gap == TransitionClass.separatorRequired ? position + 1 : position
            guard end >= first else { continue }
            push(State(node: child, position: end, flags: carried))
            var inner = first
            while inner < end {
                if flags[Int(text[inner])] & (ByteClass.symbol | ByteClass.leet) != 0 {
                    push(State(node: child, position: inner, flags: carried))
                }
                inner += 1
            }
        }
        if !inWord {
            let child = transition(node, TransitionClass.wildcard)
            if child >= 0 {
                var end = position
                while end < count, flags[Int(text[end])] & ByteClass.word != 0 { end += 1 }
                if end > position {
                    push(State(node: child, position: end, flags: carried | Self.inWord | Self.letterInWord | Self.adjacent))
                }
            }
        }
    }

    /// Pushes the states reached by reading the byte at `position` from `node`.
    @inline(__always)
    private mutating func consume(_ node: Int32, at position: Int, flags stateFlags: UInt16, wordOnly: Bool) {
        let byte = text[position]
        let byteFlags = flags[Int(byte)]
        let atRoot = stateFlags & Self.atRoot != 0
        let mayStartWord = !atRoot || stateFlags & Self.startBoundary != 0
        let base = stateFlags & ~(Self.atRoot | Self.startBoundary)
        let cls = tables.classOfByte[Int(byte)]
        if cls >= 0 {
            let isSymbol = Int(cls) >= TransitionClass.firstSymbol
            if !(isSymbol && wordOnly), isSymbol || mayStartWord {
                let child = transition(node, Int(cls))
                if child >= 0 {
                    let added = isSymbol ? 0 : Self.inWord | (cls < 26 ? Self.letterInWord : 0)
                    let kept = isSymbol ? base & ~(Self.inWord | Self.wordFlags) : base
                    push(State(node: child, position: position + 1, flags: kept | added))
                }
            }
        } else if cls == TransitionClass.wide, mayStartWord {
            if let child = matcher.wide[Int(node) << 8 | Int(byte)] {
                push(State(node: child, position: position + 1, flags: base | Self.inWord | Self.letterInWord))
            }
        }
        if byteFlags & ByteClass.leet != 0, mayStartWord, tables.evasionBelow[Int(node)] {
            let letter = tables.leetLetters[Int(byte)]
            let child = transition(node, Int(letter - UInt8(ascii: "a")))
            if child >= 0 {
                push(State(node: child, position: position + 1, flags: base | Self.inWord | Self.leetInWord | Self.usedEvasion))
            }
        }
    }

    /// Records the phrases accepted at `state`, after suffix extension and the end-boundary check.
    private mutating func accept(_ state: State, into matches: inout [RawMatch]) {
        let count = text.count
        for slot in Int(tables.acceptStart[Int(state.node)])..<Int(tables.acceptStart[Int(state.node) + 1]) {
            let index = tables.acceptList[slot]
            let entry = matcher.entries[Int(index)]
            if state.flags & Self.usedEvasion != 0, !entry.allowsEvasion { continue }
            var end = state.position
            if entry.allowsSuffix {
                if state.flags & Self.spaced != 0 {
                    while end + 1 < count, flags[Int(text[end])] & ByteClass.joiner != 0, text[end + 1] < 0x80,
                        flags[Int(text[end + 1])] & ByteClass.letter != 0,
                        end + 2 == count || flags[Int(text[end + 2])] & ByteClass.word == 0 || text[end + 2] >= 0x80
                    {
                        end += 2
                    }
                } else {
                    end = wordEnd(from: end)
                }
            }
            if entry.needsEndBoundary, !isBoundary(after: end) { continue }
            matches.append(RawMatch(start: start, end: end, entry: index))
        }
    }

    /// The end of the word continuing at `position` (ASCII letters and digits, non-ASCII letters).
    private func wordEnd(from position: Int) -> Int {
        var end = position
        while end < text.count {
            let byte = text[end]
            if byte < 0x80 {
                guard flags[Int(byte)] & ByteClass.word != 0 else { break }
                end += 1
            } else {
                guard let (scalar, length) = decodeScalar(text.baseAddress!, at: end, count: text.count),
                    Self.isWordScalar(scalar)
                else { break }
                end += length
            }
        }
        return end
    }

    /// Whether no word character ends right before `position`.
    func isBoundary(before position: Int) -> Bool {
        guard position > 0 else { return true }
        let previous = text[position - 1]
        if previous < 0x80 { return flags[Int(previous)] & ByteClass.word == 0 }
        var lead = position - 1
        while lead > 0, lead > position - 4, NormalizedText.isContinuation(text[lead]) { lead -= 1 }
        guard let (scalar, length) = decodeScalar(text.baseAddress!, at: lead, count: text.count),
            lead + length == position
        else { return true }
        return !Self.isWordScalar(scalar)
    }

    /// Whether no word character starts at `position`.
    func isBoundary(after position: Int) -> Bool {
        guard position < text.count else { return true }
        let byte = text[position]
        if byte < 0x80 { return flags[Int(byte)] & ByteClass.word == 0 }
        guard let (scalar, _) = decodeScalar(text.baseAddress!, at: position, count: text.count) else { return true }
        return !Self.isWordScalar(scalar)
    }

    /// Letters, marks and digits of any script count as word characters; emoji and punctuation do not.
    static func isWordScalar(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
