import CivicGit
import CivicPolicy
import Foundation

/// `civicpost verify`: every controlled file on the publish branch is approved by a merge.
public struct VerifyRequest {
    public var directory: URL
    /// The branch to verify; nil: the configuration's publish branch.
    public var branch: String?

    public init(directory: URL, branch: String?) {
        self.directory = directory
        self.branch = branch
    }

    /// The approval report, and the same as a check report for the output formats.
    public func run() throws -> (approvals: ApprovalReport, report: CheckReport) {
        let workspace = try Workspace.locate(from: directory)
        let repository = try workspace.requireRepository(for: "verify")
        do {
            let name = try branch ?? Settings.load(from: WorkingTreeSource(root: workspace.root)).config.publishBranch
            let approvals = try ApprovalVerifier(repository: repository, branch: name).run()
            try RecordsArchive(repository: repository).requireHistory(of: name, at: approvals.tip)
            return (approvals, CheckReport(findings: approvals.findings, files: approvals.files.count))
        } catch let error as GitError {
            throw WorkflowError.git(error)
        }
    }
}
