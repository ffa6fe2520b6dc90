/// `meetings.member-interaction`: a member of a governmental body addresses or mentions another
/// member of the same body, which may amount to a meeting under the open meetings law.
///
/// Applies when the author is a member of a body in the roster. Another member counts as
/// mentioned by full name, by title and surname (`Ald. Mayfield`), by the name part of their
/// email, or by a handle (`@TerrenceMayfield`), in the body, title, summary or per-platform
/// texts; each member is reported once, at the first mention.
public struct MemberInteractionRule: Rule {
    public static let description = RuleDescription(
        id: "meetings.member-interaction",
        title: "a member of a governmental body addresses or mentions another member of the same body",
        clause: PolicyClause(
            section: "LEGAL REQUIREMENTS",
            quote:
                "Communication among members of governmental bodies using social media may constitute a \"meeting\" under the Wisconsin Open Meetings Law. For this reason, members of these bodies are strongly discouraged from interactions with other members on social media sites."
        ),
        severity: .warning,
        suppressible: true,
        hint: "leave the other member out of the post; discuss body business in a noticed meeting",
        triggeringExamples: [
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nThanks to ↓Ald. Mayfield for the leaf idea. Mayfield agrees.\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nWhat do you think, ↓@TerrenceMayfield?\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsummary: ↓Terrence Mayfield and I host a leaf drive.\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nAld. Mayfield thanks the crews.\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: common-council\n  approved_by: terrence.mayfield@milwaukee.gov\n---\nAld. Delgado thanks the crews.\n",
            "---\ntitle: Leaves (no author known)\ndepartment: dpw\nplatforms: [x]\n---\nTerrence Mayfield thanks the crews.\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let roster = context.roster
        guard let email = context.author?.email, let author = roster.person(email: email) else { return [] }
        let own = Set(author.emails.map { $0.lowercased() })
        var others: [String: (person: Person, body: GovernmentalBody)] = [:]
        for body in roster.bodies where body.members.contains(where: { own.contains($0.lowercased()) }) {
            for member in body.members where !own.contains(member.lowercased()) {
                guard let person = roster.person(email: member) else { continue }
                others[RosterNames.memberTag + person.email.lowercased()] = (person, body)
            }
        }
        guard !others.isEmpty else { return [] }
        let text = post.textRanges
        var reported: Set<String> = []
        var findings: [Finding] = []
        for mention in post.analysis(in: context).rosterMentions {
            guard let other = others[mention.tag], text.contains(where: { $0.contains(mention.range.lowerBound) }),
                reported.insert(mention.tag).inserted
            else { continue }
            findings.append(
                post.finding(
                    Self.description, at: mention.range,
                    "mentions \(other.person.name), a fellow member of the \(other.body.name)"))
        }
        return findings
    }
}
