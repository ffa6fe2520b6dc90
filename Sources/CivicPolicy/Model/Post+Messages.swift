extension Post {
    /// The post's page path under the site, `<department>/<yyyy>/<slug>/`; nil when the file
    /// is not at a post path.
    public var pagePath: String? {
        guard let parts = pathParts else { return nil }
        return "\(parts.department)/\(parts.year)/\(parts.slug)/"
    }

    /// The absolute URL of the post's page on the city site.
    public func pageURL(config: Config) -> String? {
        pagePath.map { config.baseURL + "/" + $0 }
    }

    /// The text sent to `platform`: `social.<platform>`, else `summary`, else the body's first
    /// paragraph; followed by the page URL unless the text already links to the city site.
    public func message(for platform: Platform, config: Config) -> String {
        let front = frontMatter
        let text = (front?.socialText(for: platform)?.value ?? front?.summary?.value ?? body.firstParagraph ?? front?.title.value ?? "")
            .collapsingWhitespace
        let linksHome = URLScanner.ranges(in: Array(text.utf8)[...]).contains { range in
            let url = String(decoding: Array(text.utf8)[range], as: UTF8.self)
            return URLParts(url).map { HostJudgement.judge($0, config: config) == .canonical } ?? false
        }
        guard !linksHome, let url = pageURL(config: config) else { return text }
        return text.isEmpty ? url : text + " " + url
    }
}

extension String {
    /// The text with runs of spaces, tabs and line breaks made one space, and no space at the ends.
    var collapsingWhitespace: String {
        if let ascii = utf8.withContiguousStorageIfAvailable(Self.collapsingASCIIWhitespace), let ascii { return ascii }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character == " " || character == "\t" || character == "\n" || character == "\r\n" || character == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// `collapsingWhitespace` for ASCII text, byte by byte (an ASCII character is one byte, or
    /// `\r\n`, which is whitespace either way); nil when the text is not all ASCII.
    private static func collapsingASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
