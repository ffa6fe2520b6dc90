internal import CCmark

/// A post body parsed once by cmark-gfm (tables, autolinks, strikethrough, tag filter),
/// reduced to the values the policy and the site need. Byte offsets are into the parsed buffer.
public struct MarkdownDocument: Sendable {
    /// Every link and image, in source order.
    public var links: [MarkdownLink]
    /// The plain text of each paragraph (or heading/cell), in source order, inline markup removed.
    public var paragraphs: [MarkdownParagraph]
    /// The text of the first level-one heading, if any.
    public var title: String?
    /// Every paragraph, heading and table cell whose text, as readers get it, is not its
    /// source with line breaks as spaces: character references decoded, backslash escapes
    /// and inline markup and raw HTML taken out (`s&#104;it`, `s**h**it` and `sh<b></b>it`
    /// all read `shit`). The policy checks these texts as well as the source.
    public var rewritten: [RewrittenBlock] = []
    /// Safe HTML: raw HTML and `javascript:`/`vbscript:`/`file:`/`data:` links never pass
    /// (cmark's safe mode plus the tag filter). Nil unless asked for when parsing.
    public var html: String?

    /// The plain text of the first paragraph, the default message for a platform.
    public var firstParagraph: String? {
        paragraphs.first { $0.kind == .paragraph }?.text
    }

    /// Which blocks' texts a parse keeps in ``paragraphs``.
    public enum ParagraphScope: Sendable {
        /// Every paragraph, heading and table cell.
        case all
        /// Only the first paragraph (what ``firstParagraph`` reads): the policy needs no more.
        case first
    }

    /// Parses `bytes` as GitHub-flavoured Markdown. Never fails: every input is some Markdown.
    ///
    /// `meanwhile` runs exactly once on the calling thread: while the parse waits for another
    /// thread's inline pass (which cmark-gfm serialises), or else after the parse. Give it
    /// work that does not need the document, so the wait is not idle.
    public static func parse(
        _ bytes: some Collection<UInt8>, renderHTML: Bool = false, paragraphs: ParagraphScope = .all,
        meanwhile: () -> Void = {}
    ) -> MarkdownDocument {
        if let document = bytes.withContiguousStorageIfAvailable({
            MarkdownParser(source: $0).parse(renderHTML: renderHTML, paragraphs: paragraphs, meanwhile: meanwhile)
        }) {
            return document
        }
        return Array(bytes).withUnsafeBufferPointer {
            MarkdownParser(source: $0).parse(renderHTML: renderHTML, paragraphs: paragraphs, meanwhile: meanwhile)
        }
    }

    /// Renders `bytes` to safe HTML, the page body.
    public static func html(_ bytes: some Collection<UInt8>) -> String {
        parse(bytes, renderHTML: true).html ?? ""
    }
}

/// A link or image in a Markdown body.
public struct MarkdownLink: Sendable, Equatable {
    /// What kind of reference it is.
    public enum Kind: Sendable, Equatable { case link, image, autolink }
    /// Link, image or bare URL.
    public var kind: Kind
    /// The destination exactly as written (after entity and escape decoding by cmark).
    public var destination: String
    /// The link text, or the image's alt text, as plain text.
    public var text: String
    /// Byte range of the destination in the parsed buffer when it could be located;
    /// otherwise the range of the whole link.
    public var range: Range<Int>
}

/// One block of running text.
public struct MarkdownParagraph: Sendable, Equatable {
    /// The block that holds the text.
    public enum Kind: Sendable, Equatable { case paragraph, heading, tableCell }
    /// Paragraph, heading or table cell.
    public var kind: Kind
    /// The text, inline markup removed, soft breaks as spaces.
    public var text: String
    /// Byte offset where the block starts in the parsed buffer.
    public var start: Int
}

/// The text of a block as readers get it, where it differs from the block's source.
public struct RewrittenBlock: Sendable, Equatable {
    /// The text's UTF-8 bytes: inline markup removed, soft and hard breaks as spaces.
    public var text: [UInt8]
    /// The block's bytes in the parsed buffer.
    public var range: Range<Int>
    /// Byte ranges of `text` that are web addresses shown as themselves (autolinks), which
    /// the link rules judge.
    public var addresses: [Range<Int>]
}
