import Dispatch

/// Work running on another thread, and its result once done.
/// `@unchecked Sendable`: `result` is written once by the work and read only after `group`
/// says the work is done, which orders the write before the reads.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<Value, Error>?

    /// Starts `work` on `queue`: a serial queue runs its works one after another, in the order
    /// they were started (for reads ahead whose results are needed in that order).
    public init(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () throws -> Value) {
        queue.async(group: group) {
            self.result = Result { try work() }
        }
    }

    /// Waits for the work; its value, or the error it threw.
    public func value() throws -> Value {
        group.wait()
        return try result!.get()
    }

    /// Waits for the work and hands over its value, keeping no reference to it: the caller's
    /// copy is then the only one, and mutating it copies nothing (a cache of 10,000 entries
    /// would otherwise be copied whole on its first change).
    public func take() throws -> Value {
        group.wait()
        defer { result = nil }
        return try result!.get()
    }

    public func wait() throws {
        _ = try value()
    }
}
