// Public API of the personal-data (PII) detector engine.
// Pure Swift, no Foundation, no Regex.

/// The kinds of personal data the scanner reports. Rule ids are `"pii.<rawValue>"`.
public enum PIIKind: String, Sendable, CaseIterable {
    case phone, email, address, ssn, card, dob

    /// Policy rule id, e.g. `"pii.phone"`.
    public var ruleID: String { "pii." + rawValue }
}

/// One finding. `range` is in UTF-8 byte offsets into the scanned buffer.
public struct PIIMatch: Sendable, Equatable {
    public var kind: PIIKind
    public var range: Range<Int>
    /// Masked rendering, e.g. `414-***-**23`; never contains the full value.
    public var masked: String
    /// Unused by the scanner (allowed matches are not returned); kept for API compatibility.
    public var allowedBy: String? = nil
    /// Whether it was found in the text readers get rather than in the source (``range`` is
    /// then where that text is written).
    public var published = false

    public init(kind: PIIKind, range: Range<Int>, masked: String, allowedBy: String? = nil) {
        self.kind = kind
        self.range = range
        self.masked = masked
        self.allowedBy = allowedBy
    }
}

/// Official, publishable contact data from the city's configuration.
public struct PIIAllowlist: Sendable {
    /// Official phone numbers; vanity letters allowed ("414-286-CITY"); short codes ("311") are ignored.
    public var phones: [String]
    /// Email domains; subdomains are included ("milwaukee.gov" allows "x@dpw.milwaukee.gov").
    public var emailDomains: [String]
    /// Public facility addresses ("200 E. Wells St."); compared after USPS normalisation.
    public var addresses: [String]

    public init(phones: [String] = [], emailDomains: [String] = [], addresses: [String] = []) {
        self.phones = phones
        self.emailDomains = emailDomains
        self.addresses = addresses
    }
}

/// The scanner. Immutable and `Sendable`; one instance can be shared across tasks.
public struct PIIScanner: Sendable {
    public let referenceYear: Int
    let allow: CompiledAllowlist

    public init(allow: PIIAllowlist = .init(), referenceYear: Int = 2026) {
        self.referenceYear = referenceYear
        self.allow = CompiledAllowlist(allow)
    }

    /// Scans a String (UTF-8 view); offsets are UTF-8 byte offsets.
    public func scan(_ text: String) -> [PIIMatch] {
        var t = text
        return t.withUTF8 { scan($0) }
    }

    /// Scans UTF-8 bytes. Matches are sorted by start and non-overlapping.
    public func scan(_ utf8: UnsafeBufferPointer<UInt8>) -> [PIIMatch] {
        if utf8.isEmpty { return [] }
        var core = Core(b: utf8, starts: nil, ends: nil, allow: allow, refYear: referenceYear)
        _ = rawTable.withUnsafeBufferPointer { core.run($0, detect: true) }
        return core.out
    }
}
