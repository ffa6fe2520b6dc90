import CivicGit
import CivicPolicy
import Foundation

/// Who approved a version, and where.
public struct ApprovalEvidence: Sendable, Equatable {
    /// The merge commit (or the baseline commit).
    public var commit: ObjectID
    /// The approving reviewer's email (for the baseline, its author).
    public var reviewer: String
    /// When the approval was made.
    public var time: Date
    /// Whether this is the adoption baseline rather than a merge.
    public var baseline: Bool
}

/// A version of a file that was approved.
public struct ApprovedVersion: Sendable, Equatable {
    public var blob: ObjectID
    public var evidence: ApprovalEvidence
}

/// Why a version is not approved.
public struct ApprovalProblem: Sendable, Equatable {
    /// Which approval rule it breaks.
    public enum Rule: String, Sendable {
        case missing = "approval.missing", selfApproval = "approval.self", unverified = "author.unverified"
        case unauthorizedAuthor = "author.unauthorized"
    }
    public var rule: Rule
    /// The commit that made the unapproved change.
    public var commit: ObjectID
    /// Its author.
    public var author: String
    public var reason: String
}

/// The approval state of one version.
public enum ApprovalDecision: Sendable, Equatable {
    case approved(ApprovalEvidence)
    case unapproved(ApprovalProblem)
}

/// A controlled file at the tip of the publish branch, and whether its version is approved.
public struct FileApproval: Sendable, Equatable {
    public var path: String
    /// The version at the tip.
    public var blob: ObjectID
    public var kind: ControlledPath
    /// Whether the version at the tip is approved.
    public var decision: ApprovalDecision
    /// The newest approved version (the tip's when it is approved), if there ever was one.
    public var lastApproved: ApprovedVersion?

    public var isApproved: Bool {
        if case .approved = decision { return true }
        return false
    }

    public var evidence: ApprovalEvidence? {
        if case let .approved(evidence) = decision { return evidence }
        return nil
    }
}

/// The outcome of `verify`: every controlled file on the branch with its approval.
public struct ApprovalReport {
    public var branch: String
    public var tip: ObjectID
    public var baseline: ObjectID
    /// By path.
    public var files: [String: FileApproval]
    /// The roster and configuration as last approved.
    public var settings: Settings
    /// Where a later walk of the same branch can start from.
    public var checkpoint: ApprovalCheckpoint

    /// The files whose current version is not approved, by path.
    public var unapproved: [FileApproval] {
        files.values.filter { !$0.isApproved }.sorted { $0.path < $1.path }
    }

    /// Findings for the unapproved files, naming the commit, the file and who could approve it.
    public var findings: [Finding] {
        unapproved.compactMap { file -> Finding? in
            guard case let .unapproved(problem) = file.decision else { return nil }
            let approvers: [Person]
            switch file.kind {
            case let .post(department), let .media(department): approvers = settings.roster.reviewers(for: department)
            case .settings: approvers = settings.roster.admins
            }
            let names = approvers.filter { !$0.emails.contains(problem.author) }.map { "\($0.name) <\($0.email)>" }
            let who = names.isEmpty ? "no reviewer in the roster may approve it" : "may be approved by " + names.joined(separator: ", ")
            return Finding(
                rule: problem.rule.rawValue, severity: .error, file: file.path,
                span: SourceSpan(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2)),
                message: "not approved: \(problem.reason)",
                hint: "open a merge request with the change; it \(who)")
        }
    }
}
