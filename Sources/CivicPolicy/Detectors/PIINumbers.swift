// SSNs, payment cards, dates of birth.

enum Luhn {
    static func valid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        var dbl = false
        for d in digits.reversed() {
            var v = Int(d)
            if dbl { v *= 2; if v > 9 { v -= 9 } }
            sum += v
            dbl.toggle()
        }
        return sum % 10 == 0
    }
}

enum CardIssuer {
    /// Whether the prefix/length combination belongs to a known card scheme.
    static func fits(_ d: [UInt8]) -> Bool {
        let len = d.count
        func pre(_ k: Int) -> Int { var v = 0; for i in 0..<min(k, len) { v = v * 10 + Int(d[i]) }; return v }
        let p1 = pre(1), p2 = pre(2), p3 = pre(3), p4 = pre(4), p6 = pre(6)
        if p1 == 4 && (len == 13 || len == 16 || len == 19) { return true }  // Visa
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16 { return true }  // Mastercard
        if (p2 == 34 || p2 == 37) && len == 15 { return true }  // Amex
        // Discover
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) && len >= 16 && len <= 19 { return true }
        if (p2 == 36 || (p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 38 || p2 == 39) && len >= 14 && len <= 19 { return true }  // Diners
        if p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19 { return true }  // JCB
        if p2 == 62 && len >= 16 && len <= 19 { return true }  // UnionPay
        if [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].contains(p4) && len >= 12 && len <= 19 { return true }  // Maestro
        if p4 >= 2200 && p4 <= 2204 && len >= 16 && len <= 19 { return true }  // Mir
        return false
    }
}

let monthNames: [[UInt8]] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
].map { Array($0.utf8) }
let monthAbbr: [[UInt8]] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
].map { Array($0.utf8) }
let sept: [UInt8] = Array("sept".utf8)

extension Core {
    // MARK: SSN

    mutating func ssnAt(_ i: Int, dashedOnly: Bool = false) -> Outcome? {
        let r = digitRun(i)
        var a = 0, g = 0, s = 0, end = 0
        if r == 3 {
            let sep = at(i + 3)
            guard sep == Ch.dash || (sep == Ch.sp && !dashedOnly), digitRun(i + 4) == 2, at(i + 6) == sep, digitRun(i + 7) == 4 else {
                return nil
            }
            end = i + 11
            if isAlpha(at(end)) { return nil }
            if (at(end) == Ch.dash || at(end) == Ch.dot) && isDigit(at(end + 1)) { return nil }
            if sep == Ch.sp && at(end) == Ch.sp && isDigit(at(end + 1)) { return nil }
            a = intValue(i, 3); g = intValue(i + 4, 2); s = intValue(i + 7, 4)
        } else if r == 9 && !dashedOnly {
            end = i + 9
            if isAlpha(at(end)) { return nil }
            guard windowHas(i - 32, i, ssnCtx) || obfuscated(i, end) && windowHas(i - 32, i, ssnCtx) else { return nil }
            a = intValue(i, 3); g = intValue(i + 3, 2); s = intValue(i + 5, 4)
        } else {
            return nil
        }
        if a == 0 || a == 666 || a >= 900 || g == 0 || s == 0 { return .skip(end) }
        let l2 = s % 100
        return .hit(.ssn, i, end, "***-**-**" + (l2 < 10 ? "0" : "") + String(l2))
    }

    // MARK: cards

