import Dispatch

/// The names from the roster that rules look for in posts, in one phrase matcher built once
/// per run: every department's name and aliases (tag `department/<slug>`), and every member
/// of a governmental body by name and handle (tag `member/<email>`).
public struct RosterNames: Sendable {
    /// Tag prefix of department names.
    public static let departmentTag = "department/"
    /// Tag prefix of body members' names.
    public static let memberTag = "member/"

    /// The matcher (whole-word, case-insensitive, no evasion handling).
    public var matcher: PhraseMatcher
    /// Aliases written in capitals (`DPW`, `MPD`): they count only when written exactly so,
    /// since `dpw` or `Mpd` in running text is rarely the department.
    public var acronyms: Set<String>
    /// What the matcher was built from, to tell whether it fits a roster.
    let departments: [Department]
    let bodies: [GovernmentalBody]
    let members: [Person]

    /// Builds the matcher from `roster`.
    public init(roster: Roster) {
        var phrases: [(phrase: String, tag: String)] = []
        var acronyms: Set<String> = []
        for department in roster.departments {
            for name in [department.name] + department.aliases {
                let phrase = Self.literal(name)
                guard !phrase.isEmpty else { continue }
                if Self.isAcronym(phrase) { acronyms.insert(phrase) }
                phrases.append((phrase, Self.departmentTag + department.slug))
            }
        }
        let members = Self.members(of: roster)
        for person in members {
            let tag = Self.memberTag + person.email.lowercased()
            for phrase in Self.memberPhrases(person) { phrases.append((phrase, tag)) }
        }
        matcher = PhraseMatcher(phrases: phrases, evasionTags: [])
        self.acronyms = acronyms
        departments = roster.departments
        bodies = roster.bodies
        self.members = members
    }

    /// Whether these names were built from `roster` (departments, bodies and members unchanged).
    public func fits(_ roster: Roster) -> Bool {
        departments == roster.departments && bodies == roster.bodies
            && (bodies.isEmpty || members == Self.members(of: roster))
    }

    /// The people listed as members of some governmental body.
    static func members(of roster: Roster) -> [Person] {
        let emails = Set(roster.bodies.flatMap(\.members).map { $0.lowercased() })
        guard !emails.isEmpty else { return [] }
        return roster.people.filter { person in person.emails.contains { emails.contains($0.lowercased()) } }
    }

    /// How a post names a member: full name, title and surname (`Ald. Mayfield`), the local part
    /// of each email, and handles (`@TerrenceMayfield`, `@Mayfield…`).
    static func memberPhrases(_ person: Person) -> [String] {
        let name = literal(person.name)
        let words = name.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" || $0 == "'" }).map(String.init)
        var phrases: [String] = []
        if !name.isEmpty { phrases.append(name) }
        if let last = words.last, words.count > 1 {
            for title in ["ald", "alder", "alderperson", "alderman", "alderwoman", "council member", "councilmember"] {
                phrases.append("\(title) \(last)")
            }
            phrases.append("@" + words.joined())
            phrases.append("@" + last + "*")
        }
        for email in person.emails {
            let local = literal(String(email.prefix { $0 != "@" }))
            if !local.isEmpty { phrases.append(local) }
        }
        return phrases
    }

    /// `text` without the characters that mean something in phrase syntax (`*`, `~`, `!`, `_`).
    static func literal(_ text: String) -> String {
        String(text.unicodeScalars.map { "*~!_\\".unicodeScalars.contains($0) ? " " : Character($0) })
            .split(separator: " ").joined(separator: " ")
    }

    /// Two or more capital ASCII letters (digits allowed after the first).
    static func isAcronym(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, (0x41...0x5A).contains(bytes[0]) else { return false }
        return bytes.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
    }
}

/// Roster names built for contexts whose detectors came without them, so that each roster's
/// matcher is built once per process rather than once per post.
/// `@unchecked Sendable`: `entries` is only read and written while `lock` is held.
final class RosterNamesCache: @unchecked Sendable {
    static let shared = RosterNamesCache()

    private let lock = DispatchSemaphore(value: 1)
    private var entries: [RosterNames] = []

    /// The names for `roster`, built on first use.
    func names(for roster: Roster) -> RosterNames {
        lock.wait()
        defer { lock.signal() }
        if let hit = entries.first(where: { $0.fits(roster) }) { return hit }
        let built = RosterNames(roster: roster)
        entries.append(built)
        if entries.count > 4 { entries.removeFirst() }
        return built
    }
}
