import CivicPolicy
import CivicTestSupport
import Testing

/// What readers get is checked, not only what the source spells: YAML escapes, character
/// references, backslash escapes, inline markup and raw HTML cannot smuggle a word or a
/// number past the policy.
@Suite struct PublishedTextTests {
    private func findings(_ text: String) -> [String] {
        engineFindings(text).filter { $0.rule.hasPrefix("content.") || $0.rule.hasPrefix("pii.") }.map(\.brief)
    }

    @Test func yamlEscapesInFrontMatterValuesAreReadDecoded() {
        let post = """
            ---
            title: "Road work \\u0073hit update"
            department: dpw
            platforms: [x]
            summary: "Write to jane.doe\\u0040gmail.com"
            social:
              x: "sh\\
                it happens"
            ---
            Body.

            """
        #expect(findings(post) == ["2:8 content.profanity", "5:10 pii.email", "7:6 content.profanity"])
        let messages = engineFindings(post).filter { $0.rule == "content.profanity" }.map(\.message)
        #expect(messages.allSatisfy { $0.hasPrefix("profane language: “shit” (as published") }, "\(messages)")
    }

    @Test func markdownThatJoinsOrDecodesAWordIsReadAsRendered() {
        #expect(findings("&#x66;uck the rain.\n") == ["6:1 content.profanity"])
        #expect(findings("So f**u**ck it.\n") == ["6:1 content.profanity"])
        #expect(findings("A sh<!-- x -->it and fu<span></span>ck.\n") == ["6:1 content.profanity", "6:1 content.profanity"])
        #expect(findings("A s[h](https://city.milwaukee.gov)it and s`h`it.\n") == ["6:1 content.profanity", "6:1 content.profanity"])
        #expect(findings("Mail john.smith&#64;gmail.com or 123&#45;45&#45;6789.\n") == ["6:1 pii.email", "6:1 pii.ssn"])
        #expect(findings("Mail jane.roe\\@gmail.com today.\n") == ["6:1 pii.email"])
    }

    @Test func aFindingInTheSourceIsNotReportedTwice() {
        // The block is rewritten (character reference) but its one profane word is in the source.
        #expect(findings("Tom &amp; Jerry say shit.\n") == ["6:21 content.profanity"])
        // One in the source, one only in the rendered text: both, each once.
        #expect(findings("Shit and s&#104;it.\n") == ["6:1 content.profanity", "6:1 content.profanity"])
    }

    @Test func wordsOfWebAddressesStayWithTheLinkRules() {
        #expect(findings("**See** <https://city.milwaukee.gov/dpw/shit-list> and www.example.com/fuck &amp; more.\n").isEmpty)
    }

    @Test func aLinkTextIsCheckedWhenItsAddressIsWrittenEncoded() {
        #expect(findings("Read [fuck you](&#104;ttps://city.milwaukee.gov/dpw) today.\n") == ["6:7 content.profanity"])
        #expect(findings("Read [shit happens](https\\://city.milwaukee.gov/dpw) today.\n") == ["6:7 content.profanity"])
        #expect(findings("See [crap][ref].\n\n[ref]: https://city.milwaukee.gov/x\n") == ["6:6 content.profanity"])
    }

    @Test func plainMarkupAddsNothing() {
        let post = examplePost(
            "## Be ready\n\n**Details**: see [the page](https://city.milwaukee.gov/x).\n\n| a | b |\n|---|---|\n| one | two |\n")
        #expect(post.body.rewritten.isEmpty, "\(post.body.rewritten.map { String(decoding: $0.text, as: UTF8.self) })")
    }
}
