/// The scanners rules share, built once per run from the configuration, the lexicons and the
/// roster: the personal-data scanner, the lexicon phrase matcher and the roster's names.
public struct Detectors: Sendable {
    /// Personal data, with the city's official contacts allowed.
    public var personalData: PIIScanner
    /// Every lexicon phrase, tagged with its lexicon (`profanity`, `political`, …). When the
    /// combined matcher serves the walks, the lexicon's own matcher is not built until asked
    /// for (then on every read): a run builds one matcher, not three.
    public var phrases: PhraseMatcher {
        get { separatePhrases ?? PhraseMatcher(phrases: lexicon) }
        set {
            separatePhrases = newValue
            rebuild()
        }
    }
    /// Department names and aliases, and the names of governmental bodies' members.
    public var rosterNames: RosterNames {
        didSet { rebuild() }
    }
    /// The lexicon phrases and then the roster's names in one matcher, so each post is walked
    /// once; nil when either is empty or their tags overlap (then each is walked on its own).
    private(set) var combined: PhraseMatcher?
    /// How many of `combined`'s entries are lexicon phrases (they come first).
    private var boundary = 0
    private let lexicon: [(phrase: String, tag: String)]
    /// The lexicon's own matcher, when the walks need it or it was set.
    private var separatePhrases: PhraseMatcher?

    public init(config: Config, lexicon: [(phrase: String, tag: String)] = [], referenceYear: Int, roster: Roster = Roster()) {
        personalData = PIIScanner(
            allow: PIIAllowlist(
                phones: config.allow.phones, emailDomains: config.allow.emailDomains,
                addresses: config.allow.addresses),
            referenceYear: referenceYear)
        self.lexicon = lexicon
        rosterNames = RosterNames(roster: roster)
        rebuild()
    }

    private mutating func rebuild() {
        let names = rosterNames.matcher
        if let separate = separatePhrases {
            boundary = separate.phraseCount
            let tags = Set(separate.entries.map(\.tag))
            combined =
                separate.phraseCount > 0 && names.phraseCount > 0 && !names.entries.contains(where: { tags.contains($0.tag) })
                ? PhraseMatcher(combining: separate, names) : nil
            return
        }
        let tags = Set(lexicon.map(\.tag))
        if lexicon.contains(where: { !$0.phrase.hasPrefix("!") }), names.phraseCount > 0,
            !names.entries.contains(where: { tags.contains($0.tag) })
        {
            // Compiled once from the lexicon and the names' phrases (names take no evasion
            // handling: their tags are not evasion tags). Entries keep their order, so the
            // lexicon's come first.
            let matcher = PhraseMatcher(phrases: lexicon + names.entries.map { ($0.phrase, $0.tag) })
            combined = matcher
            boundary = matcher.entries.firstIndex { !tags.contains($0.tag) } ?? matcher.entries.count
        } else {
            let separate = PhraseMatcher(phrases: lexicon)
            separatePhrases = separate
            boundary = separate.phraseCount
            combined = nil
        }
    }

    /// The lexicon phrases and the roster names in `text` (each as its own matcher finds them).
    func phraseAndNameMatches(in text: NormalizedText) -> (phrases: [PhraseMatch], names: [PhraseMatch]) {
        if let combined {
            let (first, second) = combined.matches(in: text, splitAt: boundary)
            return (first, second)
        }
        let names = rosterNames
        let nameMatches = names.acronyms.isEmpty && names.matcher.phraseCount == 0 ? [] : names.matcher.matches(in: text)
        return (phrases.matches(in: text), nameMatches)
    }
}

/// What the detectors found in one post, computed once and shared by every rule.
public struct PostAnalysis: Sendable {
    /// Personal data, with byte ranges into the post's source.
    public var personalData: [PIIMatch]
    /// Lexicon phrases, with byte ranges into the post's source (hidden characters inside included).
    public var phrases: [SourcePhrase]
    /// Hidden characters (zero-width, bidi controls, soft hyphens, control characters):
    /// source byte ranges.
    public var hiddenCharacters: [Range<Int>]
    /// Hidden characters that only the text readers get holds (written as escapes).
    public var publishedHidden: [PublishedHidden] = []
    /// Department names and body members' names (``RosterNames``), outside links and
    /// suppression comments; acronyms only where written in capitals.
    public var rosterMentions: [SourcePhrase]
    /// The `<!-- civicpost: allow … -->` comments in the body.
    public var suppressions: [SuppressionComment]
    /// Every web address in the post (``Post/links``) when the scan needed them (to leave
    /// phrases inside addresses out); nil otherwise, and found on demand by the link rules.
    public var links: [PostLink]?

