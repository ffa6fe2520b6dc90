import CivicPolicy
import Foundation

/// Atom, JSON Feed and sitemap documents.
struct FeedWriter {
    let config: Config
    let roster: Roster

    func atom(_ posts: some Collection<PublishedPost>, title: String, folder: String) -> String {
        let updated = posts.map(\.publishAt).max().map(SiteDates.iso) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(escapeXML(title))</title>
              <id>\(escapeXML(config.baseURL + "/" + folder))</id>
              <link rel="alternate" type="text/html" href="\(escapeXML(config.baseURL + "/" + folder))"/>
              <link rel="self" type="application/atom+xml" href="\(escapeXML(config.baseURL + "/" + folder + "feed.xml"))"/>
              <updated>\(updated)</updated>
              <author><name>\(escapeXML(config.siteName))</name></author>

            """
        for item in posts {
            let url = item.summary.pageURL(config: config) ?? config.baseURL
            xml += """
                  <entry>
                    <title>\(escapeXML(item.summary.title))</title>
                    <id>\(escapeXML(url))</id>
                    <link rel="alternate" type="text/html" href="\(escapeXML(url))"/>
                    <updated>\(SiteDates.iso(item.publishAt))</updated>
                    <summary>\(escapeXML(item.summary.description))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// `texts` holds each post's body as plain text, in order.
    func jsonFeed(_ posts: some Collection<PublishedPost>, texts: [String], title: String, folder: String) -> String {
        let feed = JSONFeedDocument(
            title: title, home_page_url: config.baseURL + "/" + folder,
            feed_url: config.baseURL + "/" + folder + "feed.json",
            items: zip(posts, texts).map { item, text in
                let url = item.summary.pageURL(config: config) ?? config.baseURL
                return JSONFeedItem(
                    id: url, url: url, title: item.summary.title, summary: item.summary.summary,
                    content_text: text,
                    date_published: SiteDates.iso(item.publishAt))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(feed)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// The sitemap's bytes (one line per page of 10,000: built as bytes, not as a string).
    func sitemap(_ posts: [PublishedPost], departments: [String]) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(256 + departments.count * 96 + posts.count * 160)
        xml += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        for folder in departments {
            xml += "  <url><loc>\(escapeXML(config.baseURL + "/" + folder))</loc></url>\n".utf8
        }
        let base = escapeXML(config.baseURL + "/")
        for item in posts {
            guard let pagePath = item.summary.pagePath else { continue }
            xml += "  <url><loc>".utf8
            xml += base.utf8
            xml += escapeXML(pagePath).utf8
            xml += "</loc><lastmod>".utf8
            xml += SiteDates.iso(item.publishAt).utf8
            xml += "</lastmod></url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return xml
    }
}

/// A JSON Feed 1.1 document.
private struct JSONFeedDocument: Encodable {
    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var home_page_url: String
    var feed_url: String
    var items: [JSONFeedItem]
}
/// A JSON Feed item.
private struct JSONFeedItem: Encodable {
    var id: String
    var url: String
    var title: String
    var summary: String?
    var content_text: String
    var date_published: String
}

/// Escapes text for XML content and attribute values.
func escapeXML(_ text: String) -> String {
    // Most text (every URL the site makes) needs nothing: one pass over the bytes says so.
    // (0xEF leads U+FFFE and U+FFFF.)
    let needsWork = text.utf8.contains { byte in
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
    }
    guard needsWork else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
            // Characters XML 1.0 forbids are dropped: C0 controls but tab and line breaks, and
            // the non-characters U+FFFE and U+FFFF (one of them in a title broke every feed).
            if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
            if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
