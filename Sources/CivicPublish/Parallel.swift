import Dispatch
import Foundation

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

    /// Deinitializes the first `count` values, left in place (not taken out).
    func discard(count: Int) {
        _ = storage.baseAddress!.deinitialize(count: count)
    }

    /// Takes the values out; call once, after every index was stored.
    func values() -> [Value] {
        Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
            _ = buffer.moveInitialize(fromContentsOf: storage)
            initialized = storage.count
        }
    }
}

/// Work over the indices `0..<count` that one thread can start ahead and others join: each
/// thread takes the next chunk of indices until none is left, so a thread that would have
/// waited for the results helps finish them instead.
/// `@unchecked Sendable`: the indices are handed out under `condition`'s lock, each to one
/// thread, which stores its result before counting it done under the lock; results are read
/// only once every index is counted, after taking the lock.
public final class SharedWork<Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let chunk: Int
    private let transform: @Sendable (Int) -> Result
    private let slots: ResultSlots<Result>
    private let condition = NSCondition()
    private var next = 0
    private var done = 0
    private var taken = false

    public init(count: Int, chunk: Int = 256, _ transform: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.chunk = max(1, chunk)
        self.transform = transform
        slots = ResultSlots(count: count)
    }

    deinit {
        // Results never taken out (a claimed chunk is always finished, so it is all or none).
        if !taken, done == count { slots.discard(count: count) }
    }

    /// Takes chunks until none is left.
    public func work() {
        while let range = claim() {
            for index in range { slots.store(transform(index), at: index) }
            condition.lock()
            done += range.count
            if done == count { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Works along, waits for the chunks other threads hold, and takes the results, in index
    /// order. Call once.
    public func results() -> [Result] {
        work()
        condition.lock()
        while done < count { condition.wait() }
        precondition(!taken, "SharedWork.results() called twice")
        taken = true
        condition.unlock()
        return slots.values()
    }

    private func claim() -> Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        guard next < count else { return nil }
        let start = next
        next = min(count, start + chunk)
        return start..<next
    }
}
