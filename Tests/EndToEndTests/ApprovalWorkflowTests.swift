import CivicTestSupport
import Foundation
import Testing

/// The git workflow end to end, with the real `git`: the pre-commit gate, CI's range check,
/// and approval by merge as `verify` sees it.
@Suite(.serialized) struct ApprovalWorkflowTests {
    static let sam = GitSandbox.Person("Sam Okafor", "sam.okafor@milwaukee.gov")  // reviewer + admin, every department
    static let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")  // dpw spokesperson
    static let priya = GitSandbox.Person("Priya Natarajan", "priya.natarajan@milwaukee.gov")  // dpw reviewer
    static let stranger = GitSandbox.Person("Pat Stranger", "pat.stranger@example.org")  // not in the roster

    /// A city made by `civicpost init` with the hook installed, driven by git as `person`.
    final class City {
        let sandbox: GitSandbox
        let root: URL
        let binary = Fixtures.civicpostBinary

        init() throws {
            sandbox = try GitSandbox()
            root = sandbox.root.appendingPathComponent("city")
            let result = try ProcessRunner.run(
                binary.path, ["init", root.path], in: sandbox.root,
                environment: ProcessInfo.processInfo.environment.merging(
                    ["GIT_AUTHOR_NAME": sam.name, "GIT_AUTHOR_EMAIL": sam.email]) { $1 })
            guard result.status == 0 else { throw CommandFailure(command: "civicpost init", result: result) }
        }

        var environment: [String: String] {
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
            env["GIT_CONFIG_GLOBAL"] = "/dev/null"
            env["GIT_CONFIG_NOSYSTEM"] = "1"
            env["NO_COLOR"] = "1"
            return env
        }

        @discardableResult
        func git(_ arguments: [String], as person: GitSandbox.Person) throws -> ProcessResult {
            var env = environment
            env["GIT_AUTHOR_NAME"] = person.name
            env["GIT_AUTHOR_EMAIL"] = person.email
            env["GIT_COMMITTER_NAME"] = person.name
            env["GIT_COMMITTER_EMAIL"] = person.email
            return try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: root, environment: env)
        }

