import CivicMarkdown

/// One post file: its source, its front matter (when it parses) and its Markdown body.
public struct Post: Sendable {
    /// Path from the content repository's root, e.g. `content/posts/dpw/2026/leaves.md`.
    public var path: String
    /// The whole file.
    public var source: SourceText
    /// The parsed front matter; nil when it is missing or unusable (see ``problems``).
    public var frontMatter: FrontMatter?
    /// Byte offset where the Markdown body starts in ``source``.
    public var bodyStart: Int
    /// The body, parsed by cmark-gfm; byte offsets are relative to ``bodyStart``.
    public var body: MarkdownDocument
    /// What is wrong with the front matter, found while parsing it.
    public var problems: [FrontMatterProblem]
    /// The detectors' results, attached by the engine before the rules run.
    public var analysis: PostAnalysis?

    /// The body's bytes.
    public var bodyBytes: ArraySlice<UInt8> { source.bytes[bodyStart...] }

    /// The path's parts when it has the shape `content/posts/<department>/<yyyy>/<slug>.md`.
    public var pathParts: (department: String, year: String, slug: String)? {
        if let parts = path.utf8.withContiguousStorageIfAvailable(Self.asciiPathParts), let parts { return parts }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "content", parts[1] == "posts", parts[4].hasSuffix(".md") else { return nil }
        return (String(parts[2]), String(parts[3]), String(parts[4].dropLast(3)))
    }

    /// ``pathParts`` of an ASCII path, byte by byte (each byte is a character); nil when the
    /// path is not all ASCII, where a `/` may carry a combining mark and not split.
    private static func asciiPathParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (department: String, year: String, slug: String)?? {
        var first: (Int, Int, Int, Int) = (0, 0, 0, 0)  // the first four slashes, without an array to grow
        var found = 0
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "/") {
                switch found {
                case 0: first.0 = index
                case 1: first.1 = index
                case 2: first.2 = index
                case 3: first.3 = index
                default: return .some(nil)
                }
                found += 1
            }
        }
        let slashes = [first.0, first.1, first.2, first.3]
        guard found == 4, slashes[0] == 7, slashes[1] == 13, bytes.count - slashes[3] > 3 else { return .some(nil) }
        guard bytes[..<13].elementsEqual("content/posts".utf8), bytes[(bytes.count - 3)...].elementsEqual(".md".utf8) else {
            return .some(nil)
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        return (text((slashes[1] + 1)..<slashes[2]), text((slashes[2] + 1)..<slashes[3]), text((slashes[3] + 1)..<(bytes.count - 3)))
    }
}

/// A front-matter problem, where it is.
public struct FrontMatterProblem: Sendable, Equatable {
    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(location: SourceLocation, message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }
}

/// The YAML front matter of a post, each value with where it was written.
public struct FrontMatter: Sendable {
    public var title: Located<String>
    public var department: Located<String>
    /// Target platforms as written; names that are not platforms are kept for the rules to judge.
    public var platforms: [Located<String>]
    public var summary: Located<String>?
    /// Per-platform message texts, in the order written; the name as written.
    public var social: [(platform: Located<String>, text: Located<String>)]

    /// The message text for `platform`, if the post has one.
    public func socialText(for platform: Platform) -> Located<String>? {
        social.first { Platform.named($0.platform.value) == platform }?.text
    }
    /// When to send, as written (ISO 8601 with offset), and parsed.
    public var publishAt: Located<Timestamp>?
    /// After this day the post is stale.
    public var reviewBy: Located<Day>?
    public var media: [Media]
    public var crossDepartment: CrossDepartment?
    /// Where the front matter starts (line 1) and the location of each top-level key.
    public var keyLocations: [String: SourceLocation]

    /// The known platforms the post targets, in order, without repeats.
    public var targetPlatforms: [Platform] {
        var seen: UInt32 = 0  // one bit per platform, by its place in `allCases`
        var targets: [Platform] = []
        targets.reserveCapacity(platforms.count)
        for name in platforms {
            guard let platform = Platform.named(name.value) else { continue }
            let bit: UInt32 = 1 << platform.index
            if seen & bit == 0 { targets.append(platform) }
            seen |= bit
        }
        return targets
    }
}

