import Dispatch

/// `transform` applied to `0..<count` on all cores, results in index order.
///
/// Workers take `batch` indices at a time from a shared counter (`concurrentPerform` hands out
/// iterations one by one), so when one core runs out of work the other has at most a batch
/// left: with CivicPublish's `parallelMap` (64 slices) a core could idle for a whole slice,
/// 150 posts of a 10,000-post check.
func balancedMap<Result: Sendable>(count: Int, batch: Int = 8, _ transform: @Sendable (Int) -> Result) -> [Result] {
    guard count > batch else { return (0..<count).map(transform) }
    let slots = Slots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: (count + batch - 1) / batch) { part in
        for index in (part * batch)..<min(count, (part + 1) * batch) {
            slots.store(transform(index), at: index)
        }
    }
    return slots.values()
}

/// Storage each worker writes at its own indices only.
/// `@unchecked Sendable`: every index is written by exactly one iteration of
/// `concurrentPerform`, and read only after it returns, which orders the writes before the reads.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>

    init(count: Int) {
        storage = .allocate(capacity: count)
    }

    deinit {
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        (storage.baseAddress! + index).initialize(to: value)
    }

    /// Takes the values out; call once, after every index was stored.
    func values() -> [Value] {
        Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
            _ = buffer.moveInitialize(fromContentsOf: storage)
            initialized = storage.count
        }
    }
}
