import CivicGit
import CivicPolicy
import Foundation

/// `civicpost demo`: the whole flow on a scratch repository made from the embedded sample
/// city, with real commits and a real merge: a spokesperson's draft is refused at commit for
/// personal data, fixed and committed on a branch; a reviewer merges it; CI publishes.
public struct Demo {
    public var folder: URL
    public var now: Timestamp
    public var today: Day

    public init(folder: URL, now: Timestamp, today: Day) {
        self.folder = folder
        self.now = now
        self.today = today
    }

    /// Where the demo's outputs are.
    public struct Outcome: Sendable {
        public var repository: URL
        public var site: URL
        public var queue: URL
        public var report: URL
        public var refusedFindings: Int
        public var published: PublishResult
    }

    static let marker = ".civicpost-demo"
    static let admin = Signature(name: "Sam Okafor", email: "sam.okafor@milwaukee.gov", time: Date(timeIntervalSince1970: 0))
    static let spokesperson = Signature(name: "Jordan Ellis", email: "jordan.ellis@milwaukee.gov", time: Date(timeIntervalSince1970: 0))
    static let reviewer = Signature(name: "Priya Natarajan", email: "priya.natarajan@milwaukee.gov", time: Date(timeIntervalSince1970: 0))
    static let draftPath = "content/posts/dpw/2026/snow-plow-routes.md"

    /// Runs the demo, telling each step to `log`.
    public func run(log: (String) -> Void) throws -> Outcome {
        try prepareFolder()
        let repositoryURL = folder.appendingPathComponent("repo")
        let time = Date(timeIntervalSince1970: TimeInterval(now.secondsSinceEpoch))
        func at(_ signature: Signature, _ minutes: Int) -> Signature {
            var copy = signature
            copy.time = time.addingTimeInterval(TimeInterval(minutes * 60 - 3600))
            copy.timeZoneOffsetMinutes = -360
            return copy
        }

        log("1. The city adopts civicpost: `civicpost init` makes \(repositoryURL.path)")
        let root = try Initializer(folder: repositoryURL, author: at(Self.admin, 0)).run()
        log("   root commit \(root.short) by \(Self.admin.name) holds the sample city (the approval baseline); hooks installed")

        let repository = try Repository.discover(from: repositoryURL.path)
        let branch = "dpw/snow-plow-routes"
        try repository.moveReference("refs/heads/\(branch)", to: root, from: nil, message: "branch: Created from main")
        try repository.checkout(root, branch: branch)
        log("2. \(Self.spokesperson.name) (DPW spokesperson) drafts a post on branch \(branch)")

        let draft = repositoryURL.appendingPathComponent(Self.draftPath)
        try Data(Self.draft(contact: "call plow supervisor Dale Brooks on his cell at 414-555-2671").utf8).write(to: draft)
        _ = try repository.stageAll()
        let environment = ["GIT_AUTHOR_NAME": Self.spokesperson.name, "GIT_AUTHOR_EMAIL": Self.spokesperson.email]
        let refused = try CheckRequest(scope: .staged(paths: []), directory: repositoryURL, environment: environment, today: today).run()
        log("   git commit runs the pre-commit hook, `civicpost check --staged`:")
        log(indent(TextReporter().render(refused)))
        guard refused.errors > 0 else {
            throw WorkflowError.invalid("demo: the draft with a private phone number was not refused")
        }
        log("   the commit is refused (exit 1). The spokesperson replaces the private number with the city's 414-286-CITY line.")

        try Data(Self.draft(contact: "call 414-286-CITY (2489)").utf8).write(to: draft)
        let tree = try repository.stageAll()
        let accepted = try CheckRequest(scope: .staged(paths: []), directory: repositoryURL, environment: environment, today: today).run()
        guard accepted.errors == 0 else {
            log(indent(TextReporter().render(accepted)))
            throw WorkflowError.invalid("demo: the fixed draft was refused")
        }
        log("   " + TextReporter().summary(accepted) + " — the commit goes through")
        let draftCommit = try repository.createCommit(
            tree: tree, parents: [root], author: at(Self.spokesperson, 10), committer: at(Self.spokesperson, 10),
            message: "Draft: snow plow routes and the winter parking map\n", updating: "refs/heads/\(branch)")
        log("   commit \(draftCommit.short) on \(branch) by \(Self.spokesperson.name)")

        log("3. \(Self.reviewer.name) (DPW reviewer) reads `civicpost review main..\(branch)` and approves by merging")
        let range = try CheckRequest(scope: .range("main..\(branch)"), directory: repositoryURL, environment: [:], today: today).run()
        log("   CI on the merge request, `civicpost check --range main..\(branch)`: " + TextReporter().summary(range))
        let summary = try ReviewRequest(directory: repositoryURL, range: "main..\(branch)", today: today).run()
        try Data(summary.utf8).write(to: folder.appendingPathComponent("review.md"))
        let mergedTree = try repository.mergeTree(ours: root, theirs: draftCommit)
        let merge = try repository.createCommit(
            tree: mergedTree, parents: [root, draftCommit], author: at(Self.reviewer, 20), committer: at(Self.reviewer, 20),
            message: "Merge branch '\(branch)'\n\nApproved-by: \(Self.reviewer.email)\n", updating: "refs/heads/main")
        try repository.checkout(merge, branch: "main")
        log("   merge commit \(merge.short) on main (parents \(root.short), \(draftCommit.short))")

        let approvals = try VerifyRequest(directory: repositoryURL, branch: "main").run()
        guard approvals.report.errors == 0 else {
            throw WorkflowError.invalid("demo: verify found unapproved files: \(approvals.report.findings.map(\.file))")
        }
        log("4. CI on main: `civicpost verify` finds all \(approvals.approvals.files.count) files approved; `civicpost publish`")
        let site = folder.appendingPathComponent("site")
        let queue = folder.appendingPathComponent("queue")
        let published = try PublishRequest(directory: repositoryURL, siteFolder: site, queueFolder: queue, now: now, today: today).run()
        let reportURL = folder.appendingPathComponent("report.json")
        try writeReport(published, refused: refused, to: reportURL)
        log("   \(published.site.posts) post pages, \(published.site.departments) department pages, \(published.queued.count) queue files")
        for held in published.held { log("   held back: \(held.path): \(held.reason)") }
        for scheduled in published.scheduled { log("   scheduled: \(scheduled.path): \(scheduled.reason)") }
        let records = try RecordsVerifier(repository: repository).run(anchor: nil, publishBranch: "main")
        log(
            "   \(published.records) records appended to the records branch; `civicpost records verify`: "
                + (records.problems.isEmpty ? "chain of \(records.records) records intact" : records.problems.joined(separator: "; ")))
        return Outcome(
            repository: repositoryURL, site: site, queue: queue, report: reportURL,
            refusedFindings: refused.errors, published: published)
    }

