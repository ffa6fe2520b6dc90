import CivicGit
import CivicPolicy

/// `check --range BASE..HEAD`, as CI runs it on a merge request: every version of every post
/// that a commit in the range wrote is checked as the work of that commit's author, against
/// the roster and configuration of BASE (a merge request cannot vouch for itself by editing
/// the roster). A merge commit is the author of a version only when it differs from every
/// parent (a conflict resolution or an edit inside the merge).
struct RangeCheck {
    let repository: Repository
    let spec: String
    let today: Day

    func run() throws -> CheckReport {
        let (base, head) = try endpoints()
        let baseCommit = try repository.commit(base)
        let settings = try Settings.load(from: TreeSource(repository: repository, tree: baseCommit.tree))
        // HEAD's own roster and configuration must still be usable (a broken file fails CI).
        _ = try Settings.load(from: TreeSource(repository: repository, tree: repository.commit(head).tree))

        var seen: Set<String> = []
        var inputs: [CheckInput] = []
        var origins: [String] = []
        var unverified: [Finding] = []
        let signatures = settings.config.requireSignedCommits ? try SignatureVerifier(repository: repository, roster: settings.roster) : nil
        for commit in try repository.history(from: head, hiding: [base]).reversed() {
            let written = try versions(writtenBy: commit)
            if let signatures, !written.isEmpty {
                let status = try signatures.status(of: commit)
                if status != .verified {
                    let why: String
                    switch status {
                    case .unsigned: why = "is not signed"
                    case let .invalid(reason): why = "has a signature that does not verify (\(reason))"
                    case .verified: why = ""
                    }
                    for change in written {
                        unverified.append(
                            Finding(
                                rule: ProcessRules.authorUnverified.id, severity: .error, file: change.path,
                                span: SourceSpan(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2)),
                                message: "commit \(commit.id.short) by \(commit.author.email) \(why)",
                                hint: ProcessRules.authorUnverified.hint))
                    }
                }
            }
            for change in written {
                let key = "\(change.path)\u{0}\(change.blob.hex)\u{0}\(commit.author.email.lowercased())"
                guard seen.insert(key).inserted else { continue }
                inputs.append(
                    CheckInput(
                        path: change.path, bytes: try repository.blob(change.blob),
                        author: Identity(name: commit.author.name, email: commit.author.email)))
                origins.append("commit \(commit.id.short) by \(commit.author.email)")
            }
        }
        // Name the version each finding is about: the same post may appear once per commit.
        let perInput = Checker(settings: settings, today: today).findings(for: inputs)
        let findings = zip(perInput, origins).flatMap { findings, origin in
            findings.map { finding in
                var copy = finding
                copy.message += " (in \(origin))"
                return copy
            }
        }
        let report = CheckReport(findings: unverified + findings, files: inputs.count, settingsWarnings: settings.warnings)
        return report
    }

    func endpoints() throws -> (ObjectID, ObjectID) {
        let parts = spec.components(separatedBy: "..")
        guard parts.count == 2 || (parts.count == 3 && parts[1].isEmpty) else {
            throw WorkflowError.invalid("--range must be BASE..HEAD, not '\(spec)'")
        }
        let baseName = parts[0].isEmpty ? "HEAD" : parts[0]
        let headName = parts.last!.isEmpty ? "HEAD" : parts.last!
        var base = try repository.resolveCommit(baseName)
        let head = try repository.resolveCommit(headName)
        if parts.count == 3, let mergeBase = try repository.mergeBase(base, head) { base = mergeBase }
        return (base, head)
    }

    /// The post versions a commit wrote: for an ordinary commit, what it changed against its
    /// parent; for a merge, what differs from every parent.
    func versions(writtenBy commit: Commit) throws -> [(path: String, blob: ObjectID)] {
        let parentTrees = try commit.parents.map { try repository.commit($0).tree }
        let changes = try repository.changes(from: parentTrees.first, to: commit.tree)
        var out: [(String, ObjectID)] = []
        for change in changes where Settings.isPost(change.path) {
            guard let blob = change.newBlob else { continue }
            var fromParent = false
            for tree in parentTrees.dropFirst() where try repository.file(at: change.path, inTree: tree)?.blob == blob {
                fromParent = true
            }
            if !fromParent { out.append((change.path, blob)) }
        }
        return out
    }
}