    /// Scans the whole source, front matter included (summaries and per-platform texts are
    /// messages too); phrases inside web addresses are left to the link rules.
    public init(_ post: Post, detectors: Detectors) {
        personalData = post.source.bytes.withUnsafeBufferPointer { detectors.personalData.scan($0) }
        // Control characters are rare: only a post that has one is normalised hiding them.
        let controls = post.source.bytes.withUnsafeBufferPointer(asciiControls)
        let normalized = normalize(post.source.bytes, hidingControls: !controls.isEmpty)
        let comments = Self.mayHoldComments(post.source.bytes) ? SuppressionComment.scan(post) : []
        let names = detectors.rosterNames
        let (phraseMatches, nameMatches) = detectors.phraseAndNameMatches(in: normalized)
        // Phrases in web addresses are the link rules' business; a suppression's reason is
        // never published, so it may quote what it allows. Addresses are found only when
        // there is a match to judge.
        let links = phraseMatches.isEmpty && nameMatches.isEmpty ? nil : post.links
        let excluded = (links ?? []).map(\.range) + comments.map(\.range)
        func sourcePhrases(_ matches: [PhraseMatch]) -> [SourcePhrase] {
            matches.compactMap { match in
                let range = normalized.sourceRange(of: match.range)
                guard !excluded.contains(where: { $0.overlaps(range) }) else { return nil }
                return SourcePhrase(tag: match.tag, phrase: match.phrase, range: range)
            }
        }
        var closing: [Range<Int>] = []
        var kept = sourcePhrases(phraseMatches).filter { match in
            guard MarkdownEmphasis.closesEmphasis(match.range, in: post.source.bytes) else { return true }
            closing.append(match.range)
            return false
        }
        // A match dropped for reading emphasis as censoring may have hidden a shorter one
        // (`**Plow schedule is shit**`: `shit**` read as a longer, censored word): the words
        // are read again with the closing run blanked out.
        for range in closing {
            let again = Self.phrasesBeforeClosingEmphasis(range, in: post, detectors: detectors)
            kept += again.filter { found in !kept.contains { $0.range == found.range && $0.phrase == found.phrase } }
        }
        phrases = kept
        rosterMentions = sourcePhrases(nameMatches).filter { mention in
            !names.acronyms.contains(mention.phrase) || post.source.text(of: mention.range) == mention.phrase
        }
        hiddenCharacters = normalized.hidden
        suppressions = comments
        self.links = links
        // What readers get where it is not the source: YAML escapes, character references,
        // inline markup and raw HTML taken out. What only that text holds is reported too.
        let published = PublishedText(post)
        if !published.isEmpty {
            let extra = published.matches(detectors: detectors, beside: phrases, personalData, hidden: hiddenCharacters)
            phrases += extra.phrases
            personalData += extra.personalData
            publishedHidden = extra.hidden
        }
    }
}

extension PostAnalysis {
    /// The lexicon phrases in `range`'s line with the `*` run that ends `range` blanked out,
    /// that lie within `range`.
    static func phrasesBeforeClosingEmphasis(_ range: Range<Int>, in post: Post, detectors: Detectors) -> [SourcePhrase] {
        let bytes = post.source.bytes
        let lineStart = post.source.lineStarts[post.source.line(ofByte: range.lowerBound) - 1]
        let lineEnd = post.source.lineEnd(ofByte: range.lowerBound)
        guard lineStart < lineEnd, range.upperBound <= lineEnd else { return [] }
        var line = Array(bytes[lineStart..<lineEnd])
        var index = range.upperBound - lineStart
        while index > range.lowerBound - lineStart, line[index - 1] == UInt8(ascii: "*") {
            index -= 1
            line[index] = 0x20
        }
        let normalized = normalize(line)
        return detectors.phraseAndNameMatches(in: normalized).phrases.compactMap { match in
            let found = normalized.sourceRange(of: match.range)
            let absolute = (found.lowerBound + lineStart)..<(found.upperBound + lineStart)
            guard range.contains(absolute.lowerBound), absolute.upperBound <= range.upperBound else { return nil }
            return SourcePhrase(tag: match.tag, phrase: match.phrase, range: absolute)
        }
    }

    /// Whether the bytes contain `<!--` at all (most posts have no suppression comment).
    static func mayHoldComments(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var from = 0
            while let open = ByteSearch.firstIndex(of: 0x3C, in: buffer, from: from), open + 4 <= buffer.count {
                if buffer[open + 1] == 0x21, buffer[open + 2] == 0x2D, buffer[open + 3] == 0x2D { return true }
                from = open + 1
            }
            return false
        }
    }
}

/// A lexicon phrase found in a post.
public struct SourcePhrase: Sendable, Equatable {
    /// The lexicon, e.g. `profanity`.
    public var tag: String
    /// The lexicon entry that matched.
    public var phrase: String
    /// Byte range in the post's source.
    public var range: Range<Int>
    /// The text that matched, when it is not the source's (the phrase was found in the text
    /// readers get, after decoding; ``range`` is then where that text is written).
    public var published: String? = nil
}

extension Post {
    /// The detectors' results: the ones the engine attached, or computed now.
    public func analysis(in context: RuleContext) -> PostAnalysis {
        analysis ?? PostAnalysis(self, detectors: context.detectors)
    }

    /// Every web address in the post: the ones the engine found already, or found now.
    public func links(in context: RuleContext) -> [PostLink] {
        analysis?.links ?? links
    }
}
