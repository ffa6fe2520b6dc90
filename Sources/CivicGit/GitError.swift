internal import CGit2
internal import CGitOptions

/// A failed libgit2 call: the return code, the function that failed and libgit2's message,
/// copied at once from `git_error_last()`.
public struct GitError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A libgit2 return code (`git_error_code`), open so that unknown codes still carry.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The object or reference was not found (`GIT_ENOTFOUND`).
        public static let notFound = Code(rawValue: -3)
        /// The object or reference already exists (`GIT_EEXISTS`).
        public static let exists = Code(rawValue: -4)
        /// A reference or lock file is locked (`GIT_ELOCKED`).
        public static let locked = Code(rawValue: -14)
        /// The current HEAD is unborn (`GIT_EUNBORNBRANCH`).
        public static let unbornBranch = Code(rawValue: -9)
        /// A reference was updated concurrently (`GIT_EMODIFIED`).
        public static let modified = Code(rawValue: -15)
    }

    /// The return code.
    public let code: Code
    /// The libgit2 function that failed, or a description of the Swift-side operation.
    public let function: String
    /// libgit2's message.
    public let message: String

    public init(code: Code, function: String, message: String) {
        self.code = code
        self.function = function
        self.message = message
    }

    public var description: String { "\(function) failed (\(code.rawValue)): \(message)" }
}

/// Throws a ``GitError`` when `result` is negative.
func check(_ result: Int32, _ function: String = #function) throws {
    guard result < 0 else { return }
    var message = "unknown error"
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
    }
    throw GitError(code: .init(rawValue: result), function: function, message: message)
}

/// libgit2's global state, set up once per process, with two settings that differ from
/// libgit2's defaults and match git's own reads:
/// - objects are not hashed again on every read. git checks an object's hash when it arrives
///   (`index-pack`, `fsck`), not each time it is read; hashing every tree and commit a
///   history walk reads was 14% of `verify`'s time. zlib's checksum still catches a
///   damaged object.
/// - libgit2's object cache is off. It keeps every commit and every tree under 4 KiB read in
///   the process, so a walk over ten thousand commits spent 9% of its time freeing it at
///   exit; the trees a walk does read again (large folders included) are kept by
///   ``TreeCache``.
let libgit2Initialized: Void = {
    git_libgit2_init()
    civicpost_git_set_strict_hash_verification(0)
    civicpost_git_set_caching(0)
    return ()
}()
