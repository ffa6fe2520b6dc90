/// A problem in a lexicon file, at a 1-based line and column (columns in Unicode scalars).
public struct LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The lexicon's tag (its file name without `.txt`).
    public var tag: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// What is wrong, lower case.
    public var reason: String

    /// Creates an error.
    public init(tag: String, line: Int, column: Int, reason: String) {
        self.tag = tag
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `tag.txt:line:column: reason`.
    public var description: String { "\(tag).txt:\(line):\(column): \(reason)" }
}