        func civicpost(_ arguments: [String], as person: GitSandbox.Person? = nil) throws -> ProcessResult {
            var env = environment
            if let person {
                env["GIT_AUTHOR_NAME"] = person.name
                env["GIT_AUTHOR_EMAIL"] = person.email
            }
            return try ProcessRunner.run(binary.path, arguments, in: root, environment: env)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func edit(_ path: String, _ transform: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            try Data(transform(String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }

        /// Commits everything as `person` (through the hook unless `noVerify`).
        @discardableResult
        func commit(_ message: String, as person: GitSandbox.Person, noVerify: Bool = false) throws -> ProcessResult {
            try git(["add", "-A"], as: person)
            return try git(["commit", "-q", "-m", message] + (noVerify ? ["--no-verify"] : []), as: person)
        }
    }

    static func post(_ title: String, department: String = "dpw") -> String {
        """
        ---
        title: \(title)
        department: \(department)
        platforms: [x, facebook]
        summary: \(title).
        review_by: 2099-01-01
        ---
        \(title). Details at https://city.milwaukee.gov/\(department)

        """
    }

    /// Jordan drafts a post on a branch; Priya merges it: the approved path through.
    func approvedPost(in city: City, slug: String = "street-sweeping") throws -> String {
        let path = "content/posts/dpw/2026/\(slug).md"
        #expect(try city.git(["checkout", "-q", "-b", "draft/\(slug)"], as: Self.jordan).status == 0)
        try city.write(path, Self.post("Street sweeping resumes \(slug)"))
        let commit = try city.commit("Draft \(slug)", as: Self.jordan)
        #expect(commit.status == 0, "\(commit)")
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        let merge = try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/\(slug)"], as: Self.priya)
        #expect(merge.status == 0, "\(merge)")
        return path
    }

    @Test func reviewersMergePasses() throws {
        let city = try City()
        _ = try approvedPost(in: city)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func unlistedAuthorIsRefusedByTheHookAndCaughtByCIAfterNoVerify() throws {
        let city = try City()
        #expect(try city.git(["checkout", "-q", "-b", "draft/stranger"], as: Self.stranger).status == 0)
        try city.write("content/posts/dpw/2026/stranger.md", Self.post("Free parking downtown"))
        let refused = try city.commit("Draft", as: Self.stranger)
        #expect(refused.status != 0, "\(refused)")
        #expect((refused.stdout + refused.stderr).contains("[author.unauthorized]"), "\(refused)")

        let bypassed = try city.commit("Draft", as: Self.stranger, noVerify: true)
        #expect(bypassed.status == 0)
        let ci = try city.civicpost(["check", "--range", "main..draft/stranger"])
        #expect(ci.status == 1, "\(ci)")
        #expect(ci.stdout.contains("content/posts/dpw/2026/stranger.md:1:1: error:"), "\(ci)")
        #expect(ci.stdout.contains("pat.stranger@example.org"), "\(ci)")
    }

    @Test func listedAuthorCannotSmuggleAnUnlistedAuthorsVersion() throws {
        let city = try City()
        #expect(try city.git(["checkout", "-q", "-b", "draft/mixed"], as: Self.stranger).status == 0)
        try city.write("content/posts/dpw/2026/mixed.md", Self.post("Bulk pickup"))
        #expect(try city.commit("Draft", as: Self.stranger, noVerify: true).status == 0)
        try city.edit("content/posts/dpw/2026/mixed.md") { $0.replacingOccurrences(of: "Bulk pickup.", with: "Bulk pickup, week two.") }
        #expect(try city.commit("Polish", as: Self.jordan).status == 0)
        let ci = try city.civicpost(["check", "--range", "main..draft/mixed", "--format", "json"])
        #expect(ci.status == 1, "\(ci)")
        #expect(ci.stdout.contains("pat.stranger@example.org"), "\(ci)")
    }

    @Test func expiredAuthorizationIsRefused() throws {
        let city = try City()
        let hook = try city.civicpost(["check", "--all"])
        #expect(hook.status == 0, "\(hook)")
        try city.edit("content/roster.yml") { roster in
            roster.replacingOccurrences(
                of: "    authorized_until: 2027-06-30\n    reviewed_on: 2026-07-01\n  - name: Priya",
                with: "    authorized_until: 2026-01-31\n    reviewed_on: 2026-07-01\n  - name: Priya")
        }
        #expect(try city.commit("Jordan's authorization ended", as: Self.sam).status == 0)
        #expect(try city.git(["checkout", "-q", "-b", "draft/late"], as: Self.jordan).status == 0)
        try city.write("content/posts/dpw/2026/late.md", Self.post("Late post"))
        let refused = try city.commit("Draft", as: Self.jordan)
        #expect(refused.status != 0, "\(refused)")
        #expect((refused.stdout + refused.stderr).contains("2026-01-31"), "\(refused)")
    }

    @Test func directCommitToThePublishBranchFailsVerifyNamingWhoCouldApprove() throws {
        let city = try City()
        try city.write("content/posts/dpw/2026/direct.md", Self.post("Direct post"))
        #expect(try city.commit("Direct", as: Self.jordan).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("content/posts/dpw/2026/direct.md:1:1: error: not approved: changed by commit"), "\(verify)")
        #expect(verify.stdout.contains("[approval.missing]"))
        #expect(verify.stdout.contains("Priya Natarajan <priya.natarajan@milwaukee.gov>"), "\(verify)")
    }

    @Test func selfMergeFails() throws {
        let city = try City()
        #expect(try city.git(["checkout", "-q", "-b", "draft/self"], as: Self.priya).status == 0)
        try city.write("content/posts/dpw/2026/self.md", Self.post("Self approved"))
        #expect(try city.commit("Draft", as: Self.priya, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/self"], as: Self.priya).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("[approval.self]"), "\(verify)")
        #expect(verify.stdout.contains("Sam Okafor <sam.okafor@milwaukee.gov>"), "\(verify)")
    }

    @Test func squashMergeFails() throws {
        let city = try City()
        #expect(try city.git(["checkout", "-q", "-b", "draft/squash"], as: Self.jordan).status == 0)
        try city.write("content/posts/dpw/2026/squash.md", Self.post("Squashed"))
        #expect(try city.commit("Draft", as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--squash", "draft/squash"], as: Self.priya).status == 0)
        #expect(try city.git(["commit", "-q", "--no-verify", "-m", "Squash"], as: Self.priya).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("content/posts/dpw/2026/squash.md:1:1: error: not approved"), "\(verify)")
    }

    @Test func editAfterApprovalFailsAndPublishKeepsTheApprovedVersion() throws {
        let city = try City()
        let path = try approvedPost(in: city)
        #expect(try city.civicpost(["verify"]).status == 0)
        try city.edit(path) { $0.replacingOccurrences(of: "Details at", with: "New detail. Details at") }
        #expect(try city.commit("Tweak after approval", as: Self.jordan).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("\(path):1:1: error: not approved: changed by commit"), "\(verify)")

        let publish = try city.civicpost(["publish", "--now", "2030-01-01T00:00:00Z"])
        #expect(publish.status == 0, "\(publish)")
        #expect(publish.stdout.contains("held back: \(path): not approved"), "\(publish)")
        let page = try String(contentsOf: city.root.appendingPathComponent("_site/dpw/2026/street-sweeping/index.html"), encoding: .utf8)
        #expect(page.contains("Street sweeping resumes"))
        #expect(!page.contains("New detail."), "the unapproved edit reached the site")
    }

    /// Sam merges Jordan's roster change revoking Priya's authorization on `day`.
    func revokePriya(on day: String, in city: City) throws {
        #expect(try city.git(["checkout", "-q", "-b", "roster/revoke-priya"], as: Self.jordan).status == 0)
        try city.edit("content/roster.yml") {
            $0.replacingOccurrences(
                of: "    roles: [reviewer]\n    authorized_until: 2028-06-30",
                with: "    roles: [reviewer]\n    authorized_until: 2028-06-30\n    revoked_on: \(day)")
        }
        #expect(try city.commit("Revoke Priya", as: Self.jordan, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.sam).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "roster/revoke-priya"], as: Self.sam).status == 0)
    }

    @Test func aRevokedReviewerCannotApprove() throws {
        let city = try City()
        try revokePriya(on: "2020-01-31", in: city)
        let path = try approvedPost(in: city)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("\(path):1:1: error: not approved: merged in"), "\(verify)")
        #expect(verify.stdout.contains("whose authorization was revoked on 2020-01-31"), "\(verify)")
    }

    @Test func aRevokedReviewerCannotApproveByBackdatingTheMerge() throws {
        let city = try City()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let day: TimeInterval = 86_400
        let revoked = formatter.string(from: Date().addingTimeInterval(-2 * day))
        let backdated = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-30 * day))
        try revokePriya(on: revoked, in: city)
        let path = "content/posts/dpw/2026/late.md"
        #expect(try city.git(["checkout", "-q", "-b", "draft/late"], as: Self.jordan).status == 0)
        try city.write(path, Self.post("Late post"))
        #expect(try city.commit("Draft", as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        var environment = city.environment
        environment["GIT_AUTHOR_NAME"] = Self.priya.name
        environment["GIT_AUTHOR_EMAIL"] = Self.priya.email
        environment["GIT_COMMITTER_NAME"] = Self.priya.name
        environment["GIT_COMMITTER_EMAIL"] = Self.priya.email
        environment["GIT_AUTHOR_DATE"] = backdated
        environment["GIT_COMMITTER_DATE"] = backdated
        let merge = try ProcessRunner.run(
            "/usr/bin/env", ["git", "merge", "-q", "--no-ff", "--no-edit", "draft/late"], in: city.root, environment: environment)
        #expect(merge.status == 0, "\(merge)")
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("\(path):1:1: error: not approved: merged in"), "\(verify)")
        #expect(verify.stdout.contains("whose authorization was revoked on \(revoked)"), "\(verify)")
    }

    @Test func theBaselineMustBeAFullCommitIDAndApproved() throws {
        let city = try City()
        // A branch name would follow the branch: refused outright.
        try city.edit("civicpost.yml") { $0 + "approval: {baseline: main}\n" }
        #expect(try city.commit("Baseline is main", as: Self.jordan, noVerify: true).status == 0)
        let named = try city.civicpost(["verify"])
        #expect(named.status == 2, "\(named)")
        #expect(named.stderr.contains("approval.baseline must name a commit by its full id"), "\(named)")
        // A direct commit that moves the baseline past an unapproved post: the walk's settings
        // are not the approved ones, so neither verify nor publish go by them.
        #expect(try city.git(["reset", "-q", "--hard", "HEAD~1"], as: Self.jordan).status == 0)
        try city.write("content/posts/dpw/2026/evil.md", Self.post("Unreviewed"))
        #expect(try city.commit("Unreviewed post", as: Self.jordan, noVerify: true).status == 0)
        let evil = try city.git(["rev-parse", "HEAD"], as: Self.jordan).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try city.edit("civicpost.yml") { $0 + "approval: {baseline: \(evil)}\n" }
        #expect(try city.commit("Move the baseline", as: Self.jordan, noVerify: true).status == 0)
        for command in [["verify"], ["publish", "--now", "2026-11-27T12:00:00Z"]] {
            let result = try city.civicpost(command)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("but its last approved version sets approval.baseline (none)"), "\(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("_queue").path))
    }

    @Test func aPublishBranchWhoseHistoryWasReplacedPublishesNothing() throws {
        let city = try City()
        _ = try approvedPost(in: city)
        let first = try city.civicpost(["publish", "--now", "2026-11-27T12:00:00Z"])
        #expect(first.status == 0, "\(first)")
        // main forced to a new root commit holding an unreviewed post.
        #expect(try city.git(["checkout", "-q", "--orphan", "replacement"], as: Self.jordan).status == 0)
        try city.write("content/posts/dpw/2026/evil.md", Self.post("Unreviewed"))
        #expect(try city.commit("New history", as: Self.jordan, noVerify: true).status == 0)
        #expect(try city.git(["branch", "-q", "-f", "main", "replacement"], as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.jordan).status == 0)
        let queued = try FileManager.default.subpathsOfDirectory(atPath: city.root.appendingPathComponent("_queue").path)
        // The new history may even merge the old one in as a side branch.
        let old = try city.git(["rev-parse", "main@{1}"], as: Self.jordan).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let merged = try city.git(["merge", "-q", "-s", "ours", "--allow-unrelated-histories", "--no-edit", old], as: Self.jordan)
        #expect(merged.status == 0, "\(merged)")
        for command in [["verify"], ["publish", "--now", "2026-11-27T12:00:00Z"]] {
            let result = try city.civicpost(command)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("which the publish branch 'main' no longer holds"), "\(result)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: city.root.appendingPathComponent("_queue").path) == queued)
    }

    @Test func aDeletionNeedsApprovalLikeAnyChange() throws {
        let city = try City()
        let path = try approvedPost(in: city)
        let now = ["--now", "2030-01-01T00:00:00Z"]
        #expect(try city.civicpost(["publish"] + now).status == 0)
        func withdrawals() throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: city.root.appendingPathComponent("_queue").path)
                .filter { $0.hasSuffix("-withdraw.json") || $0.contains("withdraw") }
        }
        #expect(try withdrawals().isEmpty)
        // Deleted directly on main by someone not in the roster: not approved, still published.
        #expect(try city.git(["rm", "-q", path], as: Self.stranger).status == 0)
        #expect(try city.git(["commit", "-q", "--no-verify", "-m", "Remove"], as: Self.stranger).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("\(path):1:1: error: not approved: deleted: changed by commit"), "\(verify)")
        let held = try city.civicpost(["publish"] + now)
        #expect(held.status == 0, "\(held)")
        #expect(try withdrawals().isEmpty, "\(held)")
        // Deleted on a branch and merged by a reviewer: withdrawn.
        #expect(try city.git(["revert", "--no-edit", "HEAD"], as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "-b", "remove/post"], as: Self.jordan).status == 0)
        #expect(try city.git(["rm", "-q", path], as: Self.jordan).status == 0)
        #expect(try city.git(["commit", "-q", "--no-verify", "-m", "Remove the post"], as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "remove/post"], as: Self.priya).status == 0)
        let approved = try city.civicpost(["verify"])
        #expect(!approved.stdout.contains(path), "\(approved)")
        let withdrawn = try city.civicpost(["publish"] + now)
        #expect(withdrawn.status == 0, "\(withdrawn)")
        #expect(try !withdrawals().isEmpty, "\(withdrawn) \(approved)")
    }

    @Test func verifyRefusesAPostWrittenBySomeoneWhoMayNotPost() throws {
        let city = try City()
        let path = "content/posts/dpw/2026/by-a-stranger.md"
        #expect(try city.git(["checkout", "-q", "-b", "draft/stranger"], as: Self.stranger).status == 0)
        try city.write(path, Self.post("Written outside the roster"))
        #expect(try city.commit("Draft", as: Self.stranger, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/stranger"], as: Self.priya).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(
            verify.stdout.contains(
                "\(path):1:1: error: not approved: written on the branch merged in"),
            "\(verify)")
        #expect(
            verify.stdout.contains("by pat.stranger@example.org, who is not listed in content/roster.yml [author.unauthorized]"),
            "\(verify)")
        let publish = try city.civicpost(["publish", "--now", "2030-01-01T00:00:00Z"])
        #expect(publish.stdout.contains("held back") || publish.stdout.contains(path), "\(publish)")
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("_site/dpw/2026/by-a-stranger").path))
    }

    @Test func aReviewerCannotApproveABranchBuiltOnHerOwnUnapprovedVersion() throws {
        let city = try City()
        let path = "content/posts/dpw/2026/own.md"
        try city.write(path, Self.post("Priya's own post"))
        #expect(try city.commit("Straight onto main", as: Self.priya, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "-b", "draft/touch-up"], as: Self.jordan).status == 0)
        try city.edit(path) { $0.replacingOccurrences(of: "Priya's own post.", with: "Priya's own post!") }
        #expect(try city.commit("Touch up", as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/touch-up"], as: Self.priya).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("who made the unapproved version it builds on"), "\(verify)")
        #expect(verify.stdout.contains("[approval.self]"), "\(verify)")
    }

    @Test func rosterChangeMergedByANonAdminFails() throws {
        let city = try City()
        #expect(try city.git(["checkout", "-q", "-b", "roster/add-me"], as: Self.jordan).status == 0)
        try city.edit("content/roster.yml") {
            $0.replacingOccurrences(
                of: "    roles: [spokesperson]\n    authorized_until: 2027-06-30",
                with: "    roles: [spokesperson, reviewer]\n    authorized_until: 2027-06-30")
        }
        #expect(try city.commit("Make me a reviewer", as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "roster/add-me"], as: Self.priya).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("content/roster.yml:1:1: error: not approved: merged in"), "\(verify)")
        #expect(verify.stdout.contains("Sam Okafor <sam.okafor@milwaukee.gov>"), "\(verify)")

        // Jordan, now a "reviewer" in the unapproved roster, cannot approve a post with it.
        #expect(try city.git(["checkout", "-q", "-b", "draft/by-priya"], as: Self.priya).status == 0)
        try city.write("content/posts/dpw/2026/by-priya.md", Self.post("Priya's draft"))
        #expect(try city.commit("Draft", as: Self.priya, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.jordan).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/by-priya"], as: Self.jordan).status == 0)
        let again = try city.civicpost(["verify"])
        #expect(again.stdout.contains("content/posts/dpw/2026/by-priya.md:1:1: error: not approved: merged in"), "\(again)")
    }

    /// A roster on the branch that does not load stops `verify` and `publish` (exit 2, naming
    /// the file): neither goes on with the settings approved before it.
    @Test func aRosterThatDoesNotLoadStopsVerifyAndPublish() throws {
        let city = try City()
        #expect(try city.civicpost(["verify"]).status == 0)
        #expect(try city.git(["checkout", "-q", "-b", "roster/broken"], as: Self.sam).status == 0)
        try city.edit("content/roster.yml") { $0 + "people: [unclosed\n" }
        #expect(try city.commit("Break the roster", as: Self.sam, noVerify: true).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.sam).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "roster/broken"], as: Self.sam).status == 0)
        let verify = try city.civicpost(["verify"])
        #expect(verify.status == 2 && (verify.stdout + verify.stderr).contains("content/roster.yml"), "\(verify)")
        let now = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let publish = try city.civicpost(["publish", "--now", now])
        #expect(publish.status == 2 && (publish.stdout + publish.stderr).contains("content/roster.yml"), "\(publish)")
    }
}

