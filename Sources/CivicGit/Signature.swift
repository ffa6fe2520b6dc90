internal import CGit2
import Foundation

/// Who made a commit and when (`git_signature`).
public struct Signature: Hashable, Sendable {
    /// The name as written in the commit.
    public var name: String
    /// The email as written in the commit.
    public var email: String
    /// The moment of the signature.
    public var time: Date
    /// The signer's offset from UTC, in minutes.
    public var timeZoneOffsetMinutes: Int

    public init(name: String, email: String, time: Date, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        time = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        timeZoneOffsetMinutes = Int(value.when.offset)
    }

    /// Calls `body` with a libgit2 copy of this signature (`git_signature_new`).
    func withGitSignature<T>(_ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
        var signature: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(
                &signature, name, email,
                git_time_t(time.timeIntervalSince1970.rounded(.down)),
                Int32(timeZoneOffsetMinutes)))
        defer { git_signature_free(signature) }
        return try body(signature!)
    }
}
