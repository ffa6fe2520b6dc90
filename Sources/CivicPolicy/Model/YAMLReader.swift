import Yams

/// A problem in a YAML document, at a location in the enclosing file.
struct YAMLProblem: Error, Equatable, Sendable {
    var location: SourceLocation
    var reason: String
}

/// A value read from YAML with where it stands.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}

/// Parses YAML text (a whole file, or front matter that starts `lineOffset` lines into its
/// file) with Yams, refusing what civicpost files never need and attackers love: anchors and
/// aliases (alias bombs), and documents over a size limit.
struct YAMLReader {
    static let maximumBytes = 1 << 20

    /// Yams' default constructor, made once: `Constructor.default` builds its three tables
    /// anew on every access. civicpost never asks it to construct a value; nodes keep it.
    /// `nonisolated(unsafe)`: a `Constructor`'s tables are `let`s, never written after `init`.
    nonisolated(unsafe) private static let constructor = Constructor.default

    let lineOffset: Int

    /// The document's root node; nil for an empty document.
    func parse(_ bytes: ArraySlice<UInt8>) throws(YAMLProblem) -> Node? {
        guard bytes.count <= Self.maximumBytes else {
            throw YAMLProblem(
                location: location(line: 1, column: 1),
                reason: "YAML is \(bytes.count) bytes; at most \(Self.maximumBytes) are read")
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw YAMLProblem(
                location: location(line: bad.line, column: bad.column),
                reason: "invalid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save the file as UTF-8")
        }
        if let alias = Self.firstAnchorOrAlias(bytes) {
            throw YAMLProblem(
                location: location(line: alias.line, column: alias.column),
                reason: "YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out, or quote it if it is text")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            // The basic resolver: civicpost reads every value as text itself, so the default
            // resolver's regular expressions (tag guessing) are never needed. The encoding is
            // named so Yams does not look it up in the environment on every parse, and the
            // constructor made once.
            return try Yams.compose(yaml: text, .basic, Self.constructor, .utf8)
        } catch let error as YamlError {
            throw problem(from: error)
        } catch {
            throw YAMLProblem(location: location(line: 1, column: 1), reason: "\(error)")
        }
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(line: line + lineOffset, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    private func problem(from error: YamlError) -> YAMLProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let during = context.map { " \($0.text)" } ?? ""
            return YAMLProblem(
                location: location(line: mark.line, column: mark.column),
                reason: "invalid YAML: \(problem)\(during)")
        case let .composer(context, problem, mark, _):
            let during = context.map { " \($0.text)" } ?? ""
            return YAMLProblem(
                location: location(line: mark.line, column: mark.column),
                reason: "invalid YAML: \(problem)\(during)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLProblem(
                location: location(line: context.mark.line, column: context.mark.column),
                reason: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")): each key may appear once")
        case let .reader(problem, offset, _, _):
            return YAMLProblem(
                location: location(line: 1, column: 1),
                reason: "unreadable YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return YAMLProblem(location: location(line: 1, column: 1), reason: "invalid YAML: \(error)")
        }
    }

    /// The first byte that is not part of valid UTF-8, with its 1-based line and column.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int, byte: UInt8)? {
        // Front matter is mostly ASCII, which is valid UTF-8.
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            var length = 1
            if lead >= 0x80 {
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return (line, column, lead)
                }
                guard index + length <= bytes.endIndex else { return (line, column, lead) }
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                    return (line, column, lead)
                }
                // Overlong three-byte forms and UTF-16 surrogates are not UTF-8 either.
                if lead == 0xE0, bytes[index + 1] < 0xA0 { return (line, column, lead) }
                if lead == 0xED, bytes[index + 1] > 0x9F { return (line, column, lead) }
                if lead == 0xF0, bytes[index + 1] < 0x90 { return (line, column, lead) }
                if lead == 0xF4, bytes[index + 1] > 0x8F { return (line, column, lead) }
            }
            if lead == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }

    /// The first `&anchor` or `*alias` token: an `&` or `*` followed by a name character,
    /// where YAML would read a node property, i.e. at the start of a line's content or right
    /// after `- `, `: `, `? `, `[`, `{` or `,`. Quoted text and comments are skipped.
    static func firstAnchorOrAlias(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int)? {
        // Only an `&` or `*` can begin one; most front matter has neither.
        let mayHold = bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.firstIndex(of: UInt8(ascii: "&"), in: buffer, from: 0) != nil
                || ByteSearch.firstIndex(of: UInt8(ascii: "*"), in: buffer, from: 0) != nil
        }
        if !mayHold { return nil }
        var line = 1, column = 1
        var atNodeStart = true  // whether the next non-space byte would begin a node
        var quote: UInt8? = nil
        var inComment = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            defer {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            if byte == 0x0A {
                inComment = false
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    // Multi-line quoted scalars continue.
                } else {
                    quote = nil
                }
                atNodeStart = quote == nil
                continue
            }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil; atNodeStart = false }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "#"):
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atNodeStart { quote = byte }
                atNodeStart = false
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if atNodeStart, index + 1 < bytes.endIndex, isNameByte(bytes[index + 1]) {
                    return (line, column)
                }
                atNodeStart = false
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                let next = index + 1 < bytes.endIndex ? bytes[index + 1] : 0x0A
                atNodeStart = next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                atNodeStart = true
            default:
                atNodeStart = false
            }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
            || byte == UInt8(ascii: "}"))
    }
}

