/// `platform.length`: each platform's message fits that platform, counted its way, and an
/// Instagram post has an image.
public struct PlatformLengthRule: Rule {
    static let sentence = "Rake leaves to the curb, not into the street. "

    public static let description = RuleDescription(
        id: "platform.length",
        title: "a platform's message is longer than the platform allows, or an Instagram post has no image",
        clause: PolicyClause(
            section: "GENERAL POLICY",
            quote:
                "Social media content should contain links directing users back to the City's official website for in-depth information, forms, documents, or online services necessary to conduct business with the City."
        ),
        severity: .error,
        suppressible: true,
        hint:
            "shorten the text, or write a shorter one for the platform under social.<platform>; the link to the post's page is added to it",
        triggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, facebook]\nsummary: ↓\(String(repeating: sentence, count: 6))\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [bluesky, mastodon]\nsocial:\n  bluesky: ↓\(String(repeating: sentence, count: 6))\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [mastodon]\nsocial:\n  mastodon: ↓\(String(repeating: sentence, count: 11))\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, ↓instagram]\nsummary: Leaves go to the curb.\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: ↓\(String(repeating: "落", count: 129))\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, facebook, bluesky, mastodon, threads, linkedin, nextdoor]\nsummary: Leaves go to the curb.\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: \(String(repeating: "a", count: 256)) https://city.milwaukee.gov/dpw/leaves\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, facebook]\nsummary: \(String(repeating: sentence, count: 6))\nsocial:\n  x: Leaves go to the curb.\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [instagram]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A rake beside a leaf pile at the curb\n    rights: city-owned\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        guard let front = post.frontMatter else { return [] }
        let rule = Self.description
        var findings: [Finding] = []
        var shared: String?  // platforms without their own text share one message
        for platform in front.targetPlatforms {
            let message: String
            if front.socialText(for: platform) != nil {
                message = post.message(for: platform, config: context.config)
            } else {
                message = shared ?? post.message(for: platform, config: context.config)
                shared = message
            }
            let length = platform.length(of: message)
            if length > platform.limit {
                findings.append(
                    post.finding(
                        rule, at: location(ofMessageFor: platform, in: post),
                        "\(platform.displayName) message is \(length) of \(platform.limit) \(platform.lengthUnit)",
                        hint:
                            "shorten it by \(length - platform.limit), or write social.\(platform.rawValue) for \(platform.displayName); the post's link is counted"
                    ))
            }
            if platform.requiresImage, !front.media.contains(where: { Self.isImage($0.file.value) }),
                let name = front.platforms.first(where: { Platform.named($0.value) == platform })
            {
                findings.append(
                    post.finding(
                        rule, at: name.location, "\(platform.displayName) posts need an image, and the post has none",
                        hint: "add an image under media: with alt text and rights, or drop \(platform.rawValue)"))
            }
        }
        return findings
    }

    /// Where the text of the platform's message is written: `social.<platform>`, `summary`, or
    /// the first paragraph of the body.
    func location(ofMessageFor platform: Platform, in post: Post) -> SourceLocation {
        if let text = post.frontMatter?.socialText(for: platform) ?? post.frontMatter?.summary { return text.location }
        if let paragraph = post.body.paragraphs.first(where: { $0.kind == .paragraph }) {
            return post.source.location(ofByte: post.bodyStart + paragraph.start)
        }
        return post.frontMatter?.title.location ?? SourceLocation(line: 1, column: 1)
    }

    /// Whether a media file is a picture a platform shows.
    static func isImage(_ file: String) -> Bool {
        let lower = file.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".avif"].contains { lower.hasSuffix($0) }
    }
}