/// `civicpost review` on a real merge request.
@Suite(.serialized) struct ReviewSummaryTests {
    typealias City = ApprovalWorkflowTests.City

    @Test func summarisesPostsFindingsSuppressionsAuthorsAndApprovers() throws {
        let city = try City()
        let jordan = ApprovalWorkflowTests.jordan
        #expect(try city.git(["checkout", "-q", "-b", "draft/salt"], as: jordan).status == 0)
        try city.write(
            "content/posts/dpw/2026/salt.md",
            """
            ---
            title: Salt brine ahead of the storm
            department: dpw
            platforms: [x, bluesky]
            summary: Crews spray salt brine on bridges tonight. Call Dale at 414-555-2671 with questions.
            ---
            <!-- civicpost: allow link.offsite — the forecast is the weather service's -->
            Forecast: https://www.example.com/forecast and details at https://city.milwaukee.gov/dpw

            """)
        #expect(try city.commit("Draft", as: jordan, noVerify: true).status == 0)
        let review = try city.civicpost(["review", "main..draft/salt"])
        #expect(review.status == 0, "\(review)")
        let text = review.stdout
        #expect(text.contains("## `content/posts/dpw/2026/salt.md` (added)"))
        #expect(text.contains("Written by: Jordan Ellis <jordan.ellis@milwaukee.gov>"))
        #expect(
            text.contains(
                "May be approved (merged) by: Priya Natarajan <priya.natarajan@milwaukee.gov>, Sam Okafor <sam.okafor@milwaukee.gov>"))
        #expect(
            text.contains("| X | 108 | 280 | Crews spray salt brine on bridges tonight. Call Dale at 414-***-**71 with questions."),
            "\(text)")
        #expect(text.contains("error at 5:66: personal data: a phone number (414-***-**71) `[pii.phone]`"), "\(text)")
        #expect(text.contains("`link.offsite` silenced at 8:11: \"the forecast is the weather service's\""), "\(text)")
        #expect(!text.contains("555-2671"), "the summary repeats personal data")
    }
}

