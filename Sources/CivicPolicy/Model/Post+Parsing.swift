import CivicMarkdown
import Yams

extension Post {
    /// The front-matter keys a post may have.
    static let knownKeys: Set<String> = [
        "title", "department", "platforms", "summary", "social", "publish_at",
        "review_by", "media", "cross_department", "tags",
    ]

    /// Parses a post file. Never throws: whatever is wrong with the front matter becomes a
    /// ``FrontMatterProblem`` at the position where it stands, and the body is still parsed.
    /// `paragraphs` says which block texts the body keeps: the rules read only the first
    /// paragraph (``MarkdownDocument/ParagraphScope/first``).
    public static func parse(
        path: String, bytes: [UInt8], renderHTML: Bool = false, paragraphs: MarkdownDocument.ParagraphScope = .all
    ) -> Post {
        let source = SourceText(bytes)
        var problems: [FrontMatterProblem] = []
        let split = splitFrontMatter(bytes)
        switch split {
        case .missing:
            problems.append(
                FrontMatterProblem(
                    location: SourceLocation(line: 1, column: 1),
                    message:
                        "missing front matter: a post starts with a '---' line, its YAML keys (title, department, platforms), and another '---' line"
                ))
        case .unterminated:
            problems.append(
                FrontMatterProblem(
                    location: SourceLocation(line: 1, column: 1),
                    message: "unterminated front matter: the opening '---' has no closing '---' line"))
        case .found:
            break
        }
        let bodyStart: Int
        switch split {
        case .missing: bodyStart = 0
        case .unterminated: bodyStart = bytes.count
        case let .found(_, body): bodyStart = body
        }
        // The front matter is parsed while the body's parse would wait for another thread.
        var frontMatter: FrontMatter?
        let parseFront = {
            if case let .found(yaml, _) = split { frontMatter = parseFrontMatter(bytes[yaml], problems: &problems) }
        }
        // The front matter's YAML refuses invalid UTF-8; so does the body, which cmark-gfm would
        // show with U+FFFD where the checks read other bytes.
        if bodyStart < bytes.count, let bad = YAMLReader.firstInvalidUTF8(bytes[bodyStart...]) {
            let line = source.line(ofByte: bodyStart) + bad.line - 1
            let column = bad.line == 1 ? source.location(ofByte: bodyStart).column + bad.column - 1 : bad.column
            problems.append(
                FrontMatterProblem(
                    location: SourceLocation(line: line, column: column),
                    message: "invalid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save the file as UTF-8"))
        }
        let body: MarkdownDocument
        if bytes.count - bodyStart > maximumBodyBytes {
            // Never handed to cmark-gfm, whose time grows with the square of some inputs' length.
            parseFront()
            body = MarkdownDocument.parse([UInt8](), renderHTML: renderHTML, paragraphs: paragraphs)
            problems.append(
                FrontMatterProblem(
                    location: source.location(ofByte: bodyStart),
                    message:
                        "the body is \(bytes.count - bodyStart) bytes of Markdown; a post's body may be at most \(maximumBodyBytes) (split it, or link to a page)"
                ))
        } else {
            body = MarkdownDocument.parse(bytes[bodyStart...], renderHTML: renderHTML, paragraphs: paragraphs, meanwhile: parseFront)
        }
        return Post(
            path: path, source: source, frontMatter: frontMatter, bodyStart: bodyStart, body: body, problems: problems, analysis: nil)
    }

    /// The longest body a post may have: 64 KiB of Markdown, ten thousand words or so. A
    /// decade of a city's posts averages 1.7 KB; cmark-gfm takes seconds over some inputs of
    /// a few hundred kilobytes (a 300 KB run of `www.` autolinks took 24 s), and a check or
    /// a publish must not stall on one post.
    public static let maximumBodyBytes = 1 << 16

    enum FrontMatterSplit {
        case missing
        case unterminated
        /// The YAML between the fences, and where the body starts.
        case found(yaml: Range<Int>, body: Int)
    }

