/// `media.rights`: every media file says who holds its rights, and media the city does not
/// own name the licence or permission it is used under.
public struct MediaRightsRule: Rule {
    public static let description = RuleDescription(
        id: "media.rights",
        title: "a media file has no rights, or is licensed or used with permission without naming the licence or permission",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "Employees and Elected Officials may not post information on City-sponsored social media sites that is protected under copyright, trade secret, or is proprietary in nature without the express written permission from the lawful holder of the information, prior to posting on a City-sponsored site."
        ),
        severity: .error,
        suppressible: true,
        hint:
            "write rights: city-owned, licensed or permission; for licensed and permission add credit: with the licence or the written permission's reference",
        triggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - ↓file: media/dpw/leaves.png\n    alt: A leaf pile at the curb\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A leaf pile at the curb\n    rights: ↓found online\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A leaf pile at the curb\n    rights: ↓licensed\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A leaf pile at the curb\n    rights: ↓permission\n    credit: \" \"\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nmedia:\n  - file: media/dpw/leaves.png\n    alt: A leaf pile at the curb\n    rights: city-owned\n  - file: media/dpw/river.jpg\n    alt: The river in fall\n    rights: licensed\n    license: CC BY 4.0, photo by A. Photographer\n  - file: media/dpw/crew.jpg\n    alt: A crew at work\n    rights: permission\n    credit: written permission from J. Smith, 2026-10-01, on file\n---\nBody\n"
        ])

    public init() {}

    static let kinds = ["city-owned", "licensed", "permission"]

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var findings: [Finding] = []
        for item in post.frontMatter?.media ?? [] {
            let file = item.file.value
            guard let rights = item.rights else {
                findings.append(
                    post.finding(
                        rule, at: item.location, "\(file) does not say who holds its rights",
                        hint: "add rights: city-owned, licensed or permission"))
                continue
            }
            let kind = rights.value.trimmingSpaces.lowercased()
            guard Self.kinds.contains(kind) else {
                findings.append(
                    post.finding(
                        rule, at: rights.location,
                        "rights '\(rights.value)' of \(file) is not one of \(Self.kinds.joined(separator: ", "))"))
                continue
            }
            if kind != "city-owned", item.credit.map({ $0.value.trimmingSpaces.isEmpty }) ?? true {
                findings.append(
                    post.finding(
                        rule, at: rights.location,
                        "\(file) is \(kind == "licensed" ? "licensed" : "used with permission") but names no \(kind == "licensed" ? "licence" : "permission")",
                        hint:
                            "add credit: with the \(kind == "licensed" ? "licence and author" : "written permission's holder, date and where it is on file")"
                    ))
            }
        }
        return findings
    }
}
