import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct ContentRuleTests {
    private func profanity(_ body: String) -> [String] {
        ProfanityRule().check(examplePost(body), in: Fixtures.context()).map { "\($0.line):\($0.column)-\($0.endColumn)" }
    }

    @Test func aZeroWidthSpaceInsideAProfaneWordIsCaughtAtTheRightColumn() {
        #expect(profanity("Who left this s\u{200B}h\u{200B}i\u{200B}t here?\n") == ["6:15-22"])
        #expect(profanity("🎉 e\u{301} Who left this sh\u{200D}it here?\n") == ["6:20-25"])
    }

    @Test func fullWidthLettersAreCaughtAtTheRightColumn() {
        #expect(profanity("Pick up your ｓｈｉｔ, please.\n") == ["6:14-18"])
        #expect(profanity("🎉 Ｐick up your ＳＨＩＴ.\n") == ["6:16-20"])
    }

    @Test func fillersAndTagCharactersAreHiddenCharacters() {
        for hidden in ["\u{115F}", "\u{1160}", "\u{17B4}", "\u{180B}", "\u{3164}", "\u{FFA0}", "\u{1D173}", "\u{E0073}"] {
            #expect(
                profanity("Who left this sh\(hidden)it here?\n") == ["6:15-20"],
                "U+\(String(hidden.unicodeScalars.first!.value, radix: 16))")
            let findings = HiddenCharactersRule().check(examplePost("Leaf\(hidden)collection\n"), in: Fixtures.context())
            #expect(findings.map { "\($0.line):\($0.column)" } == ["6:5"])
        }
    }

    @Test func everydayPhrasesThatHoldALexiconWordPass() {
        let text =
            "Keep it spick and span. Blue tits and great tits nest here. The Damn Yankees play. "
            + "Permits must be picked up personally. Ships must meet IMO 2020 rules.\n"
        #expect(engineFindings(text).filter { $0.rule.hasPrefix("content.") }.map(\.brief) == [])
        #expect(
            engineFindings("But damn it, tits, spick and imo still count.\n").filter { $0.rule.hasPrefix("content.") }.map(\.brief) == [
                "6:5 content.profanity", "6:14 content.profanity", "6:20 content.discrimination", "6:30 content.personal-opinion",
            ])
    }

    @Test func controlCharactersInsideAWordAreRemovedBeforeMatching() {
        #expect(profanity("Ice is sh\u{1B}it.\n") == ["6:8-13"])
        #expect(profanity("Ice is f\u{7F}uck.\n") == ["6:8-13"])
        let hidden = HiddenCharactersRule().check(examplePost("Ice is sh\u{1B}it.\n"), in: Fixtures.context())
        #expect(hidden.map { "\($0.line):\($0.column) \($0.message)" } == ["6:10 invisible character U+001B"])
    }

    @Test func scunthorpeAndFriendsPass() {
        #expect(profanity("Scunthorpe, Essex, Middlesex, the assessor's class, cocktails, Hell's Kitchen, cum laude.\n").isEmpty)
    }

    @Test func markdownEmphasisIsNotCensoring() {
        let post = examplePost("**Before you go**, read the *rules* and __go__.\nWhat the f***!\n**Really, f***.**\n")
        let findings = PolicyEngine().check(post, in: Fixtures.context())
        #expect(!findings.contains { $0.line == 6 }, "\(findings.map(\.brief))")
        #expect(findings.filter { $0.rule == "content.profanity" }.map(\.brief) == ["7:10 content.profanity", "8:11 content.profanity"])
    }

    @Test func aProfaneWordEndingABoldPhraseIsStillCaught() {
        let findings = engineFindings("**Plow schedule is shit**\n\n**Shit**\n\n**This is shit** today\n")
        #expect(
            findings.filter { $0.rule == "content.profanity" }.map(\.brief) == [
                "6:20 content.profanity", "8:3 content.profanity", "10:11 content.profanity",
            ])
    }

    @Test func theMessageQuotesTheVisibleText() {
        let findings = ProfanityRule().check(examplePost("Who left this s\u{200B}hit here?\n"), in: Fixtures.context())
        #expect(findings.map(\.message) == ["profane language: “shit”"])
        #expect(findings.first?.matched == "shit")
    }

    @Test func hiddenCharactersAreNamedOncePerRun() {
        let findings = HiddenCharactersRule().check(
            examplePost("Leaf\u{200B}\u{200B}collection and s\u{200B}hit\n"), in: Fixtures.context())
        #expect(
            findings.map { "\($0.line):\($0.column) \($0.message)" } == [
                "6:5 invisible characters U+200B U+200B", "6:23 invisible character U+200B",
            ])
    }

    @Test func electedOfficialsMayNotCampaign() {
        let post = examplePost("---\ntitle: Leaves\ndepartment: common-council\nplatforms: [x]\n---\nThanks! Vote for me on April 7.\n")
        let findings = PoliticalRule().check(post, in: Fixtures.context(author: "carmen.delgado@milwaukee.gov"))
        #expect(findings.map(\.location) == [SourceLocation(line: 6, column: 9)])
        #expect(findings.first?.severity == .error)
    }
}
