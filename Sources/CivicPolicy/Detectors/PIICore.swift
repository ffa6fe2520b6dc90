// The single-pass byte scanner: a table prefilter wakes up only at digits, '@', brackets,
// the letter 'd' (for " dot " obfuscation) and lead bytes of hidden / full-width characters.

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
@inline(__always) func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }
@inline(__always) func isUpper(_ c: UInt8) -> Bool { c &- 65 < 26 }
@inline(__always) func isLowerCh(_ c: UInt8) -> Bool { c &- 97 < 26 }
@inline(__always) func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }
@inline(__always) func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }
@inline(__always) func isSpaceCh(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B }

enum Ch {
    static let sp: UInt8 = 0x20, dash: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A, comma: UInt8 = 0x2C, lparen: UInt8 = 0x28, rparen: UInt8 = 0x29
    static let lbrack: UInt8 = 0x5B, lbrace: UInt8 = 0x7B, at: UInt8 = 0x40, hash: UInt8 = 0x23
    static let plus: UInt8 = 0x2B, dollar: UInt8 = 0x24, percent: UInt8 = 0x25, apos: UInt8 = 0x27
    static let us: UInt8 = 0x5F
}

/// Prefilter classes: 1 digit, 2 '@', 3 bracket, 4 'd'/'D', 5 possible hidden/full-width lead byte.
let rawTable: [UInt8] = {
    var t = [UInt8](repeating: 0, count: 256)
    for c in 48...57 { t[c] = 1 }
    t[0x40] = 2
    t[0x28] = 3; t[0x5B] = 3; t[0x7B] = 3
    t[0x64] = 4; t[0x44] = 4
    t[0xC2] = 5; t[0xE2] = 5; t[0xE3] = 5; t[0xEF] = 5
    return t
}()
let normTable: [UInt8] = {
    var t = rawTable
    t[0xC2] = 0; t[0xE2] = 0; t[0xE3] = 0; t[0xEF] = 0
    return t
}()

/// A context pattern: lowercase bytes, matched case-insensitively at a word start;
/// `whole` additionally requires a non-letter after it.
struct Pat: Sendable {
    let bytes: [UInt8]
    let whole: Bool
    init(_ s: String, whole: Bool = false) { bytes = Array(s.utf8); self.whole = whole }
}

/// Context patterns with the set of their first letters, so a window scan tries the patterns
/// only at words that begin with one of them.
struct PatList: Sendable, ExpressibleByArrayLiteral {
    let pats: [Pat]
    /// Bit `c - 'a'` is set when some pattern starts with the letter `c`.
    let firstLetters: UInt32

    init(arrayLiteral pats: Pat...) {
        self.pats = pats
        var mask: UInt32 = 0
        for pat in pats where isLowerCh(pat.bytes[0]) { mask |= 1 << UInt32(pat.bytes[0] &- 97) }
        firstLetters = mask
    }

    /// Whether some pattern may start with the lower-case letter `c`.
    @inline(__always) func mayStart(with c: UInt8) -> Bool { firstLetters & (1 << UInt32(c &- 97)) != 0 }
}

/// Result of a sub-parser. `skip(end)`: consumed, not a finding. `hit`: a finding.
enum Outcome {
    case skip(Int)
    case hit(PIIKind, Int, Int, String)
}

struct Core {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let starts: UnsafeBufferPointer<Int32>?
    let ends: UnsafeBufferPointer<Int32>?
    let allow: CompiledAllowlist
    let refYear: Int
    var lenient = false
    var out: [PIIMatch] = []
    var lastEnd = 0

