import Dispatch
import Synchronization

/// Writes rendered batches on a thread of their own while the next batch renders, one batch at a time and in
/// order: rendering is CPU work, writing mostly waits for the file system, so the two overlap.
final class BatchWriter: @unchecked Sendable {
    // `staging` is only touched by one write at a time: `submit` waits for the previous write before it starts
    // the next, and `finish` waits for the last.
    private let staging: OutputWriter.Staging
    private let running = DispatchGroup()
    private let failure = Mutex<(any Error)?>(nil)

    init(_ staging: OutputWriter.Staging) { self.staging = staging }

    /// Waits for the previous batch, reports its error, and starts writing this one.
    func submit(_ files: [OutputFile]) throws {
        try waitForPrevious()
        running.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do { try staging.write(files) } catch { failure.withLock { $0 = $0 ?? error } }
            running.leave()
        }
    }

    /// Waits until every batch is written; throws the first write error.
    func finish() throws { try waitForPrevious() }

    /// Waits until no write runs, without reporting errors: before the staging folder is removed after a failure.
    func drain() { running.wait() }

    private func waitForPrevious() throws {
        running.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
