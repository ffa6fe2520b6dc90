/// Finds lexicon phrases in normalised text with one trie shared by every
/// phrase, walked from each word start (one pass over the text).
///
/// Matching is whole-word: a phrase that begins (ends) with a word must begin
/// (end) at a word boundary. Words of a multi-word phrase match across any run
/// of whitespace or punctuation. Phrases whose tag is in `evasionTags` also
/// match leetspeak (`@`→a, `0`→o, `1`/`!`→i, `3`→e, `$`/`5`→s, `4`→a, `7`→t,
/// inside a word that has at least one real letter) and letters spelled out
/// with single separators (`f.u.c.k`, `s h i t`) or censored with `*` inside
/// a word (`sh*t`, one letter per `*`). See `PhrasePattern` for the
/// phrase syntax (`*` suffix, `_` one-word wildcard, `~` exception).
public struct PhraseMatcher: Sendable {
    /// Tags whose phrases also match leetspeak and spelled-out letters.
    public static let defaultEvasionTags: Set<String> = ["profanity", "discrimination"]

    struct Entry: Sendable {
        var phrase: String
        var tag: String
        var isException: Bool
        var allowsSuffix: Bool
        var needsEndBoundary: Bool
        var allowsEvasion: Bool
    }

    let entries: [Entry]
    /// Transitions on non-ASCII bytes, keyed by `node << 8 | byte`.
    let wide: [Int: Int32]
    /// Dense transitions, accept lists and byte tables for the search loop.
    let tables: TrieTables

    /// Phrases that could not be compiled, with the reason; they are skipped.
    /// (`parseLexicon` reports the same problems as errors.)
    public let skipped: [(phrase: String, tag: String, reason: String)]

    /// Number of distinct phrases loaded (exceptions included).
    public var phraseCount: Int { entries.count }

    /// Builds the matcher. Entries whose phrase starts with `!` are removal
    /// markers (see `mergeLexicon`) and are ignored; duplicates are merged.
    public init(phrases: [(phrase: String, tag: String)], evasionTags: Set<String> = PhraseMatcher.defaultEvasionTags) {
        self.init(compiling: phrases.map { ($0.phrase, $0.tag, evasionTags.contains($0.tag)) })
    }

    /// One matcher holding `first`'s phrases and then `second`'s, each with its own evasion
    /// handling: one walk of a text finds what the two would find apart. Entries keep their
    /// order, so `first`'s are numbered as in `first` and `second`'s follow.
    init(combining first: PhraseMatcher, _ second: PhraseMatcher) {
        self.init(compiling: (first.entries + second.entries).map { ($0.phrase, $0.tag, $0.allowsEvasion) })
    }

    private init(compiling phrases: [(phrase: String, tag: String, evasion: Bool)]) {
        var entries: [Entry] = []
        var next = [Int32](repeating: -1, count: TransitionClass.count)
        var wide: [Int: Int32] = [:]
        var outputs: [[Int32]] = [[]]
        var evasionBelow = [false]
        var skipped: [(phrase: String, tag: String, reason: String)] = []
        var seen: Set<String> = []
        // At most one node per byte of every phrase: reserved once, not grown by copying.
        let nodes = phrases.reduce(1) { $0 + $1.phrase.utf8.count }
        next.reserveCapacity(nodes * TransitionClass.count)
        outputs.reserveCapacity(nodes)
        evasionBelow.reserveCapacity(nodes)

        for (phrase, tag, evasion) in phrases where !phrase.hasPrefix("!") {
            let pattern: PhrasePattern
            switch PhrasePattern.compile(phrase) {
            case .success(let compiled): pattern = compiled
            case .failure(let problem):
                skipped.append((phrase, tag, problem.reason))
                continue
            }
            guard seen.insert(tag + "\u{0}" + pattern.key).inserted else { continue }
            var node = 0
            if evasion { evasionBelow[0] = true }
            for element in pattern.elements {
                let transition: Int
                let byte: UInt8
                switch element {
                case .byte(let value):
                    byte = value
                    let cls = TransitionClass.ofByte[Int(value)]
                    transition = cls == TransitionClass.wide ? -1 : Int(cls)
                case .symbol(let value):
                    byte = value
                    transition = Int(TransitionClass.ofByte[Int(value)])
                case .gap(let required):
                    byte = 0
                    transition = required ? TransitionClass.separatorRequired : TransitionClass.separatorOptional
                case .wildcard:
                    byte = 0
                    transition = TransitionClass.wildcard
                }
                let existing = transition >= 0 ? next[node * TransitionClass.count + transition] : wide[node << 8 | Int(byte), default: -1]
                if existing >= 0 {
                    node = Int(existing)
                } else {
                    let child = outputs.count
                    outputs.append([])
                    evasionBelow.append(false)
                    next.append(contentsOf: repeatElement(-1, count: TransitionClass.count))
                    if transition >= 0 {
                        next[node * TransitionClass.count + transition] = Int32(child)
                    } else {
                        wide[node << 8 | Int(byte)] = Int32(child)
                    }
                    node = child
                }
                if evasion { evasionBelow[node] = true }
            }
            outputs[node].append(Int32(entries.count))
            entries.append(
                Entry(
                    phrase: phrase, tag: tag, isException: pattern.isException, allowsSuffix: pattern.allowsSuffix,
                    needsEndBoundary: pattern.needsEndBoundary, allowsEvasion: evasion))
        }

        var startBytes = [Bool](repeating: false, count: 256)
        for value in 0..<256 {
            let cls = TransitionClass.ofByte[value]
            if cls >= 0 { startBytes[value] = next[Int(cls)] >= 0 }
            if cls == TransitionClass.wide { startBytes[value] = wide[value] != nil }
            let leet = ByteClass.leetLetters[value]
            if leet != 0, evasionBelow[0], next[Int(leet - UInt8(ascii: "a"))] >= 0 { startBytes[value] = true }
        }

        self.entries = entries
        self.wide = wide
        let suffixAccept = outputs.map { $0.contains { entries[Int($0)].allowsSuffix } }
        self.tables = TrieTables(
            next: next, outputs: outputs, evasionBelow: evasionBelow, startBytes: startBytes, suffixAccept: suffixAccept)
        self.skipped = skipped
    }
}
