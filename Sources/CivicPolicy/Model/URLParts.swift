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
        if let ascii = text.utf8.withContiguousStorageIfAvailable(Self.asciiParts), let ascii {
            guard let ascii else { return nil }
            self = ascii
            return
        }
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

    private init(scheme: String, userInfo: String?, host: String, port: String?, rest: String) {
        self.scheme = scheme
        self.userInfo = userInfo
        self.host = host
        self.port = port
        self.rest = rest
    }

    /// `init(_:)` for ASCII text, byte by byte: each byte is a character (a `\r\n` pair, one
    /// character, is none of the delimiters). nil when the text is not all ASCII; `.some(nil)`
    /// when it is no URL.
    private static func asciiParts(_ bytes: UnsafeBufferPointer<UInt8>) -> URLParts?? {
        for byte in bytes where byte >= 0x80 { return nil }
        func text(_ range: Range<Int>, lowercased: Bool = false) -> String {
            String(unsafeUninitializedCapacity: range.count) { buffer in
                for (offset, byte) in bytes[range].enumerated() {
                    buffer[offset] = lowercased && byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                return range.count
            }
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return .some(nil) }
        for byte in bytes[..<colon] {
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            guard (lower >= 0x61 && lower <= 0x7A) || lower == 0x2B || lower == 0x2D || lower == 0x2E else { return .some(nil) }
        }
        let authorityStart = colon + 3
        guard authorityStart <= bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else {
            return .some(nil)
        }
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count {
            let byte = bytes[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") { break }
            authorityEnd += 1
        }
        var hostStart = authorityStart, hostEnd = authorityEnd
        var userInfo: String?
        if let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userInfo = text(authorityStart..<at)
            hostStart = at + 1
        }
        var port: String?
        if let portColon = bytes[hostStart..<hostEnd].lastIndex(of: UInt8(ascii: ":")), bytes[hostStart] != UInt8(ascii: "[") {
            port = text((portColon + 1)..<hostEnd)
            hostEnd = portColon
        }
        if hostEnd > hostStart, bytes[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
        guard hostEnd > hostStart else { return .some(nil) }
        return URLParts(
            scheme: text(0..<colon, lowercased: true), userInfo: userInfo, host: text(hostStart..<hostEnd, lowercased: true),
            port: port, rest: text(authorityEnd..<bytes.count))
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
