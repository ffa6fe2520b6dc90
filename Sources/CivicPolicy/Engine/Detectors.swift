/// The scanners rules share, built once per run from the configuration and the lexicons:
/// the personal-data scanner and the lexicon phrase matcher.
public struct Detectors: Sendable {
    /// Personal data, with the city's official contacts allowed.
    public var personalData: PIIScanner
    /// Every lexicon phrase, tagged with its lexicon (`profanity`, `political`, …).
    public var phrases: PhraseMatcher

    public init(config: Config, lexicon: [(phrase: String, tag: String)] = [], referenceYear: Int) {
        personalData = PIIScanner(
            allow: PIIAllowlist(phones: config.allow.phones, emailDomains: config.allow.emailDomains,
                                addresses: config.allow.addresses),
            referenceYear: referenceYear)
        phrases = PhraseMatcher(phrases: lexicon)
    }
}

/// What the detectors found in one post, computed once and shared by every rule.
public struct PostAnalysis: Sendable {
    /// Personal data, with byte ranges into the post's source.
    public var personalData: [PIIMatch]
    /// Lexicon phrases, with byte ranges into the post's source (hidden characters inside included).
    public var phrases: [SourcePhrase]
    /// Hidden characters (zero-width, bidi controls, soft hyphens): source byte ranges.
    public var hiddenCharacters: [Range<Int>]

    /// Scans the whole source, front matter included (summaries and per-platform texts are
    /// messages too); phrases inside web addresses are left to the link rules.
    public init(_ post: Post, detectors: Detectors) {
        personalData = post.source.bytes.withUnsafeBufferPointer { detectors.personalData.scan($0) }
        let normalized = normalize(post.source.bytes)
        let links = post.links.map(\.range)
        phrases = detectors.phrases.matches(in: normalized).compactMap { match in
            let range = normalized.sourceRange(of: match.range)
            guard !links.contains(where: { $0.overlaps(range) }) else { return nil }
            return SourcePhrase(tag: match.tag, phrase: match.phrase, range: range)
        }
        hiddenCharacters = normalized.hidden
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
}

extension Post {
    /// The detectors' results: the ones the engine attached, or computed now.
    public func analysis(in context: RuleContext) -> PostAnalysis {
        analysis ?? PostAnalysis(self, detectors: context.detectors)
    }
}
