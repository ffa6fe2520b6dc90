// Email addresses, including obfuscated forms: "name [at] domain [dot] org", "name (at) domain (dot) com",
// "name at domain dot com".

let atSeps: [[UInt8]] = [
    " [ at ] ", " ( at ) ", " { at } ", " [at] ", " (at) ", " {at} ", " <at> ", "[ at ]", "( at )", "{ at }",
    "[at]", "(at)", "{at}", "<at>", " [@] ", " (@) ", "[@]", "(@)",
].map { Array($0.utf8) }
let bareAt: [UInt8] = Array(" at ".utf8)
let dotSeps: [[UInt8]] = [
    " [ dot ] ", " ( dot ) ", " [dot] ", " (dot) ", " {dot} ", " <dot> ", "[ dot ]", "( dot )",
    "[dot]", "(dot)", "{dot}", "<dot>", " [.] ", " (.) ", "[.]", "(.)", " dot ",
].map { Array($0.utf8) }

let knownTLDs: [[UInt8]] = [
    "com", "org", "net", "gov", "edu", "us", "io", "info", "biz", "co", "me", "mil", "int", "ca", "uk", "de",
    "mx", "app", "dev", "ai", "tv", "ly", "email", "online", "site", "xyz", "club", "news", "church", "city",
].map { Array($0.utf8) }

let bareLocalStop: [[UInt8]] = [
    "us", "me", "him", "her", "them", "you", "we", "it", "all", "home", "work", "school", "noon", "night",
    "least", "most", "once", "first", "last", "look", "here", "there", "this", "that", "one", "anyone",
    "everyone", "someone", "people", "residents", "meet", "stop", "arrive", "open", "begins", "starts",
    "held", "located", "available", "online", "found", "posted", "listed", "find", "visit", "go", "is",
    "are", "was", "be", "and", "or", "the", "a", "an", "up", "in", "on", "out", "off", "site", "page",
    "website", "web", "info", "details", "more", "apply", "register", "sign", "signup", "learn", "read",
    "watch", "stream", "streamed", "live", "view", "check", "hosted", "shop", "buy", "order",
].map { Array($0.utf8) }

@inline(__always) func isLocalChar(_ c: UInt8) -> Bool {
    isAlnum(c) || c == Ch.dot || c == Ch.us || c == Ch.dash || c == Ch.plus || c == Ch.percent || c == Ch.apos
}
@inline(__always) func isLabelChar(_ c: UInt8) -> Bool { isAlnum(c) || c == Ch.dash }

struct EmailDomain {
    var end: Int
    var labels: [(Int, Int)]
    var obfuscated: Bool
}

extension Core {
    /// Start of the local part ending at `endPos` (exclusive); with `obf`, words joined by [dot]/" dot " too.
    func localStart(_ endPos: Int, obf: Bool) -> Int? {
        var s = endPos
        while s > 0 && isLocalChar(b[s - 1]) && endPos - s < 64 { s -= 1 }
        while s < endPos && !isAlnum(b[s]) { s += 1 }
        guard s < endPos else { return nil }
        if obf {
            var hops = 0
            outer: while hops < 3 {
                for pat in dotSeps where endsWithCI(s, pat) {
                    let we = s - pat.count
                    var ws = we
                    while ws > 0 && isLocalChar(b[ws - 1]) && we - ws < 64 { ws -= 1 }
                    while ws < we && !isAlnum(b[ws]) { ws += 1 }
                    if ws < we { s = ws; hops += 1; continue outer }
                    break outer
                }
                break
            }
        }
        return s
    }

    func domainAt(_ p: Int, obf: Bool) -> EmailDomain? {
        var q = p
        var labels: [(Int, Int)] = []
        var usedObf = false
        while labels.count < 8 {
            let ls = q
            while q < n && isLabelChar(b[q]) { q += 1 }
            var le = q
            while le > ls && b[le - 1] == Ch.dash { le -= 1 }
            if le == ls { break }
            labels.append((ls, le))
            q = le
            if at(q) == Ch.dot && isAlnum(at(q + 1)) { q += 1; continue }
            if obf {
                var matched = false
                for pat in dotSeps where startsWithCI(q, pat) && isAlnum(at(q + pat.count)) {
                    q += pat.count; matched = true; usedObf = true; break
                }
                if matched { continue }
            }
            break
        }
        guard labels.count >= 2 else {
            if let l = labels.last { _ = l }
            return nil
        }
        let (ts, te) = labels[labels.count - 1]
        guard te - ts >= 2 && te - ts <= 24 else { return nil }
        for k in ts..<te where !isAlpha(b[k]) { return nil }
        return EmailDomain(end: labels[labels.count - 1].1, labels: labels, obfuscated: usedObf)
    }