    init(
        b: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>?, ends: UnsafeBufferPointer<Int32>?,
        allow: CompiledAllowlist, refYear: Int
    ) {
        self.b = b; self.n = b.count; self.starts = starts; self.ends = ends
        self.allow = allow; self.refYear = refYear
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { (i >= 0 && i < n) ? b[i] : 0 }

    // MARK: main loop

    /// Returns false when (detect == true and) normalisation is required.
    mutating func run(_ table: UnsafeBufferPointer<UInt8>, detect: Bool) -> Bool {
        let n = self.n
        let b = self.b
        var i = 0
        while i < n {
            let k = table[Int(b[i])]
            if k == 0 { i &+= 1; continue }
            switch k {
            case 1:
                let pc = i > 0 ? b[i - 1] : 0
                if isAlpha(pc) || pc == Ch.us || isDigit(pc) {
                    // digit inside a word (#Milwaukee2026, v1, A12): skip the word
                    i += 1
                    while i < n && (isAlnum(b[i]) || b[i] == Ch.us) { i += 1 }
                    continue
                }
                i = apply(handleDigit(i), i)
            case 2:
                i = apply(handleAtSign(i), i)
            case 3:
                i = apply(handleBracket(i), i)
            case 4:
                i = apply(handleDotWord(i), i)
            case 5:
                if detect && DigitNormalizer.trigger(b, i) {
                    i = rescanLineNormalized(i)
                    continue
                }
                i += 1
            default:
                i += 1
            }
        }
        return true
    }

    /// Hidden / full-width characters at `i`: the current line (no finding spans a newline) is
    /// normalised and rescanned; findings of that line found so far are replaced. Returns the line end.
    mutating func rescanLineNormalized(_ i: Int) -> Int {
        var s = i
        while s > 0 && b[s - 1] != 0x0A { s -= 1 }
        while let last = out.last, last.range.lowerBound >= s { out.removeLast() }
        lastEnd = out.last?.range.upperBound ?? 0
        s = max(s, lastEnd)
        var e = i
        while e < n && b[e] != 0x0A { e += 1 }
        let seg = UnsafeBufferPointer(rebasing: b[s..<e])
        let norm = DigitNormalizer.normalize(seg)
        let found: [PIIMatch] = norm.bytes.withUnsafeBufferPointer { nb in
            norm.starts.withUnsafeBufferPointer { ss in
                norm.ends.withUnsafeBufferPointer { es in
                    var sub = Core(b: nb, starts: ss, ends: es, allow: allow, refYear: refYear)
                    _ = normTable.withUnsafeBufferPointer { sub.run($0, detect: false) }
                    return sub.out
                }
            }
        }
        for var m in found {
            m.range = (m.range.lowerBound + s)..<(m.range.upperBound + s)
            out.append(m)
            lastEnd = m.range.upperBound
        }
        return max(e, i + 1)
    }

    @inline(__always)
    mutating func apply(_ r: Outcome?, _ i: Int) -> Int {
        guard let r else { return i + 1 }
        switch r {
        case .skip(let e):
            return max(e, i + 1)
        case .hit(let kind, let s, let e, let masked):
            if s >= lastEnd && e > s {
                emit(kind, s, e, masked)
                lastEnd = e
            }
            return max(e, i + 1)
        }
    }

    mutating func emit(_ kind: PIIKind, _ s: Int, _ e: Int, _ masked: String) {
        let range: Range<Int>
        if let st = starts, let en = ends {
            range = Int(st[s])..<Int(en[e - 1])
        } else {
            range = s..<e
        }
        out.append(PIIMatch(kind: kind, range: range, masked: masked))
    }

    /// True when the normalised span [s, e) came from a longer original span (hidden characters, full-width).
    func obfuscated(_ s: Int, _ e: Int) -> Bool {
        guard let st = starts, let en = ends, e > s else { return false }
        let orig = Int(en[e - 1]) - Int(st[s])
        if orig != e - s { return true }
        return false
    }

    func text(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[max(0, s)..<min(n, e)]), as: UTF8.self)
    }

    // MARK: small helpers

    @inline(__always) func digitRun(_ p: Int) -> Int {
        var q = p
        while q < n && isDigit(b[q]) { q += 1 }
        return q - p
    }

    func intValue(_ s: Int, _ len: Int) -> Int {
        var v = 0
        for k in 0..<len { v = v * 10 + Int(b[s + k] &- 48) }
        return v
    }

    /// Case-insensitive: does `pat` (lowercase) occur at `pos`?
    @inline(__always) func startsWithCI(_ pos: Int, _ pat: [UInt8]) -> Bool {
        if pos < 0 || pos + pat.count > n { return false }
        for k in 0..<pat.count where lower(b[pos + k]) != pat[k] { return false }
        return true
    }

    /// Case-insensitive: does `pat` end exactly at `pos` (exclusive)?
    @inline(__always) func endsWithCI(_ pos: Int, _ pat: [UInt8]) -> Bool {
        startsWithCI(pos - pat.count, pat)
    }

    /// Whether any pattern occurs (at a word start) fully inside [lo, hi).
    func windowHas(_ lo0: Int, _ hi: Int, _ list: PatList) -> Bool {
        let lo = max(0, lo0)
        if hi <= lo { return false }
        var s = lo
        while s < hi {
            let c = lower(b[s])
            if isAlpha(c) && list.mayStart(with: c) && (s == 0 || !isAlpha(b[s - 1])) {
                for p in list.pats where p.bytes[0] == c {
                    let L = p.bytes.count
                    if s + L <= hi && startsWithCI(s, p.bytes) && (!p.whole || !isAlpha(at(s + L))) {
                        return true
                    }
                }
            }
            s += 1
        }
        return false
    }

    /// Reads the alphabetic word that ends at `pos` (exclusive). Returns its start.
    func wordBefore(_ pos: Int) -> Int {
        var s = pos
        while s > 0 && isAlpha(b[s - 1]) && pos - s < 24 { s -= 1 }
        return s
    }

    func wordEquals(_ s: Int, _ e: Int, _ w: [UInt8]) -> Bool {
        if e - s != w.count { return false }
        for k in 0..<w.count where lower(b[s + k]) != w[k] { return false }
        return true
    }

    func wordIn(_ s: Int, _ e: Int, _ list: [[UInt8]]) -> Bool {
        for w in list where wordEquals(s, e, w) { return true }
        return false
    }

    /// End of a numeric token: digits with internal -./,: between digits.
    func numericTokenEnd(_ i: Int) -> Int {
        var q = i
        while q < n {
            let c = b[q]
            if isDigit(c) { q += 1; continue }
            if (c == Ch.dash || c == Ch.dot || c == Ch.slash || c == Ch.comma || c == Ch.colon) && isDigit(at(q + 1)) {
                q += 1; continue
            }
            break
        }
        return q
    }

    /// End of the whitespace-delimited token containing `i`.
    func wsTokenEnd(_ i: Int) -> Int {
        var q = i
        while q < n && !isSpaceCh(b[q]) { q += 1 }
        return q
    }

    /// If position `i` lies inside a URL-like token, returns the token end.
    /// The end of the web address holding `i`, when `i` is in one; nil otherwise. With
    /// `readsQuery`, a position in the address's query (after a `?`) is not in it: its values
    /// are read as text.
    func urlTokenEnd(_ i: Int, readsQuery: Bool = false) -> Int? {
        var s = i
        let lim = max(0, i - 600)
        while s > lim && !isSpaceCh(b[s - 1]) { s -= 1 }
        if s == i { return nil }
        var sawDotLabel = false
        var k = s
        while k < i {
            let c = b[k]
            if c == Ch.colon && at(k + 1) == Ch.slash && at(k + 2) == Ch.slash {
                return readsQuery && inQuery(k, i) ? nil : wsTokenEnd(i)
            }
            if (c == 0x77 || c == 0x57) && (k == s || !isAlnum(b[k - 1])) && startsWithCI(k, wwwPat) {
                return readsQuery && inQuery(k, i) ? nil : wsTokenEnd(i)
            }
            if c == Ch.dot && isAlpha(at(k + 1)) && k > s && isAlnum(b[k - 1]) { sawDotLabel = true }
            if c == Ch.slash && sawDotLabel { return readsQuery && inQuery(k, i) ? nil : wsTokenEnd(i) }
            k += 1
        }
        return nil
    }

    /// How many digit groups, each separated from the next by one `-` or `.`, start at `i`
    /// (`414-555-0142`: 3; `4145552671`: 1).
    func separatedGroups(from i: Int) -> Int {
        var groups = 0
        var q = i
        while q < n && isDigit(b[q]) {
            while q < n && isDigit(b[q]) { q += 1 }
            groups += 1
            guard q + 1 < n, b[q] == Ch.dash || b[q] == Ch.dot, isDigit(b[q + 1]) else { break }
            q += 1
        }
        return groups
    }

    /// Whether a `?` stands between the address's start `k` and `i`. A query's e-mail
    /// addresses and separated numbers (`?m=jo@gmail.com`, `?cell=414-555-0142`) publish the
    /// data as plainly as the words around them; bare digit runs there are identifiers
    /// (`?t=4145552671`, `?id=4111111111111111`), as in the host and path.
    func inQuery(_ k: Int, _ i: Int) -> Bool {
        var q = k
        while q < i {
            if b[q] == 0x3F { return true }
            q += 1
        }
        return false
    }

    /// End of the last occurrence of any pattern inside [lo, hi), or nil.
    func windowLast(_ lo0: Int, _ hi: Int, _ list: PatList) -> Int? {
        let lo = max(0, lo0)
        if hi <= lo { return nil }
        var s = hi - 1
        while s >= lo {
            let c = lower(b[s])
            if isAlpha(c) && list.mayStart(with: c) && (s == 0 || !isAlpha(b[s - 1])) {
                for p in list.pats where p.bytes[0] == c {
                    let L = p.bytes.count
                    if s + L <= hi && startsWithCI(s, p.bytes) && (!p.whole || !isAlpha(at(s + L))) {
                        return s + L
                    }
                }
            }
            s -= 1
        }
        return nil
    }

    /// Words such as "File", "Ord.", "Case No." directly before the number: it's an identifier.
    func idContextBefore(_ i: Int) -> Bool {
        var q = i
        var steps = 0
        func skipSeps(_ q: inout Int) {
            var k = 0
            while q > 0 && k < 6 {
                let c = b[q - 1]
                if c == Ch.sp || c == Ch.hash || c == Ch.colon || c == Ch.dot || c == Ch.dash || c == Ch.lparen {
                    q -= 1; k += 1
                } else {
                    break
                }
            }
        }
        while steps < 2 {
            skipSeps(&q)
            let ws = wordBefore(q)
            if ws == q { return false }
            if wordIn(ws, q, idWords) { return true }
            if steps == 0 && wordIn(ws, q, numberWords) { q = ws; steps += 1; continue }
            return false
        }
        return false
    }

    // MARK: digit dispatcher

    mutating func handleDigit(_ i: Int) -> Outcome? {
        let tokEnd = numericTokenEnd(i)
        // Part of an email local part (e.g. 4145552671@vtext.com): let the '@' handler take it.
        var q = i
        while q < n && (isAlnum(b[q]) || b[q] == Ch.dot || b[q] == Ch.us || b[q] == Ch.dash || b[q] == Ch.plus) && q - i < 64 { q += 1 }
        if at(q) == Ch.at && isAlnum(at(q + 1)) { return .skip(q) }
        if let e = urlTokenEnd(i, readsQuery: separatedGroups(from: i) >= 3) { return .skip(e) }
        let pc = at(i - 1)
        // hashtag (#2026Budget, File #231456)
        if pc == Ch.hash && !isAlnum(at(i - 2)) {
            var e = i
            while e < n && (isAlnum(b[e]) || b[e] == Ch.us) { e += 1 }
            if !windowHas(i - 24, i, ssnCtx) { return .skip(max(e, tokEnd)) }
        }
        // money, percentages, times, counts
        if pc == Ch.dollar || (pc == Ch.sp && at(i - 2) == Ch.dollar) { return .skip(tokEnd) }
        if at(tokEnd) == Ch.percent { return .skip(tokEnd) }
        var hasColonOrComma = false
        for k in i..<tokEnd where b[k] == Ch.colon || b[k] == Ch.comma { hasColonOrComma = true; break }
        if hasColonOrComma { return .skip(tokEnd) }
        // identifiers: File No., Ord., Res., Case, ISBN, Permit ...
        if idContextBefore(i) {
            // distinctive shapes survive identifier words: a Luhn-valid card, a dashed SSN
            if let r = cardAt(i), case .hit = r { return r }
            if let r = ssnAt(i, dashedOnly: true), case .hit = r { return r }
            return .skip(tokEnd)
        }

        if let r = poBoxAt(i) { return r }
        if let r = dobAt(i) { return r }
        if let r = cardAt(i) { return r }
        if let r = ssnAt(i) { return r }
        if let r = phoneAt(pc == Ch.plus ? i - 1 : i) { return r }
        if let r = addressAt(i) { return r }
        if let r = localPhoneAt(i) { return r }
        return .skip(tokEnd)
    }
}

