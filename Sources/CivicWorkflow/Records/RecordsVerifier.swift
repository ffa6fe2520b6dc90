import CivicGit
import CivicPublish
import Foundation

/// `civicpost records verify`: proves the hash chain and that the records branch was only
/// ever appended to. Every commit must have one parent (the first none), add exactly one
/// record folder and change nothing else; each `record.json` must carry the SHA-256 of the one
/// before and the SHA-256 of every file beside it; the branch's reflog must show only
/// fast-forward updates; and an anchor the records officer kept from an earlier run (a record
/// hash or a commit) must still be in the chain.
public struct RecordsVerifier {
    let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// The result: the problems (empty when the archive is sound) and the chain's head.
    public struct Outcome: Sendable, Encodable {
        public var records: Int
        /// SHA-256 of the last record.json: keep it and pass it as `--anchor` next time.
        public var head: String?
        public var tip: String?
        public var problems: [String]
    }

    /// With `publishBranch`, each record's approval is also checked against it: the
    /// approving commit must be on its first-parent history, made by the reviewer the record
    /// names, and hold the recorded version of the post. A record written by hand with a
    /// correct hash chain names an approval that never happened; this finds it.
    public func run(anchor: String?, publishBranch: String? = nil) throws -> Outcome {
        guard let tip = try repository.referenceTarget(RecordsArchive.reference) else {
            return Outcome(
                records: 0, head: nil, tip: nil,
                problems: anchor.map { ["the anchor \($0) is not in the chain: there is no records branch"] } ?? [])
        }
        var problems: [String] = []
        var previousHash: String? = nil
        var sequence = 0
        var anchorFound = anchor == nil
        let chain = try repository.firstParentChain(from: tip).reversed()
        let approvals = try publishBranch.flatMap { branch in
            try repository.referenceTarget("refs/heads/\(branch)").map {
                (branch, Set(try repository.firstParentChain(from: $0).map(\.id)))
            }
        }
        for commit in chain {
            let label = "commit \(commit.id.short)"
            if commit.parents.count > 1 { problems.append("\(label) is a merge; the archive is a single line of records") }
            if anchor == commit.id.hex { anchorFound = true }
            let parentTree = try commit.parents.first.map { try repository.commit($0).tree }
            let changes = try repository.changes(from: parentTree, to: commit.tree)
            let altered = changes.filter { $0.kind != .added }
            for change in altered {
                problems.append("\(label) \(change.kind == .deleted ? "deletes" : "changes") \(change.path): records are never altered")
            }
            let folders = Set(changes.filter { $0.kind == .added }.map { folder(of: $0.path) })
            guard folders.count == 1, let folder = folders.first else {
                problems.append("\(label) adds \(folders.count) record folders; each commit adds exactly one")
                continue
            }
            guard let recordEntry = try repository.file(at: folder + "record.json", inTree: commit.tree) else {
                problems.append("\(label) adds \(folder) without a record.json")
                continue
            }
            let bytes = try repository.blob(recordEntry.blob)
            guard let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)) else {
                problems.append("\(folder)record.json is not a valid record")
                continue
            }
            sequence += 1
            if record.sequence != sequence { problems.append("\(folder)record.json has sequence \(record.sequence); expected \(sequence)") }
            if record.previous != previousHash {
                problems.append(
                    "\(folder)record.json names previous \(record.previous ?? "none"); the record before hashes to \(previousHash ?? "none")"
                )
            }
            if record.folder != folder { problems.append("\(folder) should be named \(record.folder) by its record") }
            let key = Record.versionKey(path: record.post.path, blob: record.post.blob, action: record.action)
            if record.versionKey != key { problems.append("\(folder)record.json has a version key that does not match its post") }
            var names = Set(try repository.files(inTree: commit.tree, under: folder).map { String($0.path.dropFirst(folder.count)) })
            names.remove("record.json")
            if names != Set(record.files.keys) {
                problems.append("\(folder) holds \(names.sorted()) but its record lists \(record.files.keys.sorted())")
            }
            for (name, expected) in record.files.sorted(by: { $0.key < $1.key }) {
                guard let file = try repository.file(at: folder + name, inTree: commit.tree) else { continue }
                if sha256Hex(try repository.blob(file.blob)) != expected {
                    problems.append("\(folder)\(name) does not match its hash in record.json")
                }
            }
            if let (branch, history) = approvals, record.action == .publish {
                problems += try evidenceProblems(record, folder: folder, branch: branch, history: history)
            }
            previousHash = sha256Hex(bytes)
            if anchor == previousHash { anchorFound = true }
        }
        if !anchorFound, let anchor { problems.append("the anchor \(anchor) is no longer in the chain: the branch was rewritten") }
        for entry in try repository.referenceLog(RecordsArchive.reference) {
            let zero = ObjectID(hex: String(repeating: "0", count: 40))
            guard entry.old != zero else { continue }
            let kept = (try? repository.isAncestor(entry.old, of: entry.new)) ?? false
            if !kept {
                problems.append(
                    "the records branch was moved from \(entry.old.short) to \(entry.new.short), which does not contain it (\(entry.message))"
                )
            }
            if !((try? repository.isAncestor(entry.new, of: tip)) ?? false) {
                problems.append("the records branch once pointed at \(entry.new.short), which is no longer in its history")
            }
        }
        return Outcome(records: sequence, head: previousHash, tip: tip.hex, problems: problems)
    }

    /// What is wrong with a publish record's approval, judged against the publish branch.
    private func evidenceProblems(_ record: Record, folder: String, branch: String, history: Set<ObjectID>) throws -> [String] {
        guard let approval = record.approval else { return ["\(folder)record.json publishes \(record.post.path) with no approval"] }
        guard let id = ObjectID(hex: approval.merge), let approving = try? repository.commit(id) else {
            return ["\(folder)record.json names approval \(approval.merge.prefix(12)), which is not in the repository"]
        }
        var problems: [String] = []
        if !history.contains(id) {
            problems.append("\(folder)record.json names approval \(id.short), which is not on the first-parent history of \(branch)")
        }
        if approving.author.email.lowercased() != approval.reviewer.lowercased() {
            problems.append(
                "\(folder)record.json names \(approval.reviewer) as reviewer, but \(id.short) was made by \(approving.author.email)")
        }
        if try repository.file(at: record.post.path, inTree: approving.tree)?.blob.hex != record.post.blob {
            problems.append("\(folder)record.json records a version of \(record.post.path) that \(id.short) does not hold")
        }
        return problems
    }

    private func folder(of path: String) -> String {
        // records/<bucket>/<sequence>-<key>/…
        let parts = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return path }
        return parts[0...2].joined(separator: "/") + "/"
    }
}
