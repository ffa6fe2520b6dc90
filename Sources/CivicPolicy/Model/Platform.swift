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
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
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
        let key = String(name.lowercased().unicodeScalars.filter { !" -_.".unicodeScalars.contains($0) })
        return allCases.first { $0.aliases.contains(key) }
    }

    /// The prohibited platform a host belongs to, if any.
    public static func owning(host: String) -> ProhibitedPlatform? {
        let host = host.lowercased()
        return allCases.first { platform in
            platform.hosts.contains { host == $0 || host.hasSuffix("." + $0) }
        }
    }
}
