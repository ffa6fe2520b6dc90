import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct PlatformLengthTests {
    @Test func xWeighsCodePointsURLsAndEmoji() {
        #expect(Platform.x.length(of: String(repeating: "a", count: 280)) == 280)
        #expect(Platform.x.length(of: String(repeating: "日", count: 140)) == 280)
        #expect(Platform.x.length(of: "日本語 ok") == 9)
        #expect(Platform.x.length(of: "‘quotes’ – and … ") == 17 + 1)  // the ellipsis (U+2026) weighs 2
        #expect(Platform.x.length(of: "👩‍👩‍👧") == 2)
        #expect(Platform.x.length(of: "🇺🇸👍🏽❤️") == 6)
        #expect(Platform.x.length(of: "See https://city.milwaukee.gov/news/dpw/2026/a-very-long-slug-for-a-post/") == 4 + 23)
        #expect(Platform.x.length(of: "See http://x.co") == 4 + 23)
        #expect(Platform.x.length(of: "See milwaukee.gov/dpw or mpl.org.") == 4 + 23 + 4 + 23 + 1)
        #expect(Platform.x.length(of: "Mail clerk@milwaukee.gov at 9 a.m.") == 34)
    }

    @Test func blueskyCountsGraphemes() {
        #expect(Platform.bluesky.length(of: "👩‍👩‍👧 e\u{301}") == 3)
        #expect(Platform.bluesky.length(of: "See https://city.milwaukee.gov/x") == 32)
    }

    @Test func mastodonCountsURLsAs23() {
        #expect(Platform.mastodon.length(of: "See https://city.milwaukee.gov/news/dpw/2026/a-very-long-slug-for-a-post/") == 27)
        #expect(Platform.mastodon.length(of: "👍🏽 milwaukee.gov") == 2 + 1 + 13)
    }

    /// A post to X whose message is the summary: `text` plus a link home, so nothing is appended.
    private func xPost(_ text: String) -> Post {
        examplePost("---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: \(text) https://city.milwaukee.gov/dpw\n---\nBody\n")
    }

    @Test func exactlyTheLimitPassesAndOneMoreFails() throws {
        let rule = PlatformLengthRule()
        #expect(rule.check(xPost(String(repeating: "a", count: 256)), in: Fixtures.context()).isEmpty)
        let over = rule.check(xPost(String(repeating: "a", count: 257)), in: Fixtures.context())
        let finding = try #require(over.first)
        #expect(over.count == 1)
        #expect(finding.message == "X message is 281 of 280 characters")
        #expect(finding.location == SourceLocation(line: 5, column: 10))
        #expect(rule.check(xPost(String(repeating: "木", count: 128)), in: Fixtures.context()).isEmpty)
        #expect(
            rule.check(xPost(String(repeating: "木", count: 129)), in: Fixtures.context()).map(\.message) == [
                "X message is 282 of 280 characters"
            ])
    }

    @Test func theAppendedPageLinkCounts() {
        // 255 + a space + the page URL (23) = 279 on X; Bluesky counts the URL's 49 graphemes.
        let post = examplePost(
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, bluesky]\nsummary: \(String(repeating: "b", count: 255))\n---\nBody\n")
        #expect(PlatformLengthRule().check(post, in: Fixtures.context()).map(\.message) == ["Bluesky message is 305 of 300 graphemes"])
    }

    @Test func theFirstParagraphIsWhereABodyMessageStarts() {
        let body = String(repeating: "Rake leaves to the curb. ", count: 12)
        let post = examplePost("## Leaves\n\n\(body)\n")
        let findings = PlatformLengthRule().check(post, in: Fixtures.context())
        #expect(findings.map { "\($0.line):\($0.column) \($0.message)" } == ["8:1 X message is 323 of 280 characters"])
    }

    @Test func instagramNeedsAnImage() {
        let withPDF = examplePost(
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [instagram]\nmedia:\n  - file: media/dpw/zones.pdf\n    alt: Zones\n---\nBody\n"
        )
        #expect(
            PlatformLengthRule().check(withPDF, in: Fixtures.context()).map(\.message) == [
                "Instagram posts need an image, and the post has none"
            ])
    }
}
