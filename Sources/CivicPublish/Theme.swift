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
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    path: origin, line: error.context.lineNumber, column: error.context.columnNumber,
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

    /// Renders a template with a context built of dictionaries, arrays, strings and booleans.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
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
