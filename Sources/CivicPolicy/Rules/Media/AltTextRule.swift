/// `media.alt-text`: every image has alt text that describes it.
///
/// Front-matter media need a non-blank `alt` that is not the file's name nor a placeholder such
/// as "image" or "photo"; Markdown images in the body need the same in their brackets.
public struct AltTextRule: Rule {
    public static let description = RuleDescription(
        id: "media.alt-text",
        title: "an image has no alt text, or only a file name or placeholder",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "Employees representing the City of Milwaukee on social media sites must, conduct themselves in accordance with all state and local laws and all existing City policies."
        ),
        severity: .error,
        suppressible: true,
        hint: "describe what the image shows for people who cannot see it, e.g. alt: Map of the four leaf collection zones",
        triggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - ↓file: media/dpw/leaves.png\n    rights: city-owned\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: ↓\" \"\n  - file: media/dpw/map.png\n    alt: ↓map.png\n  - file: media/dpw/crew.jpg\n    alt: ↓Photo\n---\nBody\n",
            "The zones: ↓![](media/dpw/zones.png) and ↓![image](media/dpw/crew.jpg)\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A crew loading leaves into a truck\n---\nBody\n",
            "The zones: ![Map of the four leaf zones](media/dpw/zones.png)\n",
        ])

    public init() {}

    static let placeholders: Set<String> = [
        "image", "img", "photo", "picture", "pic", "graphic", "screenshot", "alt", "alt text", "untitled",
    ]

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var findings: [Finding] = []
        for item in post.frontMatter?.media ?? [] {
            let file = item.file.value
            guard let alt = item.alt else {
                findings.append(
                    post.finding(
                        rule, at: item.location, "\(file) has no alt text",
                        hint: "add alt: with a description of what the image shows"))
                continue
            }
            if let problem = Self.problem(with: alt.value, file: file) {
                findings.append(post.finding(rule, at: alt.location, "\(file) \(problem)"))
            }
        }
        for link in post.body.links where link.kind == .image {
            let start = imageStart(link.range.lowerBound + post.bodyStart, in: post.source.bytes)
            if let problem = Self.problem(with: link.text, file: link.destination) {
                findings.append(
                    post.finding(rule, at: start..<(link.range.upperBound + post.bodyStart), "image \(link.destination) \(problem)"))
            }
        }
        return findings
    }

    /// What is wrong with `alt` as a description of `file`, if anything.
    static func problem(with alt: String, file: String) -> String? {
        let text = alt.trimmingSpaces.lowercased()
        if text.isEmpty { return "has no alt text" }
        let name = file.split(separator: "/").last.map { $0.lowercased() } ?? ""
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if text == name || text == stem { return "has its file name as alt text" }
        if placeholders.contains(text) { return "has '\(alt.trimmingSpaces)' as alt text, which describes nothing" }
        return nil
    }

    /// The `![` that opens the image whose destination starts at `offset` (searched back on
    /// the same lines), or `offset` when it cannot be found.
    private func imageStart(_ offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset - 1
        let limit = max(0, offset - 2000)
        while index > limit {
            if bytes[index] == UInt8(ascii: "["), bytes[index - 1] == UInt8(ascii: "!") { return index - 1 }
            index -= 1
        }
        return offset
    }
}
