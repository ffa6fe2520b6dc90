// Street addresses and PO boxes.

struct AWord {
    var s: Int
    var e: Int  // excludes a trailing '.'
    var dot: Bool
}

/// Normalised comparison key for allowlisted facility addresses.
struct AddrKey: Sendable, Equatable {
    var num: String
    var pre: String
    var name: String
    var suffix: String
    var post: String

    func sameAddress(_ o: AddrKey) -> Bool {
        guard num == o.num, name == o.name, suffix == o.suffix else { return false }
        if !pre.isEmpty && !o.pre.isEmpty && pre != o.pre { return false }
        if !post.isEmpty && !o.post.isEmpty && post != o.post { return false }
        return true
    }
}

struct AddrParse {
    var start: Int
    var end: Int
    var numEnd: Int
    var key: AddrKey
    var maskRanges: [(Int, Int)]  // byte ranges to star out (house number tail, unit id)
}

let boxWord: [UInt8] = Array("box".utf8)
let poPrefixes: [[UInt8]] = ["post office", "p. o.", "p.o.", "p.o", "p o", "po", "p.0."].map { Array($0.utf8) }
let blockWords: [[UInt8]] = ["block", "blocks", "blk"].map { Array($0.utf8) }

extension Core {
    func upperBytes(_ s: Int, _ e: Int) -> [UInt8] {
        (s..<e).map { isLowerCh(b[$0]) ? b[$0] & 0xDF : b[$0] }
    }

    func upperString(_ s: Int, _ e: Int) -> String { String(decoding: upperBytes(s, e), as: UTF8.self) }

    /// Words separated by single spaces after `p` (which must point at a space).
    func addrWords(_ p: Int, max: Int) -> [AWord] {
        var words: [AWord] = []
        var q = p
        while words.count < max {
            guard at(q) == Ch.sp else { break }
            q += 1
            if at(q) == Ch.sp { q += 1 }
            let ws = q
            while q < n && (isAlnum(b[q]) || (b[q] == Ch.apos && isAlpha(at(q + 1))) || (b[q] == Ch.dash && isAlpha(at(q + 1)) && q > ws)) {
                q += 1
            }
            if q == ws { break }
            var dot = false
            if at(q) == Ch.dot { dot = true }
            words.append(AWord(s: ws, e: q, dot: dot))
            if dot { q += 1 }
        }
        return words
    }

    func directional(_ w: AWord) -> String? {
        let len = w.e - w.s
        if len <= 2 {
            for k in w.s..<w.e where !isUpper(b[k]) { return nil }
        } else if !isUpper(b[w.s]) {
            return nil
        }
        return directionals[upperBytes(w.s, w.e)]
    }

    func suffixInfo(_ w: AWord) -> SuffixInfo? {
        let len = w.e - w.s
        guard len >= 2 && len <= 10 else { return nil }
        for k in w.s..<w.e where !isAlpha(b[k]) { return nil }
        // Capitalised, all caps, or all lowercase
        return suffixTable[upperBytes(w.s, w.e)]
    }

    func isNameWord(_ w: AWord, first: Bool) -> Bool {
        let c0 = b[w.s]
        if isDigit(c0) {
            // ordinal: 27th, 1st, 2nd, 3rd
            var q = w.s
            while q < w.e && isDigit(b[q]) { q += 1 }
            guard q - w.s <= 3, w.e - q == 2, !w.dot else { return false }
            return ordinalEnd(q) == w.e
        }
        guard isUpper(c0) else { return false }
        for k in (w.s + 1)..<max(w.s + 1, w.e) where !(isAlpha(b[k]) || b[k] == Ch.apos || b[k] == Ch.dash) { return false }
        if wordIn(w.s, w.e, nameStopwords) { return false }
        if w.dot {
            if wordIn(w.s, w.e, saintLike) { return true }
            if w.e - w.s == 1 { return true }  // initial: Martin L. King
            return false
        }
        return true
    }

