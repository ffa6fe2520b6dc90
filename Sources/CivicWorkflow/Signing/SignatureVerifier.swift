import CivicGit
import CivicPolicy
import Foundation

/// Verifies SSH commit signatures against the signing keys in the roster, with
/// `ssh-keygen -Y verify` and an allowed-signers file built from the roster
/// (`require_signed_commits: true` in civicpost.yml).
public final class SignatureVerifier {
    private let repository: Repository
    private let roster: Roster
    private let folder: URL
    private var cache: [ObjectID: SignatureStatus] = [:]

    /// The outcome for one commit.
    public enum SignatureStatus: Equatable, Sendable {
        case verified
        case unsigned
        /// Signed, but not by a key the roster gives the author.
        case invalid(String)
    }

    public init(repository: Repository, roster: Roster) throws {
        self.repository = repository
        self.roster = roster
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicpost-signers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ""
        for person in roster.people {
            guard let key = person.signingKey?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty,
                !key.contains("\n")
            else { continue }
            for email in person.emails where !email.contains(" ") && !email.contains("\"") {
                lines += "\(email) namespaces=\"git\" \(key)\n"
            }
        }
        try Data(lines.utf8).write(to: folder.appendingPathComponent("allowed_signers"))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether `commit` carries a valid SSH signature by a key the roster gives its author.
    public func status(of commit: Commit) throws -> SignatureStatus {
        if let known = cache[commit.id] { return known }
        let status: SignatureStatus
        if let (signature, signed) = try repository.signature(of: commit.id) {
            status = try verify(signature: signature, data: signed, principal: commit.author.email)
        } else {
            status = .unsigned
        }
        cache[commit.id] = status
        return status
    }

    private func verify(signature: [UInt8], data: [UInt8], principal: String) throws -> SignatureStatus {
        guard signature.starts(with: Array("-----BEGIN SSH SIGNATURE-----".utf8)) else {
            return .invalid("the signature is not an SSH signature")
        }
        let signatureFile = folder.appendingPathComponent("commit.sig")
        try Data(signature).write(to: signatureFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "ssh-keygen", "-Y", "verify", "-f", folder.appendingPathComponent("allowed_signers").path,
            "-I", principal, "-n", "git", "-s", signatureFile.path,
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw WorkflowError.invalid("require_signed_commits needs ssh-keygen (Debian package openssh-client): \(error)")
        }
        let writer = Thread {
            input.fileHandleForWriting.write(Data(data))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let message = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return .verified }
        let reason = message.split(separator: "\n").first.map(String.init) ?? "ssh-keygen exited \(process.terminationStatus)"
        return .invalid(reason)
    }
}
