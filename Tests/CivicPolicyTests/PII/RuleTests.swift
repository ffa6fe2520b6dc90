import Testing

@testable import CivicPolicy

private let plain = PIIScanner()

private func kinds(_ s: String, _ scanner: PIIScanner = plain) -> [PIIKind] { scanner.scan(s).map(\.kind) }
private func found(_ s: String, _ scanner: PIIScanner = plain) -> [String] {
    let u = Array(s.utf8)
    return scanner.scan(s).map { String(decoding: u[$0.range], as: UTF8.self) }
}

@Suite("Phone rules")
struct PhoneRuleTests {
    @Test(arguments: ["414", "262", "608", "212", "907", "989", "200", "580"])
    func validAreaCodes(area: String) {
        #expect(kinds("Call \(area)-555-2671 today.") == [.phone])
    }

    @Test(arguments: ["123", "099", "190", "490", "595", "370", "379", "960", "969", "211", "311", "911", "411"])
    func invalidAreaCodes(area: String) {
        #expect(kinds("Call \(area)-555-2671 today.").isEmpty)
    }

    @Test(arguments: ["111", "011", "155", "211", "411", "911"])
    func invalidExchanges(ex: String) {
        #expect(kinds("Call 414-\(ex)-2671 today.").isEmpty)
    }

    @Test func fictionalRangeOnly0100to0199() {
        #expect(kinds("Call 414-555-0100.").isEmpty)
        #expect(kinds("Call 414-555-0199.").isEmpty)
        #expect(kinds("Call 414-555-0200.") == [.phone])
        #expect(kinds("Call 414-555-0099.") == [.phone])
        #expect(kinds("Call 414-555-2671.") == [.phone])
    }

    @Test(arguments: ["800", "833", "844", "855", "866", "877", "888"])
    func tollFree(area: String) {
        #expect(kinds("Call 1-\(area)-555-2671.").isEmpty)
        #expect(kinds("Call (\(area)) 274-2671.").isEmpty)
    }

    @Test func bareRunsNeedContext() {
        #expect(kinds("Batch 4145552671 was processed.").isEmpty)
        #expect(kinds("Call 4145552671 today.") == [.phone])
        #expect(kinds("Reach me at 4145552671.") == [.phone])
        #expect(kinds("Meter 2625557301 replaced.").isEmpty)
    }

    @Test func localNumbersNeedContext() {
        #expect(kinds("Call 286-2671 for Jim.") == [.phone])
        #expect(kinds("Item count 286-2671 reported.").isEmpty)
    }

    @Test func extensionsIncluded() {
        #expect(found("Call 414-555-2671 x12 now.") == ["414-555-2671 x12"])
        #expect(found("Call 414-555-2671 ext. 12 now.") == ["414-555-2671 ext. 12"])
        #expect(found("Call 414-555-2671 extension 12 now.") == ["414-555-2671 extension 12"])
    }

    @Test func formats() {
        for s in ["(414) 555-2671", "+1 414 555 2671", "1-414-555-2671", "414.555.2671", "+14145552671", "+1 (414) 555-2671"] {
            #expect(found("Call \(s) now.") == [s], "\(s)")
        }
    }

    @Test func vanityAllowlist() {
        let sc = PIIScanner(allow: PIIAllowlist(phones: ["414-286-CITY", "311"]))
        #expect(kinds("Call 414-286-2489 now.", sc).isEmpty)
        #expect(kinds("Call 414-286-CITY now.", sc).isEmpty)
        #expect(kinds("Call (414) 286-2489 now.", sc).isEmpty)
        #expect(kinds("Call 286-2489 now.", sc).isEmpty)
        #expect(kinds("Call 414-286-2490 now.", sc) == [.phone])
        #expect(kinds("Call 311 now.", sc).isEmpty)
    }

    @Test func hiddenAndFullWidth() {
        #expect(kinds("Call 414\u{200B}555\u{200B}2671.") == [.phone])
        #expect(kinds("Call ４１４－５５５－２６７１.") == [.phone])
        #expect(kinds("Call 4\u{00AD}1\u{00AD}4 555 2671.") == [.phone])
        #expect(kinds("Call \u{2066}414-555-2671\u{2069}.") == [.phone])
    }

    @Test func notInUrls() {
        #expect(kinds("See https://example.com/414-555-2671 for the map.").isEmpty)
        #expect(kinds("See www.example.com/4145552671 now.").isEmpty)
    }
}

