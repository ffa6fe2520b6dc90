import CivicPolicy
import CivicTestSupport
import CivicWorkflow
import Foundation
import Testing

/// Our SARIF validates against the official OASIS SARIF 2.1.0 schema (a copy in `Schemas/`),
/// checked by Python's `jsonschema`. CI installs both (`.ci/run`), so a machine without them
/// fails this test instead of skipping it.
@Suite struct SARIFSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Schemas/sarif-schema-2.1.0.json")

    /// Prints each violation as `path: message`; exit 3 when `jsonschema` is missing. The schema
    /// declares draft-04, so `validator_for` picks the validator of that draft.
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python package jsonschema is missing: python3 -m pip install jsonschema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(instance), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(map(str, error.absolute_path)) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    func expectValid(_ sarif: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instance = folder.appendingPathComponent("report.sarif")
        try Data(sarif.utf8).write(to: instance)
        #expect(FileManager.default.fileExists(atPath: Self.schema.path), "missing schema copy \(Self.schema.path)")
        let result: ProcessResult
        do {
            result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.validator, Self.schema.path, instance.path], in: folder)
        } catch {
            Issue.record("cannot run python3 to validate SARIF (CI installs it): \(error)", sourceLocation: sourceLocation)
            return
        }
        switch result.status {
        case 0: break
        case 127: Issue.record("python3 is not installed; it is needed to validate SARIF (CI installs it)", sourceLocation: sourceLocation)
        case 3: Issue.record("\(result.stdout) (CI installs it in .ci/run)", sourceLocation: sourceLocation)
        default: Issue.record("SARIF does not validate against the 2.1.0 schema:\n\(result)", sourceLocation: sourceLocation)
        }
    }

    @Test func fixtureReportIsValid() throws {
        let reporter = SARIFReporter(toolVersion: "0.1.0", sourceRoot: URL(fileURLWithPath: "/srv/city"), rules: ReportFixture.rules)
        try expectValid(reporter.render(ReportFixture.report))
    }

    @Test func emptyReportWithEveryRegisteredRuleIsValid() throws {
        try expectValid(SARIFReporter(toolVersion: "0.1.0").render(CheckReport()))
    }

    /// A real scan (registered rules, real findings, a standard-input-like name and an absolute path).
    @Test func scanReportIsValid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Call Dale at 414-555-2671 or write to dale@gmail.com.\n".utf8).write(to: folder.appendingPathComponent("note.txt"))
        var report = try ScanRequest(
            paths: ["note.txt", folder.appendingPathComponent("note.txt").path], directory: folder,
            today: Day(year: 2026, month: 11, day: 1)
        ).run()
        #expect(report.findings.count == 4)
        report.findings.append(
            Finding(
                rule: "pii.phone", severity: .error, file: ScanRequest.standardInputName,
                span: ReportFixture.span(1, 1, 1, 2), message: "m"))
        try expectValid(SARIFReporter(toolVersion: "0.1.0", sourceRoot: folder).render(report))
    }

    /// The validator itself rejects a broken log, so a passing test means something.
    @Test func validatorRejectsAnInvalidLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instance = folder.appendingPathComponent("bad.sarif")
        try Data(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "columnKind": "bytes"}]}"#.utf8).write(to: instance)
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.validator, Self.schema.path, instance.path], in: folder)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("'name' is a required property"), "\(result)")
    }
}
