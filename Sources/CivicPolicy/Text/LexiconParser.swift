/// The lexicon tags civicpost ships, one file `<tag>.txt` each.
public let lexiconTags: [String] = [
    "profanity", "discrimination", "threat", "political", "commercial", "personal-opinion",
]

/// Longest phrase accepted, in Unicode scalars.
let maximumPhraseLength = 200

/// Parses a lexicon file.
///
/// Format: UTF-8, one phrase per line; blank lines and lines whose first
/// non-blank character is `#` are ignored (no trailing comments). Surrounding
/// whitespace is trimmed. A line may be:
/// - `phrase` — words match whole; a trailing `*` allows any suffix on the last word;
///   a standalone `_` matches any one word; `% # & + $ @` are literal;
/// - `~phrase` — an exception: same-tag matches overlapping it are dropped;
/// - `!phrase` — in a city's file, removes that default phrase (see `mergeLexicon`);
/// - `\#phrase` — a phrase that starts with `#` (a hashtag).
///
/// Returned phrases keep their `~`, `!` and `*` markers (`\#` becomes `#`).
/// - Throws: `LexiconError` naming the line and column of the first problem.
public func parseLexicon(_ text: String, tag: String) throws -> [(phrase: String, tag: String)] {
    var entries: [(phrase: String, tag: String)] = []
    var lineNumber = 0
    // Split on scalars, not Characters: "\r\n" is a single Character.
    for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        var scalars = Array(rawLine)
        if lineNumber == 1, scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        if scalars.last == "\r" { scalars.removeLast() }
        func error(_ column: Int, _ reason: String) -> LexiconError {
            LexiconError(tag: tag, line: lineNumber, column: column, reason: reason)
        }
        if let control = scalars.firstIndex(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
            throw error(control + 1, "control character U+\(String(scalars[control].value, radix: 16, uppercase: true))")
        }
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        var body = Array(scalars[first...last])
        var column = first + 1
        if body.first == "#" { continue }

        var marker = ""
        if body.first == "!" {
            marker = "!"
            body.removeFirst()
            column += 1
            guard let next = body.firstIndex(where: { $0 != " " && $0 != "\t" }) else {
                throw error(column - 1, "'!' needs a phrase to remove")
            }
            body.removeFirst(next)
            column += next
        }
        if body.first == "\\" {
            guard body.count > 1, body[1] == "#" else {
                throw error(column, "'\\' may only escape a leading '#'")
            }
            body.removeFirst()
            column += 1
        }
        if body.count > maximumPhraseLength {
            throw error(column + maximumPhraseLength, "phrase longer than \(maximumPhraseLength) characters")
        }
        if body.first == "!" {
            throw error(column, "a phrase cannot start with '!'")
        }
        var phrase = ""
        phrase.unicodeScalars.append(contentsOf: body)
        if case .failure(let problem) = PhrasePattern.compile(phrase) {
            throw error(column + problem.column - 1, problem.reason)
        }
        entries.append((marker + phrase, tag))
    }
    return entries
}

/// Merges a city's lexicon entries into the defaults: entries starting with
/// `!` remove the default entry of the same tag that matches the same text
/// (`!Damn` removes `damn`, but not `damn*`); the others are added.
/// Duplicates are dropped; order is defaults first, then additions.
public func mergeLexicon(
    _ defaults: [(phrase: String, tag: String)], _ city: [(phrase: String, tag: String)]
) -> [(phrase: String, tag: String)] {
    func key(_ phrase: String, _ tag: String) -> String? {
        guard case .success(let pattern) = PhrasePattern.compile(phrase) else { return nil }
        return tag + "\u{0}" + pattern.key
    }
    var removed: Set<String> = []
    for (phrase, tag) in city where phrase.hasPrefix("!") {
        if let key = key(String(phrase.dropFirst()), tag) { removed.insert(key) }
    }
    var seen: Set<String> = []
    var merged: [(phrase: String, tag: String)] = []
    for (phrase, tag) in defaults where !phrase.hasPrefix("!") {
        guard let key = key(phrase, tag), !removed.contains(key), seen.insert(key).inserted else { continue }
        merged.append((phrase, tag))
    }
    for (phrase, tag) in city where !phrase.hasPrefix("!") {
        guard let key = key(phrase, tag), seen.insert(key).inserted else { continue }
        merged.append((phrase, tag))
    }
    return merged
}
