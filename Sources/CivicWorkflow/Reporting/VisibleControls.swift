extension String {
    /// The text with the control characters a terminal acts on (escape sequences, bells,
    /// backspaces, C1 controls) shown as Unicode's control pictures instead: `␛` for ESC, `␡`
    /// for DEL, `�` for a C1 control. Findings quote posts, and a post must not be able to
    /// colour, hide or rewrite what the terminal showing them displays. Tabs and line breaks
    /// stay (a carriage return only before a line feed: alone, it sends the cursor back over
    /// the line, `␍`); each control is replaced by one scalar, so columns still line up.
    var withVisibleControls: String {
        let needsWork = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.indices.contains { index in
                let byte = bytes[index]
                // A carriage return counts as a line break only before a line feed.
                if byte == 0x0D { return index + 1 == bytes.count || bytes[index + 1] != 0x0A }
                if byte < 0x20 { return byte != 0x09 && byte != 0x0A }
                // C1 controls are U+0080...U+009F: 0xC2 0x80...0x9F in UTF-8.
                return byte == 0x7F || (byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] < 0xA0)
            }
        }
        if needsWork == false { return self }
        var out = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0D where index + 1 < scalars.count && scalars[index + 1] == "\n": out.append(scalar)
            case 0x09, 0x0A: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
