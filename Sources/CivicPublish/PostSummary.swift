import CivicMarkdown
import CivicPolicy

/// What the indexes, feeds and scheduling need of a post version, without its body: small,
/// `Codable`, cached by blob so that a run over 10,000 posts need not parse them all again.
public struct PostSummary: Codable, Sendable, Equatable {
    /// A media file of the post.
    public struct MediaFile: Codable, Sendable, Equatable {
        public var file: String
        public var alt: String
        public var credit: String?
    }

    public var path: String
    public var title: String
    public var summary: String?
    public var department: String
    /// `publish_at` from the front matter, if any.
    public var publishAt: Timestamp?
    public var reviewBy: Day?
    public var platforms: [Platform]
    public var media: [MediaFile]
    /// The body's first paragraph, for descriptions when there is no summary.
    public var firstParagraph: String?
    /// The page's path under the site, `<department>/<yyyy>/<slug>/`.
    public var pagePath: String?

    public init(_ post: Post) {
        let front = post.frontMatter
        path = post.path
        title = front?.title.value ?? post.path
        summary = front?.summary?.value
        department = front?.department.value ?? post.pathParts?.department ?? ""
        publishAt = front?.publishAt?.value
        reviewBy = front?.reviewBy?.value
        platforms = front?.targetPlatforms ?? []
        media = (front?.media ?? []).map { MediaFile(file: $0.file.value, alt: $0.alt?.value ?? "", credit: $0.credit?.value) }
        firstParagraph = post.body.firstParagraph
        pagePath = post.pagePath
    }

    /// The description a link preview shows.
    public var description: String { summary ?? firstParagraph ?? "" }

    /// The absolute URL of the post's page.
    public func pageURL(config: Config) -> String? {
        pagePath.map { config.baseURL + "/" + $0 }
    }
}
