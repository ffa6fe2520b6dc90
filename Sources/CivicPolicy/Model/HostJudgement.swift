/// What a link's host is to the city: its own site, a look-alike of it, an allowed partner,
/// a prohibited platform, or somewhere else.
public enum HostJudgement: Sendable, Equatable {
    /// The canonical host itself (or `www.` + it).
    case canonical
    /// Pretends to be the canonical host; the reason says how.
    case lookalike(reason: String)
    /// A host in `allow.link_hosts` (subdomains included).
    case allowed
    /// A host of a prohibited platform.
    case prohibited(ProhibitedPlatform)
    /// Anywhere else.
    case offsite

    /// Judges `parts` against the configuration.
    public static func judge(_ parts: URLParts, config: Config) -> HostJudgement {
        let canonical = config.canonicalHost
        let host = parts.host
        if let platform = ProhibitedPlatform.owning(host: host) { return .prohibited(platform) }
        if let userInfo = parts.userInfo, !userInfo.isEmpty {
            return .lookalike(reason: "'\(userInfo)@' before the host hides the real destination \(host)")
        }
        if host == canonical || host == "www." + canonical {
            if parts.scheme != "https" {
                return .lookalike(reason: "the city site must be linked with https://, not \(parts.scheme)://")
            }
            if let port = parts.port, !port.isEmpty, port != "443" {
                return .lookalike(reason: "port \(port) is not the city site")
            }
            return .canonical
        }
        if !host.unicodeScalars.allSatisfy(\.isASCII) {
            return .lookalike(reason: "the host \(host) has non-ASCII letters that can imitate \(canonical)")
        }
        if host.split(separator: ".").contains(where: { $0.hasPrefix("xn--") }) {
            return .lookalike(reason: "the host \(host) is punycode, which can imitate \(canonical)")
        }
        if host.hasPrefix(canonical + ".") || host.hasPrefix("www." + canonical + ".") || host.hasPrefix(canonical + "-") {
            return .lookalike(reason: "\(host) starts like \(canonical) but is a different site")
        }
        if config.allow.linkHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return .allowed }
        if editDistance(Array(host.utf8), Array(canonical.utf8), limit: 2) <= 2 {
            return .lookalike(reason: "\(host) is spelled almost like \(canonical)")
        }
        let canonicalDots = String(canonical.filter { $0 != "." })
        if String(host.filter { $0 != "." && $0 != "-" }).contains(canonicalDots) {
            return .lookalike(reason: "\(host) contains \(canonical) without its dots")
        }
        return .offsite
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
