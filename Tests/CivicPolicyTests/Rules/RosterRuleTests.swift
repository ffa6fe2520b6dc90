import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct RosterRuleTests {
    private let leaves = "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n"

    @Test(arguments: [
        ("someone@example.com", "someone@example.com is not listed in content/roster.yml"),
        (
            "priya.natarajan@milwaukee.gov",
            "priya.natarajan@milwaukee.gov has no posting role (roles: reviewer; posting needs spokesperson, contractor, elected or representative)"
        ),
        ("ex.spokesperson@milwaukee.gov", "ex.spokesperson@milwaukee.gov has an authorization that expired on 2026-06-30"),
        ("revoked.spokesperson@milwaukee.gov", "revoked.spokesperson@milwaukee.gov had their authorization revoked on 2026-10-15"),
    ])
    func unauthorizedAuthorsAreToldWhy(email: String, message: String) throws {
        let findings = UnauthorizedAuthorRule().check(examplePost(leaves), in: Fixtures.context(author: email))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.message == message)
        #expect(finding.location == SourceLocation(line: 1, column: 1))
        #expect(finding.hint?.contains("Sam Okafor <sam.okafor@milwaukee.gov>") == true)
    }

    @Test func authorizationHoldsThroughItsLastDay() {
        let context = Fixtures.context(author: "jordan.ellis@milwaukee.gov", today: Day(year: 2027, month: 6, day: 30))
        #expect(UnauthorizedAuthorRule().check(examplePost(leaves), in: context).isEmpty)
        let after = Fixtures.context(author: "jordan.ellis@milwaukee.gov", today: Day(year: 2027, month: 7, day: 1))
        #expect(UnauthorizedAuthorRule().check(examplePost(leaves), in: after).count == 1)
    }

    @Test func accessReviewsLapseAfterTheConfiguredDays() {
        let onTime = Fixtures.context(author: "jordan.ellis@milwaukee.gov", today: Day(year: 2027, month: 7, day: 1))
        #expect(AccessReviewRule().check(examplePost(leaves), in: onTime).isEmpty)
        let late = Fixtures.context(author: "jordan.ellis@milwaukee.gov", today: Day(year: 2027, month: 7, day: 2))
        #expect(
            AccessReviewRule().check(examplePost(leaves), in: late).map(\.message)
                == ["access of jordan.ellis@milwaukee.gov was last reviewed on 2026-07-01, more than 365 days ago"])
    }

    @Test func aSpokespersonOfAnotherDepartmentIsNamed() {
        let post = examplePost("---\ntitle: Storytime\ndepartment: library\nplatforms: [x]\n---\nBody\n")
        let findings = DepartmentScopeRule().check(post, in: Fixtures.context(author: "jordan.ellis@milwaukee.gov"))
        #expect(findings.map(\.message) == ["jordan.ellis@milwaukee.gov speaks for dpw, not library"])
        #expect(DepartmentScopeRule().check(post, in: Fixtures.context(author: "hannah.kowalczyk@milwaukee.gov")).isEmpty)
    }

    /// Detectors built without the roster (as an older caller may) still get its names.
    @Test func rosterNamesAreFilledInWhenTheDetectorsLackThem() {
        let bare = Detectors(config: Fixtures.config, referenceYear: 2026)
        let context = RuleContext(
            roster: Fixtures.roster, config: Fixtures.config, today: Day(year: 2026, month: 11, day: 1),
            detectors: bare)
        let findings = OtherDepartmentMentionRule().check(examplePost("Ask the Milwaukee Fire Department.\n"), in: context)
        #expect(findings.map(\.location) == [SourceLocation(line: 6, column: 9)])
    }

    @Test func eachDepartmentIsReportedOnceAndOnlyInMessageText() {
        let post = examplePost(
            """
            ---
            title: Leaves and the MPD
            department: dpw
            platforms: [x]
            cross_department:
              department: library
              approved_by: tomas.rivera@milwaukee.gov
              reference: call with the Fire Department
            ---
            MPD and MPD again; the Fire Department too.

            """)
        let findings = OtherDepartmentMentionRule().check(post, in: Fixtures.context())
        #expect(
            findings.map { "\($0.line):\($0.column) \($0.message)" } == [
                "2:23 mentions Milwaukee Police Department, another department",
                "10:24 mentions Milwaukee Fire Department, another department",
            ])
    }
}
