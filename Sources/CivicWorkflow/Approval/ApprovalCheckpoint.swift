import CivicGit
import CivicPublish
import Foundation

/// Where an approval walk stopped, so that the next walk of the same branch walks only the
/// commits after it: the approval of every controlled file at `tip`, and where the settings
/// in force were loaded from. `publish` keeps one in the git folder; `verify` always walks
/// the whole history.
public struct ApprovalCheckpoint: Sendable, Equatable {
    /// Where the walk's settings came from.
    public enum SettingsOrigin: Sendable, Equatable {
        /// The baseline commit's tree.
        case baselineTree
        /// These approved blobs (roster, configuration, lexicons), by path.
        case blobs([String: ObjectID])
    }

    var branch: String
    /// The last commit walked.
    var tip: ObjectID
    var baseline: ObjectID
    /// `approval.baseline` as the configuration said.
    var baselineSetting: String?
    /// Whether signatures were required.
    var signed: Bool
    var files: [String: FileApproval]
    var origin: SettingsOrigin

    static let magic = "civicpost approval checkpoint 2\n"

    static func url(gitDirectory: String) -> URL {
        URL(fileURLWithPath: gitDirectory).appendingPathComponent("civicpost/approvals.bin")
    }

    /// The saved checkpoint, or nil when there is none or it cannot be read.
    static func load(gitDirectory: String) -> ApprovalCheckpoint? {
        guard let bytes = ReadBytes.map(url(gitDirectory: gitDirectory).path),
            var reader = CacheReader(bytes, magic: magic),
            let checkpoint = try? ApprovalCheckpoint(from: &reader), reader.isAtEnd
        else { return nil }
        return checkpoint
    }

    func save(gitDirectory: String) throws {
        let url = Self.url(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CacheWriter.write(magic: Self.magic, to: url) { writer in
            writer.string(branch)
            writer.id(tip)
            writer.id(baseline)
            writer.optional(baselineSetting) { $0.string($1) }
            writer.bool(signed)
            switch origin {
            case .baselineTree:
                writer.optional(nil as [String: ObjectID]?) { _, _ in }
            case let .blobs(blobs):
                writer.optional(blobs) { writer, blobs in
                    writer.array(blobs) { writer, entry in
                        writer.string(entry.key)
                        writer.id(entry.value)
                    }
                }
            }
            writer.array(files.values) { writer, file in
                writer.string(file.path)
                writer.id(file.blob)
                switch file.decision {
                case let .approved(evidence):
                    writer.bool(true)
                    writer.evidence(evidence)
                case let .unapproved(problem):
                    writer.bool(false)
                    writer.string(problem.rule.rawValue)
                    writer.id(problem.commit)
                    writer.string(problem.author)
                    writer.string(problem.reason)
                }
                writer.optional(file.lastApproved) { writer, version in
                    writer.id(version.blob)
                    writer.evidence(version.evidence)
                }
            }
        }
    }

    init(
        branch: String, tip: ObjectID, baseline: ObjectID, baselineSetting: String?, signed: Bool,
        files: [String: FileApproval], origin: SettingsOrigin
    ) {
        self.branch = branch
        self.tip = tip
        self.baseline = baseline
        self.baselineSetting = baselineSetting
        self.signed = signed
        self.files = files
        self.origin = origin
    }

    private init(from reader: inout CacheReader) throws {
        branch = try reader.string()
        tip = try reader.id()
        baseline = try reader.id()
        baselineSetting = try reader.optional { try $0.string() }
        signed = try reader.bool()
        let blobs = try reader.optional { reader in try reader.dictionary { (try $0.string(), try $0.id()) } }
        origin = blobs.map { .blobs($0) } ?? .baselineTree
        files = try reader.dictionary { reader -> (String, FileApproval) in
            let path = try reader.string()
            guard let kind = ControlledPath.kind(of: path) else { throw CacheReader.Truncated() }
            let blob = try reader.id()
            let decision: ApprovalDecision
            if try reader.bool() {
                decision = .approved(try reader.evidence())
            } else {
                guard let rule = ApprovalProblem.Rule(rawValue: try reader.string()) else { throw CacheReader.Truncated() }
                decision = .unapproved(
                    ApprovalProblem(rule: rule, commit: try reader.id(), author: try reader.string(), reason: try reader.string()))
            }
            let lastApproved = try reader.optional { ApprovedVersion(blob: try $0.id(), evidence: try $0.evidence()) }
            return (path, FileApproval(path: path, blob: blob, kind: kind, decision: decision, lastApproved: lastApproved))
        }
    }
}

extension CacheWriter {
    mutating func id(_ id: ObjectID) {
        let (high, middle, low) = id.words
        int(Int(bitPattern: UInt(high)))
        int(Int(bitPattern: UInt(middle)))
        int(Int(low))
    }

    fileprivate mutating func evidence(_ evidence: ApprovalEvidence) {
        id(evidence.commit)
        string(evidence.reviewer)
        int(Int(bitPattern: UInt(evidence.time.timeIntervalSince1970.bitPattern)))
        bool(evidence.baseline)
    }
}

extension CacheReader {
    mutating func id() throws -> ObjectID {
        let high = UInt64(UInt(bitPattern: try int()))
        let middle = UInt64(UInt(bitPattern: try int()))
        guard let low = UInt32(exactly: try int()) else { throw Truncated() }
        return ObjectID(words: (high, middle, low))
    }

    fileprivate mutating func evidence() throws -> ApprovalEvidence {
        ApprovalEvidence(
            commit: try id(), reviewer: try string(),
            time: Date(timeIntervalSince1970: Double(bitPattern: UInt64(UInt(bitPattern: try int())))),
            baseline: try bool())
    }
}
