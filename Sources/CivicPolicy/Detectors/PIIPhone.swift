// NANP phone numbers.

struct DigitGroups {
    var s: [Int] = []
    var len: [Int] = []
    var sep: [UInt8] = []  // separator before group k (0 for the first)
    var total = 0
    var end = 0
}

/// Keypad digit for a vanity letter.
@inline(__always) func keypad(_ c: UInt8) -> Int {
    switch lower(c) {
    case 0x61...0x63: return 2  // abc
    case 0x64...0x66: return 3  // def
    case 0x67...0x69: return 4  // ghi
    case 0x6A...0x6C: return 5  // jkl
    case 0x6D...0x6F: return 6  // mno
    case 0x70...0x73: return 7  // pqrs
    case 0x74...0x76: return 8  // tuv
    case 0x77...0x7A: return 9  // wxyz
    default: return 0
    }
}

enum NANP {
    static func validArea(_ area: Int) -> Bool {
        let a0 = area / 100, a1 = (area / 10) % 10, a2 = area % 10
        if a0 < 2 || a1 == 9 { return false }  // [2-9][0-8]X, N9X reserved
        if area / 10 == 37 || area / 10 == 96 { return false }
        if a1 == 1 && a2 == 1 { return false }  // N11 service codes
        return true
    }
    static func validExchange(_ ex: Int) -> Bool {
        if ex / 100 < 2 { return false }
        if (ex / 10) % 10 == 1 && ex % 10 == 1 { return false }
        return true
    }
    static func tollFree(_ area: Int) -> Bool {
        area == 800 || area == 833 || area == 844 || area == 855 || area == 866 || area == 877 || area == 888
    }
    static func fictional(_ ex: Int, _ line: Int) -> Bool { ex == 555 && line >= 100 && line <= 199 }
}

let extPats: [[UInt8]] = ["extension", "ext.", "ext", "x.", "x"].map { Array($0.utf8) }

extension Core {
    func collectGroups(_ p: Int, allowSlash: Bool, allowSpace: Bool = true) -> DigitGroups {
        var g = DigitGroups()
        var q = p
        var sep: UInt8 = 0
        while g.s.count < 20 {
            let r = digitRun(q)
            if r == 0 { break }
            g.s.append(q); g.len.append(r); g.sep.append(sep); g.total += r
            q += r
            if g.total > 19 { break }
            let c = at(q)
            if (c == Ch.dash || c == Ch.dot || (allowSpace && c == Ch.sp) || (allowSlash && c == Ch.slash)) && isDigit(at(q + 1)) {
                sep = c; q += 1; continue
            }
            break
        }
        g.end = q
        return g
    }

    /// A 4-character line number: 4 digits, or a vanity group of digits/capitals with at least one letter.
    func lineGroup(_ q: Int) -> (Int, Int)? {
        var v = 0
        var letters = 0
        for k in 0..<4 {
            let c = at(q + k)
            if isDigit(c) { v = v * 10 + Int(c &- 48) } else if isUpper(c) { v = v * 10 + keypad(c); letters += 1 } else { return nil }
        }
        if isAlnum(at(q + 4)) { return nil }
        if letters > 0 && isDigit(at(q)) && letters < 2 { return nil }
        return (v, q + 4)
    }

    /// Extends a phone match over an extension ("x12", "ext. 12", "extension 12").
    func extensionEnd(_ e: Int) -> Int {
        var q = e
        if at(q) == Ch.comma { q += 1 }
        var sp = 0
        while at(q) == Ch.sp && sp < 2 { q += 1; sp += 1 }
        var r = -1
        for pat in extPats where startsWithCI(q, pat) { r = q + pat.count; break }
        guard r >= 0 else { return e }
        if at(r) == Ch.sp { r += 1 }
        if at(r) == Ch.hash { r += 1 }
        let d = digitRun(r)
        guard d >= 1 && d <= 6 && !isAlpha(at(r + d)) else { return e }
        return r + d
    }

    func phoneMask(_ area: Int, _ line: Int) -> String {
        let l2 = line % 100
        return String(area) + "-***-**" + (l2 < 10 ? "0" : "") + String(l2)
    }

