import CivicTestSupport
import Foundation
import Testing

/// Every queue file the demo writes validates against schemas/queue-item.schema.json
/// (Python's jsonschema, which .ci/run installs; a missing validator fails the test).
@Suite struct QueueSchemaTests {
    @Test func everyQueueFileOfTheDemoValidates() throws {
        let sandbox = try GitSandbox()
        let demo = sandbox.root.appendingPathComponent("demo")
        let run = try ProcessRunner.run(
            Fixtures.civicpostBinary.path, ["demo", "--out", demo.path, "--now", "2026-11-27T18:00:00Z"], in: sandbox.root)
        #expect(run.status == 0, "\(run)")
        let script = """
            import json, pathlib, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft7Validator(schema)
            files = sorted(p for p in pathlib.Path(sys.argv[2]).rglob("*.json") if not any(part.startswith(".") for part in p.parts))
            bad = 0
            for path in files:
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(f"{path}: {error.message}")
            print(f"validated {len(files)} files, {bad} errors")
            sys.exit(1 if bad or not files else 0)
            """
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c", script,
                Fixtures.packageRoot.appendingPathComponent("schemas/queue-item.schema.json").path,
                demo.appendingPathComponent("queue").path,
            ], in: sandbox.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("validated") && !result.stdout.contains("validated 0 files"), "\(result)")
    }
}
