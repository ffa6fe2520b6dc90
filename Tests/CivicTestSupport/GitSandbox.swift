import Foundation

/// A real temporary git repository driven by the real `git` command, with explicit
/// identities on every commit and merge. Deleted when released.
public final class GitSandbox {
    /// The repository's work tree.
    public let root: URL

    public init(initialBranch: String = "main") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", initialBranch)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A person who commits.
    public struct Person: Sendable {
        public var name: String
        public var email: String
        public init(_ name: String, _ email: String) {
            self.name = name
            self.email = email
        }
    }

    /// Writes a file (folders made as needed).
    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Reads a file of the work tree.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Stages everything and commits as `person`; returns the new commit id.
    @discardableResult
    public func commit(_ message: String, as person: Person, noVerify: Bool = true) throws -> String {
        try git("add", "-A")
        var arguments = ["commit", "-q", "--allow-empty", "-m", message]
        if noVerify { arguments.append("--no-verify") }
        try run(git: arguments, as: person)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Merges `branch` into the current branch with a merge commit made by `person`.
    @discardableResult
    public func merge(_ branch: String, as person: Person) throws -> String {
        try run(git: ["merge", "-q", "--no-ff", "--no-edit", branch], as: person)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git with `person` as author and committer; throws on a non-zero exit.
    @discardableResult
    public func run(git arguments: [String], as person: Person, extraEnvironment: [String: String] = [:]) throws -> String {
        let result = try runGit(arguments, environment: identity(person).merging(extraEnvironment) { $1 })
        guard result.status == 0 else { throw CommandFailure(command: "git " + arguments.joined(separator: " "), result: result) }
        return result.stdout
    }

    /// Runs git and returns its standard output; throws on a non-zero exit.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let result = try runGit(arguments, environment: identity(Person("Test Runner", "runner@example.org")))
        guard result.status == 0 else { throw CommandFailure(command: "git " + arguments.joined(separator: " "), result: result) }
        return result.stdout
    }

    /// Runs git without throwing, for commands that are expected to fail (a refused commit).
    public func tryGit(_ arguments: [String], as person: Person, extraEnvironment: [String: String] = [:]) throws -> ProcessResult {
        try runGit(arguments, environment: identity(person).merging(extraEnvironment) { $1 })
    }

    private func identity(_ person: Person) -> [String: String] {
        [
            "GIT_AUTHOR_NAME": person.name, "GIT_AUTHOR_EMAIL": person.email,
            "GIT_COMMITTER_NAME": person.name, "GIT_COMMITTER_EMAIL": person.email,
        ]
    }

    private func runGit(_ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        // Nothing from the developer's own git configuration leaks into tests.
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env.merge(environment) { $1 }
        return try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: root, environment: env)
    }
}

/// A finished process: exit status and what it printed.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// A command that exited non-zero.
public struct CommandFailure: Error, CustomStringConvertible {
    public var command: String
    public var result: ProcessResult
    public init(command: String, result: ProcessResult) {
        self.command = command
        self.result = result
    }
    public var description: String { "\(command) failed: \(result)" }
}

/// Runs processes and collects their output.
public enum ProcessRunner {
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL,
        environment: [String: String]? = nil, stdin: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
