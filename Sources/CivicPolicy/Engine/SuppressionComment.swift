/// A `<!-- civicpost: allow RULE — reason [expires: YYYY-MM-DD] -->` comment in a post's body.
///
/// The separator before the reason may be an em dash, an en dash, `-` or `:` (`--` would make
/// Markdown show the comment as text). The comment
/// applies to the next line that is not itself a suppression comment (so several may stack).
/// Comments in code blocks and in code spans are text, not suppressions.
public struct SuppressionComment: Sendable, Equatable {
    /// The rule id as written.
    public var rule: String
    /// The reason; empty when none was written.
    public var reason: String
    /// The last day the suppression holds.
    public var expires: Day?
    /// What is wrong with how the comment is written, if anything (then it silences nothing).
    public var problem: String?
    /// Source bytes of the whole comment, `<!--` to `-->` (of `<!-- civicpost:` when unclosed).
    public var range: Range<Int>
    /// Source bytes of the rule id (of the comment when there is none).
    public var ruleRange: Range<Int>
    /// Source bytes of the `expires:` date, if written.
    public var expiresRange: Range<Int>?
    /// The 1-based line of the comment.
    public var line: Int
    /// The 1-based line whose findings it may silence.
    public var targetLine: Int

    /// Every suppression comment in the body of `post`, in order: one pass over the body's
    /// bytes, line by line, skipping fenced code blocks.
    public static func scan(_ post: Post) -> [SuppressionComment] {
        let source = post.source
        let bytes = source.bytes
        guard post.bodyStart < bytes.count else { return [] }
        var comments: [SuppressionComment] = []
        var aloneLines: Set<Int> = []
        var fence: (byte: UInt8, count: Int)?
        var line = source.line(ofByte: post.bodyStart)
        while line <= source.lineStarts.count {
            let start = max(source.lineStarts[line - 1], post.bodyStart)
            var end = line < source.lineStarts.count ? source.lineStarts[line] - 1 : bytes.count
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            defer { line += 1 }
            // Inside a block quote, code is found after its `>` markers.
            let content = quoted(bytes, start..<end)
            if let run = fenceRun(bytes, content) {
                if let open = fence {
                    if run.byte == open.byte, run.count >= open.count, run.restIsBlank { fence = nil }
                } else {
                    fence = (run.byte, run.count)
                }
                continue
            }
            // In a fenced code block, or indented four spaces or a tab (an indented code block,
            // unless in a list item: there, a suppression silences nothing, which fails closed),
            // the comment is published as text.
            guard fence == nil, !isIndentedCode(bytes, content) else { continue }
            for comment in parseLine(bytes, start..<end, line: line) {
                if comment.standsAlone { aloneLines.insert(line) }
                comments.append(comment.value)
            }
        }
        for index in comments.indices {
            var target = comments[index].line + 1
            while aloneLines.contains(target) { target += 1 }
            comments[index].targetLine = target
        }
        return comments
    }

