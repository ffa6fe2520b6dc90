/// How the normaliser treats a non-ASCII scalar before looking it up in the fold table.
enum ScalarKind {
    /// Invisible formatting or bidi control: removed and reported in `NormalizedText.hidden`.
    case hidden
    /// Combining diacritic or variation selector: dropped, its
    /// source bytes folded into the preceding character.
    case attached
    /// Everything else: folded through `FoldTable` or copied unchanged.
    case ordinary

    @inline(__always)
    init(_ v: UInt32) {
        switch v {
        // Besides the format controls and C1 controls: the Hangul fillers, Khmer's invisible vowels, the
        // Mongolian variation selectors, interlinear annotation marks, shorthand format
        // controls, musical formatting characters and tag characters (which spell ASCII
        // invisibly) show nothing either.
        case 0x0080...0x009F, 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3,
            0x1D173...0x1D17A, 0xE0000...0xE007F:
            self = .hidden
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
            0xFE20...0xFE2F, 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            self = .attached
        default:
            self = .ordinary
        }
    }
}