let wwwPat: [UInt8] = Array("www.".utf8)

let numberWords: [[UInt8]] = ["no", "nos", "number", "num", "nr"].map { Array($0.utf8) }
let idWords: [[UInt8]] = [
    "file", "files", "ord", "ordinance", "ordinances", "res", "resolution", "resolutions", "case", "cases", "docket",
    "permit", "permits", "isbn", "issn", "item", "items", "ref", "reference", "invoice", "order", "ticket",
    "claim", "tracking", "confirmation", "parcel", "taxkey", "key", "application", "appl", "license", "lic",
    "project", "contract", "bid", "rfp", "rfq", "report", "incident", "complaint", "id", "vin", "serial",
    "model", "section", "chapter", "ch", "code", "bill", "agenda", "exhibit", "version", "ver",
    "build", "release", "journal", "policy", "record", "records", "request", "job",
    "route", "bus", "flight", "lot", "receipt", "transaction", "reservation", "badge", "employee", "unit",
].map { Array($0.utf8) }

let phoneCtx: PatList = [
    Pat("phone"), Pat("call"), Pat("tel", whole: true), Pat("telephone"), Pat("cell"), Pat("text"),
    Pat("txt", whole: true), Pat("fax", whole: true), Pat("reach"), Pat("contact"), Pat("at", whole: true),
    Pat("mobile"), Pat("dial"), Pat("number"), Pat("ph", whole: true), Pat("sms", whole: true),
    Pat("whatsapp"), Pat("voicemail"), Pat("ring", whole: true), Pat("cel", whole: true),
]
let ssnCtx: PatList = [
    Pat("ssn"), Pat("social security"), Pat("soc sec"), Pat("soc. sec"), Pat("ss#"), Pat("ss #"),
    Pat("ss no", whole: true), Pat("s.s.n"), Pat("social sec"), Pat("ss number"),
]
let birthCtx: PatList = [
    Pat("born", whole: true), Pat("dob", whole: true), Pat("d.o.b"), Pat("birth"), Pat("b."),
]
let addrCtx: PatList = [
    Pat("live"), Pat("lived"), Pat("living"), Pat("resid"), Pat("address"), Pat("home"), Pat("house"),
    Pat("apartment"), Pat("moved"), Pat("mail"), Pat("deliver"), Pat("ship"),
]
