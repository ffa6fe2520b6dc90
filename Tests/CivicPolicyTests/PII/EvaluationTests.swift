import Testing

@testable import CivicPolicy

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The allowlist used by the labelled set: the city's official contacts.
let testAllowlist = PIIAllowlist(
    phones: ["414-286-CITY", "(414) 286-3000", "311", "414-286-2150"],
    emailDomains: ["milwaukee.gov", "mpl.org", "@mkefire.org"],
    addresses: ["200 E. Wells St.", "814 W. Wisconsin Ave.", "841 N. Broadway St.", "P.O. Box 324", "4001 S. 6th St."]
)

struct LabelledCase {
    let text: String
    let expected: [(kind: PIIKind, range: Range<Int>)]
}

/// Parses "sentence with [[kind:text]] markers" lines into cases with exact UTF-8 offsets.
func parseCases(_ src: String) -> [LabelledCase] {
    var out: [LabelledCase] = []
    for raw in src.split(separator: "\n", omittingEmptySubsequences: true) {
        let line = String(raw)
        if line.hasPrefix("//") || line.allSatisfy({ $0 == " " }) { continue }
        let u = Array(line.utf8)
        var bytes: [UInt8] = []
        var exp: [(kind: PIIKind, range: Range<Int>)] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x5B && i + 1 < u.count && u[i + 1] == 0x5B {
                var colon = i + 2
                while colon < u.count && u[colon] != 0x3A { colon += 1 }
                var close = colon + 1
                while close + 1 < u.count && !(u[close] == 0x5D && u[close + 1] == 0x5D) { close += 1 }
                let kindName = String(decoding: u[(i + 2)..<colon], as: UTF8.self)
                guard let kind = PIIKind(rawValue: kindName) else { fatalError("bad kind \(kindName) in \(line)") }
                let start = bytes.count
                bytes.append(contentsOf: u[(colon + 1)..<close])
                exp.append((kind, start..<bytes.count))
                i = close + 2
            } else {
                bytes.append(u[i]); i += 1
            }
        }
        out.append(LabelledCase(text: String(decoding: bytes, as: UTF8.self), expected: exp))
    }
    return out
}

struct Tally {
    var tp = 0, fp = 0, fn = 0, exact = 0
    var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
}

struct EvalResult {
    var perKind: [PIIKind: Tally] = [:]
    var overall = Tally()
    var failures: [String] = []
    var positives = 0
    var negatives = 0
}

func evaluate(_ cases: [LabelledCase], scanner: PIIScanner) -> EvalResult {
    var r = EvalResult()
    for k in PIIKind.allCases { r.perKind[k] = Tally() }
    for c in cases {
        if c.expected.isEmpty { r.negatives += 1 } else { r.positives += 1 }
        let preds = scanner.scan(c.text)
        var used = Array(repeating: false, count: c.expected.count)
        let u = Array(c.text.utf8)
        func show(_ range: Range<Int>) -> String { String(decoding: u[range], as: UTF8.self) }
        for p in preds {
            var hit = -1
            for (ei, e) in c.expected.enumerated() where !used[ei] && e.kind == p.kind {
                let ov = max(0, min(e.range.upperBound, p.range.upperBound) - max(e.range.lowerBound, p.range.lowerBound))
                if Double(ov) >= 0.5 * Double(max(e.range.count, p.range.count)) { hit = ei; break }
            }
            if hit >= 0 {
                used[hit] = true
                r.perKind[p.kind]!.tp += 1
                if c.expected[hit].range == p.range {
                    r.perKind[p.kind]!.exact += 1
                } else {
                    r.failures.append("SPAN \(p.kind) got [\(show(p.range))] want [\(show(c.expected[hit].range))] :: \(c.text)")
                }
            } else {
                r.perKind[p.kind]!.fp += 1
                r.failures.append("FP   \(p.kind) [\(show(p.range))] :: \(c.text)")
            }
        }
        for (ei, e) in c.expected.enumerated() where !used[ei] {
            r.perKind[e.kind]!.fn += 1
            r.failures.append("FN   \(e.kind) [\(show(e.range))] :: \(c.text)")
        }
    }
    for k in PIIKind.allCases {
        let t = r.perKind[k]!
        r.overall.tp += t.tp; r.overall.fp += t.fp; r.overall.fn += t.fn; r.overall.exact += t.exact
    }
    return r
}

