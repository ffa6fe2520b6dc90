import CivicGit
import CivicPolicy
import Foundation

/// `civicpost roster audit`: the policy's "routinely review access privileges". Everyone whose
/// authorization has ended or ends within 30 days, whose access review is overdue, or who has
/// not committed for the configured period; and every role change in the roster's history
/// with who granted it and in which commit.
public struct RosterAudit {
    let repository: Repository
    let branch: String
    let today: Day
    /// How far ahead an ending authorization is reported.
    public static let expiryWarningDays = 30

    public init(repository: Repository, branch: String, today: Day) {
        self.repository = repository
        self.branch = branch
        self.today = today
    }

    public func run() throws -> RosterAuditReport {
        guard let tip = try repository.referenceTarget("refs/heads/\(branch)") else {
            throw WorkflowError.invalid("the publish branch '\(branch)' has no commits")
        }
        let settings = try Settings.load(from: TreeSource(repository: repository, tree: repository.commit(tip).tree))
        let everything = try repository.history(from: tip)
        var lastCommit: [String: Date] = [:]
        for commit in everything {
            let email = commit.author.email.lowercased()
            if lastCommit[email].map({ $0 < commit.author.time }) ?? true { lastCommit[email] = commit.author.time }
        }
        var people: [RosterAuditReport.PersonStatus] = []
        for person in settings.roster.people {
            var issues: [String] = []
            if let revoked = person.revokedOn, revoked <= today { issues.append("authorization revoked on \(revoked)") }
            if let until = person.authorizedUntil {
                if until < today {
                    issues.append("authorization expired on \(until)")
                } else if until <= today.adding(days: Self.expiryWarningDays) {
                    issues.append("authorization expires on \(until)")
                }
            } else if person.mayPost {
                issues.append("no authorized_until date")
            }
            if let reviewed = person.reviewedOn {
                if reviewed.adding(days: settings.config.accessReviewDays) < today {
                    issues.append("access review overdue (last \(reviewed))")
                }
            } else {
                issues.append("never reviewed")
            }
            let last = person.emails.compactMap { lastCommit[$0.lowercased()] }.max()
            let lastDay = last.map { Timestamp(secondsSinceEpoch: Int($0.timeIntervalSince1970)).day }
            if lastDay.map({ $0.adding(days: settings.config.inactivityDays) < today }) ?? true {
                issues.append(lastDay.map { "no commit since \($0)" } ?? "has never committed")
            }
            people.append(
                .init(
                    name: person.name, email: person.email, department: person.department,
                    roles: person.roles.map(\.rawValue).sorted(), lastCommit: lastDay?.description, issues: issues))
        }
        return RosterAuditReport(
            branch: branch, today: today.description, people: people,
            changes: try roleChanges(from: tip))
    }

    /// Every change of a person's roles, department or authorization along the first-parent
    /// history, oldest first, with the commit that made it and who merged it.
    private func roleChanges(from tip: ObjectID) throws -> [RosterAuditReport.RoleChange] {
        var changes: [RosterAuditReport.RoleChange] = []
        var previous: Roster? = nil
        var previousBlob: ObjectID? = nil
        for commit in try repository.history(from: tip, firstParentOnly: true).reversed() {
            guard let entry = try repository.file(at: Settings.rosterPath, inTree: commit.tree) else { continue }
            if entry.blob == previousBlob { continue }
            previousBlob = entry.blob
            guard let roster = try? Roster.load(try repository.blob(entry.blob), path: Settings.rosterPath).roster else { continue }
            defer { previous = roster }
            guard let before = previous else { continue }
            let grantedBy = commit.isMerge ? "merged by \(commit.author.email)" : "direct commit by \(commit.author.email) (not a merge)"
            let day = Timestamp(secondsSinceEpoch: Int(commit.author.time.timeIntervalSince1970)).day.description
            for person in roster.people {
                let old = person.emails.lazy.compactMap { before.person(email: $0) }.first
                var what: [String] = []
                if let old {
                    let added = person.roles.subtracting(old.roles).map(\.rawValue).sorted()
                    let removed = old.roles.subtracting(person.roles).map(\.rawValue).sorted()
                    if !added.isEmpty { what.append("granted \(added.joined(separator: ", "))") }
                    if !removed.isEmpty { what.append("removed \(removed.joined(separator: ", "))") }
                    if old.department != person.department { what.append("department \(old.department) → \(person.department)") }
                    if old.authorizedUntil != person.authorizedUntil {
                        what.append(
                            "authorized until \(old.authorizedUntil?.description ?? "-") → \(person.authorizedUntil?.description ?? "-")")
                    }
                    if old.revokedOn != person.revokedOn, let revoked = person.revokedOn { what.append("revoked on \(revoked)") }
                } else {
                    what.append("added with \(person.roles.map(\.rawValue).sorted().joined(separator: ", ")) for \(person.department)")
                }
                if !what.isEmpty {
                    changes.append(
                        .init(
                            email: person.email, name: person.name, change: what.joined(separator: "; "),
                            commit: commit.id.hex, grantedBy: grantedBy, date: day))
                }
            }
            for old in before.people where !old.emails.contains(where: { roster.person(email: $0) != nil }) {
                changes.append(
                    .init(
                        email: old.email, name: old.name, change: "removed from the roster",
                        commit: commit.id.hex, grantedBy: grantedBy, date: day))
            }
        }
        return changes
    }
}

/// What `roster audit` found.
public struct RosterAuditReport: Encodable, Sendable {
    public struct PersonStatus: Encodable, Sendable {
        public var name: String
        public var email: String
        public var department: String
        public var roles: [String]
        public var lastCommit: String?
        /// Empty when nothing needs attention.
        public var issues: [String]

        enum CodingKeys: String, CodingKey {
            case name, email, department, roles, issues
            case lastCommit = "last_commit"
        }
    }

    public struct RoleChange: Encodable, Sendable {
        public var email: String
        public var name: String
        public var change: String
        public var commit: String
        public var grantedBy: String
        public var date: String

        enum CodingKeys: String, CodingKey {
            case email, name, change, commit, date
            case grantedBy = "granted_by"
        }
    }

    public var branch: String
    public var today: String
    public var people: [PersonStatus]
    public var changes: [RoleChange]

    /// People with at least one issue.
    public var attention: [PersonStatus] { people.filter { !$0.issues.isEmpty } }

    public var text: String {
        var out = "Access review of content/roster.yml on \(branch), \(today)\n\n"
        if attention.isEmpty {
            out += "Everyone's authorization and access review are current.\n"
        } else {
            out += "Needs attention (\(attention.count) of \(people.count)):\n"
            for person in attention {
                out += "  \(person.name) <\(person.email)> [\(person.department); \(person.roles.joined(separator: ", "))]\n"
                for issue in person.issues { out += "    - \(issue)\n" }
            }
        }
        out += "\nRole changes (\(changes.count)):\n"
        for change in changes {
            out +=
                "  \(change.date) \(change.name) <\(change.email)>: \(change.change) — \(change.grantedBy) in \(change.commit.prefix(7))\n"
        }
        return out
    }
}
