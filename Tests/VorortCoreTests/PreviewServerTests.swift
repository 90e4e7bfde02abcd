import Foundation
import Testing
@testable import VorortCore
@testable import VorortPreview

/// `vorort serve`, started as editors start it, on a free port, and talked to over HTTP (curl): pages under the
/// base path, 404, paths that try to leave the site, a saved file → reload event → new content, an error → findings
/// over the page → fixed → gone, a deleted file, the wording marks, a port in use. Nothing sleeps: every wait reads
/// the server's output or the event stream until what it waits for arrives, with a deadline.
@Suite("vorort serve", .serialized)
struct PreviewServerTests {
    /// A line-by-line reader of a child process's output that waits with `poll`, never longer than a deadline.
    final class LineReader {
        let handle: FileHandle
        private var buffer = Data()
        private(set) var seen = ""

        init(_ handle: FileHandle) { self.handle = handle }

        /// Reads until a line contains `text`; returns that line, or nil after `seconds`.
        func waitFor(_ text: String, seconds: Double = 30) -> String? {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    seen += line + "\n"
                    if line.contains(text) { return line }
                }
                var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 200) >= 0 else { return nil }
                if ready.revents & Int16(POLLIN | POLLHUP) != 0 {
                    var bytes = [UInt8](repeating: 0, count: 65536)
                    let count = read(handle.fileDescriptor, &bytes, bytes.count)
                    if count <= 0 { return nil }
                    buffer.append(contentsOf: bytes[0..<count])
                }
            }
            return nil
        }
    }

    /// A running `vorort serve`, stopped when the test ends.
    final class Server {
        let process = Process()
        let output: LineReader
        let port: UInt16
        let site: URL
        var base: String { "http://127.0.0.1:\(port)" }

        init(site: URL) throws {
            self.site = site
            port = try PreviewServerTests.freePort()
            process.executableURL = TestSupport.executable
            process.arguments = ["serve", "--site", site.path, "--port", "\(port)", "--today", "2026-11-26"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            output = LineReader(pipe.fileHandleForReading)
            try process.run()
        }

        /// SIGKILL: a child started from a test thread inherits that thread's blocked signals, SIGTERM among them.
        func stop() { PreviewServerTests.kill(process) }

        /// Subscribes to the live-reload events; the stream is open when this returns.
        func events() throws -> (process: Process, reader: LineReader) {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            curl.arguments = ["curl", "-s", "-N", "\(base)/__vorort/events"]
            let pipe = Pipe()
            curl.standardOutput = pipe
            let reader = LineReader(pipe.fileHandleForReading)
            try curl.run()
            #expect(reader.waitFor(": vorort") != nil, "the event stream opens")
            return (curl, reader)
        }
    }

    static func kill(_ process: Process) {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Status and body of a GET, with curl (no redirects followed, the path sent as written).
    static func get(_ url: String) throws -> (status: Int, body: String, location: String) {
        let result = try TestSupport.execute(URL(fileURLWithPath: "/usr/bin/env"),
            ["curl", "-s", "-m", "20", "--path-as-is", "-o", "-", "-w", "\n%{http_code} %{redirect_url}", url])
        var lines = result.stdout.components(separatedBy: "\n")
        let last = lines.removeLast().split(separator: " ", maxSplits: 1)
        return (Int(last.first ?? "") ?? 0, lines.joined(separator: "\n"), last.count > 1 ? String(last[1]) : "")
    }

    static let offer = "content/gemeinden/dorf/angebote/sprachcafe.md"

    @Test(.timeLimit(.minutes(2))) func servesPagesUnderTheBasePathAndNothingElse() throws {
        let siteFile = TestSupport.minimalFiles["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages:\n  - {code: en, name: English}\n")
        let site = try TestSupport.minimalSite(replacing: ["site.yml": siteFile])
        defer { TestSupport.cleanUp(site) }
        let server = try Server(site: site)
        defer { server.stop() }
        #expect(server.output.waitFor("Vorschau: http") != nil, "\(server.output.seen)")

        let home = try Self.get("\(server.base)/ankommen/")
        #expect(home.status == 200)
        #expect(home.body.contains("<h1 class=\"home-title\">Willkommen</h1>") && home.body.contains("class=\"vorort-vorschau\""))
        #expect(home.body.contains("Bearbeiten: <a href=\"/__vorort/quelle?datei=content/kreis/index.md\">"))
        #expect(home.body.contains("<script src=\"/__vorort/live.js\""))
        let offer = try Self.get("\(server.base)/ankommen/gemeinden/dorf/angebote/sprachcafe/")
        #expect(offer.status == 200 && offer.body.contains("content/gemeinden/dorf/angebote/sprachcafe.md"))
        #expect(try Self.get("\(server.base)/ankommen/gemeinden/dorf/angebote/sprachcafe").status == 301)
        #expect(try Self.get("\(server.base)/").location == "\(server.base)/ankommen/")
        #expect(try Self.get("\(server.base)/__vorort/quelle?datei=content/kreis/index.md").body.contains("title: Willkommen"))

        let missing = try Self.get("\(server.base)/ankommen/gibt-es-nicht/")
        #expect(missing.status == 404 && missing.body.contains("<h1") && missing.body.contains("<html lang=\"de\""), "the theme's 404 page")
        // In a language's folder, that language's 404 page, as the README's server configurations answer.
        let missingInEnglish = try Self.get("\(server.base)/ankommen/en/gibt-es-nicht/")
        #expect(missingInEnglish.status == 404 && missingInEnglish.body.contains("<html lang=\"en\""), "\(missingInEnglish.body.prefix(300))")
        // A link out of the site is not followed by the loader, nor served; it is an error the terminal names.
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("content/seiten/aussen.md").path, withDestinationPath: "/etc/passwd")
        #expect(server.output.waitFor("[symlink]") != nil, "\(server.output.seen)")
        for attempt in ["/ankommen/../site.yml", "/ankommen/%2e%2e/site.yml", "/ankommen/%2E%2E%2Fsite.yml", "/ankommen/..%2f..%2fetc/passwd",
                        "/ankommen/seiten/aussen/", "/ankommen/seiten/aussen.md", "/site.yml", "/content/kreis/index.md",
                        "/__vorort/quelle?datei=site.yml", "/__vorort/quelle?datei=../site.yml", "/__vorort/quelle?datei=/etc/passwd",
                        "/__vorort/quelle?datei=content/seiten/aussen.md"] {
            let response = try Self.get(server.base + attempt)
            #expect(response.status == 404, "\(attempt): \(response.status)")
            #expect(!response.body.contains("root:") && !response.body.contains("baseURL"), "\(attempt)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func aSavedFileReloadsItsPagesAndAnErrorShowsOverThePage() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let server = try Server(site: site)
        defer { server.stop() }
        #expect(server.output.waitFor("Vorschau: http") != nil, "\(server.output.seen)")
        let (curl, events) = try server.events()
        defer { Self.kill(curl) }
        let file = site.appendingPathComponent(Self.offer)
        let page = "\(server.base)/ankommen/gemeinden/dorf/angebote/sprachcafe/"

        // Saved the way many editors save: a temporary file renamed over the old one.
        let text = try String(contentsOf: file, encoding: .utf8)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".sprachcafe.md.tmp")
        try text.replacingOccurrences(of: "Jeden Montag.", with: "Jeden Dienstag.").write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, file.path) == 0)
        let reload = events.waitFor("data:")
        #expect(reload?.contains("gemeinden\\/dorf\\/angebote\\/sprachcafe\\/index.html") == true, "\(reload ?? events.seen)")
        #expect(try Self.get(page).body.contains("Jeden Dienstag."))

        // A broken file: every page shows the finding above the last good render.
        try text.replacingOccurrences(of: "title: Sprachcafé", with: "title: [Sprachcafé").write(to: file, atomically: true, encoding: .utf8)
        #expect(events.waitFor("data: [\"*\"]") != nil, "\(events.seen)")
        let broken = try Self.get(page)
        #expect(broken.body.contains("class=\"vorort-fehler\"") && broken.body.contains("Die Website hat 1 Fehler"), "\(broken.body)")
        #expect(broken.body.contains("content/gemeinden/dorf/angebote/sprachcafe.md:2:"))
        #expect(broken.body.contains("Jeden Dienstag."), "the last good render stays below")
        #expect(try Self.get("\(server.base)/ankommen/").body.contains("class=\"vorort-fehler\""), "on every page")
        #expect(server.output.waitFor("Fehler") != nil, "the terminal prints the findings")

        // Fixed: the overlay goes.
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(events.waitFor("data: [\"*\"]") != nil, "\(events.seen)")
        let fixed = try Self.get(page)
        #expect(!fixed.body.contains("class=\"vorort-fehler\"") && fixed.body.contains("Jeden Montag."))

        // A new title: the edited page reloads first, the pages that list it after it.
        try text.replacingOccurrences(of: "title: Sprachcafé", with: "title: Sprachcafé am Montag").write(to: file, atomically: true, encoding: .utf8)
        let first = events.waitFor("data:")
        #expect(first == "data: [\"gemeinden\\/dorf\\/angebote\\/sprachcafe\\/index.html\"]", "\(first ?? events.seen)")
        let listings = events.waitFor("data:")
        #expect(listings?.contains("angebote\\/index.html") == true && listings?.contains("sprachcafe\\/index.html") == false, "\(listings ?? events.seen)")
        #expect(try Self.get(page).body.contains("Sprachcafé am Montag"))

        // Deleted: its page is gone.
        try FileManager.default.removeItem(at: file)
        #expect(events.waitFor("data:") != nil, "\(events.seen)")
        #expect(try Self.get(page).status == 404)
    }

    @Test(.timeLimit(.minutes(2))) func wordingMarksExplainEachWordOnRequest() throws {
        let site = try TestSupport.minimalSite(replacing: [
            Self.offer: TestSupport.minimalFiles[Self.offer]!.replacingOccurrences(of: "Jeden Montag.", with: "Seit der Flüchtlingswelle treffen wir uns jeden Montag."),
        ])
        defer { TestSupport.cleanUp(site) }
        let server = try Server(site: site)
        defer { server.stop() }
        #expect(server.output.waitFor("Vorschau: http") != nil, "\(server.output.seen)")
        let page = "\(server.base)/ankommen/gemeinden/dorf/angebote/sprachcafe/"
        let plain = try Self.get(page).body
        #expect(plain.contains("href=\"?sprachhinweise=an\">Sprachhinweise anzeigen</a> (1 Sprachhinweis)"))
        #expect(!plain.contains("<mark"))
        let marked = try Self.get(page + "?sprachhinweise=an").body
        #expect(marked.contains("<mark class=\"vorort-hinweis\" tabindex=\"0\" aria-describedby=\"vorort-hinweis-1\">Flüchtlingswelle</mark>"), "\(marked)")
        #expect(marked.contains("role=\"tooltip\" id=\"vorort-hinweis-1\">"))
        #expect(marked.contains("[fluechtlingswelle]"))
        #expect(marked.contains("Sprachhinweise ausblenden"))
    }

    @Test(.timeLimit(.minutes(1))) func aSiteWithErrorsFromTheStartShowsThemOnEveryPage() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let file = site.appendingPathComponent(Self.offer)
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "category: Sprache", with: "category: Sprachen").write(to: file, atomically: true, encoding: .utf8)
        let server = try Server(site: site)
        defer { server.stop() }
        #expect(server.output.waitFor("Vorschau: http") != nil, "\(server.output.seen)")
        let page = try Self.get("\(server.base)/ankommen/")
        #expect(page.status == 503)
        #expect(page.body.contains("Die Website hat 1 Fehler") && page.body.contains("[unknown-category]"), "\(page.body)")
        #expect(page.body.contains("<script src=\"/__vorort/live.js\""), "it reloads when fixed")
        let (curl, events) = try server.events()
        defer { Self.kill(curl) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(events.waitFor("data:") != nil, "\(events.seen)")
        #expect(try Self.get("\(server.base)/ankommen/").status == 200)
    }

    /// What the preview writes into pages is escaped like the site's templates: on Unicode scalars, so a quote
    /// followed by a combining mark (one Character) cannot close an attribute or open a tag.
    @Test func findingsInThePageAreEscapedOnScalars() {
        let finding = Diagnostic(file: "content/a\"\u{0338}.md", location: SourceLocation(line: 1, column: 1), severity: .error,
                                 rule: "yaml-syntax", message: "<\u{0338}script>", hint: "")
        let page = PreviewPage(outputPath: "a/index.html", generation: 1, sourceFile: "content/a\"\u{0338}.md", errors: [finding],
                               marks: [], marksShown: false)
        let html = page.decorate("<html><head></head><body><main></main></body></html>")
        #expect(html.contains("content/a&quot;\u{0338}.md") && html.contains("&lt;\u{0338}script&gt;"))
        #expect(!html.contains("\"\u{0338}") && !html.contains("<\u{0338}"))
    }

    @Test(.timeLimit(.minutes(1))) func aPortInUseIsAClearMessage() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let first = try Server(site: site)
        defer { first.stop() }
        #expect(first.output.waitFor("Vorschau: http") != nil, "\(first.output.seen)")
        let second = try TestSupport.run(["serve", "--site", site.path, "--port", "\(first.port)"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("Der Port \(first.port) auf 127.0.0.1 ist schon belegt"), "\(second.stderr)")
    }
}
