/// Accumulates normalised bytes, the offset map and hidden ranges.
struct NormalizedTextBuilder {
    var bytes: [UInt8] = []
    var segments: [OffsetSegment] = []
    var hidden: [Range<Int>] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Copies `run` unchanged (it is lower-cased in `finish`), byte for byte from `source`.
    mutating func appendIdentity(_ run: UnsafeBufferPointer<UInt8>, source: Int) {
        extendIdentity(source: source, count: run.count)
        bytes.append(contentsOf: run)
    }

    /// Writes the placeholder for one invalid source byte.
    mutating func appendInvalid(source: Int) {
        extendIdentity(source: source, count: 1)
        bytes.append(NormalizedText.invalidByte)
    }

    /// Writes the folded form of one source character.
    mutating func appendFolded(_ folded: ArraySlice<UInt8>, source: Range<Int>) {
        segments.append(OffsetSegment(output: bytes.count, source: source.lowerBound, sourceEnd: source.upperBound, isIdentity: false))
        bytes.append(contentsOf: folded)
    }

    /// Drops a character (a combining mark…), widening the previous output
    /// character's source range to end at `sourceEnd`.
    mutating func attachToPrevious(sourceEnd: Int) {
        guard let last = segments.indices.last else { return }
        if !segments[last].isIdentity {
            segments[last].sourceEnd = sourceEnd
            return
        }
        // Split the last character off the identity run and make it a unit.
        var start = bytes.count - 1
        while start > segments[last].output, NormalizedText.isContinuation(bytes[start]) { start -= 1 }
        let characterLength = bytes.count - start
        if start == segments[last].output {
            segments[last].isIdentity = false
            segments[last].sourceEnd = sourceEnd
        } else {
            segments[last].sourceEnd -= characterLength
            let source = segments[last].sourceEnd
            segments.append(OffsetSegment(output: start, source: source, sourceEnd: sourceEnd, isIdentity: false))
        }
    }

    private mutating func extendIdentity(source: Int, count: Int) {
        if let last = segments.indices.last, segments[last].isIdentity, segments[last].sourceEnd == source {
            segments[last].sourceEnd += count
        } else {
            segments.append(OffsetSegment(output: bytes.count, source: source, sourceEnd: source + count, isIdentity: true))
        }
    }

    /// Lower-cases ASCII (folded output is already lower case) and returns the result.
    consuming func finish(sourceCount: Int) -> NormalizedText {
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                buffer[index] = byte &+ (byte &- 0x41 < 26 ? 0x20 : 0)
            }
        }
        return NormalizedText(bytes: bytes, hidden: hidden, sourceCount: sourceCount, segments: segments)
    }
}