    /// Empties the demo folder, but only if it is new, empty or an earlier demo's.
    private func prepareFolder() throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path) {
            let contents = try manager.contentsOfDirectory(atPath: folder.path)
            guard contents.isEmpty || contents.contains(Self.marker) else {
                throw WorkflowError.invalid("\(folder.path) exists and is not a civicpost demo folder; choose another with --out")
            }
            try manager.removeItem(at: folder)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("civicpost demo output; `civicpost demo` replaces this folder\n".utf8)
            .write(to: folder.appendingPathComponent(Self.marker))
    }

    private func writeReport(_ published: PublishResult, refused: CheckReport, to url: URL) throws {
        struct Report: Encodable {
            var precommitRefusal: [Finding]
            var publish: PublishResult
            enum CodingKeys: String, CodingKey {
                case precommitRefusal = "precommit_refusal"
                case publish
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(Report(precommitRefusal: refused.findings, publish: published)).write(to: url, options: .atomic)
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "     " + $0 }.joined(separator: "\n")
    }

    static func draft(contact: String) -> String {
        """
        ---
        title: Snow plow routes for the first winter storm
        department: dpw
        platforms: [x, facebook, bluesky, nextdoor]
        summary: Plows run main streets first, then side streets within 24 hours after snowfall ends. Check the plow map before you park.
        review_by: 2027-03-31
        ---
        ## Plowing after the first storm

        Crews plow arterial streets and bus routes first, then residential streets
        within 24 hours after the snowfall ends. Salt brine goes down before the storm
        on bridges and hills.

        - Move cars off the street when a snow emergency is declared.
        - Keep sidewalks and curb ramps clear within 24 hours.

        Questions about your block: \(contact).

        Plow map and snow emergency alerts: https://city.milwaukee.gov/dpw/snow

        """
    }
}
