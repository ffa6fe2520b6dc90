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

    /// Walks the branch. With a `checkpoint` from an earlier run whose tip is still on the
    /// branch's first-parent history, under the same baseline and signing setting, only the
    /// commits after it are walked: the result is the same as a walk from the baseline, as
    /// the walk's state after a commit depends only on the history up to it. The checkpoint is
    /// taken, not copied: the walk goes on from its files without copying them.
    public func run(resumingFrom checkpoint: consuming ApprovalCheckpoint? = nil) throws -> ApprovalReport {
        guard let tip = try repository.referenceTarget("refs/heads/\(branch)") else {
            throw WorkflowError.invalid("the publish branch '\(branch)' has no commits")
        }
        // All of the tip's settings are loaded, though only the configuration is used here:
        // a roster or lexicon on the branch that does not load stops the walk, naming it.
        let tipConfig = try Settings.load(from: TreeSource(repository: repository, tree: repository.commit(tip).tree)).config
        let signed = tipConfig.requireSignedCommits
        let baselineSetting = tipConfig.approvalBaseline
        if let named = baselineSetting, !Self.isFullCommitID(named) {
            throw WorkflowError.invalid(
                "approval.baseline must name a commit by its full id (40 hexadecimal digits), not '\(named)': a branch, a tag or a short id can be made to mean another commit"
            )
        }

        if let checkpoint = checkpoint.take(), checkpoint.branch == branch, checkpoint.signed == signed,
            checkpoint.baselineSetting == baselineSetting,
            baselineSetting.map({ (try? repository.resolveCommit($0)) == checkpoint.baseline }) ?? true,
            let newer = try repository.firstParentChain(from: tip, stoppingAt: checkpoint.tip)
        {
            var walk = try Walk(resuming: checkpoint, verifier: self)
            try walk.process(newer.reversed())
            return try approvedSettingsOnly(walk.report(tip: tip), baselineSetting: baselineSetting, signed: signed)
        }

        let chain = try repository.firstParentChain(from: tip).reversed()
        guard let root = chain.first else { throw WorkflowError.invalid("the publish branch '\(branch)' is empty") }
        // The baseline: the configured commit on the first-parent chain, else the root.
        var baseline = root
        if let named = baselineSetting {
            let id = try repository.resolveCommit(named)
            guard let found = chain.first(where: { $0.id == id }) else {
                throw WorkflowError.invalid("approval.baseline \(named) is not on the first-parent history of \(branch)")
            }
            baseline = found
        }
        var walk = try Walk(baseline: baseline, signed: signed, baselineSetting: baselineSetting, verifier: self)
        try walk.process(Array(chain.drop(while: { $0.id != baseline.id }).dropFirst()))
        return try approvedSettingsOnly(walk.report(tip: tip), baselineSetting: baselineSetting, signed: signed)
    }

    /// The report, when the walk ran under approved settings. The baseline and the signing
    /// requirement are read from the tip, before anything is known to be approved; were they
    /// not the last approved configuration's, a direct commit could have moved the baseline
    /// past itself or turned signing off, and approved whatever it liked. Then nothing is
    /// verified or published until an admin's merge approves them.
    private func approvedSettingsOnly(_ report: ApprovalReport, baselineSetting: String?, signed: Bool) throws -> ApprovalReport {
        let approved = report.settings.config
        guard approved.approvalBaseline == baselineSetting, approved.requireSignedCommits == signed else {
            let written = "approval.baseline \(baselineSetting ?? "(none)"), require_signed_commits \(signed)"
            let approvedText =
                "approval.baseline \(approved.approvalBaseline ?? "(none)"), require_signed_commits \(approved.requireSignedCommits)"
            throw WorkflowError.invalid(
                "civicpost.yml at the tip of \(branch) sets \(written), but its last approved version sets \(approvedText): an admin's merge must approve the change before verify or publish go by it"
            )
        }
        return report
    }

    /// Whether `text` is a full commit id: 40 (SHA-1) or 64 (SHA-256) hexadecimal digits.
    static func isFullCommitID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { $0.isHexDigit }
    }

    /// One walk along the first-parent history: the approval of every controlled file so far,
    /// and the settings in force (the last approved roster, configuration and lexicons).
    private struct Walk {
        let verifier: ApprovalVerifier
        let baseline: ObjectID
        let baselineSetting: String?
        var files: [String: FileApproval]
        var effective: Settings
        /// Where `effective` was loaded from, for a checkpoint.
        var origin: ApprovalCheckpoint.SettingsOrigin
        var signatures: SignatureVerifier?
        let walker: MergeWalker
        /// The last commit walked, and its tree.
        var last: ObjectID
        var lastTree: ObjectID

        var repository: Repository { verifier.repository }

        init(baseline: Commit, signed: Bool, baselineSetting: String?, verifier: ApprovalVerifier) throws {
            self.verifier = verifier
            self.baseline = baseline.id
            self.baselineSetting = baselineSetting
            files = try verifier.initialState(at: baseline)
            effective = try Settings.load(from: TreeSource(repository: verifier.repository, tree: baseline.tree))
            origin = .baselineTree
            signatures = signed ? try SignatureVerifier(repository: verifier.repository, roster: effective.roster) : nil
            walker = try MergeWalker(repository: verifier.repository, base: baseline.id)
            last = baseline.id
            lastTree = baseline.tree
        }

        init(resuming checkpoint: consuming ApprovalCheckpoint, verifier: ApprovalVerifier) throws {
            let repository = verifier.repository
            self.verifier = verifier
            baseline = checkpoint.baseline
            baselineSetting = checkpoint.baselineSetting
            files = checkpoint.files
            origin = checkpoint.origin
            switch checkpoint.origin {
            case .baselineTree:
                effective = try Settings.load(from: TreeSource(repository: repository, tree: repository.treeID(ofCommit: baseline)))
            case let .blobs(blobs):
                effective = try Settings.load(from: BlobSource(repository: repository, blobs: blobs))
            }
            signatures = checkpoint.signed ? try SignatureVerifier(repository: repository, roster: effective.roster) : nil
            walker = MergeWalker(repository: repository, resumingAfter: checkpoint.tip)
            last = checkpoint.tip
            lastTree = try repository.treeID(ofCommit: checkpoint.tip)
        }

        /// Walks `commits`, the first-parent commits after the last one walked, oldest first.
        /// What a commit changed depends on the history alone (``CommitDelta``), so it is read
        /// for all of them first, newest first, and then judged oldest first. Packs store a
        /// folder's versions as chains of deltas, and libgit2 keeps the versions it rebuilds
        /// on the way down a chain: read newest first, the next version needed is one of those.
        /// (On the benchmark's history this inflates 82,000 objects instead of 132,000.)
        mutating func process(_ commits: [Commit]) throws {
            let steps = zip([lastTree] + commits.map(\.tree), commits).map { (from: $0, to: $1) }
            var deltas: [CommitDelta] = []
            deltas.reserveCapacity(steps.count)
            for step in steps.reversed() {
                deltas.append(try CommitDelta(repository: repository, from: step.from, to: step.to))
            }
            deltas.reverse()
            for (commit, delta) in zip(commits, deltas) {
                let authorship = try walker.advance(to: commit, reading: delta.mergedParents)
                try process(commit, delta: delta, authorship: authorship)
            }
        }

        private mutating func process(_ commit: Commit, delta: CommitDelta, authorship branchAuthorship: BranchAuthorship?) throws {
            defer {
                last = commit.id
                lastTree = commit.tree
            }
            var settingsChanged = false
            for (change, fromBranch) in zip(delta.changes, delta.fromBranch) {
                let kind = ControlledPath.kind(of: change.path)!
                var decision = try verifier.decide(
                    change: change, kind: kind, fromBranch: fromBranch, commit: commit,
                    authorship: branchAuthorship, settings: effective, previous: files[change.path])
                if case .approved = decision, let signatures, case let status = try signatures.status(of: commit), status != .verified {
                    let why = status == .unsigned ? "is not signed" : "has a signature that does not verify"
                    decision = .unapproved(
                        .init(
                            rule: .unverified, commit: commit.id, author: commit.author.email,
                            reason: "the approving merge \(commit.id.short) by \(commit.author.email) \(why)"))
                }
                // With signing required, who wrote the change on the branch is known only from
                // signatures too: an unsigned commit could name anyone as its author (and so
                // let a reviewer approve what she wrote herself).
                if case .approved = decision, let signatures, let branchAuthorship,
                    let unsigned = try branchAuthorship.firstCommit(
                        touching: change.path, refusedBy: { try signatures.status(of: repository.commit($0.id)) != .verified })
                {
                    decision = .unapproved(
                        .init(
                            rule: .unverified, commit: commit.id, author: unsigned.authorEmail,
                            reason:
                                "commit \(unsigned.id.short) by \(unsigned.authorEmail) on the branch merged in \(commit.id.short) is not signed by its author's key"
                        ))
                }
                guard let newBlob = change.newBlob else {
                    // A deletion needs approval as a change does: until it has it, the version
                    // last approved stays, published (and verify names the deletion).
                    if case .unapproved(var problem) = decision, let kept = files[change.path]?.lastApproved {
                        problem.reason = "deleted: " + problem.reason
                        files[change.path] = FileApproval(
                            path: change.path, blob: kept.blob, kind: kind, decision: .unapproved(problem), lastApproved: kept)
                    } else {
                        files.removeValue(forKey: change.path)
                    }
                    continue
                }
                var lastApproved = files[change.path]?.lastApproved
                if case let .approved(evidence) = decision { lastApproved = ApprovedVersion(blob: newBlob, evidence: evidence) }
                files[change.path] = FileApproval(
                    path: change.path, blob: newBlob, kind: kind, decision: decision,
                    lastApproved: lastApproved)
                if case .approved = decision, kind.isSettings { settingsChanged = true }
            }
            // Reviewer roles come from the last approved roster, never from an unapproved edit;
            // settings that do not load leave the ones before in force.
            if settingsChanged, let (settings, blobs) = verifier.approvedSettings(files) {
                effective = settings
                origin = .blobs(blobs)
                if signatures != nil { signatures = try SignatureVerifier(repository: repository, roster: effective.roster) }
            }
        }

        func report(tip: ObjectID) -> ApprovalReport {
            let checkpoint = ApprovalCheckpoint(
                branch: verifier.branch, tip: last, baseline: baseline, baselineSetting: baselineSetting,
                signed: signatures != nil, files: files, origin: origin)
            return ApprovalReport(
                branch: verifier.branch, tip: tip, baseline: baseline, files: files, settings: effective, checkpoint: checkpoint)
        }
    }

    fileprivate func initialState(at baseline: Commit) throws -> [String: FileApproval] {
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

    fileprivate func decide(
        change: FileChange, kind: ControlledPath, fromBranch: Bool, commit: Commit,
        authorship: BranchAuthorship?, settings: Settings, previous: FileApproval?
    ) throws -> ApprovalDecision {
        guard commit.isMerge, let authorship else {
            return .unapproved(
                .init(
                    rule: .missing, commit: commit.id, author: commit.author.email,
                    reason: "changed by commit \(commit.id.short) directly on \(branch), not by a merge"))
        }
        // The version must come from a merged branch, not from the merge commit itself.
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
        // On the day of the merge (the later of its author and committer dates, and of its
        // first parent's): an approval made while the reviewer was authorized stays one after
        // they leave.
        func day(_ time: Date) -> Day { Day(daysSinceEpoch: Int((time.timeIntervalSince1970 / 86_400).rounded(.down))) }
        var mergeDay = day(max(commit.author.time, commit.committer.time))
        // A merge's dates are whatever its author wrote: one dated before its first parent
        // was made cannot have been made then. Only someone no longer authorized today could
        // gain by backdating, so only for them is the first parent read (most reviewers'
        // authorizations run into the future: a read per merge cost verify a third).
        if Self.lapse(of: person, on: Self.today) != nil, Self.lapse(of: person, on: mergeDay) == nil,
            let parent = commit.parents.first
        {
            let before = try repository.commit(parent)
            mergeDay = max(mergeDay, day(max(before.author.time, before.committer.time)))
        }
        if let lapsed = Self.lapse(of: person, on: mergeDay) {
            return .unapproved(
                .init(
                    rule: .missing, commit: commit.id, author: reviewer,
                    reason: "merged in \(commit.id.short) by \(reviewer), whose authorization \(lapsed)"))
        }
        if try authorship.authorTouched(change.path, email: person.emails) {
            return .unapproved(
                .init(
                    rule: .selfApproval, commit: commit.id, author: reviewer,
                    reason: "merged in \(commit.id.short) by \(reviewer), who also wrote it on the merged branch"))
        }
        // Nor may they approve a branch built on a version they put there unapproved (a
        // direct commit, say): that text is theirs too.
        if let previous, case let .unapproved(earlier) = previous.decision,
            person.emails.contains(where: { $0.lowercased() == earlier.author.lowercased() })
        {
            return .unapproved(
                .init(
                    rule: .selfApproval, commit: commit.id, author: reviewer,
                    reason:
                        "merged in \(commit.id.short) by \(reviewer), who made the unapproved version it builds on (commit \(earlier.commit.short))"
                ))
        }
        // Whoever wrote a post on the branch must have been one who may post, as the
        // pre-commit hook and `check --range` require: verify holds to it when they were skipped.
        if case .post = kind,
            let (email, why) = try authorship.firstAuthor(
                touching: change.path,
                objection: { email in
                    guard let writer = settings.roster.person(email: email) else { return UnauthorizedAuthorRule.unlisted }
                    return UnauthorizedAuthorRule.reason(writer, on: mergeDay)
                })
        {
            return .unapproved(
                .init(
                    rule: .unauthorizedAuthor, commit: commit.id, author: email,
                    reason: "written on the branch merged in \(commit.id.short) by \(email), who \(why)"))
        }
        return .approved(ApprovalEvidence(commit: commit.id, reviewer: reviewer, time: commit.author.time, baseline: false))
    }

    /// The day this run started (UTC).
    static let today = Day(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))

    /// Why `person` was not authorized on `day`, if they were not.
    static func lapse(of person: Person, on day: Day) -> String? {
        switch person.authorizationEnded(by: day) {
        case let .revoked(revoked): "was revoked on \(revoked)"
        case let .expired(until): "ran out on \(until)"
        case nil: nil
        }
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

    /// The settings as of the last approved roster, configuration and lexicons, with the
    /// blobs they were loaded from; nil when there is no approved roster and configuration
    /// or they do not load.
    fileprivate func approvedSettings(_ files: [String: FileApproval]) -> (Settings, [String: ObjectID])? {
        guard let roster = files[Settings.rosterPath]?.lastApproved, let config = files[Settings.configPath]?.lastApproved else {
            return nil
        }
        var blobs = [Settings.rosterPath: roster.blob, Settings.configPath: config.blob]
        for (path, file) in files where path.hasPrefix("lexicons/") {
            if let approved = file.lastApproved { blobs[path] = approved.blob }
        }
        guard let settings = try? Settings.load(from: BlobSource(repository: repository, blobs: blobs)) else { return nil }
        return (settings, blobs)
    }

}

