/// The parts of an absolute URL that link rules judge, parsed strictly by hand: scheme,
/// user info, host (lower-cased), port and the rest. Not a general URL parser.
public struct URLParts: Sendable, Equatable {
    /// Lower-cased scheme, e.g. `https`.
    public var scheme: String
    /// Text before an `@` in the authority (`user@host` tricks), if any.
    public var userInfo: String?
    /// Lower-cased host, trailing dot removed.
    public var host: String
    /// Explicit port, if any.
    public var port: String?
    /// Path, query and fragment as written.
    public var rest: String

    /// Parses `scheme://authority/rest`; nil when the text has no `//` authority or no host.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else {
            return nil
        }
        let afterColon = text[text.index(after: colon)...]
        guard afterColon.hasPrefix("//") else { return nil }
        let authorityStart = afterColon.index(afterColon.startIndex, offsetBy: 2)
        let authorityEnd =
            afterColon[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" } ?? afterColon.endIndex
        var authority = String(afterColon[authorityStart..<authorityEnd])
        self.scheme = scheme
        self.rest = String(afterColon[authorityEnd...])
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = String(authority[authority.index(after: at)...])
        } else {
            userInfo = nil
        }
        if let portColon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") {
            port = String(authority[authority.index(after: portColon)...])
            authority = String(authority[..<portColon])
        } else {
            port = nil
        }
        var host = authority.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty else { return nil }
        self.host = host
    }

    /// Whether `text` is a bare DNS host name: letters, digits, hyphens and dots only.
    public static func isPlainHost(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E }
    }

    /// Whether the host is `domain` itself or one of its subdomains.
    public func isHost(within domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }
}
