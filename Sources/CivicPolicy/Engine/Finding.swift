/// One result of a rule: what is wrong, where, how much it matters, and how to fix it.
/// Lines and columns are 1-based; columns count Unicode scalars in the original file,
/// front matter included.
public struct Finding: Sendable, Equatable, Codable {
    /// The rule's stable id, e.g. `pii.phone`.
    public var rule: String
    public var severity: Severity
    /// Path from the repository root (or as given to `scan`).
    public var file: String
    public var line: Int
    public var column: Int
    /// The line where the finding ends.
    public var endLine: Int
    /// The column just past the finding's end.
    public var endColumn: Int
    /// Short, lower-case, no trailing period.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// The source line, with personal data masked.
    public var excerpt: String?
    /// What the finding matched, for binding suppressions (masked for personal data; never printed
    /// where personal data could leak).
    public var matched: String?
    /// Set when a `<!-- civicpost: allow … -->` comment silences the finding: it is then not
    /// counted and not shown, but stays on record (SARIF lists it as suppressed in source).
    public var suppression: Suppression?

    public init(
        rule: String, severity: Severity, file: String, span: SourceSpan, message: String,
        hint: String? = nil, excerpt: String? = nil, matched: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = span.start.line
        self.column = span.start.column
        self.endLine = span.end.line
        self.endColumn = span.end.column
        self.message = message
        self.hint = hint
        self.excerpt = excerpt
        self.matched = matched
    }

    /// Where it starts.
    public var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// Whether a suppression silences it.
    public var isSuppressed: Bool { suppression != nil }
}

/// A suppression comment that silenced a finding.
public struct Suppression: Sendable, Equatable, Codable {
    /// Why, as written after the rule id (required).
    public var reason: String
    /// The last day the suppression holds, if it has `expires:`.
    public var expires: Day?
    /// The line of the comment.
    public var line: Int

    public init(reason: String, expires: Day? = nil, line: Int) {
        self.reason = reason
        self.expires = expires
        self.line = line
    }
}

extension Post {
    /// A finding of `rule` over a byte range of this post's source.
    public func finding(
        _ rule: RuleDescription, at range: Range<Int>, _ message: String,
        hint: String? = nil, severity: Severity? = nil
    ) -> Finding {
        let span = source.span(of: range)
        return Finding(
            rule: rule.id, severity: severity ?? rule.severity, file: path, span: span, message: message,
            hint: hint ?? rule.hint, excerpt: source.text(ofLine: span.start.line), matched: source.text(of: range))
    }

    /// A finding of `rule` at a location (from the YAML parser), spanning the rest of the token.
    public func finding(
        _ rule: RuleDescription, at location: SourceLocation, _ message: String,
        hint: String? = nil, severity: Severity? = nil
    ) -> Finding {
        let line = source.text(ofLine: location.line)
        let scalars = Array(line.unicodeScalars)
        var end = location.column
        while end - 1 < scalars.count, !" ,]}#".unicodeScalars.contains(scalars[end - 1]) { end += 1 }
        if end == location.column { end += 1 }
        let span = SourceSpan(start: location, end: SourceLocation(line: location.line, column: end))
        let matchedText = String(String.UnicodeScalarView(scalars[min(scalars.count, location.column - 1)..<min(scalars.count, end - 1)]))
        return Finding(
            rule: rule.id, severity: severity ?? rule.severity, file: path, span: span, message: message,
            hint: hint ?? rule.hint, excerpt: line, matched: matchedText)
    }
}
