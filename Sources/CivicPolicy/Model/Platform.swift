/// A social-media platform a post may go to.
public enum Platform: String, Sendable, CaseIterable, Codable, Comparable {
    case x, facebook, bluesky, mastodon, threads, linkedin, instagram, nextdoor

    /// The platform's display name.
    public var displayName: String {
        switch self {
        case .x: "X"
        case .facebook: "Facebook"
        case .bluesky: "Bluesky"
        case .mastodon: "Mastodon"
        case .threads: "Threads"
        case .linkedin: "LinkedIn"
        case .instagram: "Instagram"
        case .nextdoor: "Nextdoor"
        }
    }

    /// Names people write for a platform, mapped to it (`twitter` is X).
    public static func named(_ name: String) -> Platform? {
        let key = name.lowercased()
        if key == "twitter" { return .x }
        return Platform(rawValue: key)
    }

    public static func < (lhs: Platform, rhs: Platform) -> Bool {
        lhs.index < rhs.index
    }

    /// The platform's place in `allCases`.
    var index: Int {
        switch self {
        case .x: 0
        case .facebook: 1
        case .bluesky: 2
        case .mastodon: 3
        case .threads: 4
        case .linkedin: 5
        case .instagram: 6
        case .nextdoor: 7
        }
    }
}

/// The platforms the city's policy prohibits outright ("Prohibited foreign products"):
/// no post may target them and no configuration can enable them.
public enum ProhibitedPlatform: String, Sendable, CaseIterable {
    case tiktok = "TikTok"
    case wechat = "WeChat"
    case qq = "Tencent QQ"

    /// Names and spellings that mean the platform, compared after removing case, spaces,
    /// hyphens, underscores and dots.
    public var aliases: [String] {
        switch self {
        case .tiktok: ["tiktok", "douyin", "musically"]
        case .wechat: ["wechat", "weixin"]
        case .qq: ["qq", "tencentqq", "tencent"]
        }
    }

    /// Hosts that belong to the platform (subdomains included).
    public var hosts: [String] {
        switch self {
        case .tiktok: ["tiktok.com", "tiktokv.com", "tiktokcdn.com", "douyin.com", "vm.tiktok.com"]
        case .wechat: ["wechat.com", "weixin.qq.com", "wx.qq.com"]
        case .qq: ["qq.com", "im.qq.com"]
        }
    }

    /// The prohibited platform a name means, if any.
    public static func named(_ name: String) -> ProhibitedPlatform? {
        // Posts name platforms they may target: those names are no alias (nothing to fold).
        if Platform(rawValue: name) != nil { return nil }
        let key = String(name.lowercased().unicodeScalars.filter { !" -_.".unicodeScalars.contains($0) })
        return allCases.first { $0.aliases.contains(key) }
    }

    /// The prohibited platform a host belongs to, if any.
    public static func owning(host: String) -> ProhibitedPlatform? {
        var host = host
        if let owner = host.withUTF8(asciiOwner(of:)) { return owner }
        host = host.lowercased()
        return allCases.first { platform in
            platform.hosts.contains { host == $0 || host.hasSuffix("." + $0) }
        }
    }

    /// Every platform's hosts as bytes, in `allCases` order.
    private static let hostBytes: [(host: [UInt8], platform: ProhibitedPlatform)] = allCases.flatMap { platform in
        platform.hosts.map { (Array($0.utf8), platform) }
    }

    /// ``owning(host:)`` of an ASCII host, compared byte by byte (ASCII lower-casing is
    /// per byte, and each byte is a character); nil (answer unknown) for any other host.
    private static func asciiOwner(of host: UnsafeBufferPointer<UInt8>) -> ProhibitedPlatform?? {
        guard host.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
        for (suffix, platform) in hostBytes where host.count >= suffix.count {
            let start = host.count - suffix.count
            guard start == 0 || host[start - 1] == UInt8(ascii: ".") else { continue }
            var index = 0
            while index < suffix.count, lower(host[start + index]) == suffix[index] { index += 1 }
            if index == suffix.count { return .some(platform) }
        }
        return .some(nil)
    }
}
