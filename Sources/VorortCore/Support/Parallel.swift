import Dispatch
import Foundation
import Synchronization

/// Runs independent work on all cores: parsing files, rendering pages, writing files.
enum Parallel {
    static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// `transform` applied to every element, results in the order of `items`. The first error is thrown
    /// after all threads stopped; a thread that fails does no further work. Each thread takes the next element
    /// not yet taken, so a few slow elements (a page listing 10,000 offers, a long text) do not leave the other
    /// threads idle, as a fixed share per thread did.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], workers: Int = defaultWorkers, _ transform: @Sendable (T) throws -> R
    ) throws -> [R] {
        let results = Mutex([R?](repeating: nil, count: items.count))
        let failure = Mutex<(any Error)?>(nil)
        let next = Atomic<Int>(0)
        let threads = max(1, min(workers, items.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < items.count else { return }
                do {
                    let result = try transform(items[position])
                    results.withLock { $0[position] = result }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    // The others stop at their next element too.
                    next.store(items.count, ordering: .relaxed)
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.map { $0! } }
    }

    /// The same for work that cannot fail.
    static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int = defaultWorkers, _ transform: @Sendable (T) -> R) -> [R] {
        // The throwing variant never throws for a non-throwing transform.
        (try? map(items, workers: workers) { item throws -> R in transform(item) }) ?? []
    }
}

/// Work started on another thread now and collected later, so independent stages overlap
/// (the wording rules load while the content is read; the lint runs while cmark renders).
final class Background<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            let value = work()
            result.withLock { $0 = value }
        }
    }

    /// Waits for the work to finish and returns its value.
    var value: Value {
        group.wait()
        // The group finished, so the value is there.
        return result.withLock { $0! }
    }
}

/// Lets go of a large value on another thread: freeing every renderer of a site (its cards, lists and the index
/// they share) took the thread that dropped the last reference about 12 ms at 10,000 pages, while nothing waits for
/// the memory. Only for values nothing else refers to any more, at the end of a stage, so that the freeing does not
/// overlap the stage's own peak of memory.
enum ReleaseInBackground {
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = ReleaseBox(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    private final class ReleaseBox<Held: Sendable>: Sendable {
        private let held: Mutex<Held?>
        init(_ value: consuming Held) { held = Mutex(value) }
        func drop() { held.withLock { $0 = nil } }
    }
}
