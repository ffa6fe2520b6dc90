import CivicGit
import CivicTestSupport
import Foundation
import Testing

@testable import CivicWorkflow

/// A walk resumed from a checkpoint must give exactly the report of a walk from the
/// baseline, at every point of a history with each kind of step.
@Suite struct ApprovalCheckpointTests {
    static let sam = GitSandbox.Person("Sam Okafor", "sam.okafor@milwaukee.gov")  // reviewer and admin
    static let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")  // dpw spokesperson
    static let priya = GitSandbox.Person("Priya Natarajan", "priya.natarajan@milwaukee.gov")  // dpw reviewer

    static func post(_ title: String) -> String {
        """
        ---
        title: \(title)
        department: dpw
        platforms: [x]
        summary: \(title).
        review_by: 2099-01-01
        ---
        \(title). Details at https://city.milwaukee.gov/dpw

        """
    }

    /// The first-parent commits of main after each step: approved merges, a direct commit, a
    /// self-merge, a roster change an admin approves, a roster change nobody may approve,
    /// and a merge of two branches at once.
    static func history(in sandbox: GitSandbox) throws -> [String] {
        try CivicWorkflow.Initializer.writeDefaults(into: sandbox.root)
        var steps = [try sandbox.commit("Adopt civicpost", as: sam)]
        func branch(_ name: String, by person: GitSandbox.Person, _ edit: () throws -> Void) throws {
            try sandbox.run(git: ["checkout", "-q", "-b", name], as: person)
            try edit()
            try sandbox.commit("Work on \(name)", as: person)
            try sandbox.run(git: ["checkout", "-q", "main"], as: person)
        }
        try branch("a", by: jordan) { try sandbox.write("content/posts/dpw/2026/a.md", post("Alpha")) }
        steps.append(try sandbox.merge("a", as: priya))
        try sandbox.write("content/posts/dpw/2026/b.md", post("Bravo"))
        steps.append(try sandbox.commit("Direct", as: jordan))
        try branch("a2", by: priya) { try sandbox.write("content/posts/dpw/2026/a.md", post("Alpha, revised")) }
        steps.append(try sandbox.merge("a2", as: priya))
        try branch("roster", by: jordan) {
            let roster = try sandbox.read("content/roster.yml")
            try sandbox.write("content/roster.yml", roster.replacingOccurrences(of: "name: Jordan Ellis", with: "name: Jordan A. Ellis"))
        }
        steps.append(try sandbox.merge("roster", as: sam))
        try branch("roster2", by: jordan) {
            try sandbox.write("content/roster.yml", try sandbox.read("content/roster.yml") + "\n# a note\n")
        }
        steps.append(try sandbox.merge("roster2", as: priya))
        try branch("c", by: jordan) { try sandbox.write("content/posts/dpw/2026/c.md", post("Charlie")) }
        try branch("d", by: jordan) { try sandbox.write("content/posts/dpw/2026/d.md", post("Delta")) }
        try sandbox.run(git: ["merge", "-q", "--no-ff", "--no-edit", "c", "d"], as: priya)
        steps.append(try sandbox.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
        return steps
    }

    static func expectSame(_ resumed: ApprovalReport, _ full: ApprovalReport) {
        #expect(resumed.files == full.files)
        #expect(resumed.tip == full.tip)
        #expect(resumed.baseline == full.baseline)
        #expect(resumed.settings.roster.people == full.settings.roster.people)
        #expect(resumed.settings.roster.departments == full.settings.roster.departments)
        #expect(resumed.findings.map(\.message) == full.findings.map(\.message))
        #expect(resumed.checkpoint == full.checkpoint)
    }

    @Test func resumingFromEveryStepGivesTheFullWalksReport() throws {
        let sandbox = try GitSandbox()
        let steps = try Self.history(in: sandbox)
        let repository = try Repository.discover(from: sandbox.root.path)
        let full = try ApprovalVerifier(repository: repository, branch: "main").run()
        // The history has something to lose: unapproved files, and an approved roster change.
        #expect(full.unapproved.map(\.path).contains("content/posts/dpw/2026/b.md"))
        #expect(full.unapproved.map(\.path).contains("content/roster.yml"))
        #expect(full.settings.roster.people.contains { $0.name == "Jordan A. Ellis" })

        for step in steps {
            try sandbox.git("branch", "-f", "walk", step)
            var checkpoint = try ApprovalVerifier(repository: repository, branch: "walk").run().checkpoint
            // Through the file, as publish keeps it.
            let gitDirectory = repository.gitDirectory
            try checkpoint.save(gitDirectory: gitDirectory)
            let loaded = try #require(ApprovalCheckpoint.load(gitDirectory: gitDirectory))
            #expect(loaded == checkpoint)
            checkpoint = loaded

            try sandbox.git("branch", "-f", "walk", "main")
            let resumed = try ApprovalVerifier(repository: repository, branch: "walk").run(resumingFrom: checkpoint)
            let again = try ApprovalVerifier(repository: repository, branch: "walk").run()
            // (Against the same branch name: reasons name the branch.)
            Self.expectSame(resumed, again)
        }
    }

    @Test func aCheckpointOffTheBranchIsIgnored() throws {
        let sandbox = try GitSandbox()
        _ = try Self.history(in: sandbox)
        let repository = try Repository.discover(from: sandbox.root.path)
        // A checkpoint taken on a branch whose history main never had.
        try sandbox.run(git: ["checkout", "-q", "-b", "elsewhere", "main~2"], as: Self.priya)
        try sandbox.write("content/posts/dpw/2026/e.md", Self.post("Echo"))
        try sandbox.commit("Elsewhere", as: Self.priya)
        let foreign = try ApprovalVerifier(repository: repository, branch: "elsewhere").run().checkpoint
        var renamed = foreign
        renamed.branch = "main"
        let resumed = try ApprovalVerifier(repository: repository, branch: "main").run(resumingFrom: renamed)
        Self.expectSame(resumed, try ApprovalVerifier(repository: repository, branch: "main").run())
        #expect(resumed.files["content/posts/dpw/2026/e.md"] == nil)
    }
}
