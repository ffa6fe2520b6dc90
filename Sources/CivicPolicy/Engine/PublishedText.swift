/// The texts of a post as readers get them, where they are not what the source says: front
/// matter values with YAML escapes (`"s\x68it"`), and body blocks whose character references,
/// backslash escapes, inline markup or raw HTML the Markdown renderer takes out
/// (`s&#104;it`, `s**h**it`, `sh<b></b>it`). The detectors read the source, so that findings
/// stand where they are written; these texts are read as well, and what only they hold is
/// reported where the text is written.
struct PublishedText {
    /// One text, and where it is written.
    struct Piece {
        /// The text, as readers get it.
        var text: [UInt8]
        /// The source bytes it comes from: the detectors' matches in there account for
        /// matches of the text.
        var written: Range<Int>
        /// Where a finding in the text is reported: its first line.
        var anchor: Range<Int>
        /// Byte ranges of `text` that are web addresses: the link rules judge their words.
        var addresses: [Range<Int>] = []
    }

    private(set) var pieces: [Piece] = []

    var isEmpty: Bool { pieces.isEmpty }

    init(_ post: Post) {
        let source = post.source
        if let front = post.frontMatter, Self.mayEscape(source.bytes[..<post.bodyStart]) {
            // Only a double-quoted scalar's `\` escapes make a value other than its characters.
            let keys = front.keyLocations.values.map(\.line).sorted()
            func written(_ key: String) -> Range<Int>? {
                guard let line = front.keyLocations[key]?.line else { return nil }
                let next = keys.first { $0 > line }
                return source.lineStarts[line - 1]..<(next.map { source.lineStarts[$0 - 1] } ?? post.bodyStart)
            }
            func add(_ value: Located<String>?, under key: String) {
                guard let value, let range = written(key) else { return }
                let start = source.offset(of: value.location)
                pieces.append(Piece(text: Array(value.value.utf8), written: range, anchor: start..<source.lineEnd(ofByte: start)))
            }
            add(front.title, under: "title")
            add(front.summary, under: "summary")
            for entry in front.social { add(entry.text, under: "social") }
            for media in front.media {
                add(media.alt, under: "media")
                add(media.credit, under: "media")
            }
        }
        for block in post.body.rewritten {
            let start = post.bodyStart + block.range.lowerBound
            let written = start..<(post.bodyStart + block.range.upperBound)
            pieces.append(
                Piece(text: block.text, written: written, anchor: start..<source.lineEnd(ofByte: start), addresses: block.addresses))
        }
    }

    /// Whether the front matter has a `\` at all.
    private static func mayEscape(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: "\\"))
    }

    /// The lexicon phrases and personal data in the texts that the source's matches (`phrases`,
    /// `personalData`) do not account for, each reported at the first line of its text. A
    /// text's matches are accounted for by the source's matches of the same phrase (or kind
    /// of data) in the bytes it is written in, one for one.
    func matches(
        detectors: Detectors, beside phrases: [SourcePhrase], _ personalData: [PIIMatch], hidden: [Range<Int>]
    ) -> (phrases: [SourcePhrase], personalData: [PIIMatch], hidden: [PublishedHidden]) {
        var newPhrases: [SourcePhrase] = []
        var newData: [PIIMatch] = []
        var newHidden: [PublishedHidden] = []
        var accountedPhrases: [String: Int] = [:]
        var accountedData: [PIIKind: Int] = [:]
        var group: Range<Int>? = nil
        for piece in pieces {
            if group != piece.written {
                // Pieces that share source bytes (the entries under `social`) share the count.
                group = piece.written
                accountedPhrases = [:]
                accountedData = [:]
                for phrase in phrases where piece.written.overlaps(phrase.range) {
                    accountedPhrases[phrase.tag + "\u{0}" + phrase.phrase, default: 0] += 1
                }
                for data in personalData where piece.written.overlaps(data.range) {
                    accountedData[data.kind, default: 0] += 1
                }
            }
            let outsideAddresses = { (range: Range<Int>) in !piece.addresses.contains { $0.overlaps(range) } }
            let normalized = normalize(piece.text, hidingControls: true)
            // Invisible and control characters the source does not show (`"\u200B"`, `"\e"`).
            let invisible = normalized.hidden
            let written = hidden.filter { piece.written.overlaps($0) }.count
            if invisible.count > written {
                let names = invisible.sorted { $0.lowerBound < $1.lowerBound }.flatMap { range in
                    String(decoding: piece.text[range], as: UTF8.self).unicodeScalars.map(\.value)
                }
                newHidden.append(PublishedHidden(range: piece.anchor, scalars: names))
            }
            for match in detectors.phraseAndNameMatches(in: normalized).phrases {
                let range = normalized.sourceRange(of: match.range)
                guard outsideAddresses(range) else { continue }
                let key = match.tag + "\u{0}" + match.phrase
                if let count = accountedPhrases[key], count > 0 {
                    accountedPhrases[key] = count - 1
                    continue
                }
                let text = String(decoding: piece.text[range], as: UTF8.self)
                newPhrases.append(SourcePhrase(tag: match.tag, phrase: match.phrase, range: piece.anchor, published: text))
            }
            let found = piece.text.withUnsafeBufferPointer { detectors.personalData.scan($0) }
            // Personal data counts inside addresses too (an autolinked e-mail address), as in
            // the source.
            for var data in found {
                if let count = accountedData[data.kind], count > 0 {
                    accountedData[data.kind] = count - 1
                    continue
                }
                data.range = piece.anchor
                data.published = true
                newData.append(data)
            }
        }
        return (newPhrases, newData, newHidden)
    }
}

/// Invisible or control characters found in a text as readers get it and not in its source.
public struct PublishedHidden: Sendable, Equatable {
    /// Where the text is written (its first line).
    public var range: Range<Int>
    /// The characters, in order.
    public var scalars: [UInt32]
}
