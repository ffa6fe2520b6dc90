extension Post {
    /// Byte ranges of the post that become message or page text: the body, and the front
    /// matter's `title`, `summary` and `social` entries (each from its key's line to the next
    /// top-level key). Routing data — `cross_department`, `media`, dates — is left out.
    public var textRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        if let front = frontMatter {
            let lines = front.keyLocations.values.map(\.line).sorted()
            for key in ["title", "summary", "social"] {
                guard let line = front.keyLocations[key]?.line else { continue }
                let next = lines.first { $0 > line }
                let start = source.lineStarts[line - 1]
                let end = next.map { source.lineStarts[$0 - 1] } ?? bodyStart
                if start < end { ranges.append(start..<end) }
            }
        }
        if bodyStart < source.bytes.count { ranges.append(bodyStart..<source.bytes.count) }
        return ranges
    }
}
