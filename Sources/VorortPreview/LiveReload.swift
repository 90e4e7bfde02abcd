import Foundation

/// The browsers connected for live reload. After every update each gets one `reload` event naming the output
/// paths that changed (`*`: every page, when the findings changed and the overlay must follow); a page reloads
/// when its own path is named.
actor LiveReload {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]

    /// A stream of events for one browser that connected at `generation`; when the site changed since, its first
    /// event tells the page to reload at once.
    func connect(stale: Bool) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        // The comment line opens the stream at once; `retry` makes the browser reconnect quickly after a restart.
        continuation.yield(": vorort\nretry: 500\n\n")
        if stale { continuation.yield(Self.event(["*"])) }
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        clients[id] = continuation
        return stream
    }

    private func disconnect(_ id: UUID) { clients[id] = nil }

    func publish(_ paths: [String]) {
        let event = Self.event(paths)
        for client in clients.values { client.yield(event) }
    }

    /// Keeps idle connections open through proxies and notices browsers that went away.
    func ping() {
        for client in clients.values { client.yield(": ping\n\n") }
    }

    static func event(_ paths: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: paths)).map { String(decoding: $0, as: UTF8.self) } ?? "[\"*\"]"
        return "event: reload\ndata: \(data)\n\n"
    }
}