@Suite("Card rules")
struct CardRuleTests {
    @Test func luhn() {
        #expect(kinds("Card 4111 1111 1111 1111 posted.") == [.card])
        #expect(kinds("Card 4111 1111 1111 1112 posted.").isEmpty)
        #expect(kinds("Card 5500-0000-0000-0004 posted.") == [.card])
        #expect(kinds("Card 5500-0000-0000-0005 posted.").isEmpty)
    }

    @Test func issuerAndLength() {
        #expect(kinds("Amex 3782 822463 10005 posted.") == [.card])  // 4-6-5
        #expect(kinds("Amex 378282246310005 posted.") == [.card])
        #expect(kinds("Discover 6011111111111117 posted.") == [.card])
        #expect(kinds("JCB 3530111333300000 posted.") == [.card])
        #expect(kinds("Diners 30569309025904 posted.") == [.card])
        // Luhn-valid but no issuer fits (prefix 1, 9; Visa with 15 digits)
        #expect(kinds("Code 1234567812345670 posted.").isEmpty)
        #expect(kinds("Code 411111111111116 posted.").isEmpty)
    }

    @Test func mixedSeparatorsRejected() {
        #expect(kinds("Card 4111 1111-1111 1111 posted.").isEmpty)
    }
}

@Suite("SSN rules")
struct SSNRuleTests {
    @Test(arguments: ["000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000"])
    func invalidRanges(v: String) {
        #expect(kinds("SSN \(v) posted.").isEmpty)
    }

    @Test(arguments: ["001-01-0001", "665-99-9999", "899-12-3456", "123-45-6789"])
    func validRanges(v: String) {
        #expect(kinds("SSN \(v) posted.") == [.ssn])
    }

    @Test func separatorsMustMatch() {
        #expect(kinds("Code 123-45 6789 posted.").isEmpty)
        #expect(kinds("The form shows 123 45 6789 today.") == [.ssn])
    }

    @Test func bareNeedsContext() {
        #expect(kinds("Inventory 123456789 posted.").isEmpty)
        #expect(kinds("SSN 123456789 posted.") == [.ssn])
        #expect(kinds("Her social security number is 123456789.") == [.ssn])
    }
}

@Suite("Email rules")
struct EmailRuleTests {
    @Test func forms() {
        #expect(found("Write jane.doe@gmail.com now.") == ["jane.doe@gmail.com"])
        #expect(found("Write jane [at] gmail [dot] com now.") == ["jane [at] gmail [dot] com"])
        #expect(found("Write jane (at) gmail (dot) com now.") == ["jane (at) gmail (dot) com"])
        #expect(found("Write jane at gmail dot com now.") == ["jane at gmail dot com"])
    }

    @Test func bareWordFormNeedsNameAndTLD() {
        #expect(kinds("Find us at milwaukee dot gov.").isEmpty)
        #expect(kinds("Meet at Red Arrow dot Park.").isEmpty)
    }

    @Test func allowlistedDomainsAndSubdomains() {
        let sc = PIIScanner(allow: PIIAllowlist(emailDomains: ["milwaukee.gov"]))
        #expect(kinds("Write mayor@milwaukee.gov.", sc).isEmpty)
        #expect(kinds("Write jo@dpw.milwaukee.gov.", sc).isEmpty)
        #expect(kinds("Write jo [at] milwaukee [dot] gov.", sc).isEmpty)
        #expect(kinds("Write jo@notmilwaukee.gov.", sc) == [.email])
        #expect(kinds("Write jo@milwaukee.gov.evil.com.", sc) == [.email])
    }

    @Test func urlsVersusMailto() {
        #expect(kinds("See https://x.org/@user today.").isEmpty)
        #expect(kinds("See https://user:pw@host.com/x today.").isEmpty)
        #expect(found("<a href=\"mailto:jane@gmail.com\">x</a>") == ["jane@gmail.com"])
    }
}

@Suite("Address rules")
struct AddressRuleTests {
    @Test func basics() {
        #expect(found("She lives at 2400 W. Wisconsin Ave. now.") == ["2400 W. Wisconsin Ave."])
        #expect(found("She lives at 123 Main Street. Call her.") == ["123 Main Street"])
        #expect(found("Mail P.O. Box 1234 now.") == ["P.O. Box 1234"])
        #expect(found("Mail PO Box 12 now.") == ["PO Box 12"])
        #expect(found("Mail Post Office Box 5 now.") == ["Post Office Box 5"])
        #expect(found("At 12 Oak Ct Apt. 4B, Milwaukee, WI 53202 today") == ["12 Oak Ct Apt. 4B, Milwaukee, WI 53202"])
    }

