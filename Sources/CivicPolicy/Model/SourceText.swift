/// The bytes of one input file with its line table: converts byte offsets to the
/// 1-based line and Unicode-scalar column that every finding reports.
public struct SourceText: Sendable {
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; line 1 starts at 0.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var from = 0
            while let newline = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: from) {
                starts.append(newline + 1)
                from = newline + 1
            }
        }
        lineStarts = starts
    }

    public init(_ string: String) {
        self.init(Array(string.utf8))
    }

    /// The 1-based line holding the byte at `offset` (an offset at the end maps to the last line).
    public func line(ofByte offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The location of the byte at `offset`: column counts Unicode scalars from the line's start,
    /// each byte of an invalid sequence counting as one.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(ofByte: clamped)
        var column = 1
        var index = lineStarts[line - 1]
        while index < clamped {
            index += Self.scalarLength(bytes, at: index)
            column += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The byte offset of `location` (clamped to its line), the inverse of ``location(ofByte:)``.
    public func offset(of location: SourceLocation) -> Int {
        guard location.line >= 1, location.line <= lineStarts.count else { return bytes.count }
        let end = location.line < lineStarts.count ? lineStarts[location.line] : bytes.count
        var index = lineStarts[location.line - 1]
        var column = 1
        while column < location.column, index < end {
            index += Self.scalarLength(bytes, at: index)
            column += 1
        }
        return min(index, end)
    }

    /// The end of the line holding the byte at `offset`, before its line break.
    public func lineEnd(ofByte offset: Int) -> Int {
        let line = line(ofByte: offset)
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > lineStarts[line - 1], end - 1 < bytes.count, bytes[end - 1] == 0x0D { end -= 1 }
        return max(end, min(offset, bytes.count))
    }

    /// The span of a byte range; an empty range spans one column.
    public func span(of range: Range<Int>) -> SourceSpan {
        let start = location(ofByte: range.lowerBound)
        let end =
            range.isEmpty
            ? SourceLocation(line: start.line, column: start.column + 1)
            : location(ofByte: range.upperBound)
        return SourceSpan(start: start, end: end)
    }

    /// The text of the 1-based `line`, without its line break.
    public func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The bytes of a range as text (invalid UTF-8 replaced).
    public func text(of range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// The length of the UTF-8 sequence starting at `index`: 1 for ASCII and for any invalid byte.
    static func scalarLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 1
        }
        guard index + length <= bytes.count else { return 1 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 1 }
        return length
    }
}

/// A 1-based line and column; the column counts Unicode scalars, not bytes or graphemes.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A half-open span: `end` is the location just past the last scalar.
public struct SourceSpan: Hashable, Sendable, Codable {
    /// Where it starts.
    public var start: SourceLocation
    /// Just past where it ends.
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}