    func tldKnown(_ d: EmailDomain) -> Bool {
        let (ts, te) = d.labels[d.labels.count - 1]
        return wordIn(ts, te, knownTLDs)
    }

    func domainAllowed(_ d: EmailDomain) -> Bool {
        if allow.domains.isEmpty { return false }
        var dom: [UInt8] = []
        for (k, l) in d.labels.enumerated() {
            if k > 0 { dom.append(Ch.dot) }
            for x in l.0..<l.1 { dom.append(lower(b[x])) }
        }
        for a in allow.domains {
            if dom == a { return true }
            if dom.count > a.count && dom[dom.count - a.count - 1] == Ch.dot && Array(dom[(dom.count - a.count)...]) == a { return true }
        }
        return false
    }

    func emailMask(_ ls: Int, _ d: EmailDomain) -> String {
        let (ts, te) = d.labels[d.labels.count - 1]
        var s = String(decoding: [lower(b[ls])], as: UTF8.self) + "***@"
        s += String(decoding: [lower(b[d.labels[0].0])], as: UTF8.self) + "***."
        s += String(decoding: (ts..<te).map { lower(b[$0]) }, as: UTF8.self)
        return s
    }

    mutating func handleAtSign(_ i: Int) -> Outcome? {
        if let e = urlTokenEnd(i, readsQuery: true) { return .skip(e) }
        guard let ls = localStart(i, obf: false) else { return nil }
        guard let d = domainAt(i + 1, obf: true) else { return nil }
        if d.obfuscated && !tldKnown(d) { return nil }
        if domainAllowed(d) { return .skip(d.end) }
        return .hit(.email, ls, d.end, emailMask(ls, d))
    }

    /// Email with an obfuscated at-marker occupying [ms, me).
    mutating func obfuscatedEmail(_ ms: Int, _ me: Int, bare: Bool) -> Outcome? {
        guard let ls = localStart(ms, obf: true) else { return nil }
        guard let d = domainAt(me, obf: true), tldKnown(d) else { return nil }
        if bare {
            // the local part must look like a name, not a verb or pronoun ("find us at ...")
            let we = ms
            var ws = we
            while ws > ls && isLocalChar(b[ws - 1]) { ws -= 1 }
            if wordIn(ls, ms, bareLocalStop) || wordIn(ws, we, bareLocalStop) { return nil }
            if ms - ls < 2 { return nil }
            if !d.obfuscated { return nil }
        }
        if domainAllowed(d) { return .skip(d.end) }
        return .hit(.email, ls, d.end, emailMask(ls, d))
    }

    mutating func handleBracket(_ i: Int) -> Outcome? {
        let c = b[i]
        if c == Ch.lparen && isDigit(at(i + 1)) {
            if let e = urlTokenEnd(i) { return .skip(e) }
            if let r = phoneAt(i) { return r }
            return nil
        }
        // "[at]" family; allow a preceding space
        let ms = at(i - 1) == Ch.sp ? i - 1 : i
        for pat in atSeps where startsWithCI(ms, pat) && (ms == i || pat[0] == Ch.sp) {
            return obfuscatedEmail(ms, ms + pat.count, bare: false)
        }
        for pat in atSeps where startsWithCI(i, pat) {
            return obfuscatedEmail(i, i + pat.count, bare: false)
        }
        return nil
    }

    /// " dot " in running text: look for a bare " at " form ("jane at example dot com").
    mutating func handleDotWord(_ i: Int) -> Outcome? {
        guard at(i - 1) == Ch.sp, lower(at(i + 1)) == 0x6F, lower(at(i + 2)) == 0x74, at(i + 3) == Ch.sp,
            isAlnum(at(i + 4)), isAlnum(at(i - 2))
        else { return nil }
        var pos = i - 1  // start of " dot "
        var hops = 0
        while hops < 4 {
            var ws = pos
            while ws > 0 && isLabelChar(b[ws - 1]) && pos - ws < 64 { ws -= 1 }
            if ws == pos { return nil }
            if endsWithCI(ws, bareAt) {
                return obfuscatedEmail(ws - bareAt.count, ws, bare: true)
            }
            var found = false
            for pat in atSeps where endsWithCI(ws, pat) {
                return obfuscatedEmail(ws - pat.count, ws, bare: false)
            }
            for pat in dotSeps where endsWithCI(ws, pat) { pos = ws - pat.count; found = true; break }
            if !found { return nil }
            hops += 1
        }
        return nil
    }
}
