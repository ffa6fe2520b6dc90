import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct ModelTests {
    @Test func columnsCountUnicodeScalars() {
        let source = SourceText("a\n🎉e\u{301}x\n")
        // "🎉" is 4 bytes, "e" 1, U+0301 2: x is the 4th scalar on line 2.
        #expect(source.location(ofByte: 2 + 4 + 1 + 2) == SourceLocation(line: 2, column: 4))
        #expect(source.location(ofByte: 0) == SourceLocation(line: 1, column: 1))
        #expect(source.text(ofLine: 2) == "🎉e\u{301}x")
    }

    @Test(arguments: [
        ("2026-10-10T09:00:00-05:00", "2026-10-10T14:00:00Z"),
        ("2026-10-10T09:00-05:00", "2026-10-10T14:00:00Z"),
        ("2026-03-01T00:30:00+01:00", "2026-02-28T23:30:00Z"),
        ("2024-02-29 12:00:00Z", "2024-02-29T12:00:00Z"),
        ("2026-10-10", "2026-10-10T00:00:00Z"),
        ("2026-10-10T09:00:00+14:00", "2026-10-09T19:00:00Z"),
        ("2026-10-10T09:00:59.5-12:00", "2026-10-10T21:00:59Z"),
    ])
    func timestampsParse(_ input: String, _ utc: String) {
        #expect(Timestamp(input)?.description == utc)
    }

    @Test(arguments: [
        "2026-10-10T09:00:00", "2026-13-01", "next week", "2026-10-10T25:00:00Z", "2026-02-29",
        "2026-10-10T09:00:00+99:99", "2026-10-10T09:00:00+15:00", "2026-10-10T09:00:00-05:60", "2026-10-11T23:59:60Z",
        "0000-01-01", "1899-12-31T00:00:00Z",
    ])
    func badTimestampsAreRejected(_ input: String) {
        #expect(Timestamp(input) == nil)
    }

    /// The digit-by-digit UTC form equals the day's text and zero-padded clock fields, from
    /// before 1970 to year 9999, and beyond that falls back to the same composition.
    @Test func timestampTextAtEveryScale() {
        var state: UInt64 = 7
        for step in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let span = [86_400 * 400, 86_400 * 366 * 3000, 86_400 * 366 * 12_000][step % 3]
            let seconds = Int(truncatingIfNeeded: state >> 11) % span - (step % 2 == 0 ? span / 2 : 0)
            let time = Timestamp(secondsSinceEpoch: seconds)
            let day = time.day
            let rest = seconds - day.daysSinceEpoch * 86_400
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            #expect(time.description == "\(day)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z")
        }
        #expect(Timestamp(secondsSinceEpoch: 0).description == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSinceEpoch: 253_402_300_799).description == "9999-12-31T23:59:59Z")
    }

    @Test func daysRoundTrip() {
        for days in stride(from: -1000, through: 30_000, by: 37) {
            let day = Day(daysSinceEpoch: days)
            #expect(day.daysSinceEpoch == days)
            #expect(Day(day.description) == day)
        }
    }

    @Test(arguments: [
        ("https://city.milwaukee.gov/x", "canonical"),
        ("https://www.city.milwaukee.gov/x", "canonical"),
        ("https://CITY.Milwaukee.gov./x", "canonical"),
        ("http://city.milwaukee.gov/x", "lookalike"),
        ("https://city.milwaukee.gov.evil.example/x", "lookalike"),
        ("https://city.milwaukee.gov@evil.example/x", "lookalike"),
        ("https://xn--ity-milwaukee-5kb.gov/", "lookalike"),
        ("https://cıty.milwaukee.gov/", "lookalike"),
        ("https://citymilwaukeegov.com/", "lookalike"),
        ("https://mpl.org/hours", "allowed"),
        ("https://forecast.weather.gov/x", "allowed"),
        ("https://www.tiktok.com/@mke", "prohibited"),
        ("https://example.org/", "offsite"),
    ])
    func hostsAreJudged(_ url: String, _ expected: String) throws {
        let parts = try #require(URLParts(url))
        let judgement: String
        switch HostJudgement.judge(parts, config: Fixtures.config) {
        case .canonical: judgement = "canonical"
        case .lookalike: judgement = "lookalike"
        case .allowed: judgement = "allowed"
        case .prohibited: judgement = "prohibited"
        case .offsite: judgement = "offsite"
        }
        #expect(judgement == expected)
    }

    /// ASCII URLs are parsed byte by byte, others by characters: a path with a non-ASCII
    /// character added must change nothing but the rest.
    @Test(arguments: [
        "HTTPS://User:Pw@CITY.Milwaukee.gov.:8443/x?y#z", "https://[::1]:80/a", "https://[::1]/", "mailto:x@y.org",
        "https://", "https://@/", "https://a.", "https://.", "https://a..", "1http://a.org", "h+t-t.p://a.org",
        "https://a.org\\b", "https:/a.org", "://a.org", "https://a:b@c:d@e.org:9", "ftp://a.org#frag", "https://a.org?q",
        "https://a.org:", "https://:80", "https://user@", "ht\r\ntp://a.org", "https://a.org\r\n/x", "",
    ])
    func asciiURLsParseAsOthers(_ url: String) {
        let ascii = URLParts(url)
        let other = URLParts(url + "/é")
        #expect(ascii?.scheme == other?.scheme)
        #expect(ascii?.userInfo == other?.userInfo)
        #expect(ascii?.host == other?.host)
        #expect(ascii?.port == other?.port)
        #expect(ascii.map { $0.rest + "/é" } == other?.rest)
    }

    @Test func urlPartsOfAnASCIIURL() throws {
        let parts = try #require(URLParts("HTTPS://User:Pw@CITY.Milwaukee.gov.:8443/x?y#z"))
        #expect(parts.scheme == "https" && parts.userInfo == "User:Pw" && parts.host == "city.milwaukee.gov")
        #expect(parts.port == "8443" && parts.rest == "/x?y#z")
        #expect(URLParts("https://[::1]:80/a")?.host == "[::1]:80")
        #expect(URLParts("https://[::1]:80/a")?.port == nil)
        #expect(URLParts("https://a.org:")?.port == "")
        #expect(URLParts("https://:80") == nil)
        #expect(URLParts("https:/a.org") == nil)
    }

    @Test(arguments: [
        ("tiktok.com", ProhibitedPlatform.tiktok), ("VM.TikTok.COM", .tiktok), (".qq.com", .qq), ("weixin.qq.com", .wechat),
        ("im.qq.com", .qq), ("a.b.douyin.com", .tiktok), ("xtiktok.com", nil), ("qq.com.evil.org", nil), ("city.milwaukee.gov", nil),
        ("ｑｑ.com", nil), ("ÉTÉ.qq.com", .qq),
    ])
    func hostsOfProhibitedPlatforms(host: String, owner: ProhibitedPlatform?) {
        #expect(ProhibitedPlatform.owning(host: host) == owner)
    }

    @Test func platformNames() {
        #expect(ProhibitedPlatform.named("x") == nil && ProhibitedPlatform.named("facebook") == nil)
        #expect(ProhibitedPlatform.named("Tik-Tok") == .tiktok && ProhibitedPlatform.named("QQ") == .qq)
        #expect(Platform.allCases.sorted() == Platform.allCases)
        #expect(Platform.allCases.reversed().sorted() == Platform.allCases)
    }

    @Test func targetPlatformsKeepTheFirstOfRepeats() {
        let post = Post.parse(
            path: "content/posts/dpw/2026/a.md",
            bytes: Array(
                "---\ntitle: A\ndepartment: dpw\nplatforms: [nextdoor, X, twitter, tiktok, x, facebook, nextdoor]\n---\nBody\n".utf8))
        #expect(post.frontMatter?.targetPlatforms == [.nextdoor, .x, .facebook])
    }

    @Test func messagesAppendThePageLink() {
        let post = Post.parse(
            path: "content/posts/dpw/2026/leaves.md",
            bytes: Array(
                """
                ---
                title: Leaves
                department: dpw
                platforms: [x, nextdoor, facebook]
                summary: Rake   leaves
                  to the curb.
                social:
                  nextdoor: Neighbors, see https://city.milwaukee.gov/dpw/leaves
                ---
                First paragraph.
                """.utf8))
        #expect(
            post.message(for: .x, config: Fixtures.config) == "Rake leaves to the curb. https://city.milwaukee.gov/news/dpw/2026/leaves/")
        #expect(post.message(for: .nextdoor, config: Fixtures.config) == "Neighbors, see https://city.milwaukee.gov/dpw/leaves")
    }
}

@Suite struct MediaKindTests {
    @Test func picturesAreKnownByNameAndByContents() {
        #expect(["a/b.png", "a/b.JPG", "x.jpeg", "x.gif", "x.webp"].allSatisfy { MediaKind.isPicture(path: $0) })
        #expect(!["a/b.svg", "a/b.html", "a.png/b", "png", "a/b.png.svg"].contains { MediaKind.isPicture(path: $0) })
        #expect(MediaKind.isPicture(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]))
        #expect(MediaKind.isPicture(bytes: [0xFF, 0xD8, 0xFF, 0xE0]))
        #expect(MediaKind.isPicture(bytes: Array("GIF89a...".utf8)))
        #expect(MediaKind.isPicture(bytes: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)))
        #expect(!MediaKind.isPicture(bytes: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)))
        #expect(!MediaKind.isPicture(bytes: Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)))
        #expect(!MediaKind.isPicture(bytes: []))
    }
}
