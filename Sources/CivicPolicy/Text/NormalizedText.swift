/// Text folded for matching, with a map from every normalised byte back to the
/// source UTF-8 bytes it came from.
///
/// `bytes` is UTF-8: ASCII lower-cased; other scalars through `FoldTable`
/// (compatibility mapping, full lower-casing, look-alike letters to ASCII,
/// diacritics removed); hidden characters removed; each invalid source byte
/// becomes one `NormalizedText.invalidByte`.
public struct NormalizedText: Sendable {
    /// The byte written for each invalid UTF-8 source byte.
    public static let invalidByte: UInt8 = 0x00

    /// Normalised UTF-8.
    public let bytes: [UInt8]
    /// Source byte ranges of removed hidden characters (zero-width, bidi controls, soft hyphen…), in order.
    public let hidden: [Range<Int>]
    /// Length of the source in bytes.
    public let sourceCount: Int
    /// Runs of output bytes and the source bytes they came from, ordered by both.
    let segments: [OffsetSegment]

    init(bytes: [UInt8], hidden: [Range<Int>], sourceCount: Int, segments: [OffsetSegment]) {
        self.bytes = bytes
        self.hidden = hidden
        self.sourceCount = sourceCount
        self.segments = segments
    }

    /// Maps a byte range of `bytes` to the source UTF-8 byte range it came from,
    /// widened to whole source characters (hidden characters and combining marks
    /// inside the range are included). Out-of-bounds ranges are clamped.
    public func sourceRange(of normalized: Range<Int>) -> Range<Int> {
        let count = bytes.count
        var lower = min(max(normalized.lowerBound, 0), count)
        var upper = min(max(normalized.upperBound, lower), count)
        while lower > 0, lower < count, Self.isContinuation(bytes[lower]) { lower -= 1 }
        while upper < count, upper > 0, Self.isContinuation(bytes[upper]) { upper += 1 }
        if lower == upper {
            let point = lower < count ? sourceUnit(at: lower).lowerBound : (segments.last?.sourceEnd ?? 0)
            return point..<point
        }
        return sourceUnit(at: lower).lowerBound..<sourceUnit(at: upper - 1).upperBound
    }

    /// The source bytes that produced output byte `index` (0 ≤ index < bytes.count).
    func sourceUnit(at index: Int) -> Range<Int> {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].output <= index { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        if segment.isIdentity {
            let source = segment.source + (index - segment.output)
            return source..<source + 1
        }
        return segment.source..<segment.sourceEnd
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

/// A run of output bytes starting at `output`. An identity run maps byte for
/// byte onto `source..<sourceEnd`; any other run maps every byte onto the whole
/// source range.
struct OffsetSegment: Sendable, Equatable {
    var output: Int
    var source: Int
    var sourceEnd: Int
    var isIdentity: Bool
}
