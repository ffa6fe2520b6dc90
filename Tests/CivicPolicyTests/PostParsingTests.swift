import CivicPolicy
import CivicTestSupport
import Foundation
import Testing

@Suite struct PostParsingTests {
    func problems(_ text: String) -> [String] {
        Post.parse(path: Fixtures.examplePath, bytes: Array(text.utf8)).problems.map { "\($0.location): \($0.message)" }
    }

    @Test func validPostParsesEveryField() throws {
        let post = Post.parse(
            path: Fixtures.examplePath,
            bytes: Array(
                """
                ---
                title: Leaf collection starts October 14
                department: dpw
                platforms: [x, facebook]
                summary: Rake leaves to the curb.
                social:
                  x: Leaves! 🍂
                publish_at: 2026-10-10T09:00:00-05:00
                review_by: 2026-12-01
                media:
                  - file: media/dpw/map.png
                    alt: Map of zones
                    rights: licensed
                    credit: "© Example Maps"
                cross_department:
                  department: library
                  approved_by: hannah.kowalczyk@milwaukee.gov
                  reference: email 2026-10-02
                ---
                Leaf collection begins **October 14**. Details: https://city.milwaukee.gov/dpw/leaves

                """.utf8))
        #expect(post.problems.isEmpty)
        let front = try #require(post.frontMatter)
        #expect(front.title.value == "Leaf collection starts October 14")
        #expect(front.department == Located("dpw", at: SourceLocation(line: 3, column: 13)))
        #expect(front.targetPlatforms == [.x, .facebook])
        #expect(front.socialText(for: .x)?.value == "Leaves! 🍂")
        #expect(front.publishAt?.value.description == "2026-10-10T14:00:00Z")
        #expect(front.reviewBy?.value == Day(year: 2026, month: 12, day: 1))
        #expect(front.media.first?.credit?.value == "© Example Maps")
        #expect(front.crossDepartment?.approvedBy.value == "hannah.kowalczyk@milwaukee.gov")
        #expect(post.body.firstParagraph == "Leaf collection begins October 14. Details: https://city.milwaukee.gov/dpw/leaves")
        #expect(post.links.map(\.url) == ["https://city.milwaukee.gov/dpw/leaves"])
        let link = try #require(post.links.first)
        #expect(post.source.location(ofByte: link.range.lowerBound) == SourceLocation(line: 20, column: 49))
    }

