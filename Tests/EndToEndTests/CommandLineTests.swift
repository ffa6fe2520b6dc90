import CivicTestSupport
import Foundation
import Testing

/// The built `civicpost` binary with the real `git`: init, new, a hooked commit, check, publish.
@Suite(.serialized) struct CommandLineTests {
    let binary = Fixtures.civicpostBinary
    let jordan = GitSandbox.Person("Jordan Ellis", "jordan.ellis@milwaukee.gov")

    func civicpost(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        return try ProcessRunner.run(binary.path, arguments, in: directory, environment: env)
    }

    /// A fresh repository made by `civicpost init`; the sandbox it lives in stays until released.
    final class City {
        let sandbox: GitSandbox
        let root: URL
        init(sandbox: GitSandbox, root: URL) {
            self.sandbox = sandbox
            self.root = root
        }
    }

    func initialized() throws -> City {
        let sandbox = try GitSandbox()
        let target = sandbox.root.appendingPathComponent("city")
        let result = try civicpost(
            ["init", target.path], in: sandbox.root,
            environment: ["GIT_AUTHOR_NAME": "Sam Okafor", "GIT_AUTHOR_EMAIL": "sam.okafor@milwaukee.gov"])
        #expect(result.status == 0, "\(result)")
        return City(sandbox: sandbox, root: target)
    }

