/// `scope.mentions-other-department`: the post speaks about another department without its
/// approval or a link to its page.
///
/// A department counts as mentioned by its name or an alias from the roster (whole words,
/// any case; aliases in capitals such as `DPW` only in capitals), in the body, title, summary
/// or per-platform texts. Each department is reported once, at its first mention. No finding
/// when `cross_department` names it, when the post links to a city page whose path has its
/// slug as a segment, or when the author is an elected official or representative.
public struct OtherDepartmentMentionRule: Rule {
    public static let description = RuleDescription(
        id: "scope.mentions-other-department",
        title: "the post mentions another department without its approval or a link to its page",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "They may post information or links to information already published on existing City web pages or social media sites but may not post any new or original materials relating to the activities or operations of other City departments, governments, organizations, or individuals without prior approval from the group or person discussed."
        ),
        severity: .warning,
        suppressible: true,
        hint: "link to the department's page on the city site, add cross_department with its approval, or leave it out",
        triggeringExamples: [
            "Crews work with the ↓Milwaukee Fire Department on hydrant access.\n",
            "Report parked cars to ↓MPD; the ↓health department answers heat questions. MPD again.\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: Pick up bags at any ↓Milwaukee Public Library branch.\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "The Department of Public Works (DPW) plows main streets first.\n",
            "Crews check mfd and mpd gauges daily.\n",
            "Fire safety tips from the Milwaukee Fire Department: https://city.milwaukee.gov/fire/safety\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: library\n  approved_by: tomas.rivera@milwaukee.gov\n---\nMilwaukee Public Library branches hand out leaf bags.\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nThanks to MPD and the Fire Department for their help.\n",
            "Library hours: https://www.mpl.org/hours\n",
        ])

    public init() {}

    public static var readsLinks: Bool { true }

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        if let author = context.author.flatMap({ context.roster.person(email: $0.email) }), author.speaksForAllDepartments {
            return []
        }
        guard let own = post.frontMatter?.department.value ?? post.pathParts?.department else { return [] }
        // Most posts name no department: then there are no links to judge either.
        let mentions = post.analysis(in: context).rosterMentions.filter { $0.tag.hasPrefix(RosterNames.departmentTag) }
        if mentions.isEmpty { return [] }
        var exempt: Set<String> = [own]
        if let about = post.frontMatter?.crossDepartment?.department.value { exempt.insert(about) }
        for link in post.links(in: context) {
            guard let parts = link.parts, HostJudgement.judge(parts, config: context.config) == .canonical else { continue }
            let path = parts.rest.prefix { $0 != "?" && $0 != "#" }
            for segment in path.split(separator: "/") { exempt.insert(segment.lowercased()) }
        }
        let rule = Self.description
        var findings: [Finding] = []
        let text = post.textRanges
        for mention in mentions {
            let slug = String(mention.tag.dropFirst(RosterNames.departmentTag.count))
            guard text.contains(where: { $0.contains(mention.range.lowerBound) }), exempt.insert(slug).inserted else { continue }
            let name = context.roster.department(slug)?.name ?? slug
            findings.append(
                post.finding(
                    rule, at: mention.range, "mentions \(name), another department",
                    hint:
                        "link to the \(slug) page on https://\(context.config.canonicalHost)/, add cross_department approved by someone of \(slug), or leave it out"
                ))
        }
        return findings
    }
}