    @Test func notAddresses() {
        #expect(kinds("Closed on Wisconsin Ave. between 27th and 35th streets.").isEmpty)
        #expect(kinds("Police went to the 2400 block of W. Wisconsin Ave.").isEmpty)
        #expect(kinds("We planted 300 trees along Main St.").isEmpty)
        #expect(kinds("In 2025 Lincoln Ave will be repaved.").isEmpty)
        #expect(kinds("Over 40 Lakefront Park volunteers helped.").isEmpty)
    }

    @Test func facilityAllowlistToleratesAbbreviations() {
        let sc = PIIScanner(allow: PIIAllowlist(addresses: ["200 E. Wells St.", "P.O. Box 324"]))
        #expect(kinds("Visit 200 East Wells Street today.", sc).isEmpty)
        #expect(kinds("Visit 200 E Wells St, Room 205 today.", sc).isEmpty)
        #expect(kinds("Visit 200 E. WELLS ST. today.", sc).isEmpty)
        #expect(kinds("Write PO Box 324.", sc).isEmpty)
        #expect(kinds("Visit 202 E. Wells St. today.", sc) == [.address])
        #expect(kinds("Visit 200 W. Wells St. today.", sc) == [.address])
    }
}

@Suite("Date of birth rules")
struct DOBRuleTests {
    @Test func needsContext() {
        #expect(kinds("The event is March 4, 1961.").isEmpty)
        #expect(kinds("She was born March 4, 1961.") == [.dob])
        #expect(kinds("DOB 3/4/1961") == [.dob])
    }

    @Test func plausibleAgeRelativeToReferenceYear() {
        #expect(kinds("born 1/1/1890").isEmpty)
        #expect(kinds("born 1/1/2027").isEmpty)
        #expect(kinds("born 1/1/1920") == [.dob])
        let old = PIIScanner(referenceYear: 1990)
        #expect(kinds("born 1/1/1890", old) == [.dob])
        #expect(kinds("born 1/1/2000", old).isEmpty)
    }
}

@Suite("Never flagged")
struct NeverFlaggedTests {
    @Test(arguments: [
        "Doors open at 10:30 a.m.", "The budget is $1,234,567.89.", "The 2025-2026 season.", "Up 12.5%.",
        "See File #231456.", "File No. 231456 passed.", "Ord. 12-345 passed.", "Res. 2024-18 passed.",
        "Case No. 2024CV001234.", "ZIP 53202.", "ZIP 53202-1234.", "ISBN 978-0-13-468599-1.", "Read 9780134685991.",
        "https://example.com/a/4145552671/b", "Update to v1.2.3.", "#Milwaukee2026", "12,000 households.",
        "Call 911.", "Call 311.", "Dial 211.", "Meeting 10/15/2025.",
    ])
    func neverFlagged(s: String) {
        #expect(kinds(s).isEmpty, "\(s)")
    }
}

@Suite("Offsets and masking")
struct OffsetMaskTests {
    @Test func multiByteBeforeMatch() {
        let s = "Café ☕ 414-555-2671"
        let m = plain.scan(s)
        #expect(m.count == 1)
        let u = Array(s.utf8)
        #expect(m[0].range == 10..<22)
        #expect(String(decoding: u[m[0].range], as: UTF8.self) == "414-555-2671")
        #expect(m[0].masked == "414-***-**71")
    }

    @Test func hiddenCharactersMapBackToOriginalBytes() {
        let s = "é call 414\u{200B}555\u{200B}2671 ok"
        let m = plain.scan(s)
        #expect(m.count == 1)
        let u = Array(s.utf8)
        #expect(String(decoding: u[m[0].range], as: UTF8.self) == "414\u{200B}555\u{200B}2671")
        let fw = "電話 ４１４－５５５－２６７１!"
        let m2 = plain.scan(fw)
        #expect(m2.count == 1)
        #expect(String(decoding: Array(fw.utf8)[m2[0].range], as: UTF8.self) == "４１４－５５５－２６７１")
    }

