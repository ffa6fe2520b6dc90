import CivicGit
import CivicPolicy
import Foundation

/// Approval by merge (DESIGN.md, "Approval"): walks the first-parent history of the publish
/// branch once, from the adoption baseline to the tip, and follows every controlled file
/// (posts, media, roster, configuration, templates, lexicons). A version is approved when a
/// merge commit brought it in from its second parent, the merge's author may approve that file,
/// and that author wrote no commit on the merged branch touching the file. Any other change
/// (a direct commit, a squash or rebase merge, an edit after approval, a change made in the
/// merge commit itself) leaves the file unapproved until a later approving merge.
public struct ApprovalVerifier {
    let repository: Repository
    let branch: String

    public init(repository: Repository, branch: String) {
        self.repository = repository
        self.branch = branch
    }

    public func run() throws -> ApprovalReport {
        guard let tip = try repository.referenceTarget("refs/heads/\(branch)") else {
            throw WorkflowError.invalid("the publish branch '\(branch)' has no commits")
        }
        let chain = try repository.firstParentChain(from: tip).reversed()
        guard let root = chain.first else { throw WorkflowError.invalid("the publish branch '\(branch)' is empty") }

        // The baseline: the configured commit on the first-parent chain, else the root.
        let tipSettings = try Settings.load(from: TreeSource(repository: repository, tree: repository.commit(tip).tree))
        var baseline = root
        if let named = tipSettings.config.approvalBaseline {
            let id = try repository.resolveCommit(named)
            guard let found = chain.first(where: { $0.id == id }) else {
                throw WorkflowError.invalid("approval.baseline \(named) is not on the first-parent history of \(branch)")
            }
            baseline = found
        }

        var state = try initialState(at: baseline)
        var effective = try Settings.load(from: TreeSource(repository: repository, tree: baseline.tree))
        var signatures =
            tipSettings.config.requireSignedCommits ? try SignatureVerifier(repository: repository, roster: effective.roster) : nil
        let walker = try MergeWalker(repository: repository, base: baseline.id)
        var reached = false
        var firstParentTree = baseline.tree
        for commit in chain {
            if !reached {
                reached = commit.id == baseline.id
                continue
            }
            defer { firstParentTree = commit.tree }
            let branchAuthorship = try walker.advance(to: commit)
            let changes = try repository.changes(from: firstParentTree, to: commit.tree).filter { ControlledPath.kind(of: $0.path) != nil }
            guard !changes.isEmpty else { continue }
            // The trees of the merged parents, read once for all the changes of this commit.
            let branchTrees = try branchAuthorship.map { authorship in
                try commit.parents.dropFirst().map { try authorship.tree(ofParent: $0) }
            }
            var settingsChanged = false
            for change in changes {
                guard let newBlob = change.newBlob else {
                    state.removeValue(forKey: change.path)
                    continue
                }
                let kind = ControlledPath.kind(of: change.path)!
                var decision = try decide(
                    change: change, newBlob: newBlob, kind: kind, commit: commit,
                    authorship: branchAuthorship, branchTrees: branchTrees ?? [], settings: effective)
                if case .approved = decision, let signatures, case let status = try signatures.status(of: commit), status != .verified {
                    let why = status == .unsigned ? "is not signed" : "has a signature that does not verify"
                    decision = .unapproved(
                        .init(
                            rule: .unverified, commit: commit.id, author: commit.author.email,
                            reason: "the approving merge \(commit.id.short) by \(commit.author.email) \(why)"))
                }
                var lastApproved = state[change.path]?.lastApproved
                if case let .approved(evidence) = decision { lastApproved = ApprovedVersion(blob: newBlob, evidence: evidence) }
                state[change.path] = FileApproval(
                    path: change.path, blob: newBlob, kind: kind, decision: decision,
                    lastApproved: lastApproved)
                if case .approved = decision, kind.isSettings { settingsChanged = true }
            }
            if settingsChanged {
                // Reviewer roles come from the last approved roster, never from an unapproved edit.
                effective = try approvedSettings(state: state, fallback: effective)
                if signatures != nil { signatures = try SignatureVerifier(repository: repository, roster: effective.roster) }
            }
        }
        return ApprovalReport(branch: branch, tip: tip, baseline: baseline.id, files: state, settings: effective)
    }

    private func initialState(at baseline: Commit) throws -> [String: FileApproval] {
        var state: [String: FileApproval] = [:]
        for entry in try repository.files(inTree: baseline.tree) {
            guard let kind = ControlledPath.kind(of: entry.path) else { continue }
            let evidence = ApprovalEvidence(
                commit: baseline.id, reviewer: baseline.author.email, time: baseline.author.time, baseline: true)
            state[entry.path] = FileApproval(
                path: entry.path, blob: entry.blob, kind: kind, decision: .approved(evidence),
                lastApproved: ApprovedVersion(blob: entry.blob, evidence: evidence))
        }
        return state
    }

