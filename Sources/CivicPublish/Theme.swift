import Foundation
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
        var references: [String: [PartialReference]] = [:]
        var origins: [String: String] = [:]
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
            if let change = PartialReference.delimiterChange(in: bytes) {
                throw TemplateError(
                    path: origin, line: change.line, column: change.column,
                    reason: "changing delimiters ({{=…=}}) is not supported: civicpost must see every partial a template includes")
            }
            references[name] = PartialReference.all(in: bytes)
            origins[name] = origin
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
        try Self.refuseCycles(references, origins: origins)
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw TemplateError(path: "templates/\(name).mustache", line: 1, column: 1, reason: "the theme has no '\(name)' template")
        }
        self.library = library
        self.assets = assets
    }

    /// Throws when a template includes itself, directly or through others: swift-mustache
    /// would render it until the stack ran out (the theme's data always holds the names a
    /// section looks up, through the enclosing contexts, so no such cycle ends).
    private static func refuseCycles(_ references: [String: [PartialReference]], origins: [String: String]) throws(TemplateError) {
        var finished: Set<String> = []
        for start in references.keys.sorted() where !finished.contains(start) {
            // Depth-first, with the path of references that led to each template.
            var path: [(name: String, reference: PartialReference?)] = [(start, nil)]
            var next: [Int] = [0]
            while let depth = next.indices.last {
                let name = path[depth].name
                let outgoing = references[name] ?? []
                guard next[depth] < outgoing.count else {
                    finished.insert(name)
                    path.removeLast()
                    next.removeLast()
                    continue
                }
                let reference = outgoing[next[depth]]
                next[depth] += 1
                if let loop = path.firstIndex(where: { $0.name == reference.name }) {
                    let names = path[loop...].map(\.name) + [reference.name]
                    throw TemplateError(
                        path: origins[name] ?? "templates/\(name).mustache", line: reference.line, column: reference.column,
                        reason: "'\(reference.name)' includes itself: \(names.joined(separator: " → "))")
                }
                if finished.contains(reference.name) || references[reference.name] == nil { continue }
                path.append((reference.name, reference))
                next.append(0)
            }
        }
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

/// A partial or parent tag (`{{> name}}`, `{{< name}}`) in a template, with its 1-based line
/// and column (Unicode scalars). Templates keep Mustache's default delimiters (a change of
/// them is refused: ``delimiterChange(in:)``), so every tag is found.
struct PartialReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    static func all(in bytes: [UInt8]) -> [PartialReference] {
        tags(in: bytes).compactMap { tag in
            guard tag.text.hasPrefix(">") || tag.text.hasPrefix("<") else { return nil }
            return PartialReference(name: tag.text.dropFirst().trimmingCharacters(in: .whitespaces), line: tag.line, column: tag.column)
        }
    }

    /// Where the template first changes its delimiters (`{{=<% %>=}}`), if it does.
    static func delimiterChange(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        tags(in: bytes).first { $0.text.hasPrefix("=") }.map { ($0.line, $0.column) }
    }

    /// Every `{{…}}` tag's text, trimmed, with its line and column.
    private static func tags(in bytes: [UInt8]) -> [(text: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        let open = Array("{{".utf8), close = Array("}}".utf8)
        var index = 0, line = 1, lineStart = 0
        func starts(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard starts(open, at: index) else {
                index += 1
                continue
            }
            let tagStart = index
            var closing = index + open.count
            while closing + close.count <= bytes.count, !starts(close, at: closing) { closing += 1 }
            guard closing + close.count <= bytes.count else { break }
            let text = String(decoding: bytes[(tagStart + open.count)..<closing], as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            let column = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self).unicodeScalars.count + 1
            found.append((text, line, column))
            // Line breaks inside the tag still count.
            for position in tagStart..<closing where bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            index = closing + close.count
        }
        return found
    }
}
