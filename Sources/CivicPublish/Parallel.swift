import Dispatch

/// `transform` applied to every element on all cores, results in input order. Workers take
/// `batch` elements at a time (default: a 64th of the input); small batches balance uneven
/// work, so that no core idles while another finishes a long slice.
public func parallelMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], batch: Int? = nil, _ transform: @Sendable (Element) -> Result
) -> [Result] {
    parallelMap(count: elements.count, batch: batch) { transform(elements[$0]) }
}

/// `transform` applied to every index in `0..<count` on all cores, results in index order.
public func parallelMap<Result: Sendable>(count: Int, batch: Int? = nil, _ transform: @Sendable (Int) -> Result) -> [Result] {
    let batch = max(1, batch ?? count / 64)
    guard count > batch else { return (0..<count).map(transform) }
    let slots = ResultSlots<Result>(count: count)
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
private final class ResultSlots<Value>: @unchecked Sendable {
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
