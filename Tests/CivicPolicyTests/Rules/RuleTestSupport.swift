import CivicPolicy
import CivicTestSupport

/// A post at the rule examples' path: `body` under the examples' front matter, or a whole file
/// when it starts with `---`.
func examplePost(_ text: String) -> Post {
    let source = text.hasPrefix("---") ? text : Fixtures.exampleFrontMatter + text
    return Post.parse(path: Fixtures.examplePath, bytes: Array(source.utf8))
}

/// Every finding the engine reports for `text`, suppressed ones included.
func engineFindings(_ text: String, author: String? = nil, today: Day = Day(year: 2026, month: 11, day: 1)) -> [Finding] {
    PolicyEngine().check(examplePost(text), in: Fixtures.context(author: author, today: today))
}

extension Finding {
    /// `line:column rule`, for comparing lists of findings.
    var brief: String { "\(line):\(column) \(rule)\(isSuppressed ? " (suppressed)" : "")" }
}
