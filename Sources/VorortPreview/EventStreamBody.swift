import FlyingFox
import FlyingSocks

/// The body of a server-sent events response: the bytes of each event as it is published, for as long as the
/// browser stays connected (FlyingFox sends it chunked).
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<String>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            guard try await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard try await fill() else { return nil }
            let chunk = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }

        /// Waits for the next event when nothing is left of the last; false when the stream has ended.
        private mutating func fill() async throws -> Bool {
            if !pending.isEmpty { return true }
            guard let event = await base.next() else { return false }
            pending = ArraySlice(event.utf8)
            return !pending.isEmpty
        }
    }
}
