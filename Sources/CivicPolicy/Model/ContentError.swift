/// A file civicpost cannot use at all (a malformed roster or configuration): where and why.
/// Checking stops with exit code 2; for posts, problems are findings instead.
public struct ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as the user named it.
    public var path: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what is expected.
    public var reason: String

    public init(path: String, location: SourceLocation, reason: String) {
        self.path = path
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(path):\(location.line):\(location.column): error: \(reason)" }
}

/// Something questionable but usable in a roster or configuration (an unknown key).
public struct ContentWarning: Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// Where.
    public var location: SourceLocation
    /// What.
    public var reason: String

    public init(path: String, location: SourceLocation, reason: String) {
        self.path = path
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(path):\(location.line):\(location.column): warning: \(reason)" }
}
