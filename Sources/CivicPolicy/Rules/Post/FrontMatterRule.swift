/// `post.front-matter`: the post's front matter is complete and valid, and its path agrees.
public struct FrontMatterRule: Rule {
    public static let description = RuleDescription(
        id: "post.front-matter",
        title: "front matter is missing, invalid, or disagrees with the post's path",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "With the exception of elected officials, City employees posting official information to social media sites generally may do so only for the department they represent."
        ),
        severity: .error,
        suppressible: false,
        hint: "a post is content/posts/<department>/<yyyy>/<slug>.md starting with '---', title, department, platforms, '---'",
        triggeringExamples: [
            "↓Leaf collection starts Monday.\n",
            "---\ntitle: Leaf collection\ndepartment: ↓parks\nplatforms: [x]\n---\nBody https://city.milwaukee.gov/dpw\n",
            "---\ntitle: Leaf collection\ndepartment: dpw\nplatforms: [↓myspace]\n---\nBody\n",
            "---\ntitle: Leaf collection\ndepartment: dpw\nplatforms: [x]\n↓colour: red\n---\nBody\n",
            "---\ntitle: ↓[a, b]\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\npublish_at: ↓next week\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsocial:\n  ↓facebook: Leaves!\n---\nBody\n",
            "↓---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: ↓media/dpw/map.svg\n    alt: Map\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaf collection\ndepartment: dpw\nplatforms: [x, facebook]\nsummary: Rake to the curb.\n---\nBody https://city.milwaukee.gov/dpw\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\npublish_at: 2026-10-10T09:00:00-05:00\nreview_by: 2027-01-01\nsocial:\n  x: Leaves!\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/map.JPG\n    alt: Map\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var findings = post.problems.map {
            post.finding(rule, at: $0.location, $0.message, severity: $0.severity == .error ? nil : $0.severity)
        }
        guard let parts = post.pathParts else {
            findings.append(
                post.finding(
                    rule, at: SourceLocation(line: 1, column: 1),
                    "post path '\(post.path)' is not content/posts/<department>/<yyyy>/<slug>.md"))
            return findings
        }
        if parts.year.count != 4 || !parts.year.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            findings.append(
                post.finding(
                    rule, at: SourceLocation(line: 1, column: 1),
                    "the folder '\(parts.year)' in the path must be a four-digit year"))
        }
        if !Roster.isSlug(parts.slug) {
            findings.append(
                post.finding(
                    rule, at: SourceLocation(line: 1, column: 1),
                    "the file name '\(parts.slug).md' must be lower-case letters, digits and hyphens",
                    hint: "rename it, e.g. with `civicpost new --title`, which makes the slug from the title"))
        }
        guard let front = post.frontMatter else { return findings }
        let department = front.department
        if context.roster.department(department.value) == nil {
            let known = context.roster.departments.map(\.slug).joined(separator: ", ")
            findings.append(
                post.finding(
                    rule, at: department.location,
                    "department '\(department.value)' is not in the roster",
                    hint: "use one of: \(known)"))
        } else if department.value != parts.department {
            findings.append(
                post.finding(
                    rule, at: department.location,
                    "department '\(department.value)' disagrees with the folder '\(parts.department)' in the path",
                    hint: "move the post to content/posts/\(department.value)/ or fix 'department'"))
        }
        if front.title.value.trimmingSpaces.isEmpty {
            findings.append(post.finding(rule, at: front.title.location, "the title is blank"))
        }
        for name in front.platforms where ProhibitedPlatform.named(name.value) == nil {
            if let platform = Platform.named(name.value) {
                if !context.config.platforms.contains(platform) {
                    findings.append(
                        post.finding(
                            rule, at: name.location,
                            "\(platform.displayName) is not enabled in civicpost.yml",
                            hint: "enabled platforms: \(context.config.platforms.map(\.rawValue).joined(separator: ", "))"))
                }
            } else {
                findings.append(
                    post.finding(
                        rule, at: name.location, "unknown platform '\(name.value)'",
                        hint: "platforms are: \(Platform.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        let targets = front.targetPlatforms
        for (name, _) in front.social where ProhibitedPlatform.named(name.value) == nil {
            if let platform = Platform.named(name.value) {
                if !targets.contains(platform) {
                    findings.append(
                        post.finding(
                            rule, at: name.location,
                            "'social.\(name.value)' is text for a platform the post does not target",
                            hint: "add \(name.value) to 'platforms' or remove its text"))
                }
            } else {
                findings.append(post.finding(rule, at: name.location, "'social.\(name.value)' is not a platform"))
            }
        }
        for item in front.media {
            let file = item.file.value
            if !file.hasPrefix("media/") || file.split(separator: "/").contains("..") || file.contains("\\") {
                findings.append(
                    post.finding(
                        rule, at: item.file.location,
                        "media file '\(file)' must be a path under media/ without '..'"))
            } else if !MediaKind.isPicture(path: file) {
                findings.append(
                    post.finding(
                        rule, at: item.file.location,
                        "media file '\(file)' is not a PNG, JPEG, GIF or WebP picture; the site serves no other kind (SVG and HTML files can carry scripts)"
                    ))
            }
        }
        return findings
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
