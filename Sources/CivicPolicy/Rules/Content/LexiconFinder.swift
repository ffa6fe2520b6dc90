/// The findings of one lexicon, shared by the six `content.*` lexicon rules: the phrase scan
/// runs once per post (``PostAnalysis``) and each rule takes its own lexicon's matches.
enum LexiconFinder {
    static let userResponsibilities = "USER RESPONSIBILITIES"

    static func findings(_ tag: String, noun: String, rule: RuleDescription, post: Post, context: RuleContext) -> [Finding] {
        post.analysis(in: context).phrases.filter { $0.tag == tag }.map { match in
            let text = visibleText(match.published ?? post.source.text(of: match.range))
            let written = match.published == nil ? "" : " (as published: written here with escapes, character references or markup)"
            var finding = post.finding(rule, at: match.range, "\(noun): “\(text)”\(written)")
            finding.matched = text
            return finding
        }
    }

    /// The text without hidden characters (zero-width, bidi controls) and with line breaks as spaces.
    static func visibleText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars where ScalarKind(scalar.value) != .hidden {
            out.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return out
    }
}
