import CivicPolicy
import Foundation

/// Shared fixtures: a small city's configuration and roster, written inline.
public enum Fixtures {
    public static let configYAML = """
        site:
          name: City of Milwaukee News
          base_url: https://city.milwaukee.gov/news
          canonical_host: city.milwaukee.gov
        publish_branch: main
        platforms: [x, facebook, bluesky, mastodon, threads, linkedin, instagram, nextdoor]
        allow:
          phones: ["414-286-CITY", "311"]
          email_domains: [milwaukee.gov]
          addresses: ["200 E. Wells St.", "814 W. Wisconsin Ave."]
          link_hosts: [milwaukee.gov, mpl.org, weather.gov]
        access_review_days: 365
        """

    public static let rosterYAML = """
        departments:
          - slug: dpw
            name: Department of Public Works
            aliases: [DPW, Public Works]
          - slug: library
            name: Milwaukee Public Library
            aliases: [MPL]
          - slug: health
            name: Milwaukee Health Department
            aliases: [Health Department]
          - slug: common-council
            name: Common Council
          - slug: fire
            name: Milwaukee Fire Department
            aliases: [MFD, Fire Department]
          - slug: police
            name: Milwaukee Police Department
            aliases: [MPD, Police Department]
        people:
          - name: Jordan Ellis
            emails: [jordan.ellis@milwaukee.gov]
            department: dpw
            roles: [spokesperson]
            authorized_until: 2027-06-30
            reviewed_on: 2026-07-01
          - name: Priya Natarajan
            emails: [priya.natarajan@milwaukee.gov]
            department: dpw
            roles: [reviewer]
          - name: Hannah Kowalczyk
            emails: [hannah.kowalczyk@milwaukee.gov]
            department: library
            roles: [spokesperson]
            authorized_until: 2027-06-30
            reviewed_on: 2026-07-01
          - name: Tomas Rivera
            emails: [tomas.rivera@milwaukee.gov]
            department: library
            roles: [reviewer]
          - name: Sam Okafor
            emails: [sam.okafor@milwaukee.gov]
            department: "*"
            roles: [reviewer, admin]
          - name: Former Spokesperson
            emails: [ex.spokesperson@milwaukee.gov]
            department: dpw
            roles: [spokesperson]
            authorized_until: 2026-06-30
            reviewed_on: 2026-01-15
          - name: Revoked Spokesperson
            emails: [revoked.spokesperson@milwaukee.gov]
            department: dpw
            roles: [spokesperson]
            authorized_until: 2027-06-30
            reviewed_on: 2026-07-01
            revoked_on: 2026-10-15
          - name: Overdue Review
            emails: [overdue.review@milwaukee.gov]
            department: dpw
            roles: [spokesperson]
            authorized_until: 2027-06-30
            reviewed_on: 2025-06-30
          - name: Unreviewed Contractor
            emails: [unreviewed.contractor@milwaukee.gov]
            department: dpw
            roles: [spokesperson, contractor]
            authorized_until: 2027-06-30
          - name: Carmen Delgado
            emails: [carmen.delgado@milwaukee.gov]
            department: common-council
            roles: [elected]
            authorized_until: 2028-04-15
            reviewed_on: 2026-07-01
          - name: Terrence Mayfield
            emails: [terrence.mayfield@milwaukee.gov]
            department: common-council
            roles: [elected]
            authorized_until: 2028-04-15
            reviewed_on: 2026-07-01
          - name: Leah Brennan
            emails: [leah.brennan@milwaukee.gov]
            department: common-council
            roles: [representative]
            authorized_until: 2028-04-15
            reviewed_on: 2026-07-01
        bodies:
          - slug: common-council
            name: Common Council
            members: [carmen.delgado@milwaukee.gov, terrence.mayfield@milwaukee.gov]
        """

    public static var config: Config {
        try! Config.load(Array(configYAML.utf8), path: "civicpost.yml").config
    }

    public static var roster: Roster {
        try! Roster.load(Array(rosterYAML.utf8), path: "content/roster.yml").roster
    }

    /// A rule context on a fixed day, with an optional author, and detectors with the package's
    /// lexicons (lexicons/*.txt) and the fixture roster's names.
    public static func context(author: String? = nil, today: Day = Day(year: 2026, month: 11, day: 1)) -> RuleContext {
        let detectors =
            today.year == fixtureDetectors.year
            ? fixtureDetectors.detectors
            : Detectors(config: config, lexicon: lexicon, referenceYear: today.year, roster: roster)
        return RuleContext(
            roster: roster, config: config, author: author.map { Identity(name: $0, email: $0) }, today: today,
            detectors: detectors)
    }

    /// Detectors for the fixture city, built once.
    private static let fixtureDetectors = (
        year: 2026, detectors: Detectors(config: config, lexicon: lexicon, referenceYear: 2026, roster: roster)
    )

    /// Every lexicon the package ships (lexicons/<tag>.txt), parsed.
    public static let lexicon: [(phrase: String, tag: String)] = lexiconTags.flatMap { tag in
        let url = packageRoot.appendingPathComponent("lexicons/\(tag).txt")
        return try! parseLexicon(String(contentsOf: url, encoding: .utf8), tag: tag)
    }

    /// The front matter rule examples get when they are only a body.
    public static let exampleFrontMatter = "---\ntitle: Example\ndepartment: dpw\nplatforms: [x]\n---\n"

    /// The path rule examples are checked at.
    public static let examplePath = "content/posts/dpw/2026/example.md"

    /// The package's root folder (for comparing with the top-level sample city).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The built `civicpost` executable beside the test bundle.
    public static var civicpostBinary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("civicpost")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/civicpost")
    }
}
