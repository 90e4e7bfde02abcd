import FlyingFox
import FlyingSocks
import Foundation
import VorortCore

/// `vorort serve`: builds the site into memory, serves it under its base path, watches its files and rebuilds
/// what changed (`IncrementalSite`), and tells open pages to reload. Never writes `output/`.
public enum PreviewServer {
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        public var port: UInt16
        public var today: CalendarDate

        public init(root: URL, host: String, port: UInt16, today: CalendarDate) {
            self.root = root.standardizedFileURL
            self.host = host
            self.port = port
            self.today = today
        }
    }

    public enum Problem: Error, CustomStringConvertible {
        case portInUse(String, UInt16)
        case cannotListen(String, UInt16, String)
        case badHost(String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "Der Port \(port) auf \(host) ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? Beenden Sie sie dort oder wählen Sie einen anderen Port, z. B. `vorort serve --port \(port + 1)`."
            case .cannotListen(let host, let port, let reason):
                "Die Vorschau kann auf \(host):\(port) nicht starten: \(reason)"
            case .badHost(let host):
                "`--host \(host)` ist keine IP-Adresse dieses Rechners. Lassen Sie die Angabe weg (nur dieser Rechner) oder nennen Sie z. B. `--host 0.0.0.0`."
            }
        }
    }

    /// Runs until the process ends. `ready` is called with the address once the first build is served.
    public static func run(_ options: Options, say: @escaping @Sendable (String) -> Void,
                           ready: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let address = try socketAddress(options.host, options.port)
        try checkPortIsFree(address, host: options.host, port: options.port)
        let store = SnapshotStore()
        let live = LiveReload()
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled,
                                handler: ClosureHTTPHandler { request in await respond(to: request, store: store, live: live) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await server.run() } catch let error as SocketError {
                    throw Problem.cannotListen(options.host, options.port, error.localizedDescription)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(15))
                    await live.ping()
                }
            }
            try await server.waitUntilListening(timeout: 10)
            say("Die Vorschau wird erzeugt …")
            let url = "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(options.port)"
            Rebuilder.start(options, store: store, live: live, say: say) { basePath in ready(url + basePath) }
            try await group.next()
        }
    }

    static func socketAddress(_ host: String, _ port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: name, port: port) else { throw Problem.badHost(host) }
            return address
        }
        guard let address = try? sockaddr_in.inet(ip4: name, port: port) else { throw Problem.badHost(host) }
        return address
    }

    /// Binds the address once before the server does: a port in use is the editor's most likely problem and gets
    /// its own message instead of a socket error.
    static func checkPortIsFree(_ address: any SocketAddress, host: String, port: UInt16) throws {
        do {
            let socket = try Socket(domain: Int32(type(of: address).family))
            defer { try? socket.close() }
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
        } catch let error as SocketError {
            if case .failed(_, let code, _) = error, code == EADDRINUSE { throw Problem.portInUse(host, port) }
            if case .failed(_, let code, _) = error, code == EADDRNOTAVAIL { throw Problem.badHost(host) }
            throw Problem.cannotListen(host, port, error.localizedDescription)
        }
    }

    // MARK: - Requests

    static func respond(to request: HTTPRequest, store: SnapshotStore, live: LiveReload) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"] as HTTPHeaders)
        }
        guard let snapshot = await store.current else {
            return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Retry-After"): "1"],
                body: Data("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"1\"><title>Vorschau</title></head><body><p>Die Vorschau wird erzeugt …</p></body></html>".utf8))
        }
        // The path as sent, decoded but not standardised: FlyingFox's `path` drops the trailing slash that tells a
        // folder's page from a file. `..` in any spelling is refused by `outputPath`.
        let path = request.target.path(percentEncoded: false)
        switch request.path {
        case "/__vorort/events":
            let seen = request.query.first { $0.name == "stand" }.flatMap { Int($0.value) }
            let page = request.query.first { $0.name == "seite" }?.value ?? ""
            let stream = await live.connect(stale: seen.map { snapshot.isStale(page, loadedAt: $0) } ?? false)
            return HTTPResponse(statusCode: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                body: HTTPBodySequence(from: EventStreamBody(events: stream)))
        case "/__vorort/live.js":
            return asset(PreviewAssets.script, type: "text/javascript; charset=utf-8")
        case "/__vorort/vorschau.css":
            return asset(PreviewAssets.styles, type: "text/css; charset=utf-8")
        case "/__vorort/quelle":
            return source(request.query.first { $0.name == "datei" }?.value, snapshot: snapshot)
        case "/", "":
            return HTTPResponse(statusCode: .found, headers: [.location: snapshot.basePath] as HTTPHeaders)
        default:
            return page(path, request: request, snapshot: snapshot)
        }
    }

    private static func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: Data(text.utf8))
    }

    static func page(_ path: String, request: HTTPRequest, snapshot: PreviewSnapshot) -> HTTPResponse {
        // No good render yet (the site had errors from the start): every page is the list of findings, and reloads
        // once they are fixed.
        if snapshot.files.isEmpty, path.hasPrefix(snapshot.basePath) || path + "/" == snapshot.basePath {
            let skeleton = "<!doctype html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Vorschau – Fehler</title>\n</head>\n<body>\n<main id=\"inhalt\"><h1>Noch keine Vorschau</h1><p>Die Website hat Fehler, seit die Vorschau läuft. Sobald sie behoben sind, erscheint hier die Seite.</p></main>\n</body>\n</html>\n"
            return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                                body: Data(decorated(skeleton, output: "", snapshot: snapshot, marksShown: false).utf8))
        }
        guard let output = snapshot.outputPath(forRequest: path) else { return notFound(snapshot, path: path) }
        // No service worker in the preview: it would keep pages and the theme's files (cache-first) that editors are
        // changing. Without it, `offline.js` fails to register quietly, as it does on any site that lacks one.
        if output == Routes.serviceWorker { return notFound(snapshot, path: path) }
        guard let file = snapshot.files[output] else {
            // `…/sprachcafe` without the slash: the page is the folder's index.
            if !path.hasSuffix("/"), snapshot.files[output + "/index.html"] != nil {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"] as HTTPHeaders)
            }
            return notFound(snapshot, path: path)
        }
        guard let data = contents(file, root: snapshot.root) else { return notFound(snapshot, path: path) }
        let type = contentType(output)
        var body = data
        if output.hasSuffix(".html") {
            let shown = request.query.first { $0.name == PreviewPage.marksParameter }?.value == "an"
            body = Data(decorated(String(decoding: data, as: UTF8.self), output: output, snapshot: snapshot, marksShown: shown).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
    }

    /// The theme's 404 page of the language whose folder the path is in (`/integration/ar/…` → `ar/404.html`), as
    /// the servers configured in the README answer; else the site language's.
    static func notFound(_ snapshot: PreviewSnapshot, path: String) -> HTTPResponse {
        var page = "404.html"
        if path.hasPrefix(snapshot.basePath), let folder = path.dropFirst(snapshot.basePath.count).split(separator: "/").first,
           snapshot.files["\(folder)/404.html"] != nil {
            page = "\(folder)/404.html"
        }
        let html = snapshot.files[page].flatMap { contents($0, root: snapshot.root) }
            .map { decorated(String(decoding: $0, as: UTF8.self), output: page, snapshot: snapshot, marksShown: false) }
            ?? "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Nicht gefunden</title></head><body><p>Diese Seite gibt es nicht.</p></body></html>"
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                            body: Data(html.utf8))
    }

    /// The text of a content file the preview names („Bearbeiten: …“); only files that pages show, never any other path.
    static func source(_ file: String?, snapshot: PreviewSnapshot) -> HTTPResponse {
        guard let file, snapshot.sources.values.contains(file),
              let data = FileManager.default.contents(atPath: snapshot.root.appendingPathComponent(file).path)
        else { return notFound(snapshot, path: "") }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"], body: data)
    }

    static func decorated(_ html: String, output: String, snapshot: PreviewSnapshot, marksShown: Bool) -> String {
        let source = snapshot.sources[output]
        let preview = PreviewPage(outputPath: output, generation: snapshot.generation, sourceFile: source,
                                  errors: snapshot.errors, marks: source.map { WordingMarks.marks(in: $0, snapshot: snapshot) } ?? [],
                                  marksShown: marksShown)
        return preview.decorate(html)
    }

    static func contents(_ file: OutputFile, root: URL) -> Data? {
        switch file.contents {
        case .data(let data): data
        case .copy(let url): FileManager.default.contents(atPath: url.path)
        }
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "woff2": "font/woff2"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}

/// Holds the snapshot the server answers from.
actor SnapshotStore {
    private(set) var current: PreviewSnapshot?
    func set(_ snapshot: PreviewSnapshot) { current = snapshot }
}