    /// The line after its block-quote markers (`>`, each with the one space after it), if any.
    private static func quoted(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int> {
        var index = line.lowerBound
        var marked = false
        while true {
            var probe = index
            while probe < line.upperBound, probe - index < 3, bytes[probe] == 0x20 { probe += 1 }
            guard probe < line.upperBound, bytes[probe] == UInt8(ascii: ">") else { break }
            probe += 1
            if probe < line.upperBound, bytes[probe] == 0x20 { probe += 1 }
            index = probe
            marked = true
        }
        return marked ? index..<line.upperBound : line
    }

    /// Whether the line starts with four spaces or a tab.
    private static func isIndentedCode(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        guard line.lowerBound < line.upperBound else { return false }
        if bytes[line.lowerBound] == 0x09 { return true }
        return line.count >= 4 && bytes[line.lowerBound..<(line.lowerBound + 4)].allSatisfy { $0 == 0x20 }
    }

    /// The fence (three or more backticks or tildes after at most three spaces) a line opens
    /// or closes, if any.
    private static func fenceRun(_ bytes: [UInt8], _ line: Range<Int>) -> (byte: UInt8, count: Int, restIsBlank: Bool)? {
        var index = line.lowerBound
        while index < line.upperBound, index - line.lowerBound < 3, bytes[index] == 0x20 { index += 1 }
        guard index < line.upperBound, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        let byte = bytes[index]
        var count = 0
        while index < line.upperBound, bytes[index] == byte {
            count += 1
            index += 1
        }
        guard count >= 3 else { return nil }
        let restIsBlank = bytes[index..<line.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return (byte, count, restIsBlank)
    }

    /// The suppression comments on one line.
    private static func parseLine(_ bytes: [UInt8], _ line: Range<Int>, line number: Int)
        -> [(value: SuppressionComment, standsAlone: Bool)]
    {
        var found: [(SuppressionComment, Bool)] = []
        var index = line.lowerBound
        var backticks = 0
        while index + 4 <= line.upperBound {
            if bytes[index] == UInt8(ascii: "`") { backticks += 1 }
            guard bytes[index] == UInt8(ascii: "<"), matches(bytes, at: index, "<!--"), backticks % 2 == 0 else {
                index += 1
                continue
            }
            let open = index
            var cursor = skipSpaces(bytes, from: index + 4, to: line.upperBound)
            guard matches(bytes, at: cursor, "civicpost:", caseInsensitive: true, limit: line.upperBound) else {
                index += 4
                continue
            }
            cursor += "civicpost:".utf8.count
            var close = cursor
            while close + 3 <= line.upperBound, !matches(bytes, at: close, "-->") { close += 1 }
            // Unclosed, it is no comment: Markdown shows the line as text, so only the
            // `<!-- civicpost:` it starts with is left out of the checks.
            var comment = SuppressionComment(
                rule: "", reason: "", expires: nil, problem: nil, range: open..<cursor,
                ruleRange: open..<open + 4, expiresRange: nil, line: number, targetLine: number + 1)
            guard close + 3 <= line.upperBound else {
                comment.problem = "a suppression comment must end with '-->' on the same line"
                found.append((comment, false))
                break
            }
            comment.range = open..<close + 3
            // CommonMark (0.29, as cmark-gfm reads it) takes `<!--` … `-->` for a comment only
            // when the text between holds no `--`, does not start with `>` or `->` and does
            // not end with `-`. Any other is shown on the page as text: it silences nothing,
            // and its words are checked like the rest of the line.
            let inner = bytes[(open + 4)..<close]
            let shown =
                inner.first == UInt8(ascii: ">") || inner.starts(with: Array("->".utf8)) || inner.last == UInt8(ascii: "-")
                || zip(inner, inner.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }
            if shown {
                comment.range = open..<cursor
                comment.problem =
                    "Markdown shows this comment on the page as text (it holds '--', or starts with '>' or ends with '-'); write the reason after — or :"
                found.append((comment, false))
                index = close + 3
                continue
            }
            comment.parse(bytes, from: cursor, to: close)
            let before = bytes[line.lowerBound..<open].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let after = bytes[(close + 3)..<line.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            found.append((comment, before && after))
            index = close + 3
        }
        return found
    }

    /// Reads `allow RULE [separator] reason [expires: DAY]` from the comment's text.
    private mutating func parse(_ bytes: [UInt8], from start: Int, to end: Int) {
        var cursor = Self.skipSpaces(bytes, from: start, to: end)
        guard Self.matches(bytes, at: cursor, "allow", caseInsensitive: true, limit: end),
            cursor + 5 < end, bytes[cursor + 5] == 0x20 || bytes[cursor + 5] == 0x09
        else {
            problem = "write it as <!-- civicpost: allow RULE — reason -->"
            return
        }
        cursor = Self.skipSpaces(bytes, from: cursor + 5, to: end)
        let ruleStart = cursor
        while cursor < end, bytes[cursor] > 0x20, bytes[cursor] < 0x80, bytes[cursor] != UInt8(ascii: ":"),
            bytes[cursor] != UInt8(ascii: ",")
        {
            cursor += 1
        }
        ruleRange = ruleStart..<cursor
        rule = String(decoding: bytes[ruleRange], as: UTF8.self)
        cursor = Self.skipSpaces(bytes, from: cursor, to: end)
        for separator in ["\u{2014}", "\u{2013}", "-", ":"] where Self.matches(bytes, at: cursor, separator, limit: end) {
            cursor = Self.skipSpaces(bytes, from: cursor + separator.utf8.count, to: end)
            break
        }
        var reasonEnd = end
        if let marker = Self.lastExpires(bytes, from: cursor, to: end) {
            let dateStart = Self.skipSpaces(bytes, from: marker + "expires:".utf8.count, to: end)
            var dateEnd = end
            while dateEnd > dateStart, " \t).".utf8.contains(bytes[dateEnd - 1]) { dateEnd -= 1 }
            expiresRange = dateStart..<dateEnd
            if let day = Day(String(decoding: bytes[dateStart..<dateEnd], as: UTF8.self)) {
                expires = day
            } else {
                problem = "'expires:' needs a date written YYYY-MM-DD"
            }
            reasonEnd = marker
            while reasonEnd > cursor, " \t;,.(".utf8.contains(bytes[reasonEnd - 1]) { reasonEnd -= 1 }
        }
        while reasonEnd > cursor, bytes[reasonEnd - 1] == 0x20 || bytes[reasonEnd - 1] == 0x09 { reasonEnd -= 1 }
        reason = String(decoding: bytes[cursor..<max(cursor, reasonEnd)], as: UTF8.self)
    }

    /// The offset of the last `expires:` (any case) after a space, if any.
    private static func lastExpires(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = end - "expires:".utf8.count
        while index >= start {
            if matches(bytes, at: index, "expires:", caseInsensitive: true, limit: end),
                index == start || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 || bytes[index - 1] == UInt8(ascii: "(")
            {
                return index
            }
            index -= 1
        }
        return nil
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    private static func matches(
        _ bytes: [UInt8], at index: Int, _ text: String, caseInsensitive: Bool = false,
        limit: Int? = nil
    ) -> Bool {
        let end = limit ?? bytes.count
        var position = index
        for expected in text.utf8 {
            guard position < end else { return false }
            let byte = bytes[position]
            let equal = caseInsensitive && expected >= 0x61 && expected <= 0x7A ? byte | 0x20 == expected : byte == expected
            guard equal else { return false }
            position += 1
        }
        return true
    }
}