/// A YAML mapping with the reader that knows where it stands; typed accessors that throw a
/// problem naming the key's location and what was expected.
struct YAMLMapping {
    let node: Node
    /// One key and its value. A struct, not a tuple: arrays of tuples of non-trivial values
    /// are copied through the runtime's generic tuple witnesses.
    struct Pair {
        let key: String
        let keyNode: Node
        let value: Node
    }

    let pairs: [Pair]
    /// The pairs' keys on their own: looking one up compares strings without copying pairs.
    private let keys: [String]
    let reader: YAMLReader

    init(_ node: Node, reader: YAMLReader, what: String) throws(YAMLProblem) {
        guard case let .mapping(mapping) = node else {
            throw YAMLProblem(location: reader.location(of: node), reason: "\(what) must be a mapping of keys to values")
        }
        var pairs: [Pair] = []
        var keys: [String] = []
        pairs.reserveCapacity(mapping.count)
        keys.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                throw YAMLProblem(location: reader.location(of: key), reason: "keys in \(what) must be plain text")
            }
            pairs.append(Pair(key: scalar.string, keyNode: key, value: value))
            keys.append(scalar.string)
        }
        self.node = node
        self.pairs = pairs
        self.keys = keys
        self.reader = reader
    }

    var location: SourceLocation { reader.location(of: node) }

    func value(_ key: String) -> Node? {
        keys.firstIndex(of: key).map { pairs[$0].value }
    }

    func location(ofKey key: String) -> SourceLocation {
        keys.firstIndex(of: key).map { reader.location(of: pairs[$0].keyNode) } ?? location
    }

    /// Keys not in `known`, with their locations.
    func unknownKeys(_ known: Set<String>) -> [Located<String>] {
        var unknown: [Located<String>] = []
        for (index, key) in keys.enumerated() where !known.contains(key) {
            unknown.append(Located(key, at: reader.location(of: pairs[index].keyNode)))
        }
        return unknown
    }

    func required(_ key: String, in what: String) throws(YAMLProblem) -> Node {
        guard let value = value(key) else {
            throw YAMLProblem(location: location, reason: "\(what) is missing required key '\(key)'")
        }
        return value
    }

    func string(_ key: String, required: Bool = false, in what: String) throws(YAMLProblem) -> Located<String>? {
        guard let node = value(key) else {
            if required { throw YAMLProblem(location: location, reason: "\(what) is missing required key '\(key)'") }
            return nil
        }
        return try scalarString(node, key: key)
    }

    func scalarString(_ node: Node, key: String) throws(YAMLProblem) -> Located<String> {
        guard case let .scalar(scalar) = node else {
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' must be text, not a \(node.kindName)")
        }
        if scalar.style == .plain, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' is empty; write a value")
        }
        return Located(scalar.string, at: reader.location(of: node))
    }

    func stringList(_ key: String, in what: String) throws(YAMLProblem) -> [Located<String>]? {
        guard let node = value(key) else { return nil }
        if case .scalar = node {
            return [try scalarString(node, key: key)]
        }
        guard case let .sequence(sequence) = node else {
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' must be a list, like [a, b]")
        }
        var out: [Located<String>] = []
        for item in sequence {
            out.append(try scalarString(item, key: key))
        }
        return out
    }

    func mapping(_ key: String, in what: String) throws(YAMLProblem) -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        return try YAMLMapping(node, reader: reader, what: "'\(key)'")
    }

    func sequence(_ key: String) throws(YAMLProblem) -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' must be a list")
        }
        return Array(sequence)
    }

    func day(_ key: String, in what: String) throws(YAMLProblem) -> Located<Day>? {
        guard let text = try string(key, in: what) else { return nil }
        guard let day = Day(text.value) else {
            throw YAMLProblem(location: text.location, reason: "'\(key)' must be a date like 2027-06-30, not '\(text.value)'")
        }
        return Located(day, at: text.location)
    }

    func bool(_ key: String) throws(YAMLProblem) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' must be true or false")
        }
    }

    func integer(_ key: String) throws(YAMLProblem) -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            throw YAMLProblem(location: reader.location(of: node), reason: "'\(key)' must be a whole number")
        }
        return value
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "text value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
