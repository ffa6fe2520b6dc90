internal import CCmark
internal import CCmarkArena
import Foundation

/// One cmark-gfm parse of a buffer; frees every cmark object before returning.
struct MarkdownParser {
    let source: UnsafeBufferPointer<UInt8>
    /// Byte offset of the start of each line (line 1 at index 0).
    let lineStarts: [Int]

    static let extensionNames = ["table", "autolink", "strikethrough", "tagfilter"]

    /// The extensions every parse attaches, in this order; looked up once per process.
    /// `nonisolated(unsafe)`: the array is never written after its (once-only) initialisation,
    /// and the extensions it points to belong to cmark-gfm's registry, which parses only read.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    /// cmark-gfm keeps the inline trigger characters (`~` of strikethrough, `:` and `w` of
    /// autolink) in two global tables (`SPECIAL_CHARS`, `SKIP_CHARS` in inlines.c).
    /// `cmark_parser_finish` sets the characters of the attached extensions, parses the inlines
    /// and clears them again (github/cmark-gfm#176): a parse finishing on one thread clears `~`
    /// under another thread's inline parse, which then loses a strikethrough or an autolink.
    /// The tables cannot simply be set for good: the same per-extension character lists that
    /// set and clear them also tell `process_emphasis` which extension owns a `~` delimiter.
    /// Only inline parsing reads the tables, and only `cmark_parser_finish` parses inlines
    /// (0.29.0.gfm.6: the table extension splits rows without an inline parse), so finishing
    /// is serialised; creating the parser, attaching extensions, feeding (block structure),
    /// walking and rendering run on every thread at once.
    static let finishLock = NSLock()

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        var starts = [0]
        if let base = source.baseAddress {
            // memchr: most of a post is long lines of prose.
            var offset = 0
            while offset < source.count, let hit = memchr(base + offset, 0x0A, source.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// `meanwhile` runs once: while the finish waits for ``finishLock``, or else at the end.
    func parse(
        renderHTML: Bool, paragraphs scope: MarkdownDocument.ParagraphScope = .all, meanwhile: () -> Void = {}
    ) -> MarkdownDocument {
        var waited = false
        defer { if !waited { meanwhile() } }
        let extensions = Self.extensions
        // CMARK_OPT_DEFAULT is safe mode: raw HTML is omitted and unsafe URLs dropped.
        // Validation replaces malformed UTF-8 with U+FFFD. ASCII other than NUL (which the feed
        // replaces itself) has nothing to replace: most posts skip its byte-by-byte copy.
        let validate = !source.allSatisfy { $0 &- 1 < 0x7F }
        let options = CMARK_OPT_DEFAULT | (validate ? CMARK_OPT_VALIDATE_UTF8 : 0)
        // Without HTML to render (whose buffer the caller frees with the system allocator), the
        // parse allocates from this thread's arena, and everything is dropped at once at the end:
        // the document's values are Swift copies by then.
        let arena = !renderHTML
        guard let parser = arena ? cmark_parser_new_with_mem(options, civicpost_cmark_arena()) : cmark_parser_new(options) else {
            return MarkdownDocument(links: [], paragraphs: [], title: nil, html: renderHTML ? "" : nil)
        }
        defer { if arena { civicpost_cmark_arena_reset() } else { cmark_parser_free(parser) } }
        for syntax in extensions { cmark_parser_attach_syntax_extension(parser, syntax) }
        source.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
        }
        // When another thread holds the lock, do the caller's other work first: by then the
        // lock is most likely free, and neither thread sat idle.
        let finished: OpaquePointer?
        if Self.finishLock.try() {
            finished = cmark_parser_finish(parser)
            Self.finishLock.unlock()
        } else {
            waited = true
            meanwhile()
            finished = Self.finishLock.withLock { cmark_parser_finish(parser) }
        }
        guard let root = finished else {
            return MarkdownDocument(links: [], paragraphs: [], title: nil, html: renderHTML ? "" : nil)
        }
        defer { if !arena { cmark_node_free(root) } }

        var document = MarkdownDocument(links: [], paragraphs: [], title: nil, html: nil)
        collect(root, into: &document, allBlocks: scope == .all)
        if renderHTML, let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) {
            document.html = String(cString: html)
            free(html)
        }
        return document
    }

