/// Text with `↓` markers where findings are expected, as in rule examples.
public struct MarkedText: Sendable {
    /// The text without markers.
    public var text: String
    /// The 1-based line and Unicode-scalar column of each marker, in order.
    public var markers: [(line: Int, column: Int)]

    /// Removes every `↓` and records where it stood.
    public init(_ marked: String) {
        var text = ""
        var markers: [(Int, Int)] = []
        var line = 1, column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                markers.append((line, column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.text = text
        self.markers = markers
    }
}
