import Dispatch

/// `transform` applied to every element on all cores, in chunks, results in input order.
public func parallelMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    guard elements.count > 1 else { return elements.map(transform) }
    let slots = ResultSlots<Result>(count: elements.count)
    let chunk = max(1, elements.count / 64)
    let chunks = (elements.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { part in
        for index in (part * chunk)..<min(elements.count, (part + 1) * chunk) {
            slots.store(transform(elements[index]), at: index)
        }
    }
    return slots.values()
}

/// Storage each worker writes at its own indices only.
/// `@unchecked Sendable`: every index is written by exactly one iteration of
/// `concurrentPerform`, and read only after it returns, which orders the writes before the reads.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
