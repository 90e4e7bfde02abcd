import Foundation

extension Parallel {
    /// `transform` applied to the jobs `0..<count` on `workers` threads of their own, the results handed to `emit` on
    /// the calling thread while the others are still being made, in batches of `batchSize` results or `batchBytes`
    /// bytes (`size` of each result), whichever is reached first: memory stays bounded, and no thread waits for the
    /// slowest job of a batch, as it did with one `map` per batch (a page listing 70,000 offers took 0.8 s while the
    /// other core rendered its batch's ordinary pages in 0.2 s and then idled).
    ///
    /// Jobs for which `exclusive` is true run one at a time, each as soon as none other runs (a page that lists a
    /// whole district can hold tens of megabytes while it renders; two side by side were once the build's peak of
    /// memory). Results come in the order they are finished, each with its job. The first error, of `transform` or of
    /// `emit`, is thrown after every thread stopped; no job starts after it.
    ///
    /// The workers are threads of their own, not Dispatch's: they wait for `emit` when too much is pending, and
    /// `emit` may itself wait for work on Dispatch's threads (`BatchWriter`).
    static func stream<R: Sendable>(
        count: Int, workers: Int = defaultWorkers, batchSize: Int, batchBytes: Int,
        exclusive: (Int) -> Bool, size: @escaping @Sendable (R) -> Int,
        _ transform: @escaping @Sendable (Int) throws -> R,
        emit: ([(job: Int, result: R)]) throws -> Void
    ) throws {
        let jobs = 0..<count
        let state = StreamState<R>(ordinary: jobs.filter { !exclusive($0) }, exclusive: jobs.filter(exclusive),
                                   batchSize: max(1, batchSize), batchBytes: max(1, batchBytes))
        let threads = max(1, workers)
        for _ in 0..<threads {
            let thread = Thread { state.work(transform, size: size) }
            // Rendering nests templates and cmark's tree walks: the same stack as the main thread's.
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let batch = state.nextBatch(workers: threads) {
            do {
                try emit(batch)
            } catch {
                state.fail(error)
                break
            }
        }
        if let failure = state.waitForWorkers(threads) { throw failure }
    }
}

/// What the threads of `Parallel.stream` share; every property is read and written with `condition` locked.
private final class StreamState<R: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let ordinary: [Int]
    private let exclusive: [Int]
    private let batchSize: Int
    private let batchBytes: Int
    private var nextOrdinary = 0
    private var nextExclusive = 0
    private var exclusiveRunning = false
    private var pending: [(job: Int, result: R)] = []
    private var pendingBytes = 0
    private var stopped = 0
    private var failure: (any Error)?

    init(ordinary: [Int], exclusive: [Int], batchSize: Int, batchBytes: Int) {
        self.ordinary = ordinary
        self.exclusive = exclusive
        self.batchSize = batchSize
        self.batchBytes = batchBytes
    }

    /// One worker: takes jobs until none is left or one failed.
    func work(_ transform: @Sendable (Int) throws -> R, size: @Sendable (R) -> Int) {
        condition.lock()
        while let (job, isExclusive) = takeJob() {
            condition.unlock()
            let outcome = Result { try transform(job) }
            condition.lock()
            if isExclusive { exclusiveRunning = false }
            switch outcome {
            case .success(let result):
                pending.append((job, result))
                pendingBytes += size(result)
            case .failure(let error):
                failure = failure ?? error
            }
            // Woken only when it matters — a batch to take, an exclusive job's turn, a failure: a wake-up after every
            // page cost the calling thread a system call per page.
            if pending.count >= batchSize || pendingBytes >= batchBytes || isExclusive || failure != nil {
                condition.broadcast()
            }
        }
        stopped += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next job, waiting while twice a batch is pending (the calling thread has not taken it yet) or while only
    /// exclusive jobs are left and one runs; nil when none is left or a job failed. Called with the lock held.
    private func takeJob() -> (Int, Bool)? {
        while failure == nil {
            let full = pending.count >= 2 * batchSize || pendingBytes >= 2 * batchBytes
            if !full {
                if !exclusiveRunning, nextExclusive < exclusive.count {
                    exclusiveRunning = true
                    nextExclusive += 1
                    return (exclusive[nextExclusive - 1], true)
                }
                if nextOrdinary < ordinary.count {
                    nextOrdinary += 1
                    return (ordinary[nextOrdinary - 1], false)
                }
                if nextExclusive == exclusive.count { return nil }
            }
            condition.wait()
        }
        return nil
    }

    /// The next batch for `emit`, waiting until one is full or every worker stopped; nil when nothing is left or a
    /// job failed.
    func nextBatch(workers: Int) -> [(job: Int, result: R)]? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, pending.count < batchSize, pendingBytes < batchBytes, stopped < workers {
            condition.wait()
        }
        guard failure == nil, !pending.isEmpty else { return nil }
        let batch = pending
        pending = []
        pendingBytes = 0
        condition.broadcast()
        return batch
    }

    /// Stops the workers after their current job.
    func fail(_ error: any Error) {
        condition.lock()
        failure = failure ?? error
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every worker stopped; the first error, if any.
    func waitForWorkers(_ workers: Int) -> (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        while stopped < workers { condition.wait() }
        return failure
    }
}