    private func decide(
        change: FileChange, newBlob: ObjectID, kind: ControlledPath, commit: Commit,
        authorship: BranchAuthorship?, branchTrees: [ObjectID], settings: Settings
    ) throws -> ApprovalDecision {
        guard commit.isMerge, let authorship else {
            return .unapproved(
                .init(
                    rule: .missing, commit: commit.id, author: commit.author.email,
                    reason: "changed by commit \(commit.id.short) directly on \(branch), not by a merge"))
        }
        // The version must come from a merged branch, not from the merge commit itself.
        var fromBranch = false
        for parentTree in branchTrees
        where try repository.hasFile(at: change.path, blob: newBlob, inTree: parentTree, like: commit.tree) {
            fromBranch = true
        }
        guard fromBranch else {
            return .unapproved(
                .init(
                    rule: .missing, commit: commit.id, author: commit.author.email,
                    reason: "changed in merge commit \(commit.id.short) itself, not on the merged branch"))
        }
        let reviewer = commit.author.email
        guard let person = settings.roster.person(email: reviewer), mayApprove(person, kind: kind) else {
            return .unapproved(
                .init(
                    rule: .missing, commit: commit.id, author: reviewer,
                    reason: "merged in \(commit.id.short) by \(reviewer), who may not approve \(kind.noun)"))
        }
        if try authorship.authorTouched(change.path, email: person.emails) {
            return .unapproved(
                .init(
                    rule: .selfApproval, commit: commit.id, author: reviewer,
                    reason: "merged in \(commit.id.short) by \(reviewer), who also wrote it on the merged branch"))
        }
        return .approved(ApprovalEvidence(commit: commit.id, reviewer: reviewer, time: commit.author.time, baseline: false))
    }

    /// Whether `person` may approve a change to a file of this kind.
    func mayApprove(_ person: Person, kind: ControlledPath) -> Bool {
        guard person.roles.contains(.reviewer) else { return false }
        switch kind {
        case let .post(department), let .media(department):
            return person.covers(department)
        case .settings:
            return person.roles.contains(.admin)
        }
    }

    /// The settings as of the last approved roster and configuration.
    private func approvedSettings(state: [String: FileApproval], fallback: Settings) throws -> Settings {
        guard let roster = state[Settings.rosterPath]?.lastApproved, let config = state[Settings.configPath]?.lastApproved else {
            return fallback
        }
        var blobs = [Settings.rosterPath: roster.blob, Settings.configPath: config.blob]
        for (path, file) in state where path.hasPrefix("lexicons/") {
            if let approved = file.lastApproved { blobs[path] = approved.blob }
        }
        let source = BlobSource(repository: repository, blobs: blobs)
        return (try? Settings.load(from: source)) ?? fallback
    }
}

/// The files approval covers, and who may approve each.
public enum ControlledPath: Sendable, Equatable {
    /// `content/posts/<department>/…`: a reviewer of the department.
    case post(department: String)
    /// `content/media/<department>/…`: a reviewer of the department.
    case media(department: String)
    /// The roster, the configuration, templates and lexicons: a reviewer who is an admin.
    case settings

    /// The kind of a path, or nil when approval does not cover it.
    public static func kind(of path: String) -> ControlledPath? {
        if path == Settings.configPath || path == Settings.rosterPath || path.hasPrefix("templates/") || path.hasPrefix("lexicons/") {
            return .settings
        }
        for (prefix, make) in [("content/posts/", ControlledPath.post), ("content/media/", ControlledPath.media)]
        where path.hasPrefix(prefix) {
            let rest = path.utf8.dropFirst(prefix.utf8.count)
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash != rest.startIndex,
                rest.index(after: slash) != rest.endIndex
            else { return nil }
            return make(String(decoding: rest[..<slash], as: UTF8.self))
        }
        return nil
    }

    var isSettings: Bool { self == .settings }

    var noun: String {
        switch self {
        case let .post(department): "posts of \(department)"
        case let .media(department): "media of \(department)"
        case .settings: "the roster, configuration, templates or lexicons (admins only)"
        }
    }
}

/// Reads given blobs as files, for settings as of an approved version.
struct BlobSource: ContentSource {
    let repository: Repository
    let blobs: [String: ObjectID]

    func read(_ path: String) throws -> [UInt8]? {
        try blobs[path].map(repository.blob)
    }

    func files(under prefix: String) throws -> [String] {
        blobs.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