    @Test func initThenCheckAllPasses() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let log = try ProcessRunner.run("/usr/bin/env", ["git", "log", "--format=%an <%ae>|%s"], in: city)
        #expect(log.stdout == "Sam Okafor <sam.okafor@milwaukee.gov>|Adopt civicpost: sample city content\n")
        let hooks = try ProcessRunner.run("/usr/bin/env", ["git", "config", "core.hooksPath"], in: city)
        #expect(hooks.stdout == "hooks\n")
        let check = try civicpost(["check", "--all"], in: city)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.hasSuffix("0 errors, 0 warnings\n"), "\(check)")
    }

    @Test func prohibitedPlatformFailsWithAPathLineColumnDiagnostic() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let new = try civicpost(
            [
                "new", "--department", "dpw", "--title", "Salt brine before the storm", "--platform", "x",
                "--now", "2026-11-27",
            ], in: city)
        #expect(new.status == 0, "\(new)")
        #expect(new.stdout == "content/posts/dpw/2026/salt-brine-before-the-storm.md\n")
        let path = city.appendingPathComponent("content/posts/dpw/2026/salt-brine-before-the-storm.md")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "platforms: [x]", with: "platforms: [x, tiktok]")
        try Data(text.utf8).write(to: path)
        let check = try civicpost(["check", "content/posts/dpw/2026/salt-brine-before-the-storm.md"], in: city)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stdout.contains(
                "content/posts/dpw/2026/salt-brine-before-the-storm.md:4:16: error: TikTok is a prohibited platform and cannot be a target [platform.prohibited]"
            ), "\(check)")
        let json = try civicpost(["check", "--format", "json", "content/posts/dpw"], in: city)
        #expect(json.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = try #require(document?["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "platform.prohibited")
        #expect(
            findings.first?["line"] as? Int == 4 && findings.first?["column"] as? Int == 16 && findings.first?["endColumn"] as? Int == 22)
    }

    @Test func hookRefusesABadCommitAndLetsAGoodOneThrough() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let environment = [
            "PATH": binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_AUTHOR_NAME": jordan.name, "GIT_AUTHOR_EMAIL": jordan.email,
            "GIT_COMMITTER_NAME": jordan.name, "GIT_COMMITTER_EMAIL": jordan.email,
            "GIT_CONFIG_GLOBAL": "/dev/null", "NO_COLOR": "1",
        ]
        func git(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(
                "/usr/bin/env", ["git"] + arguments, in: city,
                environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        }
        #expect(try civicpost(["new", "--department", "dpw", "--title", "Bulky item pickup", "--now", "2026-11-27"], in: city).status == 0)
        #expect(try git("add", "-A").status == 0)
        let good = try git("commit", "-m", "Draft: bulky item pickup")
        #expect(good.status == 0, "\(good)")

        let path = "content/posts/dpw/2026/bulky-item-pickup.md"
        var text = try String(contentsOf: city.appendingPathComponent(path), encoding: .utf8)
        text = text.replacingOccurrences(of: "platforms: [", with: "platforms: [wechat, ")
        try Data(text.utf8).write(to: city.appendingPathComponent(path))
        #expect(try git("add", "-A").status == 0)
        let bad = try git("commit", "-m", "Add WeChat")
        #expect(bad.status != 0, "\(bad)")
        #expect((bad.stdout + bad.stderr).contains("\(path):4:13: error: WeChat is a prohibited platform"), "\(bad)")
        #expect(try git("rev-list", "--count", "HEAD").stdout == "2\n")
    }

    @Test func publishWritesPagesAndQueueFilesAndIsIdempotent() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let first = try civicpost(["publish", "--now", "2026-11-27T12:00:00-06:00"], in: city)
        #expect(first.status == 0, "\(first)")
        let site = city.appendingPathComponent("_site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        let posts = try FileManager.default.subpathsOfDirectory(atPath: city.appendingPathComponent("content/posts").path).filter {
            $0.hasSuffix(".md")
        }
        for post in posts {
            let page = site.appendingPathComponent(String(post.dropLast(3)) + "/index.html")
            #expect(FileManager.default.fileExists(atPath: page.path), "no page for \(post)")
        }
        let queue = try FileManager.default.subpathsOfDirectory(atPath: city.appendingPathComponent("_queue").path).filter {
            $0.hasSuffix(".json")
        }
        #expect(queue.count > posts.count)
        let second = try civicpost(["publish", "--now", "2026-11-27T12:00:00-06:00"], in: city)
        #expect(second.stdout.contains("0 files written") && second.stdout.contains("0 queue items"), "\(second)")
    }

    @Test func publishRefusesSymbolicLinksInsideTheQueueFolder() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let files = FileManager.default
        let victim = repo.sandbox.root.appendingPathComponent("victim")
        try files.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("important.json"))
        // The pending folder, whose stray files a publish removes, links elsewhere.
        let queue = city.appendingPathComponent("_queue")
        try files.createDirectory(at: queue, withIntermediateDirectories: true)
        try files.createSymbolicLink(at: queue.appendingPathComponent(".civicpost-pending"), withDestinationURL: victim)
        let pending = try civicpost(["publish", "--now", "2026-11-27T12:00:00-06:00"], in: city)
        #expect(pending.status == 2, "\(pending)")
        #expect(pending.stderr.contains("refusing to write '.civicpost-pending'"), "\(pending)")
        #expect(try files.contentsOfDirectory(atPath: victim.path) == ["important.json"])
        // A platform's folder links elsewhere.
        try files.removeItem(at: queue.appendingPathComponent(".civicpost-pending"))
        try files.createSymbolicLink(at: queue.appendingPathComponent("x"), withDestinationURL: victim)
        let platform = try civicpost(["publish", "--now", "2026-11-27T12:00:00-06:00"], in: city)
        #expect(platform.status == 2, "\(platform)")
        #expect(platform.stderr.contains("refusing to write 'x'"), "\(platform)")
        #expect(try files.contentsOfDirectory(atPath: victim.path) == ["important.json"])
    }

    @Test func checkAllStopsAtAPostThatIsASymbolicLink() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let link = city.appendingPathComponent("content/posts/dpw/gone.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/post.md")
        let check = try civicpost(["check", "--all"], in: city)
        #expect(check.status == 2, "\(check)")
        #expect(
            check.stderr.contains("content/posts/dpw/gone.md: error: cannot read: a symbolic link; posts must be plain files"), "\(check)")
    }

    @Test func aQueueJournalNamingAPathIsRefused() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let secret = repo.sandbox.root.appendingPathComponent("outside-secret.json")
        try Data("{\"token\":\"SECRET\"}".utf8).write(to: secret)
        let pending = city.appendingPathComponent("_queue/.civicpost-pending")
        try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
        try Data("[{\"key\":\"../../../outside-secret\",\"file\":\"x/leak.json\"}]".utf8).write(
            to: pending.appendingPathComponent("journal.json"))
        let publish = try civicpost(["publish", "--now", "2026-11-27T12:00:00-06:00"], in: city)
        #expect(publish.status == 2, "\(publish)")
        #expect(publish.stderr.contains("refusing to write '.civicpost-pending/journal.json'"), "\(publish)")
        #expect(FileManager.default.fileExists(atPath: secret.path))
        #expect(!FileManager.default.fileExists(atPath: city.appendingPathComponent("_queue/x/leak.json").path))
    }

    @Test func malformedRosterExitsTwoNamingFileLineColumn() throws {
        let repo = try initialized()
        let city = repo.root
        defer { withExtendedLifetime(repo) {} }
        let roster = city.appendingPathComponent("content/roster.yml")
        var text = try String(contentsOf: roster, encoding: .utf8)
        text = text.replacingOccurrences(of: "roles: [reviewer]", with: "roles: [approver]")
        try Data(text.utf8).write(to: roster)
        let check = try civicpost(["check", "--all"], in: city)
        #expect(check.status == 2, "\(check)")
        #expect(
            check.stderr.range(of: #"^content/roster\.yml:\d+:\d+: error: unknown role 'approver'"#, options: .regularExpression) != nil,
            "\(check)")

        try Data("site:\n  base_url: [oops\n".utf8).write(to: city.appendingPathComponent("civicpost.yml"))
        let config = try civicpost(["check", "--all"], in: city)
        #expect(config.status == 2)
        #expect(config.stderr.hasPrefix("civicpost.yml:"), "\(config)")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let sandbox = try GitSandbox()
        let result = try civicpost(["check", "--staged", "--all"], in: sandbox.root)
        #expect(result.status == 64, "\(result)")
        let range = try civicpost(["check", "--range", "main"], in: sandbox.root)
        #expect(range.status == 64, "\(range)")
        #expect(range.stderr.contains("--range must be BASE..HEAD, not 'main'"), "\(range)")
    }
}
