/// One occurrence of a lexicon phrase in a `NormalizedText`.
public struct PhraseMatch: Sendable, Hashable, CustomStringConvertible {
    /// The tag of the lexicon the phrase came from (`profanity`, `political`…).
    public let tag: String
    /// The phrase as written in the lexicon, e.g. `damn*`.
    public let phrase: String
    /// Byte range in `NormalizedText.bytes`; map it with `sourceRange(of:)`.
    public let range: Range<Int>

    /// Creates a match.
    public init(tag: String, phrase: String, range: Range<Int>) {
        self.tag = tag
        self.phrase = phrase
        self.range = range
    }

    /// `tag:phrase@lower..<upper`.
    public var description: String { "\(tag):\(phrase)@\(range.lowerBound)..<\(range.upperBound)" }
}
