import Mustache

/// The site's Mustache templates and static assets: the built-in theme, overridden file by
/// file by the content repository's `templates/`.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Static files copied to the site as they are, by path relative to `templates/`.
    public let assets: [String: [UInt8]]

    /// The templates every theme has.
    public static let requiredTemplates = ["post", "list", "head", "header", "footer"]

    /// Builds a theme from files keyed by their path inside `templates/`; `.mustache` files
    /// are templates, the rest assets. Throws a ``TemplateError`` naming file:line:col.
    public init(builtIn: [String: [UInt8]], overrides: [String: [UInt8]] = [:]) throws(TemplateError) {
        HTMLEscaping.register()
        let files = builtIn.merging(overrides) { _, override in override }
        var library = MustacheLibrary()
        var assets: [String: [UInt8]] = [:]
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            guard path.hasSuffix(".mustache") else {
                assets[path] = bytes
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            let origin = overrides[path] != nil ? "templates/\(path)" : "templates/\(path) (built-in)"
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TemplateError(path: origin, line: 1, column: 1, reason: "not valid UTF-8")
            }
            do {
                // Every template, partials too (a partial starts over with swift-mustache's own
                // escaping), begins with a line of its own naming ``HTMLEscaping``: a standalone
                // tag, so the line leaves no trace in the output, and the template's own lines
                // keep their numbers, less one.
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    path: origin, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    reason: "\(error.error)")
            } catch {
                throw TemplateError(path: origin, line: 1, column: 1, reason: "\(error)")
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw TemplateError(path: "templates/\(name).mustache", line: 1, column: 1, reason: "the theme has no '\(name)' template")
        }
        self.library = library
        self.assets = assets
    }

    /// Renders a template with a context built of dictionaries, arrays, strings and booleans,
    /// escaping each value with ``HTMLEscaping``.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// HTML escaping of template values, one Unicode scalar at a time: `&`, `<`, `>`, `"` and `'`
/// become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, as swift-mustache writes them.
///
/// swift-mustache's own escaping compares whole characters (grapheme clusters): a quote
/// followed by a combining mark (`"` U+0301) is one character, not `"`, and went through
/// as it was. In an attribute (`content="{{page.title}}"`) that quote ends the value, and a
/// post's title could add attributes of its own. Registered under swift-mustache's name
/// `HTML`, so a city template's `{{% CONTENT_TYPE: HTML }}` gets it too, and named by the
/// pragma every template starts with (``pragma``).
struct HTMLEscaping: MustacheContentType {
    static let name = "HTML"
    /// The first line of every template as parsed.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    /// Registers the escaping (once per process); call before parsing templates.
    static func register() {
        _ = registered
    }

    func escapeText(_ text: String) -> String {
        // Most values need nothing: one pass over the bytes says so. The five are ASCII, and
        // UTF-8 never uses an ASCII byte inside another scalar.
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A template that cannot be used, and where.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "\(path):\(line):\(column): error: \(reason)" }
}
