/// How long a message each platform accepts, counted the way the platform counts.
///
/// Sources, as of 2026: X — twitter-text 3 (`config/v3.json`: 280 weighted, URLs 23, emoji 2);
/// Bluesky — the `app.bsky.feed.post` lexicon (text maxGraphemes 300); Mastodon — the default
/// server limit of 500 characters, every URL counted as 23; Threads — 500 characters; LinkedIn —
/// 3,000 characters of post commentary; Facebook — 63,206 characters; Instagram — 2,200
/// characters of caption, and a post needs an image. Nextdoor publishes no limit in its help
/// pages; 8,192 is our reading of its agency publishing API and is unverified — lower it if the
/// publisher sees refusals. Where a platform's unit is unclear (Threads, LinkedIn, Facebook,
/// Instagram, Nextdoor) we count UTF-16 code units, what web text fields count, which is never
/// fewer than the characters a person sees.
extension Platform {
    /// The longest message the platform accepts, in the unit of ``length(of:)``.
    public var limit: Int {
        switch self {
        case .x: 280
        case .bluesky: 300
        case .mastodon: 500
        case .threads: 500
        case .linkedin: 3000
        case .facebook: 63_206
        case .instagram: 2200
        case .nextdoor: 8192
        }
    }

    /// What ``length(of:)`` counts, for messages.
    public var lengthUnit: String {
        switch self {
        case .bluesky: "graphemes"
        default: "characters"
        }
    }

    /// Whether a post to the platform must carry an image.
    public var requiresImage: Bool { self == .instagram }

    /// The length of `text` as the platform counts it against ``limit``.
    public func length(of text: String) -> Int {
        switch self {
        case .x: MessageLength.weighted(text)
        case .bluesky: text.count
        case .mastodon: MessageLength.codePoints(text)
        case .threads, .linkedin, .facebook, .instagram, .nextdoor: text.utf16.count
        }
    }
}

/// The counting rules of ``Platform/length(of:)``.
public enum MessageLength {
    /// What X and Mastodon count for every web address, whatever its length.
    public static let urlLength = 23

    /// X's weighted length (twitter-text 3): every web address counts 23; an emoji (with its
    /// modifiers, joiners and variation selectors) counts 2; any other code point counts 1 in
    /// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037, and 2 elsewhere (CJK,
    /// most symbols). twitter-text first composes the text (NFC); this counts code points as
    /// written, so a decomposed accent counts one more here than on X, never fewer.
    public static func weighted(_ text: String) -> Int {
        var total = 0
        let pieces = split(text, urls: webAddresses(in: Array(text.utf8), bareDomains: true))
        for piece in pieces {
            guard let piece else {
                total += urlLength
                continue
            }
            // ASCII: one code point of weight 1 per byte, and no emoji (`#`, `*` and digits are
            // emoji only with U+FE0F or U+20E3 after them).
            if piece.utf8.allSatisfy({ $0 < 0x80 }) {
                total += piece.utf8.count
                continue
            }
            for character in piece {
                if isEmoji(character) {
                    total += 2
                } else {
                    for scalar in character.unicodeScalars { total += weight(scalar) }
                }
            }
        }
        return total
    }

    /// Code points, every web address counting 23 (Mastodon).
    public static func codePoints(_ text: String) -> Int {
        split(text, urls: webAddresses(in: Array(text.utf8), bareDomains: false)).reduce(0) { total, piece in
            total + (piece.map { $0.unicodeScalars.count } ?? urlLength)
        }
    }

    /// The weight of one code point on X.
    static func weight(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0...4351, 8192...8205, 8208...8223, 8242...8247: 1
        default: 2
        }
    }

    /// Whether a character is an emoji as twitter-text counts them.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if first.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(first.value) { return true }
        return first.properties.isEmoji
            && scalars.contains {
                $0.value == 0xFE0F || $0.value == 0x20E3 || $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value)
            }
    }

    /// The text cut at the web addresses: text pieces, and nil for each address.
    static func split(_ text: String, urls: [Range<Int>]) -> [String?] {
        guard !urls.isEmpty else { return [text] }
        let bytes = Array(text.utf8)
        var pieces: [String?] = []
        var cursor = 0
        for url in urls {
            if url.lowerBound > cursor { pieces.append(String(decoding: bytes[cursor..<url.lowerBound], as: UTF8.self)) }
            pieces.append(nil)
            cursor = url.upperBound
        }
        if cursor < bytes.count { pieces.append(String(decoding: bytes[cursor...], as: UTF8.self)) }
        return pieces
    }

    /// Web addresses: `http(s)://` and `www.` ones, and, when `bareDomains`, host names ending
    /// in a common top-level domain (`milwaukee.gov/dpw`), which X also shortens to 23.
    static func webAddresses(in bytes: [UInt8], bareDomains: Bool) -> [Range<Int>] {
        var ranges = URLScanner.ranges(in: bytes[...])
        guard bareDomains else { return ranges }
        var index = 0
        while index < bytes.count {
            if let covering = ranges.first(where: { $0.contains(index) }) {
                index = covering.upperBound
                continue
            }
            let isStart =
                isHostByte(bytes[index]) && bytes[index] != UInt8(ascii: "-")
                && (index == 0 || !(isHostByte(bytes[index - 1]) || "@.#$/_".utf8.contains(bytes[index - 1]) || bytes[index - 1] >= 0x80))
            guard isStart, let end = bareDomainEnd(bytes, from: index) else {
                index += 1
                continue
            }
            ranges.append(index..<end)
            index = end
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "mil", "int", "us", "io", "co", "info", "biz",
        "me", "tv", "app", "dev", "news", "ly", "gl", "uk", "ca",
    ]

    /// The end of a bare domain (and its path) starting at `start`, if there is one.
    private static func bareDomainEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        var labels: [Range<Int>] = []
        var labelStart = index
        while index < bytes.count, isHostByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
            if bytes[index] == UInt8(ascii: ".") {
                guard index > labelStart else { return nil }
                labels.append(labelStart..<index)
                labelStart = index + 1
            }
            index += 1
        }
        if index > labelStart { labels.append(labelStart..<index) } else { index -= 1 }  // a trailing dot ends a sentence
        guard labels.count >= 2, let last = labels.last,
            topLevelDomains.contains(String(decoding: bytes[last], as: UTF8.self).lowercased())
        else { return nil }
        var end = last.upperBound
        if end < bytes.count, bytes[end] == UInt8(ascii: "/") {
            while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "<") { end += 1 }
            while end > last.upperBound + 1, ".,;:!?)'".utf8.contains(bytes[end - 1]) { end -= 1 }
        } else if end < bytes.count, bytes[end] >= 0x80 || bytes[end] == UInt8(ascii: "@") || bytes[end] == UInt8(ascii: "_") {
            return nil
        }
        return end
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == UInt8(ascii: "-")
    }
}
