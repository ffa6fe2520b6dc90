import CivicTestSupport
import Foundation
import Testing

/// The records branch end to end: publish appends, verify proves the chain, tampering and
/// rewriting are caught, exports open with standard tools.
@Suite(.serialized) struct RecordsTests {
    typealias City = ApprovalWorkflowTests.City

    func published() throws -> City {
        let city = try City()
        let publish = try city.civicpost(["publish", "--now", "2026-11-27T18:00:00Z"])
        #expect(publish.status == 0, "\(publish)")
        return city
    }

    @Test func publishAppendsOneRecordPerVersionAndVerifyPasses() throws {
        let city = try published()
        let count = try city.git(["rev-list", "--count", "records"], as: ApprovalWorkflowTests.sam)
        let posts = try FileManager.default.subpathsOfDirectory(atPath: city.root.appendingPathComponent("content/posts").path).filter {
            $0.hasSuffix(".md")
        }
        #expect(count.stdout == "\(posts.count)\n")
        #expect(try city.git(["status", "--porcelain"], as: ApprovalWorkflowTests.sam).stdout == "?? _queue/\n?? _site/\n")
        let verify = try city.civicpost(["records", "verify"])
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("records verified: \(posts.count) records"), "\(verify)")
        // Publishing again adds nothing.
        #expect(try city.civicpost(["publish", "--now", "2026-11-27T18:00:00Z"]).status == 0)
        #expect(try city.git(["rev-list", "--count", "records"], as: ApprovalWorkflowTests.sam).stdout == "\(posts.count)\n")
    }

    @Test func anAlteredRecordFailsVerify() throws {
        let city = try published()
        let sam = ApprovalWorkflowTests.sam
        #expect(try city.git(["checkout", "-q", "records"], as: sam).status == 0)
        let record = try city.git(["ls-files", "records"], as: sam).stdout.split(separator: "\n").first { $0.hasSuffix("source.md") }!
        try city.edit(String(record)) { $0 + "\nA sentence added after publication.\n" }
        #expect(try city.git(["commit", "-q", "--no-verify", "-am", "fix a typo"], as: sam).status == 0)
        #expect(try city.git(["checkout", "-q", "main"], as: sam).status == 0)
        let verify = try city.civicpost(["records", "verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("changes \(record): records are never altered"), "\(verify)")
    }

    @Test func aRewrittenBranchFailsVerify() throws {
        let city = try published()
        let sam = ApprovalWorkflowTests.sam
        let before = try city.civicpost(["records", "verify", "--json"])
        let head = try #require((try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])?["head"] as? String)
        // Drop the last record: history rewritten, the rest still a consistent chain.
        #expect(try city.git(["branch", "-f", "records", "records~1"], as: sam).status == 0)
        let verify = try city.civicpost(["records", "verify", "--anchor", head])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("no longer in the chain: the branch was rewritten"), "\(verify)")
        #expect(verify.stdout.contains("which does not contain it"), "\(verify)")
    }

    /// A record appended by hand, well chained and hashed, whose approval never happened.
    @Test func aForgedRecordWithAGoodChainFailsVerify() throws {
        let city = try published()
        let sam = ApprovalWorkflowTests.sam
        let before = try city.civicpost(["records", "verify", "--json"])
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        let head = try #require(outcome["head"] as? String)
        let count = try #require(outcome["records"] as? Int)
        // The record is built as civicpost builds one (see Record.swift) and committed with
        // git's plumbing on top of the records branch.
        let forge = """
            import hashlib, json, os, subprocess, sys
            seq, prev = int(sys.argv[1]), sys.argv[2]
            def git(*a, data=None, env=None):
                return subprocess.run(["git", *a], input=data, capture_output=True, check=True, env=env).stdout.decode().strip()
            path = "content/posts/dpw/2026/forged.md"
            source = b"---\\ntitle: Forged\\n---\\nNever approved.\\n"
            blob = git("hash-object", "-w", "--stdin", data=source)
            key = hashlib.sha256(f"{path}\\0{blob}\\0publish".encode()).hexdigest()
            folder = f"records/{seq // 100:04d}/{seq:06d}-{key[:12]}/"
            record = {"schema": 1, "sequence": seq, "action": "publish", "post": {"path": path, "blob": blob, "commit": "e" * 40},
                "approval": {"merge": "e" * 40, "reviewer": "priya.natarajan@milwaukee.gov"},
                "recorded_at": "2030-01-01T00:00:00Z", "publish_at": "2030-01-01T00:00:00Z", "retention": "7y",
                "retain_until": "2037-01-01", "version_key": key, "files": {"source.md": hashlib.sha256(source).hexdigest()},
                "platforms": [], "previous": prev}
            data = (json.dumps(record, indent=2, sort_keys=True, separators=(",", " : ")) + "\\n").encode()
            env = dict(os.environ, GIT_INDEX_FILE=os.path.abspath(".git/forge.index"))
            git("read-tree", "records", env=env)
            for name, content in [("source.md", source), ("record.json", data)]:
                git("update-index", "--add", "--cacheinfo", "100644," + git("hash-object", "-w", "--stdin", data=content) + "," + folder + name, env=env)
            commit = git("commit-tree", git("write-tree", env=env), "-p", "records", "-m", f"record {seq}: publish {path}")
            git("update-ref", "refs/heads/records", commit)
            """
        var environment = city.environment
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "civicpost records"
            environment["GIT_\(role)_EMAIL"] = "records@civicpost.invalid"
        }
        let forged = try ProcessRunner.run(
            "/usr/bin/env", ["python3", "-c", forge, "\(count + 1)", head], in: city.root, environment: environment)
        #expect(forged.status == 0, "\(forged)")
        #expect(try city.git(["rev-list", "--count", "records"], as: sam).stdout == "\(count + 1)\n")
        let verify = try city.civicpost(["records", "verify"])
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("names approval eeeeeeeeeeee, which is not in the repository"), "\(verify)")
    }

    @Test func exportsOpenWithStandardTools() throws {
        let city = try published()
        let zip = city.root.appendingPathComponent("export.zip")
        let export = try city.civicpost([
            "records", "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "zip", "-o", zip.path,
        ])
        #expect(export.status == 0, "\(export)")
        let unzip = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))", zip.path,
            ], in: city.root)
        #expect(unzip.status == 0, "\(unzip)")
        #expect((Int(unzip.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 30, "\(unzip)")
        let lines = try city.civicpost(["records", "export", "--from", "2026-11-27", "--to", "2026-11-27"])
        let objects = lines.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(!objects.isEmpty && objects.allSatisfy { ($0?["record"] as? [String: Any])?["version_key"] != nil })
        let none = try city.civicpost(["records", "export", "--to", "2020-01-01"])
        #expect(none.status == 0 && none.stdout.isEmpty)
        let due = try city.civicpost(["records", "due", "--now", "2040-01-01"])
        #expect(due.stdout.contains("record(s) past retention"), "\(due)")
    }
}