    mutating func cardAt(_ i: Int) -> Outcome? {
        let g = collectGroups(i, allowSlash: false)
        let cnt = g.s.count
        if cnt == 0 { return nil }
        var k = cnt
        var found = false
        while k >= 1 {
            var total = 0
            for x in 0..<k { total += g.len[x] }
            if total >= 12 && total <= 19 {
                let seps = Set(g.sep[1..<k])
                if seps.count <= 1 && !seps.contains(Ch.dot) {
                    if k == 1 {
                        found = true
                    } else if k >= 3 && (0..<(k - 1)).allSatisfy({ g.len[$0] == 4 }) && g.len[k - 1] <= 4 {
                        found = true
                    } else if k == 3 && g.len[0] == 4 && g.len[1] == 6 && (g.len[2] == 5 || g.len[2] == 4) {
                        found = true
                    }
                }
                if found {
                    if k < cnt && g.sep[k] != Ch.sp { found = false }
                }
            }
            if found { break }
            k -= 1
        }
        guard found else { return nil }
        let end = g.s[k - 1] + g.len[k - 1]
        if isAlpha(at(end)) { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(19)
        for x in 0..<k { for d in 0..<g.len[x] { digits.append(b[g.s[x] + d] &- 48) } }
        if !CardIssuer.fits(digits) {
            return digits.count >= 13 ? .skip(end) : nil
        }
        if !Luhn.valid(digits) { return .skip(end) }
        let last4 = digits.suffix(4).map { String($0) }.joined()
        return .hit(.card, i, end, "**** **** **** " + last4)
    }

    // MARK: dates of birth

    /// Month name (or abbreviation, optional '.') ending right before `pos` (with one space). Returns (start, month).
    func monthBefore(_ pos: Int) -> (Int, Int)? {
        guard at(pos - 1) == Ch.sp else { return nil }
        var we = pos - 1
        if at(we - 1) == Ch.dot { we -= 1 }
        let ws = wordBefore(we)
        guard ws < we else { return nil }
        for (m, w) in monthNames.enumerated() where wordEquals(ws, we, w) { return (ws, m + 1) }
        for (m, w) in monthAbbr.enumerated() where wordEquals(ws, we, w) { return (ws, m + 1) }
        if wordEquals(ws, we, sept) { return (ws, 9) }
        return nil
    }

    /// Month name starting at `p`; returns (month, end including optional '.').
    func monthAt(_ p: Int) -> (Int, Int)? {
        var e = p
        while e < n && isAlpha(b[e]) && e - p < 12 { e += 1 }
        guard e > p, isUpper(b[p]) else { return nil }
        var m = 0
        for (k, w) in monthNames.enumerated() where wordEquals(p, e, w) { m = k + 1 }
        if m == 0 { for (k, w) in monthAbbr.enumerated() where wordEquals(p, e, w) { m = k + 1 } }
        if m == 0 && wordEquals(p, e, sept) { m = 9 }
        guard m > 0 else { return nil }
        if at(e) == Ch.dot { e += 1 }
        return (m, e)
    }

    /// Skips an ordinal suffix (st, nd, rd, th) at p.
    func ordinalEnd(_ p: Int) -> Int {
        let a = lower(at(p)), c = lower(at(p + 1))
        if (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68) {
            if !isAlpha(at(p + 2)) { return p + 2 }
        }
        return p
    }

    func fullYear(_ y: Int, digits: Int) -> Int {
        if digits == 4 { return y }
        return y <= refYear % 100 ? 2000 + y : 1900 + y
    }

    mutating func dobAt(_ i: Int) -> Outcome? {
        // cheap gate: some birth word in the 48 bytes before (month names add a few bytes)
        guard windowHas(i - 56, i, birthCtx) else { return nil }
        var ds = i, de = 0, year = 0, month = 0, day = 0
        let r = digitRun(i)
        if let (ms, m) = monthBefore(i), r <= 2 {
            // March 4, 1961 / Mar. 4th 1961
            day = intValue(i, r); month = m; ds = ms
            var q = ordinalEnd(i + r)
            if at(q) == Ch.comma { q += 1 }
            guard at(q) == Ch.sp, digitRun(q + 1) == 4 else { return nil }
            year = intValue(q + 1, 4); de = q + 5
        } else if r <= 2 {
            let sep = at(i + r)
            if sep == Ch.slash || sep == Ch.dash || sep == Ch.dot {
                let r2 = digitRun(i + r + 1)
                guard r2 >= 1 && r2 <= 2, at(i + r + 1 + r2) == sep else { return nil }
                let ys = i + r + 2 + r2
                let r3 = digitRun(ys)
                guard r3 == 4 || r3 == 2 else { return nil }
                var a = intValue(i, r), c = intValue(i + r + 1, r2)
                if a > 12 && c <= 12 { swap(&a, &c) }  // D/M/Y
                month = a; day = c
                year = fullYear(intValue(ys, r3), digits: r3)
                de = ys + r3
            } else {
                // 4 March 1961 / 4th of March, 1961
                var q = ordinalEnd(i + r)
                guard at(q) == Ch.sp else { return nil }
                q += 1
                if startsWithCI(q, Array("of ".utf8)) { q += 3 }
                guard let (m, me) = monthAt(q) else { return nil }
                var y = me
                if at(y) == Ch.comma { y += 1 }
                guard at(y) == Ch.sp, digitRun(y + 1) == 4 else { return nil }
                day = intValue(i, r); month = m; year = intValue(y + 1, 4); de = y + 5
            }
        } else if r == 4 {
            let sep = at(i + 4)
            guard sep == Ch.dash || sep == Ch.slash || sep == Ch.dot else { return nil }
            let r2 = digitRun(i + 5)
            guard r2 >= 1 && r2 <= 2, at(i + 5 + r2) == sep else { return nil }
            let r3 = digitRun(i + 6 + r2)
            guard r3 >= 1 && r3 <= 2 else { return nil }
            year = intValue(i, 4); month = intValue(i + 5, r2); day = intValue(i + 6 + r2, r3)
            de = i + 6 + r2 + r3
        } else {
            return nil
        }
        if isAlnum(at(de)) { return nil }
        guard month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return .skip(de) }
        let age = refYear - year
        guard age >= 0 && age <= 110 else { return .skip(de) }
        // the birth word must precede the date with no other number in between
        guard let ce = windowLast(ds - 44, ds, birthCtx) else { return nil }
        for k in ce..<ds where isDigit(b[k]) { return nil }
        return .hit(.dob, ds, de, "**/**/" + String(year))
    }
}
