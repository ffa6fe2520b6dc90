/// Markdown emphasis that the lexicon matcher could read as censoring: in `**Before you go**`
/// the closing `**` looks like two censored letters (`go**`), which evasion handling reads as
/// a slur. A match whose trailing `*` run closes an emphasis opened earlier on its line by a
/// run of the same length is Markdown, not a censored word.
enum MarkdownEmphasis {
    /// Whether the `*` run that ends `range` closes emphasis opened earlier on the same line.
    static func closesEmphasis(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        var runStart = range.upperBound
        while runStart > range.lowerBound, bytes[runStart - 1] == star { runStart -= 1 }
        let length = range.upperBound - runStart
        guard length > 0, runStart > range.lowerBound else { return false }
        var lineStart = range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var index = lineStart
        while index < range.lowerBound {
            guard bytes[index] == star else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == star { end += 1 }
            let opens = end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x09 && bytes[end] != 0x0A
            if end - index == length, opens, index == lineStart || bytes[index - 1] != star { return true }
            index = end
        }
        return false
    }
}
