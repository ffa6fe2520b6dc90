import CivicMarkdown
import Foundation
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func linksCarryTheirDestinationsRange() throws {
        let text = "Café ☕ see [the page](https://city.milwaukee.gov/x \"t\") and https://mpl.org/a now.\n\n![Map](media/a.png)\n"
        let document = MarkdownDocument.parse(Array(text.utf8))
        let bytes = Array(text.utf8)
        #expect(document.links.map(\.kind) == [.link, .autolink, .image])
        for link in document.links {
            #expect(String(decoding: bytes[link.range], as: UTF8.self) == link.destination)
        }
        #expect(document.links[2].text == "Map")
    }

    @Test func autolinksAfterALineBreakAreFoundWhereTheyAreWritten() {
        // cmark-gfm gives a `<…>` autolink after a soft break a position past its line.
        let body = "See https://city.milwaukee.gov/a for details.\nSee <https://example.com/> now [here](https://b.example/x).\nMore.\n"
        let bytes = Array(body.utf8)
        let links = MarkdownDocument.parse(bytes).links
        #expect(
            links.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [
                "https://city.milwaukee.gov/a", "https://example.com/", "https://b.example/x",
            ])
        #expect(links.map(\.kind) == [.autolink, .autolink, .link])
    }

    @Test func aLinksRangeNeverCoversItsTextWhenTheDestinationIsWrittenEncoded() {
        let body = "Read [fuck you](&#104;ttps://city.milwaukee.gov/dpw) and [ok][ref].\n\n[ref]: https://city.milwaukee.gov/x\n"
        let bytes = Array(body.utf8)
        let ranges = MarkdownDocument.parse(bytes).links.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(ranges == ["(&#104;ttps://city.milwaukee.gov/dpw)", "[ref]"])
    }

    @Test func rawHTMLAndScriptLinksNeverReachTheHTML() {
        let html = MarkdownDocument.html(
            Array(
                """
                Hello <script>alert(1)</script> <b onclick="x()">bold</b>
                [click](javascript:alert(1)) [data](data:text/html,<script>x</script>)

                <iframe src="https://evil.example"></iframe>

                | a | b |
                |---|---|
                | 1 | ~~old~~ |
                """.utf8))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
    }

    @Test func paragraphsAndTitle() {
        let document = MarkdownDocument.parse(Array("# Title *here*\n\nFirst **bold**\nline.\n\n- item\n".utf8))
        #expect(document.title == "Title here")
        #expect(document.firstParagraph == "First bold line.")
        #expect(document.paragraphs.map(\.kind) == [.heading, .paragraph, .paragraph])
    }

    @Test func firstParagraphScopeKeepsTheFirstParagraphAndTheTitle() {
        let text = Array("## Intro\n\n# Title *here*\n\nFirst **bold**\nline.\n\nSecond.\n\n| a |\n|---|\n| c |\n".utf8)
        let all = MarkdownDocument.parse(text)
        let first = MarkdownDocument.parse(text, paragraphs: .first)
        #expect(all.paragraphs.count == 6)
        #expect(first.paragraphs == all.paragraphs.filter { $0.kind == .paragraph }.prefix(1).map { $0 })
        #expect(first.firstParagraph == "First bold line.")
        #expect(first.title == "Title here")
        #expect(first.links == all.links)
    }

    /// Parses without HTML allocate from an arena; they must find what the system allocator's
    /// parses (with HTML) find, on any bytes and any thread.
    @Test func arenaParsesMatchSystemAllocatorParses() {
        var inputs: [[UInt8]] = [
            Array(
                """
                # T

                See https://city.milwaukee.gov/x, [a](https://a.org "t") and ![i](m.png).

                | a | b |
                |---|---|
                | ~~x~~ www.a.org | [r] |

                [r]: https://x.org/~a

                """.utf8)
        ]
        var state: UInt32 = 11
        for length in [10, 1_000, 300_000] {
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 1_103_515_245 &+ 12_345
                bytes.append(UInt8(truncatingIfNeeded: state >> 16))
            }
            inputs.append(bytes)
        }
        inputs.append(Array(String(repeating: "Para with www.x.org and *em* text.\n\n", count: 5_000).utf8))
        let texts = inputs
        let expected = texts.map { MarkdownDocument.parse($0, renderHTML: true) }
        let results = MarkdownConcurrencyTests.Results(count: 20)
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let document = MarkdownDocument.parse(texts[index % texts.count])
            results.set(index, "\(document.links)|\(document.paragraphs)|\(document.title ?? "-")")
        }
        for (index, value) in results.all.enumerated() {
            let want = expected[index % texts.count]
            #expect(value == "\(want.links)|\(want.paragraphs)|\(want.title ?? "-")")
        }
    }

    @Test func anyBytesParse() {
        var bytes: [UInt8] = []
        var state: UInt32 = 7
        for _ in 0..<20_000 {
            state = state &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        let document = MarkdownDocument.parse(bytes, renderHTML: true)
        for link in document.links {
            #expect(link.range.lowerBound >= 0 && link.range.upperBound <= bytes.count)
        }
        #expect(document.html != nil)
    }
}