func fmt(_ x: Double) -> String {
    let v = Int((x * 1000).rounded())
    return
        "\(v / 1000).\(String(v % 1000).count < 3 ? String(repeating: "0", count: 3 - String(v % 1000).count) + String(v % 1000) : String(v % 1000))"
}

func table(_ title: String, _ r: EvalResult) -> String {
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    var s = "\n== \(title): \(r.positives) positive cases, \(r.negatives) negative cases ==\n"
    s += pad("kind", 9) + pad("TP", 6) + pad("FP", 6) + pad("FN", 6) + pad("prec", 8) + pad("recall", 8) + "exact-span\n"
    func row(_ name: String, _ t: Tally) -> String {
        pad(name, 9) + pad("\(t.tp)", 6) + pad("\(t.fp)", 6) + pad("\(t.fn)", 6) + pad(fmt(t.precision), 8) + pad(fmt(t.recall), 8)
            + (t.tp == 0 ? "-" : fmt(Double(t.exact) / Double(t.tp))) + "\n"
    }
    for k in PIIKind.allCases { s += row(k.rawValue, r.perKind[k]!) }
    s += row("ALL", r.overall)
    return s
}

@Suite("Labelled evaluation")
struct EvaluationTests {
    let scanner = PIIScanner(allow: testAllowlist, referenceYear: 2026)

    @Test func setSizes() {
        let main = parseCases(labelledMain), held = parseCases(labelledHeldOut)
        let all = main + held
        let pos = all.filter { !$0.expected.isEmpty }.count
        let neg = all.filter { $0.expected.isEmpty }.count
        #expect(pos >= 300)
        #expect(neg >= 300)
        for k in PIIKind.allCases {
            let n = all.flatMap { $0.expected }.filter { $0.kind == k }.count
            #expect(n >= 30, "kind \(k) has \(n) positives")
        }
        #expect(Double(held.count) / Double(all.count) >= 0.2)
    }

    @Test func mainSetMeetsTargets() {
        let r = evaluate(parseCases(labelledMain), scanner: scanner)
        print(table("tuning set", r))
        for f in r.failures { print("  " + f) }
        check(r)
    }

    @Test func heldOutSetMeetsTargets() {
        let r = evaluate(parseCases(labelledHeldOut), scanner: scanner)
        print(table("held-out set", r))
        if ProcessInfoShim.verbose { for f in r.failures { print("  " + f) } }
        print(
            "  held-out failures: \(r.failures.filter { !$0.hasPrefix("SPAN") }.count), span mismatches: \(r.failures.filter { $0.hasPrefix("SPAN") }.count)"
        )
        check(r)
    }

    @Test func combinedSet() {
        let r = evaluate(parseCases(labelledMain) + parseCases(labelledHeldOut), scanner: scanner)
        print(table("all cases", r))
        check(r)
    }

    func check(_ r: EvalResult) {
        #expect(r.overall.precision >= 0.97, "overall precision \(r.overall.precision)")
        #expect(r.overall.recall >= 0.95, "overall recall \(r.overall.recall)")
        for k in PIIKind.allCases {
            #expect(r.perKind[k]!.recall >= 0.90, "recall for \(k): \(r.perKind[k]!.recall)")
        }
    }
}

/// Set PII_VERBOSE=1 to list held-out failures (kept off by default so they are not used for tuning).
enum ProcessInfoShim {
    static var verbose: Bool {
        guard let v = getenv("PII_VERBOSE") else { return false }
        return String(cString: v) == "1"
    }
}
