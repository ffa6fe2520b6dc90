import CivicPolicy
import Foundation

/// The package's lexicons/ folder.
let lexiconDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lexicons")

/// Every shipped lexicon, parsed.
func loadLexicons() throws -> [(phrase: String, tag: String)] {
    var phrases: [(phrase: String, tag: String)] = []
    for tag in lexiconTags {
        let text = try String(contentsOf: lexiconDirectory.appendingPathComponent("\(tag).txt"), encoding: .utf8)
        phrases += try parseLexicon(text, tag: tag)
    }
    return phrases
}

/// A matcher with every shipped lexicon, built once.
let sharedMatcher: PhraseMatcher = PhraseMatcher(phrases: try! loadLexicons())

/// A match mapped back to the source: tag, phrase and the source text it covers.
struct Found: Equatable, CustomStringConvertible {
    var tag: String
    var phrase: String
    var source: String
    var description: String { "\(tag):\(phrase)=\(source.debugDescription)" }
}

/// Normalises `text`, matches, and maps every match back to source text.
func find(_ text: String, with matcher: PhraseMatcher = sharedMatcher) -> [Found] {
    let source = Array(text.utf8)
    let normalized = normalize(source)
    return matcher.matches(in: normalized).map { match in
        let range = normalized.sourceRange(of: match.range)
        return Found(tag: match.tag, phrase: match.phrase, source: String(decoding: source[range], as: UTF8.self))
    }
}

/// The source byte range of every match.
func sourceRanges(_ text: String, with matcher: PhraseMatcher = sharedMatcher) -> [Range<Int>] {
    let normalized = normalize(text)
    return matcher.matches(in: normalized).map { normalized.sourceRange(of: $0.range) }
}

func matcher(_ phrases: [String], tag: String = "profanity") -> PhraseMatcher {
    PhraseMatcher(phrases: phrases.map { ($0, tag) })
}