    /// Finds the `---` fences: the first line must be exactly `---`; the closing line is
    /// `---` or `...` (trailing spaces and `\r` allowed).
    static func splitFrontMatter(_ bytes: [UInt8]) -> FrontMatterSplit {
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return index
        }
        func isFence(_ range: Range<Int>, allowDots: Bool) -> Bool {
            var end = range.upperBound
            while end > range.lowerBound, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 { end -= 1 }
            guard end - range.lowerBound == 3 else { return false }
            let fence = bytes[range.lowerBound..<end]
            return fence.elementsEqual("---".utf8) || (allowDots && fence.elementsEqual("...".utf8))
        }
        // A byte order mark (some Windows editors write one) comes before the opening fence.
        let mark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstEnd = lineEnd(from: mark)
        guard isFence(mark..<firstEnd, allowDots: false), firstEnd < bytes.count else { return .missing }
        var start = firstEnd + 1
        while start <= bytes.count {
            let end = lineEnd(from: start)
            if isFence(start..<end, allowDots: true) {
                return .found(yaml: (firstEnd + 1)..<start, body: min(bytes.count, end + 1))
            }
            if end >= bytes.count { break }
            start = end + 1
        }
        return .unterminated
    }

    static func parseFrontMatter(_ yaml: ArraySlice<UInt8>, problems: inout [FrontMatterProblem]) -> FrontMatter? {
        let reader = YAMLReader(lineOffset: 1)
        let top: YAMLMapping
        do {
            guard let root = try reader.parse(yaml) else {
                problems.append(
                    FrontMatterProblem(
                        location: SourceLocation(line: 2, column: 1),
                        message: "empty front matter: write title, department and platforms"))
                return nil
            }
            top = try YAMLMapping(root, reader: reader, what: "the front matter")
        } catch {
            problems.append(FrontMatterProblem(location: error.location, message: error.reason))
            return nil
        }
        for key in top.unknownKeys(knownKeys) {
            problems.append(
                FrontMatterProblem(
                    location: key.location,
                    message: "unknown key '\(key.value)' is ignored; known keys are \(knownKeys.sorted().joined(separator: ", "))",
                    severity: .warning))
        }
        /// Runs one field's reader; a problem is recorded and the field left out.
        func field<T>(_ read: () throws(YAMLProblem) -> T?) -> T? {
            do { return try read() } catch {
                problems.append(FrontMatterProblem(location: error.location, message: error.reason))
                return nil
            }
        }
        let title = field { () throws(YAMLProblem) in try top.string("title", required: true, in: "the front matter") }
        let department = field { () throws(YAMLProblem) in try top.string("department", required: true, in: "the front matter") }
        var platforms = field { () throws(YAMLProblem) in try top.stringList("platforms", in: "the front matter") }
        if platforms == nil, top.value("platforms") == nil {
            problems.append(
                FrontMatterProblem(
                    location: top.location,
                    message: "the front matter is missing required key 'platforms', the list of platforms to post to"))
        } else if platforms?.isEmpty == true {
            problems.append(
                FrontMatterProblem(
                    location: top.location(ofKey: "platforms"),
                    message: "'platforms' is empty; list at least one platform"))
        }
        platforms = platforms ?? []
        let summary = field { () throws(YAMLProblem) in try top.string("summary", in: "the front matter") }
        var social: [(platform: Located<String>, text: Located<String>)] = []
        _ = field { () throws(YAMLProblem) -> Bool? in
            guard let mapping = try top.mapping("social", in: "the front matter") else { return nil }
            for pair in mapping.pairs {
                social.append(
                    (
                        Located(pair.key, at: reader.location(of: pair.keyNode)),
                        try mapping.scalarString(pair.value, key: "social.\(pair.key)")
                    ))
            }
            return true
        }
        let publishAt = field { () throws(YAMLProblem) -> Located<Timestamp>? in
            guard let text = try top.string("publish_at", in: "the front matter") else { return nil }
            guard let timestamp = Timestamp(text.value) else {
                throw YAMLProblem(
                    location: text.location,
                    reason: "'publish_at' must be a date and time with its UTC offset, like 2026-10-10T09:00:00-05:00")
            }
            return Located(timestamp, at: text.location)
        }
        let reviewBy = field { () throws(YAMLProblem) in try top.day("review_by", in: "the front matter") }
        var media: [Media] = []
        _ = field { () throws(YAMLProblem) -> Bool? in
            for node in try top.sequence("media") ?? [] {
                let item = try YAMLMapping(node, reader: reader, what: "a media entry")
                for key in item.unknownKeys(["file", "alt", "rights", "credit", "license", "permission", "caption"]) {
                    problems.append(
                        FrontMatterProblem(
                            location: key.location,
                            message: "unknown key '\(key.value)' in a media entry is ignored", severity: .warning))
                }
                var credit: Located<String>?
                for key in ["credit", "license", "permission"] where credit == nil {
                    credit = try item.string(key, in: "a media entry")
                }
                media.append(
                    Media(
                        file: try item.string("file", required: true, in: "a media entry")!,
                        alt: try item.string("alt", in: "a media entry"),
                        rights: try item.string("rights", in: "a media entry"),
                        credit: credit,
                        location: item.location))
            }
            return true
        }
        let crossDepartment = field { () throws(YAMLProblem) -> CrossDepartment? in
            guard let item = try top.mapping("cross_department", in: "the front matter") else { return nil }
            for key in item.unknownKeys(["department", "approved_by", "reference"]) {
                problems.append(
                    FrontMatterProblem(
                        location: key.location,
                        message: "unknown key '\(key.value)' in 'cross_department' is ignored", severity: .warning))
            }
            return CrossDepartment(
                department: try item.string("department", required: true, in: "'cross_department'")!,
                approvedBy: try item.string("approved_by", required: true, in: "'cross_department'")!,
                reference: try item.string("reference", in: "'cross_department'"),
                location: item.location)
        }
        guard let title, let department else { return nil }
        var keyLocations: [String: SourceLocation] = Dictionary(minimumCapacity: top.pairs.count)
        for pair in top.pairs { keyLocations[pair.key] = reader.location(of: pair.keyNode) }
        return FrontMatter(
            title: title, department: department, platforms: platforms ?? [], summary: summary,
            social: social, publishAt: publishAt, reviewBy: reviewBy, media: media,
            crossDepartment: crossDepartment, keyLocations: keyLocations)
    }
}
