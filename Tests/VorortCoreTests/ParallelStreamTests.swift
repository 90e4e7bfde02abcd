import Foundation
import Synchronization
import Testing
@testable import VorortCore

/// `Parallel.stream` renders a build's pages: every job once, results in bounded batches, the pages that list a
/// whole district one at a time, and the first error stops the others without a hang.
@Suite("Pages streamed on all cores")
struct ParallelStreamTests {
    struct Failure: Error, Equatable { let job: Int }

    /// Counts the exclusive jobs running at once and remembers the most.
    final class Overlap: Sendable {
        private let counts = Mutex((now: 0, most: 0))
        func enter() { counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { counts.withLock { $0.now -= 1 } }
        var most: Int { counts.withLock { $0.most } }
    }

    /// Some busy work, so that jobs overlap in time.
    static func work(_ job: Int, rounds: Int) -> Int {
        var value = job
        for _ in 0..<rounds { value = (value &* 31 &+ 7) % 1_000_003 }
        return value
    }

    @Test(arguments: [(batchSize: 100, size: 8), (batchSize: 10_000, size: 50)])
    func everyJobOnceInBoundedBatchesAndExclusiveJobsOneAtATime(batchSize: Int, size: Int) throws {
        let count = 3_000, workers = 4, batchBytes = 1_000
        let exclusive: @Sendable (Int) -> Bool = { $0 % 97 == 0 }
        let overlap = Overlap()
        var seen: [Int] = []
        var largest = 0
        try Parallel.stream(count: count, workers: workers, batchSize: batchSize, batchBytes: batchBytes, exclusive: exclusive,
                            size: { _ in size }, { job in
            if exclusive(job) { overlap.enter() }
            defer { if exclusive(job) { overlap.leave() } }
            return (job, Self.work(job, rounds: exclusive(job) ? 200_000 : 2_000))
        }) { batch in
            largest = max(largest, batch.count)
            for (job, result) in batch {
                #expect(result.0 == job)
                #expect(result.1 == Self.work(job, rounds: exclusive(job) ? 200_000 : 2_000))
                seen.append(job)
            }
        }
        #expect(seen.sorted() == Array(0..<count))
        #expect(overlap.most == 1)
        // A batch is handed over once it holds `batchSize` results or `batchBytes` bytes; the workers wait when
        // twice that is pending, so at most that and the jobs they were at is ever held.
        let limit = min(2 * batchSize, 2 * batchBytes / size) + workers
        #expect(largest <= limit)
        #expect(largest > 1)
    }

    @Test func aFailingJobStopsTheOthersAndIsThrown() {
        let started = Atomic<Int>(0)
        var emitted = 0
        #expect(throws: Failure(job: 50)) {
            try Parallel.stream(count: 100_000, workers: 3, batchSize: 10, batchBytes: 1 << 20, exclusive: { _ in false },
                                size: { _ in 1 }, { job in
                started.add(1, ordering: .relaxed)
                if job == 50 { throw Failure(job: 50) }
                return job
            }) { batch in emitted += batch.count }
        }
        // No job starts after the failure: far fewer than all of them ran.
        #expect(started.load(ordering: .relaxed) < 10_000)
        #expect(emitted < 10_000)
    }

    @Test func aFailingEmitStopsTheWorkersAndIsThrown() {
        let started = Atomic<Int>(0)
        #expect(throws: Failure(job: -1)) {
            try Parallel.stream(count: 100_000, workers: 2, batchSize: 10, batchBytes: 1 << 20, exclusive: { $0 % 3 == 0 },
                                size: { _ in 1 }, { job in
                started.add(1, ordering: .relaxed)
                return job
            }) { _ in throw Failure(job: -1) }
        }
        #expect(started.load(ordering: .relaxed) < 10_000)
    }

    @Test func noJobsAndOnlyExclusiveJobsFinish() throws {
        var results: [Int] = []
        try Parallel.stream(count: 0, batchSize: 5, batchBytes: 100, exclusive: { _ in true }, size: { _ in 1 }, { $0 }) { batch in
            results += batch.map(\.result)
        }
        #expect(results.isEmpty)
        try Parallel.stream(count: 23, workers: 3, batchSize: 5, batchBytes: 100, exclusive: { _ in true }, size: { _ in 1 }, { $0 }) { batch in
            results += batch.map(\.result)
        }
        #expect(results.sorted() == Array(0..<23))
    }
}