    /// Parses a street address whose house number starts at `i`.
    func parseStreet(_ i: Int) -> AddrParse? {
        let r = digitRun(i)
        guard r >= 1 && r <= 5 && b[i] != 0x30 else { return nil }
        var q = i + r
        var numEnd = q
        if isUpper(at(q)) && at(q + 1) == Ch.sp { q += 1; numEnd = q }  // 1234A
        guard at(q) == Ch.sp else { return nil }
        if isDigit(at(q + 1)) && at(q + 2) == Ch.slash && isDigit(at(q + 3)) && at(q + 4) == Ch.sp { q += 4; numEnd = q }  // 12 1/2
        let directionalFollows = directional(addrWords(q, max: 1).first ?? AWord(s: q, e: q, dot: false)) != nil
        if !lenient && !directionalFollows {
            // "the 3 Rivers Trail project", "Our 2026 Budget Way": a count or year after a determiner
            // (a directional after the number means a house number)
            var p0 = i
            if at(p0 - 1) == Ch.sp { p0 -= 1 }
            let w0 = wordBefore(p0)
            if w0 < p0 && wordIn(w0, p0, determinerWords) { return nil }
        }
        if !lenient && !directionalFollows {
            // "In 2025 Lincoln Ave ..." : a year, not a house number (a directional after it means a house number)
            if r == 4 {
                let v = intValue(i, 4)
                if v >= 1800 && v <= 2099 {
                    var p = i
                    while p > 0 && (b[p - 1] == Ch.sp || b[p - 1] == Ch.comma) && i - p < 2 { p -= 1 }
                    let ws = wordBefore(p)
                    if ws < p && wordIn(ws, p, yearContextWords) { return nil }
                }
            }
        }
        let words = addrWords(q, max: 8)
        guard words.count >= 2 else { return nil }
        if wordIn(words[0].s, words[0].e, blockWords) { return nil }

        var bestK = -1
        var bestPre = false
        for usePre in [true, false] {
            if usePre && directional(words[0]) == nil { continue }
            let ns = usePre ? 1 : 0
            var k = ns
            while k < words.count && k - ns <= 4 {
                if k > ns, suffixInfo(words[k]) != nil {
                    if k > bestK { bestK = k; bestPre = usePre }
                }
                guard isNameWord(words[k], first: k == ns) else { break }
                if words[k].dot && k > ns && !wordIn(words[k].s, words[k].e, saintLike) && words[k].e - words[k].s > 1 { break }
                k += 1
            }
        }
        guard bestK > 0, let suf = suffixInfo(words[bestK]) else { return nil }
        let ns = bestPre ? 1 : 0
        let sw = words[bestK]
        var end = sw.e
        if sw.dot && !suf.isFullWord { end += 1 }
        var key = AddrKey(
            num: String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + r)]), as: UTF8.self),
            pre: bestPre ? directional(words[0])! : "",
            name: (ns..<bestK).map { upperString(words[$0].s, words[$0].e) }.joined(separator: " "),
            suffix: suf.primary, post: "")
        var evidence = bestPre
        var masks: [(Int, Int)] = [(i + 1, numEnd)]
        // post-directional
        if bestK + 1 < words.count, let d = directional(words[bestK + 1]), words[bestK + 1].e - words[bestK + 1].s <= 2,
            at(sw.dot ? sw.e + 1 : sw.e) == Ch.sp, !isAlnum(at(words[bestK + 1].e + (words[bestK + 1].dot ? 1 : 0)))
        {
            let pw = words[bestK + 1]
            // not followed by a capitalised name (N. Smith)
            let after = pw.e + (pw.dot ? 1 : 0)
            if !(at(after) == Ch.sp && isUpper(at(after + 1)) && pw.dot) {
                end = pw.e + (pw.dot ? 1 : 0)
                key.post = d
                evidence = true
            }
        }
        // unit
        if let (ue, idr) = unitAt(end) {
            end = ue
            evidence = true
            if let idr { masks.append(idr) }
        }
        // city, state, ZIP
        if let ce = cityStateZip(end) {
            end = ce
            evidence = true
        }
        if !suf.strong && !evidence && !lenient {
            if !windowHas(i - 40, i, addrCtx) { return nil }
        }
        return AddrParse(start: i, end: end, numEnd: numEnd, key: key, maskRanges: masks)
    }

    /// Unit designator after position p: ", Apt. 4B", " #2", " Suite 300", " Unit B".
    func unitAt(_ p: Int) -> (Int, (Int, Int)?)? {
        var q = p
        if at(q) == Ch.comma { q += 1 }
        guard at(q) == Ch.sp else { return nil }
        q += 1
        var idStart = -1
        if at(q) == Ch.hash {
            idStart = q + 1
            if at(idStart) == Ch.sp { idStart += 1 }
        } else {
            var e = q
            while e < n && isAlpha(b[e]) { e += 1 }
            guard e > q, isUpper(b[q]) || e - q <= 4, wordIn(q, e, unitDesignators) else { return nil }
            if wordIn(q, e, unitNoId) {
                if isAlnum(at(e)) { return nil }
                return (e, nil)
            }
            var r = e
            if at(r) == Ch.dot { r += 1 }
            if at(r) == Ch.sp { r += 1 }
            if at(r) == Ch.hash { r += 1; if at(r) == Ch.sp { r += 1 } }
            idStart = r
        }
        var e = idStart
        var hasDigit = false
        while e < n && (isAlnum(b[e]) || (b[e] == Ch.dash && isAlnum(at(e + 1)))) && e - idStart < 8 {
            if isDigit(b[e]) { hasDigit = true }
            e += 1
        }
        guard e > idStart, !isAlnum(at(e)) else { return nil }
        if !hasDigit && !(e - idStart <= 2 && isUpper(b[idStart])) { return nil }
        return (e, (idStart, e))
    }

    /// ", Milwaukee, WI 53202" / " Milwaukee WI" / ", WI 53202": included only when a state is present.
    func cityStateZip(_ p: Int) -> Int? {
        var q = p
        if at(q) == Ch.comma { q += 1 }
        guard at(q) == Ch.sp else { return nil }
        q += 1
        var words = 0
        while words < 4 {
            // state?
            if isUpper(at(q)) && isUpper(at(q + 1)) && !isAlpha(at(q + 2)) {
                let code = String(decoding: [b[q], b[q + 1]], as: UTF8.self)
                if stateCodes.contains(code) && words > 0 || (stateCodes.contains(code) && p == q - 2) {
                    var e = q + 2
                    if at(e) == Ch.dot { e += 0 }
                    return zipAfter(e)
                }
            }
            var e = q
            while e < n && (isAlpha(b[e]) || b[e] == Ch.apos) { e += 1 }
            guard e > q, isUpper(b[q]) else { return nil }
            if words > 0 && wordIn(q, e, stateNames) { return zipAfter(e) }
            words += 1
            if at(e) == Ch.dot && wordIn(q, e, saintLike) { e += 1 }
            if at(e) == Ch.comma { e += 1 }
            guard at(e) == Ch.sp else { return nil }
            q = e + 1
        }
        return nil
    }

    func zipAfter(_ e: Int) -> Int {
        var q = e
        if at(q) == Ch.comma { q += 1 }
        if at(q) == Ch.sp && digitRun(q + 1) == 5 {
            var z = q + 6
            if at(z) == Ch.dash && digitRun(z + 1) == 4 { z += 5 }
            if !isAlnum(at(z)) { return z }
        }
        return e
    }

    /// PO boxes: the number at `i` preceded by "P.O. Box", "PO Box", "Post Office Box".
    func parsePOBox(_ i: Int) -> AddrParse? {
        var q = i
        if at(q - 1) == Ch.sp { q -= 1 }
        if at(q - 1) == Ch.hash { q -= 1; if at(q - 1) == Ch.sp { q -= 1 } }
        guard endsWithCI(q, boxWord), !isAlpha(at(q - 4)) else { return nil }
        var r = q - 3
        var sp = 0
        while at(r - 1) == Ch.sp && sp < 2 { r -= 1; sp += 1 }
        var start = -1
        for pat in poPrefixes where endsWithCI(r, pat) && !isAlpha(at(r - pat.count - 1)) {
            start = r - pat.count; break
        }
        if start < 0 && at(r - 1) == Ch.dot {
            // "P.O.Box" glued
            for pat in poPrefixes where endsWithCI(r, pat) { start = r - pat.count; break }
        }
        guard start >= 0 else { return nil }
        let d = digitRun(i)
        guard d >= 1 && d <= 7, !isAlpha(at(i + d)) || (isUpper(at(i + d)) && !isAlnum(at(i + d + 1))) else { return nil }
        var end = i + d
        if isUpper(at(end)) { end += 1 }
        if let ce = cityStateZip(end) { end = ce }
        let num = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + d)]), as: UTF8.self)
        return AddrParse(
            start: start, end: end, numEnd: i + d, key: AddrKey(num: num, pre: "", name: "", suffix: "POBOX", post: ""),
            maskRanges: [(i + 1, i + d)])
    }

    func addressMask(_ a: AddrParse) -> String {
        var bytes = Array(UnsafeBufferPointer(rebasing: b[a.start..<a.end]))
        for (s, e) in a.maskRanges where e > s {
            for k in s..<e where k - a.start < bytes.count { bytes[k - a.start] = 0x2A }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func addressAllowed(_ a: AddrParse) -> Bool {
        for k in allow.addresses where k.sameAddress(a.key) { return true }
        return false
    }

    mutating func poBoxAt(_ i: Int) -> Outcome? {
        guard let a = parsePOBox(i) else { return nil }
        if addressAllowed(a) { return .skip(a.end) }
        return .hit(.address, a.start, a.end, addressMask(a))
    }

    mutating func addressAt(_ i: Int) -> Outcome? {
        guard let a = parseStreet(i) else { return nil }
        if addressAllowed(a) { return .skip(a.end) }
        return .hit(.address, a.start, a.end, addressMask(a))
    }

    /// Key of the first address in the buffer (for compiling the allowlist).
    func firstAddressKey() -> AddrKey? {
        var i = 0
        while i < n {
            if isDigit(b[i]) && (i == 0 || !isAlnum(b[i - 1])) {
                if let a = parsePOBox(i) { return a.key }
                if let a = parseStreet(i) { return a.key }
                while i < n && isDigit(b[i]) { i += 1 }
            }
            i += 1
        }
        return nil
    }
}

struct CompiledAllowlist: Sendable {
    var phones10: [Int] = []
    var phones7: [Int] = []
    var domains: [[UInt8]] = []
    var addresses: [AddrKey] = []

    init() {}

    init(_ a: PIIAllowlist) {
        for p in a.phones {
            var digits: [Int] = []
            for c in p.utf8 {
                if isDigit(c) { digits.append(Int(c &- 48)) } else if isAlpha(c) { digits.append(keypad(c)) }
            }
            if digits.count == 11 && digits[0] == 1 { digits.removeFirst() }
            let v = digits.reduce(0) { $0 * 10 + $1 }
            if digits.count == 10 { phones10.append(v); phones7.append(v % 10_000_000) } else if digits.count == 7 { phones7.append(v) }
        }
        for d in a.emailDomains {
            var bytes = Array(d.utf8).map { lower($0) }
            while let f = bytes.first, f == Ch.at || f == Ch.dot || f == Ch.sp { bytes.removeFirst() }
            while let l = bytes.last, l == Ch.dot || l == Ch.sp { bytes.removeLast() }
            if !bytes.isEmpty { domains.append(bytes) }
        }
        for s in a.addresses {
            var str = s
            let key: AddrKey? = str.withUTF8 { buf in
                var c = Core(b: buf, starts: nil, ends: nil, allow: CompiledAllowlist(), refYear: 2026)
                c.lenient = true
                return c.firstAddressKey()
            }
            if let key { addresses.append(key) }
        }
    }
}