    @Test func hiddenCharacterOnLaterLineKeepsEarlierFindings() {
        let s = "Call 414-555-2671 now.\nText 414\u{200B}555\u{200B}2672 and email j@x.com\nSSN 123-45-6789"
        let u = Array(s.utf8)
        let got = plain.scan(s).map { String(decoding: u[$0.range], as: UTF8.self) }
        #expect(got == ["414-555-2671", "414\u{200B}555\u{200B}2672", "j@x.com", "123-45-6789"])
    }

    @Test func bufferAPIMatchesStringAPI() {
        let s = "Call 414-555-2671 or mail jane@gmail.com"
        var copy = s
        let a = copy.withUTF8 { plain.scan($0) }
        #expect(a == plain.scan(s))
        #expect(a.map(\.kind) == [.phone, .email])
    }

    @Test func sortedAndNonOverlapping() {
        let s =
            "Jane, born March 4, 1961, SSN 123-45-6789, card 4111 1111 1111 1111, lives at 12 Oak Ct., call 414-555-2671, email j@x.com."
        let m = plain.scan(s)
        #expect(m.map(\.kind) == [.dob, .ssn, .card, .address, .phone, .email])
        for k in 1..<m.count { #expect(m[k - 1].range.upperBound <= m[k].range.lowerBound) }
    }

    @Test func maskedNeverContainsFullValue() {
        let cases = [
            "Call 414-555-2671.", "SSN 123-45-6789.", "Card 4111 1111 1111 1111.", "Write jane.doe@gmail.com.",
            "Lives at 2400 W. Wisconsin Ave. Apt 4B.", "born March 4, 1961", "DOB 03/04/1961", "Box: PO Box 1234",
            "Write jdoe [at] gmail [dot] com.", "Call 286-2671 today.",
        ]
        for s in cases {
            let u = Array(s.utf8)
            for m in plain.scan(s) {
                let value = String(decoding: u[m.range], as: UTF8.self)
                #expect(!m.masked.contains(value), "\(m.masked) contains \(value)")
                // no run of all the digits
                let digits = value.filter(\.isNumber)
                let maskedDigits = m.masked.filter(\.isNumber)
                #expect(digits.isEmpty || maskedDigits.count < digits.count || m.kind == .address && maskedDigits != digits)
            }
        }
        #expect(plain.scan("Call 414-555-2671.").first?.masked == "414-***-**71")
        #expect(plain.scan("SSN 123-45-6789.").first?.masked == "***-**-**89")
        #expect(plain.scan("Card 4111 1111 1111 1111.").first?.masked == "**** **** **** 1111")
        #expect(plain.scan("Write jane.doe@example.com.").first?.masked == "j***@e***.com")
        #expect(plain.scan("Lives at 2400 W. Wisconsin Ave.").first?.masked == "2*** W. Wisconsin Ave.")
        #expect(plain.scan("born March 4, 1961").first?.masked == "**/**/1961")
    }

    @Test func ruleIDs() {
        #expect(PIIKind.phone.ruleID == "pii.phone")
        #expect(PIIKind.allCases.map(\.ruleID) == ["pii.phone", "pii.email", "pii.address", "pii.ssn", "pii.card", "pii.dob"])
    }
}

@Suite("Robustness")
struct RobustnessTests {
    @Test func randomInputsNeverCrashAndStayWellFormed() {
        let pieces = [
            "4", "1", "5", "2", "0", "9", "-", ".", " ", "(", ")", "+", "@", "[at]", "[dot]", " at ", " dot ", "x", "ext",
            "St", "Ave.", "N.", "Apt", "#", "Box", "P.O.", "born", "DOB", "SSN", "March", ",", "/", ":", "$", "%",
            "\u{200B}", "\u{00AD}", "４", "－", "＠", "é", "☕", "\n", "com", "gmail", "Main", "27th", "http://", "www.",
        ]
        var state: UInt64 = 12345
        func rnd(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        let scanner = PIIScanner(allow: testAllowlist)
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(1 + rnd(40)) { s += pieces[rnd(pieces.count)] }
            let m = scanner.scan(s)
            let n = s.utf8.count
            for (k, x) in m.enumerated() {
                #expect(x.range.lowerBound >= 0 && x.range.upperBound <= n && !x.range.isEmpty)
                if k > 0 { #expect(m[k - 1].range.upperBound <= x.range.lowerBound) }
            }
        }
    }
}
