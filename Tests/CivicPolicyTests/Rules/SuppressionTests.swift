import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct SuppressionTests {
    @Test func aReasonIsRequired() {
        let findings = engineFindings("<!-- civicpost: allow pii.phone -->\nCall 414-555-2671.\n")
        #expect(findings.map(\.brief) == ["6:1 post.suppression", "7:6 pii.phone"])
        #expect(findings.first?.message == "the suppression of pii.phone gives no reason, so it is ignored")
        #expect(findings.first?.severity == .warning)
    }

    @Test func textThatIsPublishedIsCheckedEvenWhenItReadsLikeASuppression() {
        // In an indented code block the comment is published as code; unclosed, it is text.
        let findings = engineFindings(
            "Intro.\n\n    <!-- civicpost: allow content.profanity — shit happens -->\n    code\n\n"
                + "Hello <!-- civicpost: allow content.profanity — this fucking rule\n")
        #expect(findings.map(\.brief) == ["8:47 content.profanity", "11:7 post.suppression", "11:54 content.profanity"])
    }

    @Test func aCommentMarkdownShowsAsTextSuppressesNothing() {
        // '--' inside: CommonMark shows the "comment" on the page, words and all.
        let shown = engineFindings("Crews are out <!-- civicpost: allow content.profanity -- fuck the snow --> plowing.\n")
        #expect(shown.map(\.brief) == ["6:15 post.suppression", "6:58 content.profanity"])
        #expect(shown.first?.message.contains("Markdown shows this comment on the page as text") == true)
        // In a code block inside a block quote, it is code.
        let quoted = engineFindings("> ```\n> <!-- civicpost: allow content.profanity — shit happens -->\n> ```\n")
        #expect(quoted.map(\.brief) == ["7:45 content.profanity"])
    }

    @Test func aCommentSilencesOneFindingOfItsRuleOnTheNextLine() throws {
        let findings = engineFindings(
            "<!-- civicpost: allow pii.phone — the county's storm hotline -->\nCall 414-555-2671 or 414-555-2672.\n")
        #expect(findings.map(\.brief) == ["7:6 pii.phone (suppressed)", "7:22 pii.phone"])
        let suppression = try #require(findings.first?.suppression)
        #expect(suppression == Suppression(reason: "the county's storm hotline", expires: nil, line: 6))
    }

    @Test func twoCommentsSilenceTwoFindings() {
        let findings = engineFindings(
            """
            <!-- civicpost: allow pii.phone — first line -->
            <!-- civicpost: allow pii.phone: second line -->
            Call 414-555-2671 or 414-555-2672.

            """)
        #expect(findings.map(\.brief) == ["8:6 pii.phone (suppressed)", "8:22 pii.phone (suppressed)"])
        #expect(findings.map { $0.suppression?.reason } == ["first line", "second line"])
    }

    @Test func aSuppressionOnlyReachesTheNextLine() {
        let findings = engineFindings("<!-- civicpost: allow pii.phone - the hotline -->\nSee below.\nCall 414-555-2671.\n")
        #expect(findings.map(\.brief) == ["6:1 post.suppression", "8:6 pii.phone"])
        #expect(findings.first?.message == "the suppression of pii.phone silences nothing on line 7")
    }

    @Test func anExpiredSuppressionLapsesLoudly() {
        let text = "<!-- civicpost: allow pii.phone — storm hotline expires: 2026-10-31 -->\nCall 414-555-2671.\n"
        let before = engineFindings(text, today: Day(year: 2026, month: 10, day: 31))
        #expect(before.map(\.brief) == ["7:6 pii.phone (suppressed)"])
        #expect(before.first?.suppression?.expires == Day(year: 2026, month: 10, day: 31))
        let after = engineFindings(text, today: Day(year: 2026, month: 11, day: 1))
        #expect(after.map(\.brief) == ["6:58 post.suppression", "7:6 pii.phone"])
        #expect(after.first?.message == "the suppression of pii.phone expired on 2026-10-31; its finding is reported again")
    }

    @Test func anUnusedSuppressionWarns() {
        let findings = engineFindings("<!-- civicpost: allow pii.email — the clerk's address -->\nLeaves go to the curb.\n")
        #expect(findings.map(\.brief) == ["6:1 post.suppression"])
        #expect(findings.first?.severity == .warning)
    }

    @Test func authorRulesCannotBeSuppressed() {
        let text =
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\n<!-- civicpost: allow author.unauthorized — guest post -->\nLeaves.\n"
        let findings = engineFindings(text, author: "guest@example.com")
        #expect(findings.map(\.brief) == ["1:1 author.unauthorized", "6:23 post.suppression"])
        #expect(findings.last?.message == "author.unauthorized cannot be suppressed")
    }

    @Test func prohibitedPlatformsCannotBeSuppressed() {
        let findings = engineFindings(
            "<!-- civicpost: allow platform.prohibited — old campaign -->\nWatch https://www.tiktok.com/@citymke/video/1\n")
        #expect(findings.map(\.brief) == ["6:23 post.suppression", "7:7 platform.prohibited"])
        #expect(findings.first?.message == "platform.prohibited cannot be suppressed")
    }

    @Test func approvalRulesCannotBeSuppressed() {
        let findings = engineFindings("<!-- civicpost: allow approval.self — urgent -->\nLeaves.\n")
        #expect(findings.map(\.brief) == ["6:23 post.suppression"])
        #expect(findings.first?.message == "approval.self cannot be suppressed")
    }

    @Test func unknownRulesAreReported() {
        let findings = engineFindings("<!-- civicpost: allow pii.fone — hotline -->\nCall 414-555-2671.\n")
        #expect(findings.map(\.brief) == ["6:23 post.suppression", "7:6 pii.phone"])
        #expect(findings.first?.message == "'pii.fone' is not a rule, so this suppresses nothing")
    }

    @Test func commentsInCodeAreNotSuppressions() {
        let findings = engineFindings(
            """
            ```
            <!-- civicpost: allow pii.phone -->
            ```
            Write `<!-- civicpost: allow pii.phone -->` before a line.

            """)
        #expect(findings.isEmpty, "\(findings.map(\.brief))")
    }

    @Test func theReasonMayQuoteWhatItAllows() {
        let findings = engineFindings(
            "<!-- civicpost: allow content.personal-opinion — I think quoting the Mayor is fine -->\nThe Mayor said: “I think we will finish early.”\n"
        )
        #expect(findings.map(\.brief) == ["7:18 content.personal-opinion (suppressed)"])
    }

    @Test func separatorsAndExpiry() {
        let post = examplePost(
            """
            <!-- civicpost: allow pii.phone — a reason -->
            <!--civicpost: allow pii.email — another reason (expires: 2027-01-31) -->
            <!-- CivicPost: Allow media.alt-text: decorative -->
            <!-- civicpost: allow pii.ssn - reason expires: 31/01/2027 -->
            <!-- civicpost: deny pii.ssn -->
            <!-- civicpost: allow pii.dob — unterminated
            Text.

            """)
        let comments = SuppressionComment.scan(post)
        #expect(comments.map(\.rule) == ["pii.phone", "pii.email", "media.alt-text", "pii.ssn", "", ""])
        #expect(comments.map(\.reason) == ["a reason", "another reason", "decorative", "reason", "", ""])
        #expect(comments[1].expires == Day(year: 2027, month: 1, day: 31))
        #expect(comments.map { $0.problem != nil } == [false, false, false, true, true, true])
        #expect(comments.map(\.line) == [6, 7, 8, 9, 10, 11])
        #expect(comments.map(\.targetLine) == [11, 11, 11, 11, 11, 12])
    }
}
