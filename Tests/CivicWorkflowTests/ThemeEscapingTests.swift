import Mustache
import Testing

@testable import CivicPublish

/// Template values are hostile input: every quote, angle bracket and ampersand in them is
/// escaped, also when a combining mark follows it (one grapheme cluster, not `"`).
@Suite struct ThemeEscapingTests {
    let title = "Road \"\u{301} onmouseover=alert(1) x='\u{301}' <\u{338}script> & more"
    let escaped = "Road &quot;\u{301} onmouseover=alert(1) x=&#39;\u{301}&#39; &lt;\u{338}script&gt; &amp; more"

    func theme(footer: String = "<p title='{{title}}'></p>") throws -> Theme {
        try Theme(builtIn: [
            "post.mustache": Array(#"<meta content="{{title}}"><h1>{{title}}</h1>{{> footer}}"#.utf8),
            "list.mustache": Array("{{{title}}}".utf8),
            "head.mustache": [], "header.mustache": [],
            "footer.mustache": Array(footer.utf8),
        ])
    }

    @Test func quotesFollowedByCombiningMarksAreEscapedInPagesAndPartials() throws {
        let page = try theme().render("post", ["title": title])
        let expected = #"<meta content="\#(escaped)"><h1>\#(escaped)</h1><p title='\#(escaped)'></p>"#
        // Bytes, not strings: String equality would compare grapheme clusters.
        #expect(Array(page.utf8) == Array(expected.utf8))
        // Triple braces stay unescaped, as the templates ask.
        #expect(Array(try theme().render("list", ["title": title]).utf8) == Array(title.utf8))
    }

    @Test func aTemplateNamingTheHTMLContentTypeGetsTheSameEscaping() throws {
        let page = try theme(footer: "{{% CONTENT_TYPE: HTML }}<p>{{title}}</p>").render("post", ["title": "\"\u{301}"])
        let expected = Array("<p>&quot;\u{301}</p>".utf8)
        #expect(Array(page.utf8.suffix(expected.count)) == expected)
    }

    /// The line every template is parsed after leaves no trace: standalone tags, comments
    /// and line endings on the city's first lines work as swift-mustache reads them.
    /// (Delimiter changes are refused: aTemplateThatIncludesItselfIsAnErrorNotACrash.)
    @Test func templatesRenderAsSwiftMustacheRendersThem() throws {
        let templates = [
            "{{#a}}\nx {{v}}\n{{/a}}\n", "{{! a comment }}\nline\n", "  {{#a}}\n  y\n  {{/a}}\nafter\n",
            "text {{v}}\r\nmore\r\n", "{{^missing}}\nshown\n{{/missing}}", "",
        ]
        let context: [String: Any] = ["a": true, "v": "value & <more>"]
        for template in templates {
            let theme = try Theme(builtIn: [
                "post.mustache": Array(template.utf8), "list.mustache": [], "head.mustache": [], "header.mustache": [],
                "footer.mustache": [],
            ])
            let theirs = try MustacheTemplate(string: template).render(context)
            #expect(Array(theme.render("post", context).utf8) == Array(theirs.utf8), "\(template)")
        }
    }

    /// Text without combining marks comes out as swift-mustache's own escaping writes it, so
    /// pages built before are still current.
    @Test func plainTextIsEscapedAsSwiftMustacheEscapesIt() throws {
        let samples = [
            "Fish & Chips <b>\"quoted\"</b> 'single'", "no specials at all", "", "&&<<>>\"\"''", "Straße — “quotes” 🎉 &",
            "a\u{301}<é>",
        ]
        let plain = try MustacheTemplate(string: "{{value}}")
        for sample in samples {
            let theirs = plain.render(["value": sample])
            #expect(Array(HTMLEscaping().escapeText(sample).utf8) == Array(theirs.utf8), "\(sample)")
        }
    }
}

/// A template that does not parse is named with the line and column of the problem, counted in
/// the file as the city wrote it.
@Suite struct ThemeErrorTests {
    func error(in post: String) -> TemplateError? {
        let files: [String: [UInt8]] = ["list.mustache": [], "head.mustache": [], "header.mustache": [], "footer.mustache": []]
        do {
            _ = try Theme(builtIn: files, overrides: ["post.mustache": Array(post.utf8)])
            return nil
        } catch {
            return error
        }
    }

    @Test func aTemplateThatIncludesItselfIsAnErrorNotACrash() {
        // Directly, through another partial, and after the delimiters change.
        #expect(
            error(in: "<main>\n  {{> post}}</main>")
                == TemplateError(path: "templates/post.mustache", line: 2, column: 3, reason: "'post' includes itself: post → post"))
        let files: [String: [UInt8]] = ["list.mustache": [], "head.mustache": [], "post.mustache": Array("{{>header}}".utf8)]
        let overrides: [String: [UInt8]] = [
            "header.mustache": Array("<header>{{> footer}}</header>".utf8),
            "footer.mustache": Array("é {{< header}}{{/header}}".utf8),
        ]
        #expect(
            throws: TemplateError(
                path: "templates/header.mustache", line: 1, column: 9, reason: "'footer' includes itself: footer → header → footer")
        ) {
            try Theme(builtIn: files, overrides: overrides)
        }
        // Delimiters cannot change, so no tag hides from the check (the second round of review
        // hid a self-include in a section that changed them, and behind a tab).
        for hidden in ["{{#site}}{{=<% %>=}}<%/site%>{{> footer}}", "{{=<%\t%>=}}<%> footer %>"] {
            #expect(
                error(in: "ok\n" + hidden)
                    == TemplateError(
                        path: "templates/post.mustache", line: 2, column: hidden.hasPrefix("{{#") ? 10 : 1,
                        reason: "changing delimiters ({{=…=}}) is not supported: civicpost must see every partial a template includes"))
        }
        // Partials that do not loop are fine, however often they are used.
        #expect(error(in: "{{> head}}{{> header}}{{> header}}{{#posts}}{{> footer}}{{/posts}}") == nil)
    }

    /// (The column is that of the closing tag's name, the part in error.)
    @Test func errorsNameTheLineAndColumnInTheFile() {
        #expect(
            error(in: "<h1>{{title}}</h1>\n<p>{{#a}}x{{/b}}</p>\n")
                == TemplateError(
                    path: "templates/post.mustache", line: 2, column: 14, reason: "sectionCloseNameIncorrect"))
        #expect(
            error(in: "{{#a}}x{{/b}}")
                == TemplateError(
                    path: "templates/post.mustache", line: 1, column: 11, reason: "sectionCloseNameIncorrect"))
        #expect(
            error(in: "ok\n\n{{% CONTENT_TYPE: NOPE }}")
                == TemplateError(
                    path: "templates/post.mustache", line: 3, column: 26, reason: "unrecognisedConfigVariable"))
    }
}