/// What one first-parent commit changed in the controlled files, against the commit walked
/// before it, and for a merge whether each new version came from a merged branch. It depends
/// on the history alone, not on the walk's state.
struct CommitDelta {
    /// The controlled files that changed, by path.
    var changes: [FileChange]
    /// For each change: whether a merged parent (not the first) has the new version at that
    /// path (for a deletion: deleted it), so the merge brought it in rather than making it
    /// itself. Always false for a commit that is not a merge.
    var fromBranch: [Bool]
    /// For a merge: its merged parents, read for their trees, and handed on to ``MergeWalker``.
    var mergedParents: [ObjectID: BranchAuthorship.BranchCommit] = [:]

    init(repository: Repository, from previous: ObjectID, to commit: Commit) throws {
        changes = try repository.changes(from: previous, to: commit.tree).filter { ControlledPath.kind(of: $0.path) != nil }
        guard commit.isMerge else {
            fromBranch = Array(repeating: false, count: changes.count)
            return
        }
        var branchTrees: [ObjectID] = []
        for id in commit.parents.dropFirst() {
            let parent = try BranchAuthorship.BranchCommit(repository: repository, id: id)
            mergedParents[id] = parent
            branchTrees.append(parent.tree)
        }
        fromBranch = try changes.map { change in
            guard let blob = change.newBlob else {
                // A deletion comes from a merged branch that deleted the file: the branch no
                // longer has it, and its fork point with the publish branch did.
                return try commit.parents.dropFirst().contains { parent in
                    guard try repository.file(at: change.path, inTree: repository.commit(parent).tree) == nil,
                        let base = try repository.mergeBase(commit.parents[0], parent)
                    else { return false }
                    return try repository.file(at: change.path, inTree: repository.commit(base).tree) != nil
                }
            }
            // The change was read from the merge's tree: a merged parent with the same tree
            // (a branch merged as it stood) has the version without a look.
            return try branchTrees.contains { tree in
                try tree == commit.tree || repository.hasFile(at: change.path, blob: blob, inTree: tree, like: commit.tree)
            }
        }
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

extension UInt8 {
    /// 0-9, a-f or A-F.
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self)
    }
}
