/// How the normaliser treats a non-ASCII scalar before looking it up in the fold table.
enum ScalarKind {
    /// Invisible formatting or bidi control: removed and reported in `NormalizedText.hidden`.
    case hidden
    /// Combining diacritic, variation selector or tag character: dropped, its
    /// source bytes folded into the preceding character.
    case attached
    /// Everything else: folded through `FoldTable` or copied unchanged.
    case ordinary

    @inline(__always)
    init(_ v: UInt32) {
        switch v {
        case 0x00AD, 0x034F, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E,
            0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            self = .hidden
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
            0xFE20...0xFE2F, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0xE0000...0xE007F:
            self = .attached
        default:
            self = .ordinary
        }
    }
}