    @Test func missingFrontMatter() {
        #expect(
            problems("Just a body.\n") == [
                "1:1: missing front matter: a post starts with a '---' line, its YAML keys (title, department, platforms), and another '---' line"
            ])
    }

    @Test func unterminatedFrontMatter() {
        #expect(
            problems("---\ntitle: x\ndepartment: dpw\n") == ["1:1: unterminated front matter: the opening '---' has no closing '---' line"])
    }

    @Test func tabIndentationIsAnErrorAtItsLine() throws {
        let found = problems("---\ntitle: x\ndepartment: dpw\nplatforms:\n\t- x\n---\nBody\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("5:") == true, "\(found)")
    }

    @Test func duplicateKeyNamesTheKey() {
        let found = problems("---\ntitle: a\ntitle: b\ndepartment: dpw\nplatforms: [x]\n---\n")
        #expect(found == ["2:1: duplicate key 'title': each key may appear once"])
    }

    @Test func wrongTypesSayWhatIsExpected() {
        let found = problems("---\ntitle: [a, b]\ndepartment: dpw\nplatforms: {x: 1}\nreview_by: soon\n---\n")
        #expect(found.contains("2:8: 'title' must be text, not a list"))
        #expect(found.contains("4:12: 'platforms' must be a list, like [a, b]"))
        #expect(found.contains("5:12: 'review_by' must be a date like 2027-06-30, not 'soon'"))
    }

    @Test func invalidUTF8IsReportedWhereItStands() {
        var bytes = Array("---\ntitle: caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\ndepartment: dpw\nplatforms: [x]\n---\nBody\n".utf8)
        let post = Post.parse(path: Fixtures.examplePath, bytes: bytes)
        #expect(post.problems.map { "\($0.location)" } == ["2:11"])
        #expect(post.problems.first?.message.hasPrefix("invalid UTF-8") == true)
    }

    @Test func aliasBombIsRefusedBeforeExpansion() {
        var yaml =
            "---\ntitle: x\ndepartment: dpw\nplatforms: [x]\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "? *i\n: boom\n---\nBody\n"
        let clock = ContinuousClock()
        var found: [String] = []
        let elapsed = clock.measure { found = problems(yaml) }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("5:4: YAML anchors and aliases") == true, "\(found)")
        #expect(elapsed < .seconds(1))
    }

    @Test func anAsteriskInsideTextIsNotAnAlias() {
        #expect(
            problems("---\ntitle: Leaves *and* branches & more\ndepartment: dpw\nplatforms: [x]\nsummary: \"*starred*\"\n---\nBody\n")
                .isEmpty)
    }

    /// (Its body is far over the limit, so cmark-gfm never sees it; the rest is linear.)
    @Test func fiftyMegabytePostParsesInLinearTime() {
        let line = "Leaf collection continues on the east side this week, weather permitting.\n"
        var text = Fixtures.exampleFrontMatter
        text.reserveCapacity(50_000_000)
        while text.utf8.count < 50_000_000 { text += line }
        let clock = ContinuousClock()
        var post: Post?
        let elapsed = clock.measure { post = Post.parse(path: Fixtures.examplePath, bytes: Array(text.utf8)) }
        #expect(post?.problems.map(\.message).allSatisfy { $0.hasPrefix("the body is ") } == true)
        #expect(post?.problems.count == 1)
        #expect(post?.source.lineStarts.count ?? 0 > 600_000)
        #expect(elapsed < .seconds(20))
    }

    @Test func crlfLineEndingsWork() throws {
        let post = Post.parse(
            path: Fixtures.examplePath, bytes: Array("---\r\ntitle: x\r\ndepartment: dpw\r\nplatforms: [x]\r\n---\r\nBody\r\n".utf8))
        #expect(post.problems.isEmpty)
        #expect(post.frontMatter?.title.value == "x")
    }

    @Test func unknownKeysAreWarnings() {
        let post = Post.parse(
            path: Fixtures.examplePath, bytes: Array("---\ntitle: x\ndepartment: dpw\nplatforms: [x]\ncolour: red\n---\n".utf8))
        #expect(post.problems.map(\.severity) == [.warning])
        #expect(post.problems.first?.location == SourceLocation(line: 5, column: 1))
    }
}

@Suite struct PostSizeTests {
    @Test func aBodyOverTheLimitIsAnErrorAndIsNotParsed() {
        // A run of `www.` autolinks: cmark-gfm needs tens of seconds for 300 KB of it.
        let body = String(repeating: "www.aaaaaaaaaa_", count: 20_000)
        let post = Post.parse(path: Fixtures.examplePath, bytes: Array((Fixtures.exampleFrontMatter + body + "\n").utf8))
        #expect(post.body.links.isEmpty)
        #expect(
            post.problems.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "6:1 the body is 300001 bytes of Markdown; a post's body may be at most 65536 (split it, or link to a page)"
            ])
        #expect(
            engineFindings(Fixtures.exampleFrontMatter + body + "\n").contains { $0.rule == "post.front-matter" && $0.severity == .error })
    }
}

@Suite struct BodyEncodingTests {
    @Test func invalidUTF8InTheBodyIsAnErrorAtItsPlace() {
        let bytes = Array((Fixtures.exampleFrontMatter + "Good é line.\nsh").utf8) + [0xFF] + Array("it.\n".utf8)
        let post = Post.parse(path: Fixtures.examplePath, bytes: bytes)
        #expect(
            post.problems.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "7:3 invalid UTF-8 (byte 0xFF); save the file as UTF-8"
            ])
    }
}

@Suite struct ByteOrderMarkTests {
    @Test func aPostStartingWithAByteOrderMarkParsesAndIsClean() {
        let text = "\u{FEFF}" + Fixtures.exampleFrontMatter + "Leaf pickup starts Monday: https://city.milwaukee.gov/dpw\n"
        let post = Post.parse(path: Fixtures.examplePath, bytes: Array(text.utf8))
        #expect(post.problems.isEmpty, "\(post.problems)")
        #expect(post.frontMatter?.title.value == "Example")
        #expect(PolicyEngine().check(post, in: Fixtures.context()).map { "\($0.line):\($0.column) \($0.rule)" } == [])
    }
}
