import CivicTestSupport
import Foundation
import Testing

/// `publish` killed with SIGKILL at many moments: every file of the site and the queue stays
/// whole (old or new), no page links to a page that is not there, and the next run completes
/// the work without queueing anything twice (the sender empties the queue between runs).
@Suite(.serialized) struct PublishCrashTests {
    let binary = Fixtures.civicpostBinary

    @Test func killedRunsLeaveWholeFilesAndTheNextRunCompletes() throws {
        let sandbox = try GitSandbox()
        let city = sandbox.root.appendingPathComponent("city")
        let generate = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", Fixtures.packageRoot.appendingPathComponent("bench/gen_corpus.py").path,
                "--posts", "300", "--out", city.path,
            ], in: sandbox.root)
        #expect(generate.status == 0, "\(generate)")
        let site = city.appendingPathComponent("_site"), queue = city.appendingPathComponent("_queue")
        let sent = sandbox.root.appendingPathComponent("sent")
        try FileManager.default.createDirectory(at: sent, withIntermediateDirectories: true)
        var delivered: [String: Int] = [:]
        let arguments = ["publish", "--now", "2026-11-20T12:00:00Z", "--out", site.path, "--queue", queue.path]

        // Kill at increasing delays; after each kill check, then let the "sender" take the queue.
        var killed = 0
        for delay in [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 1.8, 2.5] {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = city
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            try checkWhole(site: site, queue: queue)
            try deliver(queue: queue, to: sent, counting: &delivered)
        }
        #expect(killed >= 3, "publish finished too fast to be killed; make the corpus larger")

        let final = try ProcessRunner.run(binary.path, arguments, in: city)
        #expect(final.status == 0, "\(final)")
        try checkWhole(site: site, queue: queue)
        try deliver(queue: queue, to: sent, counting: &delivered)
        #expect(delivered.values.allSatisfy { $0 == 1 }, "queued twice: \(delivered.filter { $0.value > 1 }.keys.sorted())")

        // Everything the archive says was queued reached the sender, exactly once.
        let verify = try ProcessRunner.run(binary.path, ["records", "verify"], in: city)
        #expect(verify.status == 0, "\(verify)")
        let export = try ProcessRunner.run(binary.path, ["records", "export"], in: city)
        var recorded: Set<String> = []
        for line in export.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let files = (object?["record"] as? [String: Any])?["files"] as? [String: Any] ?? [:]
            for name in files.keys where name.hasPrefix("queue/") { recorded.insert(String(name.dropFirst(6).dropLast(5))) }
        }
        #expect(!recorded.isEmpty)
        #expect(
            recorded == Set(delivered.keys),
            "recorded but not delivered: \(recorded.subtracting(delivered.keys).count), delivered but not recorded: \(Set(delivered.keys).subtracting(recorded).count)"
        )

        // A run after completion changes nothing.
        let again = try ProcessRunner.run(binary.path, arguments, in: city)
        #expect(again.stdout.contains("0 files written") && again.stdout.contains("0 queue items"), "\(again)")
    }

    /// Every file is complete, and every internal link of every page resolves.
    func checkWhole(site: URL, queue: URL) throws {
        for folder in [site, queue] where FileManager.default.fileExists(atPath: folder.path) {
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".civicpost-tmp") && !$0.hasPrefix(".") }
            for path in files {
                let url = folder.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let bytes = try Data(contentsOf: url)
                if path.hasSuffix(".html") {
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(text.hasSuffix("</html>\n"), "\(path) is not whole")
                    for target in links(in: text) {
                        let resolved = url.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                        #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing \(target)")
                    }
                } else if path.hasSuffix(".json") {
                    #expect((try? JSONSerialization.jsonObject(with: bytes)) != nil, "\(path) is not whole JSON")
                } else if path.hasSuffix(".xml") {
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(text.hasSuffix("</feed>\n") || text.hasSuffix("</urlset>\n"), "\(path) is not whole XML")
                }
            }
        }
    }

    /// Relative `href`/`src` targets of a page (fragments and queries removed).
    func links(in html: String) -> [String] {
        var out: [String] = []
        for marker in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: marker) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                var target = String(rest[..<end])
                rest = rest[end...]
                if target.contains(":") || target.hasPrefix("#") || target.hasPrefix("/") || target.isEmpty { continue }
                if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                out.append(target)
            }
        }
        return out
    }

    /// The sender: moves every queue file out, counting each idempotency key delivered.
    func deliver(queue: URL, to sent: URL, counting delivered: inout [String: Int]) throws {
        guard FileManager.default.fileExists(atPath: queue.path) else { return }
        for path in try FileManager.default.subpathsOfDirectory(atPath: queue.path)
        where path.hasSuffix(".json") && !path.hasPrefix(".") {
            let url = queue.appendingPathComponent(path)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            let key = try #require(object?["idempotency_key"] as? String)
            delivered[key, default: 0] += 1
            try FileManager.default.removeItem(at: url)
        }
    }
}