/// An image or other file a post carries.
public struct Media: Sendable {
    /// Path under `content/`, e.g. `media/dpw/leaf-map.png`.
    public var file: Located<String>
    public var alt: Located<String>?
    /// `city-owned`, `licensed` or `permission`.
    public var rights: Located<String>?
    /// Credit, licence or permission reference for media the city does not own.
    public var credit: Located<String>?
    public var location: SourceLocation
}

/// Content about another department, with that department's approval.
public struct CrossDepartment: Sendable {
    public var department: Located<String>
    public var approvedBy: Located<String>
    public var reference: Located<String>?
    public var location: SourceLocation
}

/// A moment written as ISO 8601 with a UTC offset (`2026-10-10T09:00:00-05:00`).
public struct Timestamp: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int
    /// The offset it was written with, in minutes.
    public var offsetMinutes: Int

    public init(secondsSinceEpoch: Int, offsetMinutes: Int = 0) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (a space may replace `T`); a bare date means
    /// midnight UTC. Nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = Day(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        var seconds = day.daysSinceEpoch * 86_400
        var offset = 0
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16 else { return nil }
            func two(_ at: Int) -> Int? {
                guard at + 1 < bytes.count, (0x30...0x39).contains(bytes[at]), (0x30...0x39).contains(bytes[at + 1]) else { return nil }
                return Int(bytes[at] - 0x30) * 10 + Int(bytes[at + 1] - 0x30)
            }
            guard let hour = two(11), bytes[13] == UInt8(ascii: ":"), let minute = two(14), hour < 24, minute < 60 else { return nil }
            var index = 16
            var second = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                // No leap second: `23:59:60` would be the next day's first moment.
                guard let value = two(index + 1), value < 60 else { return nil }
                second = value
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                }
            }
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
                    offset = 0
                } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                    let hours = two(index + 1), index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                    let minutes = two(index + 4), hours <= 14, minutes < 60
                {
                    // Offsets in use run from -12:00 to +14:00; `+99:99` moved a post four days.
                    offset = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                } else {
                    return nil
                }
            } else {
                return nil  // a time without an offset is ambiguous
            }
            seconds += hour * 3600 + minute * 60 + second - offset * 60
        }
        self.init(secondsSinceEpoch: seconds, offsetMinutes: offset)
    }

    /// The UTC form, `2026-10-10T14:00:00Z`. (Written digit by digit: feeds, sitemaps and
    /// queue items print tens of thousands.)
    public var description: String {
        let day = self.day
        let remainder = secondsSinceEpoch - day.daysSinceEpoch * 86_400
        guard (0...9999).contains(day.year) else {
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(day)T\(pad(remainder / 3600)):\(pad(remainder % 3600 / 60)):\(pad(remainder % 60))Z"
        }
        return String(unsafeUninitializedCapacity: 20) { text in
            func digits(_ value: Int, _ count: Int, at end: Int) {
                var value = value
                for index in stride(from: end - 1, through: end - count, by: -1) {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(day.year, 4, at: 4)
            text[4] = UInt8(ascii: "-")
            digits(day.month, 2, at: 7)
            text[7] = UInt8(ascii: "-")
            digits(day.day, 2, at: 10)
            text[10] = UInt8(ascii: "T")
            digits(remainder / 3600, 2, at: 13)
            text[13] = UInt8(ascii: ":")
            digits(remainder % 3600 / 60, 2, at: 16)
            text[16] = UInt8(ascii: ":")
            digits(remainder % 60, 2, at: 19)
            text[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// The UTC calendar day.
    public var day: Day { Day(daysSinceEpoch: Int((Double(secondsSinceEpoch) / 86_400).rounded(.down))) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

/// Timestamps encode as their UTC text, `2026-10-10T14:00:00Z` (the written offset is not kept).
extension Timestamp: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
