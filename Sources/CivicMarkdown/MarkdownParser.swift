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
        var cursor = 0  // byte offset just after the last node with a known position
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)),
                cmark_node_get_type(node) != CMARK_NODE_DOCUMENT
            {
                cursor = max(cursor, start)
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                document.links.append(makeLink(node, cursor: &cursor))
            case CMARK_NODE_PARAGRAPH:
                guard allBlocks || wantsParagraph else { continue }
                document.paragraphs.append(block(node, kind: .paragraph))
                wantsParagraph = false
            case CMARK_NODE_HEADING:
                let isTitle = document.title == nil && cmark_node_get_heading_level(node) == 1
                guard allBlocks || isTitle else { continue }
                let heading = block(node, kind: .heading)
                if isTitle { document.title = heading.text }
                if allBlocks { document.paragraphs.append(heading) }
            default:
                if allBlocks, let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                    document.paragraphs.append(block(node, kind: .tableCell))
                }
            }
        }
    }

    private func makeLink(_ node: OpaquePointer, cursor: inout Int) -> MarkdownLink {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let text = plainText(of: node)
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        var whole: Range<Int>
        var kind: MarkdownLink.Kind = isImage ? .image : .link
        if let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)),
            let last = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node))
        {
            whole = start..<min(source.count, last + 1)
        } else {
            // GFM autolinks carry no source position: the URL is the text, found after the cursor.
            kind = .autolink
            whole = find(text.isEmpty ? destination : text, from: cursor) ?? cursor..<cursor
        }
        cursor = max(cursor, whole.upperBound)
        let range = find(destination, from: whole.lowerBound, before: whole.upperBound) ?? whole
        return MarkdownLink(kind: kind, destination: destination, text: text, range: range)
    }

    private func block(_ node: OpaquePointer, kind: MarkdownParagraph.Kind) -> MarkdownParagraph {
        let start = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)) ?? 0
        return MarkdownParagraph(kind: kind, text: plainText(of: node), start: start)
    }

    /// The text of a node's inline descendants; soft and hard breaks become spaces.
    private func plainText(of node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
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
        return String(decoding: bytes, as: UTF8.self)
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
