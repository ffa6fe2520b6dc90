import Dispatch

/// Work running on another thread, and its result once done.
/// `@unchecked Sendable`: `result` is written once by the work and read only after `group`
/// says the work is done, which orders the write before the reads.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: group) {
            self.result = Result { try work() }
        }
    }

    /// Waits for the work; its value, or the error it threw.
    func value() throws -> Value {
        group.wait()
        return try result!.get()
    }

    func wait() throws {
        _ = try value()
    }
}