@Suite struct MarkdownEncodingTests {
    /// A NUL byte becomes U+FFFD in ASCII text (which the parse does not validate as UTF-8)
    /// as in other text, and so does malformed UTF-8.
    @Test func nulAndMalformedBytesBecomeReplacementCharacters() {
        let ascii = MarkdownDocument.parse(Array("a\u{0}b see www.mpl.org\n".utf8), renderHTML: true)
        #expect(ascii.html == "<p>a\u{FFFD}b see <a href=\"http://www.mpl.org\">www.mpl.org</a></p>\n")
        let mixed = MarkdownDocument.parse(Array("é\u{0}b\n".utf8) + [0xFF, 0x0A], renderHTML: true)
        #expect(mixed.html == "<p>é\u{FFFD}b\n\u{FFFD}</p>\n")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps extension trigger characters in a global table; parses on many threads
    /// at once must still all see strikethrough and autolinks (in table cells too, which the
    /// table extension splits while the text is fed).
    @Test func parallelParsesAgree() {
        let text = Array(
            """
            Old ~~price~~ new, see https://city.milwaukee.gov/x and www.mpl.org today.

            | a | b |
            |---|---|
            | ~~x~~ www.a.org | [r] *e* |

            [r]: https://x.org/~a "t"

            """.utf8)
        let expected = MarkdownDocument.parse(text, renderHTML: true).html
        let results = Results(count: 2000)
        DispatchQueue.concurrentPerform(iterations: 2000) { index in
            results.set(index, MarkdownDocument.parse(text, renderHTML: true).html)
        }
        #expect(expected?.contains("<del>price</del>") == true)
        #expect(expected?.contains("<td><del>x</del> <a href=\"http://www.a.org\">") == true)
        #expect(results.all.allSatisfy { $0 == expected })
    }

    /// The work a parse does while it waits for another thread's inline pass runs exactly once
    /// per parse, whether the parse waited or not.
    @Test func meanwhileRunsOncePerParse() {
        let text = Array("Some ~~text~~ with www.mpl.org and a [link](https://x.org).\n".utf8)
        let results = Results(count: 2000)
        DispatchQueue.concurrentPerform(iterations: 2000) { index in
            var calls = 0
            let document = MarkdownDocument.parse(text, paragraphs: .first) { calls += 1 }
            results.set(index, "\(calls) \(document.links.count)")
        }
        #expect(results.all.allSatisfy { $0 == "1 2" })
    }

    /// `@unchecked Sendable`: each index is written once, under the lock.
    final class Results: @unchecked Sendable {
        private var values: [String?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = value } }
        var all: [String?] { lock.withLock { values } }
    }
}