extension ApprovalWorkflowTests {
    /// A republish renders only what changed, but everything that shows the change: the
    /// post's page, the index pages and the feeds it is listed in.
    @Test func aReviewedRetitleReachesThePageIndexesAndFeedsOnRepublish() throws {
        let city = try City()
        let path = try approvedPost(in: city, slug: "leaf-pickup")
        let now = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let first = try city.civicpost(["publish", "--now", now])
        #expect(first.status == 0, "\(first)")
        let files = [
            "index.html", "feed.xml", "feed.json", "dpw/index.html", "dpw/feed.xml", "dpw/feed.json", "dpw/2026/leaf-pickup/index.html",
        ]
        func site(_ file: String) throws -> String {
            try String(contentsOf: city.root.appendingPathComponent("_site/" + file), encoding: .utf8)
        }
        for file in files { #expect(try site(file).contains("Street sweeping resumes leaf-pickup"), "\(file)") }

        #expect(try city.git(["checkout", "-q", "-b", "draft/retitle"], as: Self.jordan).status == 0)
        try city.edit(path) {
            $0.replacingOccurrences(of: "Street sweeping resumes leaf-pickup", with: "Leaf pickup moves to Monday")
        }
        #expect(try city.commit("Retitle", as: Self.jordan).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: Self.priya).status == 0)
        #expect(try city.git(["merge", "-q", "--no-ff", "--no-edit", "draft/retitle"], as: Self.priya).status == 0)

        let second = try city.civicpost(["publish", "--now", now])
        #expect(second.status == 0, "\(second)")
        for file in files {
            let text = try site(file)
            #expect(text.contains("Leaf pickup moves to Monday"), "\(file)")
            #expect(!text.contains("Street sweeping resumes leaf-pickup"), "\(file)")
        }
        // Pages that do not show the post are left alone: another department's index page.
        let untouched = try site("library/index.html")
        #expect(!untouched.contains("Leaf pickup"))
        #expect(second.stdout.contains("published"), "\(second)")
    }

    /// A file the last run wrote and someone deleted since is written again (the files are
    /// looked up ahead, on another thread, while the approval walk runs); a link or a folder
    /// in its place is an error naming it (never written through, never skipped). The failed
    /// runs wrote the missing index pages in their first pass, with links only to what existed:
    /// the run after them must not take those for current.
    @Test func filesRemovedFromTheSiteComeBackOnRepublish() throws {
        let city = try City()
        _ = try approvedPost(in: city, slug: "leaf-pickup")
        let now = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        #expect(try city.civicpost(["publish", "--now", now]).status == 0)
        let site = city.root.appendingPathComponent("_site")
        let files = ["dpw/2026/leaf-pickup/index.html", "dpw/index.html", "feed.json", "sitemap.xml"]
        var before: [String: Data] = [:]
        for file in files { before[file] = try Data(contentsOf: site.appendingPathComponent(file)) }
        for file in files { try FileManager.default.removeItem(at: site.appendingPathComponent(file)) }

        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("feed.json"), withDestinationURL: site.appendingPathComponent("robots.txt"))
        let linked = try city.civicpost(["publish", "--now", now])
        #expect(linked.status == 2 && linked.stderr.contains("'feed.json'"), "\(linked)")
        try FileManager.default.removeItem(at: site.appendingPathComponent("feed.json"))

        try FileManager.default.createDirectory(at: site.appendingPathComponent("sitemap.xml"), withIntermediateDirectories: false)
        let folder = try city.civicpost(["publish", "--now", now])
        #expect(folder.status == 2 && folder.stderr.contains("sitemap.xml"), "\(folder)")
        try FileManager.default.removeItem(at: site.appendingPathComponent("sitemap.xml"))

        let restored = try city.civicpost(["publish", "--now", now])
        #expect(restored.status == 0, "\(restored)")
        for file in files {
            #expect(try Data(contentsOf: site.appendingPathComponent(file)) == before[file], "\(file)")
        }
        let again = try city.civicpost(["publish", "--now", now])
        #expect(again.stdout.contains("0 files written"), "\(again)")
    }
}