    /// Walks the tree once, collecting links and block texts (unless `allBlocks`, only the
    /// first paragraph's and the title's).
    private func collect(_ root: OpaquePointer, into document: inout MarkdownDocument, allBlocks: Bool) {
        var wantsParagraph = true
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var cursor = 0  // byte offset just after the last block start or link with a known position
        // The paragraph, heading or table cell being read, and whether its text so far is
        // what its source reads (``SourceReading``): its inline nodes are fed as the walk
        // passes them, and only a block that differs has its text made (on leaving it).
        var block: (node: OpaquePointer, kind: MarkdownParagraph.Kind, range: Range<Int>)? = nil
        var reading: SourceReading? = nil
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if let open = block, open.node == node {
                    if reading?.finish() != true { noteRewritten(open.node, range: open.range, in: &document) }
                    block = nil
                    reading = nil
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if reading != nil {
                // Text leaves get an enter event only.
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(node) {
                        let text = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
                        if reading?.read(UnsafeBufferPointer(start: text, count: strlen(literal))) != true { reading = nil }
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    if reading?.read(UInt8(ascii: " ")) != true { reading = nil }
                default:
                    break
                }
            }
            // Blocks' positions only: cmark-gfm's inline positions go wrong after a line break
            // (links are checked in `makeLink`, which moves the cursor past each one).
            if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK), type != CMARK_NODE_DOCUMENT,
                let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
            {
                cursor = max(cursor, start)
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                document.links.append(makeLink(node, cursor: &cursor))
            case CMARK_NODE_PARAGRAPH:
                (block, reading) = startReading(node, kind: .paragraph)
                guard allBlocks || wantsParagraph else { continue }
                document.paragraphs.append(self.block(node, kind: .paragraph))
                wantsParagraph = false
            case CMARK_NODE_HEADING:
                (block, reading) = startReading(node, kind: .heading)
                let isTitle = document.title == nil && cmark_node_get_heading_level(node) == 1
                guard allBlocks || isTitle else { continue }
                let heading = self.block(node, kind: .heading)
                if isTitle { document.title = heading.text }
                if allBlocks { document.paragraphs.append(heading) }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                continue
            default:
                if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                    (block, reading) = startReading(node, kind: .tableCell)
                    if allBlocks { document.paragraphs.append(self.block(node, kind: .tableCell)) }
                }
            }
        }
    }

    private func makeLink(_ node: OpaquePointer, cursor: inout Int) -> MarkdownLink {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var addresses: [Range<Int>] = []
        let text = String(decoding: plainText(of: node, addresses: &addresses), as: UTF8.self)
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        var whole: Range<Int>
        var kind: MarkdownLink.Kind = isImage ? .image : .link
        if let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)),
            let last = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)),
            start < source.count, source[start] == UInt8(ascii: "[") || source[start] == UInt8(ascii: "!")
        {
            whole = start..<min(source.count, last + 1)
        } else {
            // GFM autolinks carry no source position, and `<…>` ones a wrong one after a line
            // break: the URL is the text, found after the cursor.
            kind = .autolink
            whole = find(text.isEmpty ? destination : text, from: cursor) ?? cursor..<cursor
        }
        cursor = max(cursor, whole.upperBound)
        let range = find(destination, from: whole.lowerBound, before: whole.upperBound) ?? target(of: whole, kind: kind)
        return MarkdownLink(kind: kind, destination: destination, text: text, range: range)
    }

    /// Where a link's destination is written when it is not there as cmark decoded it
    /// (`[text](https\://…)`, `[text](&#104;ttps://…)`, `[text][reference]`): after the text's
    /// closing `](` or `][`, never over the text, which the policy reads. An autolink is all
    /// destination.
    private func target(of whole: Range<Int>, kind: MarkdownLink.Kind) -> Range<Int> {
        guard kind != .autolink, whole.count >= 2 else { return whole }
        var index = whole.upperBound - 2
        while index >= whole.lowerBound {
            if source[index] == UInt8(ascii: "]"), source[index + 1] == UInt8(ascii: "(") || source[index + 1] == UInt8(ascii: "[") {
                return (index + 1)..<whole.upperBound
            }
            index -= 1
        }
        // A shortcut reference (`[text]`): the text is all there is.
        return whole.upperBound..<whole.upperBound
    }

    private func block(_ node: OpaquePointer, kind: MarkdownParagraph.Kind) -> MarkdownParagraph {
        let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)) ?? 0
        var addresses: [Range<Int>] = []
        let text = String(decoding: plainText(of: node, addresses: &addresses), as: UTF8.self)
        return MarkdownParagraph(kind: kind, text: text, start: start)
    }

    /// The block's range, and a reading of its source to compare its text with.
    private func startReading(
        _ node: OpaquePointer, kind: MarkdownParagraph.Kind
    ) -> ((node: OpaquePointer, kind: MarkdownParagraph.Kind, range: Range<Int>), SourceReading) {
        let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)) ?? 0
        let end = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)).map { min(source.count, $0 + 1) }
        let range = start..<max(start, end ?? source.count)
        return ((node, kind, range), SourceReading(UnsafeBufferPointer(rebasing: source[range]), heading: kind == .heading))
    }

    /// Adds the block's text to ``MarkdownDocument/rewritten``: it is not what its source reads.
    private func noteRewritten(_ node: OpaquePointer, range: Range<Int>, in document: inout MarkdownDocument) {
        var addresses: [Range<Int>] = []
        let text = plainText(of: node, addresses: &addresses)
        document.rewritten.append(RewrittenBlock(text: text, range: range, addresses: addresses))
    }

    /// The text of a node's inline descendants; soft and hard breaks become spaces. The
    /// ranges of autolinks' texts (the address shown as itself) go to `addresses`.
    private func plainText(of node: OpaquePointer, addresses: inout [Range<Int>]) -> [UInt8] {
        var bytes: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var autolinkStart: Int? = nil
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_LINK {
                if event == CMARK_EVENT_ENTER {
                    // An autolink has no source position of its own (GFM) or reads as its address.
                    let positioned = cmark_node_get_start_line(child) > 0
                    autolinkStart = positioned && !Self.showsAddress(child) ? nil : bytes.count
                } else if let start = autolinkStart {
                    addresses.append(start..<bytes.count)
                    autolinkStart = nil
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) {
                    bytes.append(
                        contentsOf: UnsafeBufferPointer(
                            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                            count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: " "))
            default:
                break
            }
        }
        return bytes
    }

    /// Whether a link's text is its address (`<https://…>`, `<name@host>`, `www.host/path`),
    /// less the scheme the renderer adds.
    private static func showsAddress(_ link: OpaquePointer) -> Bool {
        guard let url = cmark_node_get_url(link), let child = cmark_node_first_child(link),
            cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child)
        else { return false }
        let urlLength = strlen(url), literalLength = strlen(literal)
        guard urlLength >= literalLength, strcmp(url + (urlLength - literalLength), literal) == 0 else { return false }
        let scheme = String(decoding: UnsafeRawBufferPointer(start: url, count: urlLength - literalLength), as: UTF8.self)
        return ["", "mailto:", "http://", "https://"].contains(scheme)
    }

    /// The byte offset of a 1-based line and byte column, or nil when cmark gave none.
    private func offset(line: Int32, column: Int32) -> Int? {
        guard line > 0, column > 0, Int(line) <= lineStarts.count else { return nil }
        return min(source.count, lineStarts[Int(line) - 1] + Int(column) - 1)
    }

    /// The first occurrence of `needle`'s bytes in the source within `from..<before`.
    private func find(_ needle: String, from start: Int, before end: Int? = nil) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        let limit = min(end ?? source.count, source.count)
        guard !pattern.isEmpty, limit - start >= pattern.count, start >= 0 else { return nil }
        var position = start
        while position + pattern.count <= limit {
            if source[position] == pattern[0] {
                var index = 1
                while index < pattern.count, source[position + index] == pattern[index] { index += 1 }
                if index == pattern.count { return position..<(position + pattern.count) }
            }
            position += 1
        }
        return nil
    }
}

