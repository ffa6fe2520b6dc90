import CivicTestSupport
import Foundation
import Testing

/// `require_signed_commits: true`: every commit that writes a post must carry an SSH signature
/// by its author's signing key from the roster, verified with `ssh-keygen -Y verify`.
@Suite(.serialized) struct SignedCommitTests {
    typealias City = ApprovalWorkflowTests.City

    func makeKey(_ name: String, in folder: URL) throws -> (privateKey: String, publicKey: String) {
        let path = folder.appendingPathComponent(name).path
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path], in: folder)
        guard result.status == 0 else { throw CommandFailure(command: "ssh-keygen", result: result) }
        let publicKey = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return (path, publicKey)
    }

    @Test func unsignedAndWronglySignedCommitsAreUnverified() throws {
        let city = try City()
        let keys = city.sandbox.root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let jordanKey = try makeKey("jordan", in: keys)
        let priyaKey = try makeKey("priya", in: keys)
        try city.edit("content/roster.yml") { roster in
            roster.replacingOccurrences(
                of: "    reviewed_on: 2026-07-01\n  - name: Priya Natarajan",
                with: "    reviewed_on: 2026-07-01\n    signing_key: \(jordanKey.publicKey)\n  - name: Priya Natarajan")
        }
        try city.edit("civicpost.yml") {
            $0.replacingOccurrences(of: "require_signed_commits: false", with: "require_signed_commits: true")
        }
        #expect(try city.commit("Require signed commits", as: ApprovalWorkflowTests.sam, noVerify: true).status == 0)
        let signing = ["-c", "gpg.format=ssh"]

        // Signed with Jordan's own key: verified.
        #expect(try city.git(["checkout", "-q", "-b", "draft/signed", "main"], as: ApprovalWorkflowTests.jordan).status == 0)
        try city.write("content/posts/dpw/2026/signed.md", ApprovalWorkflowTests.post("Signed post"))
        try city.git(["add", "-A"], as: ApprovalWorkflowTests.jordan)
        let signed = try city.git(
            signing + ["-c", "user.signingkey=\(jordanKey.privateKey)", "commit", "-q", "-S", "-m", "Signed"],
            as: ApprovalWorkflowTests.jordan)
        #expect(signed.status == 0, "\(signed)")
        let good = try city.civicpost(["check", "--range", "main..draft/signed"])
        #expect(good.status == 0, "\(good)")

        // Unsigned: unverified.
        #expect(try city.git(["checkout", "-q", "-b", "draft/unsigned", "main"], as: ApprovalWorkflowTests.jordan).status == 0)
        try city.write("content/posts/dpw/2026/unsigned.md", ApprovalWorkflowTests.post("Unsigned post"))
        #expect(try city.commit("Unsigned", as: ApprovalWorkflowTests.jordan).status == 0)
        let unsigned = try city.civicpost(["check", "--range", "main..draft/unsigned"])
        #expect(unsigned.status == 1, "\(unsigned)")
        #expect(unsigned.stdout.contains("content/posts/dpw/2026/unsigned.md:1:1: error: commit"), "\(unsigned)")
        #expect(unsigned.stdout.contains("is not signed [author.unverified]"), "\(unsigned)")

        // Signed with someone else's key: unverified.
        #expect(try city.git(["checkout", "-q", "-b", "draft/wrong", "main"], as: ApprovalWorkflowTests.jordan).status == 0)
        try city.write("content/posts/dpw/2026/wrong.md", ApprovalWorkflowTests.post("Wrong key"))
        try city.git(["add", "-A"], as: ApprovalWorkflowTests.jordan)
        let wrong = try city.git(
            signing + ["-c", "user.signingkey=\(priyaKey.privateKey)", "commit", "-q", "-S", "-m", "Wrong key"],
            as: ApprovalWorkflowTests.jordan)
        #expect(wrong.status == 0, "\(wrong)")
        let invalid = try city.civicpost(["check", "--range", "main..draft/wrong"])
        #expect(invalid.status == 1, "\(invalid)")
        #expect(invalid.stdout.contains("has a signature that does not verify"), "\(invalid)")
    }

    @Test func anUnsignedBranchCommitCannotBeApprovedWhenSigningIsRequired() throws {
        let city = try City()
        let keys = city.sandbox.root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let jordanKey = try makeKey("jordan", in: keys)
        let priyaKey = try makeKey("priya", in: keys)
        let samKey = try makeKey("sam", in: keys)
        let sam = ApprovalWorkflowTests.sam, jordan = ApprovalWorkflowTests.jordan
        // Signing is turned on as the README says: the keys in one admin's merge, then
        // require_signed_commits with the baseline at that merge, in a merge the admin signs.
        #expect(try city.git(["checkout", "-q", "-b", "roster/keys"], as: jordan).status == 0)
        try city.edit("content/roster.yml") { roster in
            roster.replacingOccurrences(
                of: "    reviewed_on: 2026-07-01\n  - name: Priya Natarajan",
                with: "    reviewed_on: 2026-07-01\n    signing_key: \(jordanKey.publicKey)\n  - name: Priya Natarajan"
            ).replacingOccurrences(
                of: "    reviewed_on: 2026-07-01\n  # Communications vendor",
                with: "    reviewed_on: 2026-07-01\n    signing_key: \(priyaKey.publicKey)\n  # Communications vendor"
            ).replacingOccurrences(
                of: "    reviewed_on: 2026-03-02\n",
                with: "    reviewed_on: 2026-03-02\n    signing_key: \(samKey.publicKey)\n")
        }
        #expect(try city.commit("Signing keys", as: jordan, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: sam).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "roster/keys"], as: sam).status == 0)
        let keysMerge = try city.git(["rev-parse", "HEAD"], as: sam).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try city.git(["checkout", "-q", "-b", "config/signing"], as: jordan).status == 0)
        try city.edit("civicpost.yml") {
            $0.replacingOccurrences(of: "require_signed_commits: false", with: "require_signed_commits: true")
                + "approval: {baseline: \(keysMerge)}\n"
        }
        try city.git(["add", "-A"], as: jordan)
        let signedConfig = try city.git(
            [
                "-c", "gpg.format=ssh", "-c", "user.signingkey=\(jordanKey.privateKey)", "commit", "-q", "--no-verify", "-S", "-m",
                "Require signed commits",
            ],
            as: jordan)
        #expect(signedConfig.status == 0, "\(signedConfig)")
        #expect(try city.git(["checkout", "-q", "main"], as: sam).status == 0)
        let enable = try city.git(
            [
                "-c", "gpg.format=ssh", "-c", "user.signingkey=\(samKey.privateKey)", "merge", "-q", "-S", "--no-ff", "--no-edit",
                "config/signing",
            ],
            as: sam)
        #expect(enable.status == 0, "\(enable)")
        let enabled = try city.civicpost(["verify"])
        #expect(enabled.status == 0, "\(enabled)")
        let signing = ["-c", "gpg.format=ssh"]
        func signedMerge(_ branch: String) throws {
            let merge = try city.git(
                signing + ["-c", "user.signingkey=\(priyaKey.privateKey)", "merge", "-q", "-S", "--no-ff", "--no-edit", branch],
                as: ApprovalWorkflowTests.priya)
            #expect(merge.status == 0, "\(merge)")
        }
        // Jordan's signed commit, merged and signed by Priya: approved.
        #expect(try city.git(["checkout", "-q", "-b", "draft/signed", "main"], as: ApprovalWorkflowTests.jordan).status == 0)
        try city.write("content/posts/dpw/2026/signed.md", ApprovalWorkflowTests.post("Signed post"))
        try city.git(["add", "-A"], as: ApprovalWorkflowTests.jordan)
        #expect(
            try city.git(
                signing + ["-c", "user.signingkey=\(jordanKey.privateKey)", "commit", "-q", "-S", "-m", "Signed"],
                as: ApprovalWorkflowTests.jordan
            )
            .status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: ApprovalWorkflowTests.priya).status == 0)
        try signedMerge("draft/signed")
        let good = try city.civicpost(["verify"])
        #expect(good.status == 0, "\(good)")
        // Priya writes a post, commits it unsigned under Jordan's name, and merges it herself.
        #expect(try city.git(["checkout", "-q", "-b", "draft/posing", "main"], as: ApprovalWorkflowTests.priya).status == 0)
        try city.write("content/posts/dpw/2026/posing.md", ApprovalWorkflowTests.post("Posing post"))
        #expect(try city.commit("Posing as Jordan", as: ApprovalWorkflowTests.jordan, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: ApprovalWorkflowTests.priya).status == 0)
        try signedMerge("draft/posing")
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("content/posts/dpw/2026/posing.md:1:1: error: not approved: commit"), "\(verify)")
        #expect(verify.stdout.contains("is not signed by its author's key [author.unverified]"), "\(verify)")
    }
}
