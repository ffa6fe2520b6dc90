/// `scope.department`: a spokesperson posts for their own department, and a cross-department
/// approval names a real department and an approver from it.
///
/// A spokesperson of one department may not post under another department's name (elected
/// officials and their representatives may). `cross_department` is for content *about*
/// another department: that department must be in the roster, and its approver a person of
/// that department (or of every department) other than the author.
public struct DepartmentScopeRule: Rule {
    public static let description = RuleDescription(
        id: "scope.department",
        title: "the author posts for a department they do not represent, or cross_department is invalid",
        clause: PolicyClause(
            section: "OFFICIAL AND ACCEPTABLE EMPLOYEE USE",
            quote:
                "With the exception of elected officials, City employees posting official information to social media sites generally may do so only for the department they represent."
        ),
        severity: .error,
        suppressible: true,
        hint:
            "ask a spokesperson of that department to post it; for content about another department, add cross_department with an approver from it",
        triggeringExamples: [
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Storytime\ndepartment: ↓library\nplatforms: [x]\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: ↓parks\n  approved_by: tomas.rivera@milwaukee.gov\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: library\n  approved_by: ↓priya.natarajan@milwaukee.gov\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: library\n  approved_by: ↓someone@example.com\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: ↓dpw\n  approved_by: priya.natarajan@milwaukee.gov\n---\nBody\n",
            "---\n# author: sam.okafor@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: library\n  approved_by: ↓sam.okafor@milwaukee.gov\n---\nBody\n",
        ],
        nonTriggeringExamples: [
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nBody\n",
            "---\n# author: carmen.delgado@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nAn elected official may post about any department.\n",
            "---\n# author: leah.brennan@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\n---\nSo may an elected official's representative.\n",
            "---\n# author: jordan.ellis@milwaukee.gov\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\ncross_department:\n  department: library\n  approved_by: tomas.rivera@milwaukee.gov\n  reference: email 2026-10-02\n---\nLeaf bags at library branches.\n",
            "---\ntitle: Storytime (no author known)\ndepartment: library\nplatforms: [x]\n---\nBody\n",
        ])

    public init() {}

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        guard let front = post.frontMatter else { return [] }
        let rule = Self.description
        let roster = context.roster
        let author = context.author.flatMap { roster.person(email: $0.email) }
        var findings: [Finding] = []
        let department = front.department.value
        if let author, !author.covers(department), !author.speaksForAllDepartments, roster.department(department) != nil {
            findings.append(
                post.finding(
                    rule, at: front.department.location,
                    "\(author.email) speaks for \(author.department), not \(department)",
                    hint:
                        "ask a \(department) spokesperson to post it, or post it as \(author.department) with cross_department approval from \(department)"
                ))
        }
        guard let cross = front.crossDepartment else { return findings }
        let about = cross.department.value
        guard roster.department(about) != nil else {
            findings.append(
                post.finding(
                    rule, at: cross.department.location, "cross_department names '\(about)', which is not in the roster",
                    hint: "use a department slug from content/roster.yml: \(roster.departments.map(\.slug).joined(separator: ", "))"))
            return findings
        }
        guard about != department else {
            findings.append(
                post.finding(
                    rule, at: cross.department.location,
                    "cross_department names the post's own department; it is for content about another one",
                    hint: "remove cross_department, or name the other department the post is about"))
            return findings
        }
        let approverEmail = cross.approvedBy.value
        if let approver = roster.person(email: approverEmail) {
            if !approver.covers(about) {
                findings.append(
                    post.finding(
                        rule, at: cross.approvedBy.location,
                        "\(approverEmail) is in \(approver.department), so cannot approve for \(about)",
                        hint: "ask someone of \(about) in the roster to approve, and name them in approved_by"))
            } else if let author, author == approver {
                findings.append(
                    post.finding(
                        rule, at: cross.approvedBy.location,
                        "the author cannot approve their own post for \(about)",
                        hint: "ask another person of \(about) to approve"))
            }
        } else {
            findings.append(
                post.finding(
                    rule, at: cross.approvedBy.location, "approver \(approverEmail) is not in the roster",
                    hint: "name a person of \(about) listed in content/roster.yml"))
        }
        return findings
    }
}