/// Whether a block's text is its source with each line break and the indentation after it
/// read as one space, and with markup that joins no words left out: emphasis runs (`*`, `_`,
/// `~`) and link brackets with a space or the block's edge on one side, link destinations
/// followed by one, leading and trailing spaces, and an ATX heading's `#`s. Then the source's
/// words are the text's words. Markup between two characters (`s**h**it`, `414-**555**`),
/// character references, backslash escapes and raw HTML are not left out. The text is read a
/// byte at a time (``read(_:)``), then ``finish()``.
struct SourceReading {
    private let source: UnsafeBufferPointer<UInt8>
    private let heading: Bool
    private var position = 0

    init(_ source: UnsafeBufferPointer<UInt8>, heading: Bool) {
        self.source = source
        self.heading = heading
        if heading {
            while position < source.count, source[position] == UInt8(ascii: "#") { position += 1 }
        }
        // A table cell's range starts at the space after its `|`.
        while position < source.count, isSpace(position) { position += 1 }
    }

    /// Whether the source reads on as the text's next bytes: the stretch both have in common
    /// compared eight bytes at a time, the rest byte by byte.
    mutating func read(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let textBase = text.baseAddress, let sourceBase = source.baseAddress else { return text.isEmpty }
        var index = 0
        while index < text.count {
            while index + 8 <= text.count, position + 8 <= source.count,
                UnsafeRawPointer(textBase + index).loadUnaligned(as: UInt64.self)
                    == UnsafeRawPointer(sourceBase + position).loadUnaligned(as: UInt64.self)
            {
                index += 8
                position += 8
            }
            guard index < text.count else { break }
            guard read(text[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Whether the source reads on as the text's next byte, after markup left out.
    mutating func read(_ byte: UInt8) -> Bool {
        let count = source.count
        while position < count {
            let here = source[position]
            if here == byte {
                position += 1
                return true
            }
            if byte == 0x20, here == 0x0A || here == 0x0D {
                // A line break and the next line's indentation read as one space.
                while position < count, isSpace(position) { position += 1 }
                return true
            }
            guard skipMarkup() else { return false }
        }
        return false
    }

    /// Whether nothing but line ends, spaces, closing markup and `#`s is left.
    mutating func finish() -> Bool {
        while position < source.count {
            if isSpace(position) || (heading && source[position] == UInt8(ascii: "#")) {
                position += 1
            } else if !skipMarkup() {
                return false
            }
        }
        return true
    }

    /// Steps over markup at the position that joins no words; false when there is none.
    private mutating func skipMarkup() -> Bool {
        let count = source.count
        let byte = source[position]
        if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") {
            var end = position
            while end < count, source[end] == byte { end += 1 }
            guard isSpace(position - 1) || endsWord(end) else { return false }
            position = end
            return true
        }
        if byte == UInt8(ascii: "["), isSpace(position - 1) {
            position += 1
            return true
        }
        if byte == UInt8(ascii: "]"), position + 1 < count, source[position + 1] == UInt8(ascii: "(") {
            var close = position + 2
            while close < count, source[close] != UInt8(ascii: ")") { close += 1 }
            guard close < count, endsWord(close + 1) else { return false }
            position = close + 1
            return true
        }
        return false
    }

    /// A space, a line break, or the edge of the block.
    private func isSpace(_ at: Int) -> Bool {
        guard at >= 0, at < source.count else { return true }
        let byte = source[at]
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// After a closing bracket or run: a space, or sentence punctuation and then a space.
    private func endsWord(_ at: Int) -> Bool {
        if isSpace(at) { return true }
        switch source[at] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "."):
            return isSpace(at + 1)
        default:
            return false
        }
    }
}
