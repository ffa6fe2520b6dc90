/// `content.hidden-characters`: invisible characters (zero-width spaces and joiners, bidi
/// controls, soft hyphens) that hide words from reviewers and filters and confuse screen
/// readers, and control characters (escape, bell, NUL), which act on terminals and which
/// HTML forbids. One finding per run of adjacent hidden characters.
public struct HiddenCharactersRule: Rule {
    public static let description = RuleDescription(
        id: "content.hidden-characters",
        title: "the post contains invisible characters (zero-width, bidi controls, soft hyphens)",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "Employees representing the City of Milwaukee on social media sites must act responsibly in the posting of material and in their online demeanor."
        ),
        severity: .warning,
        suppressible: true,
        hint: "delete the invisible characters (retype the word); they often come from copying text out of other apps",
        triggeringExamples: [
            "Leaf↓\u{200B}collection starts Monday.\n",
            "Rake to the ↓\u{202E}bruc↓\u{202C} today, and ↓\u{200D}\u{200C}again.\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: Leaves↓\u{00AD}collection\n---\nBody\n",
            "Leaves ↓\u{1B}[8mhidden↓\u{1B}[0m and a bell↓\u{07}, a DEL↓\u{7F} and a C1 control↓\u{9B}.\n",
            "---\ntitle: ↓\"Leaves\\u200Bcollection\"\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "Leaf collection starts Monday. Café, naïve, 👩‍👩‍👧, 🇺🇸 and 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} are fine.\n",
            "Tabs\tand CRLF line ends\r\nare fine.\r\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var runs: [Range<Int>] = []
        for range in post.analysis(in: context).hiddenCharacters
        where !isJoiningScript(range, in: post.source.bytes) && !isFlagTag(range, in: post.source.bytes)
            // A byte order mark opening the file is the editor's, before the front matter.
            && !(range == 0..<3 && post.source.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        {
            if let last = runs.last, last.upperBound == range.lowerBound {
                runs[runs.count - 1] = last.lowerBound..<range.upperBound
            } else {
                runs.append(range)
            }
        }
        let written = runs.map { run in
            let names = post.source.text(of: run).unicodeScalars.map { "U+" + hex($0.value) }
            var finding = post.finding(rule, at: run, "invisible character\(names.count == 1 ? "" : "s") \(names.joined(separator: " "))")
            finding.matched = names.joined(separator: " ")
            return finding
        }
        let published = post.analysis(in: context).publishedHidden.map { hidden in
            let names = hidden.scalars.map { "U+" + hex($0) }
            var finding = post.finding(
                rule, at: hidden.range,
                "invisible character\(names.count == 1 ? "" : "s") \(names.joined(separator: " ")) (as published: written here as escapes)")
            finding.matched = names.joined(separator: " ")
            return finding
        }
        return written + published
    }

    /// Whether the range is a zero-width joiner or non-joiner between two characters beyond
    /// the Latin blocks (emoji sequences, Arabic, Persian, Indic scripts), where it belongs.
    private func isJoiningScript(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes[range], as: UTF8.self).unicodeScalars
        guard text.count == 1, let joiner = text.first, joiner.value == 0x200C || joiner.value == 0x200D else { return false }
        var start = range.lowerBound - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = range.upperBound + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard start >= 0, end <= bytes.count else { return false }
        let before = String(decoding: bytes[start..<range.lowerBound], as: UTF8.self).unicodeScalars.first?.value ?? 0
        let after = String(decoding: bytes[range.upperBound..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0
        return before > 0x24F && after > 0x24F
    }

    /// Whether the range is a tag character of a subdivision flag: 🏴 (U+1F3F4) followed by
    /// tag letters and the cancel tag (England, Scotland, Wales), where tags belong.
    private func isFlagTag(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard let scalar = String(decoding: bytes[range], as: UTF8.self).unicodeScalars.first,
            (0xE0020...0xE007F).contains(scalar.value)
        else { return false }
        // Back over the tags before it to the character they follow.
        var start = range.lowerBound
        while start >= 4 {
            guard let previous = String(decoding: bytes[(start - 4)..<start], as: UTF8.self).unicodeScalars.first,
                String(decoding: bytes[(start - 4)..<start], as: UTF8.self).unicodeScalars.count == 1
            else { return false }
            if previous.value == 0x1F3F4 { return true }
            guard (0xE0020...0xE007F).contains(previous.value) else { return false }
            start -= 4
        }
        return false
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