    mutating func phoneAt(_ start: Int) -> Outcome? {
        var p = start
        var hasPlus = false
        if at(p) == Ch.plus { hasPlus = true; p += 1 }
        var cc = false
        if at(p) == 0x31 {
            let c1 = at(p + 1)
            if (c1 == Ch.dash || c1 == Ch.sp || c1 == Ch.dot) && (at(p + 2) == Ch.lparen || (isDigit(at(p + 2)) && digitRun(p + 2) >= 3)) {
                cc = true; p += 2
            } else if c1 == Ch.lparen {
                cc = true; p += 1
            }
        }
        var area = 0, exch = 0, line = 0, end = 0
        var needsContext = false
        if at(p) == Ch.lparen {
            guard digitRun(p + 1) == 3, at(p + 4) == Ch.rparen else { return nil }
            area = intValue(p + 1, 3)
            var q = p + 5
            if at(q) == Ch.sp || at(q) == Ch.dash { q += 1 }
            let r1 = digitRun(q)
            if r1 == 3 {
                let s2 = at(q + 3)
                guard s2 == Ch.dash || s2 == Ch.dot || s2 == Ch.sp, let (lv, le) = lineGroup(q + 4) else { return nil }
                exch = intValue(q, 3); line = lv; end = le
            } else if r1 == 7 {
                guard !isAlnum(at(q + 7)) || at(q + 7) == 0x78 || at(q + 7) == 0x58 else { return nil }
                exch = intValue(q, 3); line = intValue(q + 3, 4); end = q + 7
            } else {
                return nil
            }
        } else {
            guard isDigit(at(p)) else { return nil }
            let g = collectGroups(p, allowSlash: true)
            let cnt = g.s.count
            var k = 0
            var spread = false
            if cnt >= 3 && g.len[0] == 3 && g.len[1] == 3 && g.len[2] == 4 && g.sep[2] != Ch.slash {
                k = 3
            } else if cnt == 2 && g.len[0] == 3 && g.len[1] == 3 && g.sep[1] != 0 {
                // vanity line: 414-286-CITY
                let c = at(g.end)
                guard c == Ch.dash || c == Ch.dot || c == Ch.sp, let (lv, le) = lineGroup(g.end + 1) else { return nil }
                area = intValue(g.s[0], 3); exch = intValue(g.s[1], 3); line = lv; end = le
                k = -1
            } else if cnt >= 2 && g.len[0] == 3 && g.len[1] == 7 && g.sep[1] != Ch.sp {
                k = 2
            } else if g.len[0] == 10 || (g.len[0] == 11 && b[g.s[0]] == 0x31 && !cc) {
                k = 1
                if !(hasPlus && g.len[0] == 11) { needsContext = true }
            } else if (cnt == 10 || (cnt == 11 && b[g.s[0]] == 0x31)) && g.len.allSatisfy({ $0 == 1 }) && Set(g.sep.dropFirst()).count == 1
            {
                k = cnt; spread = true
            } else {
                // other groupings of 10 (or 1+10) digits: context required
                var sum = 0
                var kk = 0
                while kk < cnt && g.len[kk] <= 4 && sum < 11 {
                    sum += g.len[kk]; kk += 1; if sum == 10 || (sum == 11 && b[g.s[0]] == 0x31 && !cc) { break }
                }
                if kk >= 2 && (sum == 10 || (sum == 11 && b[g.s[0]] == 0x31 && !cc)) {
                    k = kk; needsContext = true
                } else {
                    return nil
                }
            }
            if k > 0 {
                if k < cnt {
                    if spread || g.sep[k] != Ch.sp { return nil }
                }
                var v = 0
                var nd = 0
                for gi in 0..<k {
                    for d in 0..<g.len[gi] { v = v * 10 + Int(b[g.s[gi] + d] &- 48); nd += 1 }
                }
                if nd == 11 { v -= 10_000_000_000 }
                area = v / 10_000_000; exch = (v / 10_000) % 1000; line = v % 10_000
                end = g.s[k - 1] + g.len[k - 1]
                if needsContext && nd == 10 {
                    // YYYYMMDDHH-style timestamps are not phones
                    let y = v / 1_000_000, m = (v / 10_000) % 100
                    if y >= 1900 && y <= 2099 && m >= 1 && m <= 12 { return .skip(end) }
                }
            }
        }
        let c = at(end)
        if isAlpha(c) && c != 0x78 && c != 0x58 { return nil }
        if (c == Ch.dash || c == Ch.dot) && isDigit(at(end + 1)) { return nil }
        guard NANP.validArea(area), NANP.validExchange(exch) else { return .skip(end) }
        if NANP.tollFree(area) || NANP.fictional(exch, line) { return .skip(end) }
        let full = area * 10_000_000 + exch * 10_000 + line
        if allow.phones10.contains(full) { return .skip(extensionEnd(end)) }
        if needsContext && !windowHas(start - 32, start, phoneCtx) && !obfuscated(start, end) { return .skip(end) }
        let e2 = extensionEnd(end)
        return .hit(.phone, start, e2, phoneMask(area, line))
    }

    /// 7-digit local numbers (286-2489): only with a phone context word nearby.
    mutating func localPhoneAt(_ i: Int) -> Outcome? {
        guard digitRun(i) == 3 else { return nil }
        let s = at(i + 3)
        guard s == Ch.dash || s == Ch.dot || s == Ch.sp, let (line, le) = lineGroup(i + 4) else { return nil }
        if (at(le) == Ch.dash || at(le) == Ch.dot) && isDigit(at(le + 1)) { return nil }
        if (at(i - 1) == Ch.sp || at(i - 1) == Ch.dash || at(i - 1) == Ch.dot) && isDigit(at(i - 2)) { return nil }
        let exch = intValue(i, 3)
        guard NANP.validExchange(exch) else { return nil }
        if NANP.fictional(exch, line) { return .skip(le) }
        guard windowHas(i - 32, i, phoneCtx) else { return nil }
        if allow.phones7.contains(exch * 10_000 + line) { return .skip(extensionEnd(le)) }
        let l2 = line % 100
        return .hit(.phone, i, extensionEnd(le), "***-**" + (l2 < 10 ? "0" : "") + String(l2))
    }
}
