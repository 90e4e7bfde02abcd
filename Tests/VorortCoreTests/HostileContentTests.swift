import Foundation
import Testing
@testable import VorortCore

/// Hostile content beyond the HTML: what an editor writes never reaches calendars, spreadsheets or CI logs as
/// code, no input hangs a build, and no picture is published by accident.
@Suite("Hostile content beyond HTML", .serialized)
struct HostileContentTests {
    static let withoutSearch = ["VORORT_PAGEFIND": "none"]

    /// An offer of the minimal site with the given front matter lines added.
    static func offer(_ lines: String, body: String = "Jeden Montag.") -> String {
        """
        ---
        title: Sprachcafé
        category: Sprache
        summary: Deutsch sprechen.
        reviewed: 2026-02-01
        contact: beratung
        \(lines)
        ---
        \(body)

        """
    }

    // MARK: - Calendars

    @Test func calendarTextCannotForgePropertiesOrComponents() throws {
        let title = #"Sprachtreff\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nATTACH:https://evil.example/payload.exe\r\nEND:VALARM\r\nORGANIZER:mailto:x@evil.example\r\nGEO:1.5;2.5"#
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: "\(title)"
                category: Sprache
                summary: "Treffen;\\nmit, Kaffee\\\\Tee\\rund \\u2028 Kuchen"
                place: "Rathaus\\r\\nLOCATION:Anderswo"
                reviewed: 2026-02-01
                contact: beratung
                recurrence: {days: [Mo], start: "16:00", end: "18:00"}
                ---
                Jeden Montag.

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let files = try TestSupport.renderedFiles(root)
        let ics = try #require(files["kalender/dorf.ics"])
        for line in ics.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "RFC 5545 folds at 75 octets: \(line)")
        }
        let folder = TestSupport.temporaryFolder("vorort-ics-hostile")
        defer { TestSupport.cleanUp(folder) }
        let file = folder.appendingPathComponent("dorf.ics")
        try Data(ics.utf8).write(to: file)
        let result = try TestSupport.python("""
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            components = [c.name for c in cal.walk()]
            event = cal.walk('VEVENT')[0]
            print(json.dumps({"components": components, "properties": sorted(event.keys()),
                              "summary": str(event['SUMMARY']), "location": str(event['LOCATION'])}))
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(parsed?["components"] as? [String] == ["VCALENDAR", "VTIMEZONE", "DAYLIGHT", "STANDARD", "VEVENT"])
        #expect(parsed?["properties"] as? [String] == ["DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "LOCATION", "RRULE", "SUMMARY", "UID", "URL"])
        #expect((parsed?["summary"] as? String)?.hasPrefix("Sprachtreff\nBEGIN:VALARM\nACTION:AUDIO") == true)
        #expect(parsed?["location"] as? String == "Rathaus\nLOCATION:Anderswo")
    }

    @Test func escapersWorkOnUnicodeScalars() {
        // "\r\n" is one Character: an escaper walking Characters matched neither case.
        #expect(Calendar.escape("a\r\nb\rc\nd") == "a\\nb\\nc\\nd")
        #expect(Calendar.escape("x\u{1}\u{1B}y\u{7F}") == "xy")
        #expect(XML.escape("a\u{0}b\u{B}c\u{FFFE}\r\n<&>") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\r\n&lt;&amp;&gt;")
        #expect(CSV.field("a\r\nb\u{1}") == "\"a\r\nb\"")
        #expect(CSV.field("x\"\u{338};y") == "\"x\"\"\u{338};y\"", "a quote with a combining mark is still doubled")
        #expect(HTMLEscaping.escape("\"\u{338}<\u{338}'") == "&quot;\u{338}&lt;\u{338}&#39;")
        var json: [UInt8] = []
        StructuredData.encode("a\r\n\u{1}\u{2028}<", into: &json)
        #expect(String(decoding: json, as: UTF8.self) == "\"a\\r\\n\\u0001\\u2028\\u003c\"")
    }

    /// The JSON-LD writer escapes on bytes and copies runs whole: whatever the text, a JSON reader gets it back,
    /// and no `<` or line separator stands in what is written.
    @Test func jsonLDTextReadsBackAsWritten() throws {
        let pieces = ["a", "ä", "„", "“", "–", "\u{2028}", "\u{2029}", "\u{2027}", "<", ">", "\"", "\\", "\n", "\r", "\t", "\u{0}",
                      "\u{1F}", "\u{7F}", "😀", "\u{E2}", "/"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<500 {
            let text = (0..<(round % 12)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var json: [UInt8] = []
            StructuredData.encode(.list([.text(text)]), into: &json)
            let written = String(decoding: json, as: UTF8.self)
            #expect(!written.contains("<") && !written.contains("\u{2028}") && !written.contains("\u{2029}"), "\(written)")
            let read = try JSONSerialization.jsonObject(with: Data(json)) as? [String]
            #expect(read == [text], "\(written)")
        }
    }

    /// `XML.escape` works on bytes; it must give what escaping scalar by scalar gives (XML 1.0 § 2.2 `Char`).
    @Test func xmlEscapingOnBytesMatchesEscapingScalars() {
        func reference(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                let v = scalar.value
                let allowed = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case _ where !allowed: out += "\u{FFFD}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let pool: [String] = ["a", "ß", "&", "<", ">", "\"", "'", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\r\n", "\u{7F}", "\u{85}",
                              "\u{338}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{EFFF}", "\u{F000}", "\u{1F600}", "\u{10FFFF}", "ع"]
        var generator = FuzzTests.Generator(state: 11)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(XML.escape(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aQuoteWithACombiningMarkCannotLeaveItsAttribute() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": Self.offer("")
                .replacingOccurrences(of: "summary: Deutsch sprechen.", with: "summary: \"Kaffee\\\"\\u0338 autofocus onfocus=alert(1) x=\\u0338\\\"\"")
                .replacingOccurrences(of: "title: Sprachcafé", with: "title: \"<\\u0338script>alert(1)</script>\""),
        ])
        defer { TestSupport.cleanUp(root) }
        let files = try TestSupport.renderedFiles(root)
        let page = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        let escaped = "content=\"Kaffee&quot;\u{338} autofocus onfocus=alert(1) x=\u{338}&quot;\""
        let brokenOut = "\"\u{338} autofocus"
        let tag = "<\u{338}script"
        #expect(page.contains(escaped), "\(page.prefix(600))")
        // Compared on scalars (Foundation compares Characters). JSON-LD writes the quote as `\"`, harmless inside its
        // script element; everywhere else it must be `&quot;`.
        let scalars = Array(page.unicodeScalars)
        let rawQuotes = scalars.indices.dropFirst().filter { scalars[$0] == "\"" && scalars.indices.contains($0 + 1) && scalars[$0 + 1] == "\u{338}" && scalars[$0 - 1] != "\\" }
        #expect(rawQuotes.isEmpty, "\(brokenOut.count)")
        #expect(!page.contains(tag))
    }

    // MARK: - Spreadsheets

    @Test func csvFormulasAreNeutralisedAndNumbersStayNumbers() throws {
        let facts = Facts(file: "content/kreis/zahlen.yml", owner: .district, reviewed: nil, indicators: [
            Indicator(id: "a", label: "=HYPERLINK(\"https://evil.example\";\"Klick\")", value: -5, unit: "+1", year: 2025, source: "@SUM(A1)"),
            Indicator(id: "b", label: "  =1+2", value: 1200.5, unit: "\tcmd", year: 2025, source: "-2+3"),
            Indicator(id: "c", label: "Beratungen", value: 42, unit: "Personen", year: 2025, source: "Amt"),
        ])
        let csv = Figures.csv(facts, ownerName: "=Landkreis", minimumCount: 3, licence: "\rLizenz")
        let folder = TestSupport.temporaryFolder("vorort-csv")
        defer { TestSupport.cleanUp(folder) }
        let file = folder.appendingPathComponent("zahlen.csv")
        try Data(csv.utf8).write(to: file)
        // Read back by Python's csv module, as a spreadsheet would split the cells.
        let result = try TestSupport.python("""
            import sys, csv, json
            rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), delimiter=';'))
            print(json.dumps(rows))
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
        #expect(rows.count == 4)
        let dangerous: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
        for row in rows.dropFirst() {
            for (column, cell) in row.enumerated() where column != 2 && column != 4 {
                let first = cell.drop { $0 == " " }.first
                #expect(first.map { !dangerous.contains($0) } ?? true, "cell \(column) starts a formula: \(cell.debugDescription)")
            }
        }
        #expect(rows[1][0] == "'=Landkreis")
        #expect(rows[1][1].hasPrefix("'=HYPERLINK"))
        #expect(rows[1][2] == "-5", "a negative figure stays a number")
        #expect(rows[2][2] == "1.200,5")
        #expect(rows[2][5] == "'-2+3")
        #expect(rows[3][2] == "42")
    }

    // MARK: - CI logs and terminals

    @Test func everyReportFormatShowsControlCharactersVisibly() throws {
        let hostile = Diagnostic(
            file: "content/x.md", location: SourceLocation(line: 3, column: 2), severity: .error, rule: "unknown-category",
            message: "Die Kategorie `A\n::error file=x.md,line=1::forged\u{1B}[31mrot\u{9B}2J\u{202E}` gibt es nicht.",
            hint: "Zeile\r\nzwei\u{7}")
        for format in DiagnosticFormat.allCases {
            let output = DiagnosticFormatter.format([hostile], as: format, filesChecked: 1)
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    "\(format): \(output.debugDescription)")
            #expect(!output.components(separatedBy: "\n").contains { $0.hasPrefix("::error file=x.md") }, "\(format) forged a workflow command")
            #expect(output.contains("<U+001B>"), "\(format) shows the escape character")
        }
        let text = DiagnosticFormatter.format([hostile], as: .text, filesChecked: 1)
        #expect(text.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3, "finding, hint, summary: \(text)")
    }

    @Test func aValueCannotForgeLinesInTheDefaultOutput() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": Self.offer("", body: "Text")
                .replacingOccurrences(of: "category: Sprache", with: #"category: "Sprache\n::error file=site.yml,line=1::gefälscht""#),
        ])
        defer { TestSupport.cleanUp(root) }
        for format in ["text", "github"] {
            let result = try TestSupport.run(["check", "--site", root.path, "--format", format])
            #expect(result.status == 1)
            #expect(!result.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("::error file=site.yml") }, "\(result.stdout)")
            #expect(result.stdout.contains("<U+000A>"))
        }
    }

    // MARK: - Control characters

    @Test func controlCharactersAreFoundInBodiesAndValues() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: "Sprachcafé\\x01"
                category: Sprache
                summary: "Deutsch\\0 sprechen."
                reviewed: 2026-02-01
                contact: beratung
                ---
                Eine Zeile mit\u{0B}Umbruch aus Word und \u{1B}[1m.
                NUL: \u{0} und danach ein [Link](fehlt.md).

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let found = report.findings("control-character").filter { $0.file.hasSuffix("sprachcafe.md") }
        let places = Set(found.map { "\($0.location.line):\($0.location.column)" })
        #expect(places == ["2:8", "4:10", "8:15", "8:37", "9:6"], "\(found)")
        #expect(found.contains { $0.message.contains("manuellen Zeilenumbruch aus Word") && $0.hint.contains("Umschalt+Eingabe") })
        // The text after the NUL is read on: its broken link is found.
        #expect(report.findings("broken-link").contains { $0.location.line == 9 })
    }

    // MARK: - Nothing hangs

    @Test(.timeLimit(.minutes(2))) func hundredThousandKeysAreReadInLinearTime() throws {
        var siteTexts = "title: Arriving\ncategories:\n"
        for index in 0..<100_000 { siteTexts += "  k\(index): x\n" }
        var frontMatter = "---\ntitle: Seite\n"
        for index in 0..<100_000 { frontMatter += "k\(index): x\n" }
        frontMatter += "---\nText.\n"
        let root = try TestSupport.minimalSite(
            extra: ["site.en.yml": siteTexts, "content/seiten/viele.md": frontMatter],
            replacing: ["site.yml": TestSupport.minimalFiles["site.yml"]! + "languages:\n  - {code: en, name: English}\n"])
        defer { TestSupport.cleanUp(root) }
        let clock = ContinuousClock.now
        let report = TestSupport.check(root)
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(report.findings("unknown-reference").count == DiagnosticCollector.maximumPerRule + 1, "50 listed, one summary: \(Set(report.diagnostics.map(\.rule)))")
        #expect(report.findings("unknown-key").contains { $0.file == "content/seiten/viele.md" })
    }

    @Test(.timeLimit(.minutes(1))) func namedPipesAreNotReadAndDoNotHang() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lint"), withIntermediateDirectories: true)
        for path in ["site.en.yml", "lint/regeln.yml", "themes/standard/templates/extra.mustache", "themes/standard/strings/en.yml",
                     "content/seiten/pipe.md"] {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.removeItem(at: url)
            #expect(mkfifo(url.path, 0o644) == 0, "\(path)")
        }
        let report = TestSupport.check(root)
        let unreadable = Set(report.findings("file-unreadable").map(\.file))
        #expect(unreadable.isSuperset(of: ["site.en.yml", "lint/regeln.yml", "themes/standard/templates/extra.mustache"]), "\(unreadable)")
        #expect(report.findings("unexpected-file").contains { $0.file == "content/seiten/pipe.md" })
    }

    @Test func namesThatAreNotUTF8AreFindingsNotSilentlySkipped() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        // Latin-1 names, as an old zip archive from Windows leaves them; Swift strings cannot hold these bytes.
        let made = try TestSupport.python("""
            import os, sys
            root = sys.argv[1].encode()
            open(root + b'/content/seiten/caf\\xe9.md', 'wb').write(b'---\\ntitle: Cafe\\n---\\nText\\n')
            os.mkdir(root + b'/content/gemeinden/m\\xfchl')
            """, [root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let report = TestSupport.check(root)
        let encoding = report.findings("encoding")
        #expect(encoding.count == 2, "\(report.diagnostics)")
        #expect(encoding.allSatisfy { $0.severity == .error })
        #expect(report.site == nil, "a municipality must not vanish from the site with a warning")
    }

    @Test func aSiteCannotAskForHundredsOfThousandsOfCategoryPages() throws {
        var site = TestSupport.minimalFiles["site.yml"]!
        for index in 0..<300 { site += "  - {slug: k\(index), label: K\(index), group: G}\n" }
        let root = try TestSupport.minimalSite(replacing: ["site.yml": site])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("invalid-value").contains { $0.file == "site.yml" && $0.message.contains("302 Kategorien") })
        #expect(report.site == nil)
    }

    /// A fake Pagefind that reports its process id (through a named pipe, which blocks the reader until it is
    /// written, or a plain file) and then never finishes.
    static func hangingIndexer(in folder: URL, pipe: Bool) throws -> (script: URL, pidFile: URL) {
        let pidFile = folder.appendingPathComponent(pipe ? "pid.fifo" : "pid.txt")
        if pipe { #expect(mkfifo(pidFile.path, 0o600) == 0) }
        let script = folder.appendingPathComponent("pagefind")
        try Data("#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 600\n".utf8).write(to: script)
        #expect(chmod(script.path, 0o755) == 0)
        return (script, pidFile)
    }

    /// The id the fake indexer writes into the named pipe, or nil when `build` ends first or 30 seconds pass.
    static func readIndexerID(from fifo: URL, whileRunning build: Process) -> Int32? {
        let fd = open(fifo.path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var text = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Waits for the pipe up to 100 ms at a time, then looks whether the build is still there.
            if poll(&ready, 1, 100) > 0, ready.revents & Int16(POLLIN) != 0 {
                var buffer = [UInt8](repeating: 0, count: 64)
                let count = read(fd, &buffer, buffer.count)
                if count > 0 { text += String(decoding: buffer[..<count], as: UTF8.self) }
                if text.hasSuffix("\n") { return Int32(text.trimmed) }
            }
            if !build.isRunning, text.isEmpty { return nil }
        }
        return nil
    }

    /// Whether the process is gone or only a zombie waiting for its parent.
    static func hasEnded(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state == "Z" || state == "X"
    }

    @Test(.timeLimit(.minutes(1))) func aHangingIndexerIsStoppedWithAClearMessage() throws {
        let folder = TestSupport.temporaryFolder("vorort-pagefind-hang")
        defer { TestSupport.cleanUp(folder) }
        let (script, pidFile) = try Self.hangingIndexer(in: folder, pipe: false)
        let output = folder.appendingPathComponent("output")
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        #expect(try TestSupport.run(["build", "--site", site.path, "--output", output.path], environment: Self.withoutSearch).status == 0)
        let before = try TestSupport.snapshot(output)

        let result = try TestSupport.run(["build", "--site", site.path, "--output", output.path],
                                         environment: ["VORORT_PAGEFIND": script.path, "VORORT_PAGEFIND_TIMEOUT": "1"])
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmed))
        #expect(result.status == 2)
        #expect(result.stderr.contains("nicht fertiggestellt"), "\(result.stderr)")
        #expect(result.stderr.contains("VORORT_PAGEFIND_TIMEOUT"))
        #expect(Self.hasEnded(pid), "the indexer was killed with the build's time limit")
        #expect(try TestSupport.snapshot(output) == before, "the previous site stays")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["output", "pagefind", "pid.txt"])
    }

    @Test(.timeLimit(.minutes(1))) func theIndexerDiesWithAKilledBuild() throws {
        let folder = TestSupport.temporaryFolder("vorort-pagefind-kill")
        defer { TestSupport.cleanUp(folder) }
        let (script, fifo) = try Self.hangingIndexer(in: folder, pipe: true)
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let build = Process()
        build.executableURL = TestSupport.executable
        build.arguments = ["build", "--site", site.path, "--output", folder.appendingPathComponent("output").path]
        build.environment = ProcessInfo.processInfo.environment.merging(["VORORT_PAGEFIND": script.path]) { _, new in new }
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        // The script writes its id into the pipe. Opened without blocking and read as it arrives, so that a build
        // that ends before it starts the indexer fails this test instead of hanging it in `open`.
        let pid = try #require(Self.readIndexerID(from: fifo, whileRunning: build), "the build ended before it started the indexer")
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        // The kernel sends the parent-death signal as the build dies; delivery is immediate but asynchronous.
        let deadline = ContinuousClock.now + .seconds(10)
        while !Self.hasEnded(pid), ContinuousClock.now < deadline {}
        #expect(Self.hasEnded(pid), "Pagefind must not outlive the build")
        if !Self.hasEnded(pid) { kill(pid, SIGKILL) }
        // The next build removes the staging folder the killed one left, before it starts.
        let next = try TestSupport.run(["build", "--site", site.path, "--output", folder.appendingPathComponent("output").path],
                                       environment: Self.withoutSearch)
        #expect(next.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["output", "pagefind", "pid.fifo"])
    }

    // MARK: - Pictures

    static let storyWithPicture = """
        ---
        title: Ein Fest
        date: 2026-05-01
        summary: Alle feiern.
        image: {src: fest.jpg, alt: Menschen feiern auf dem Marktplatz}
        ---
        Es war schön. ![Die Bühne](buehne.png)

        """

    @Test func onlyPicturesThatTextsUseArePublished() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/geschichten/fest.md": Self.storyWithPicture,
            "content/gemeinden/dorf/geschichten/fest.jpg": "jpeg",
            "content/gemeinden/dorf/geschichten/buehne.png": "png",
            "content/gemeinden/dorf/geschichten/privat.jpg": "private photo",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let unused = report.findings("unused-file")
        #expect(unused.map(\.file) == ["content/gemeinden/dorf/geschichten/privat.jpg"])
        #expect(unused.first?.severity == .warning)
        let site = try #require(report.site)
        let paths = Set(try Pipeline.render(site).map(\.path))
        #expect(paths.contains(Routes.asset(forContentFile: "content/gemeinden/dorf/geschichten/fest.jpg")))
        #expect(paths.contains(Routes.asset(forContentFile: "content/gemeinden/dorf/geschichten/buehne.png")))
        #expect(!paths.contains { $0.contains("privat") })
    }

    @Test func hugePicturesAreRefusedWithoutBeingRead() throws {
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/geschichten/fest.md": Self.storyWithPicture,
                                                      "content/gemeinden/dorf/geschichten/buehne.png": "png"])
        defer { TestSupport.cleanUp(root) }
        // A sparse file: 3 GB on paper, nothing on disk.
        let huge = root.appendingPathComponent("content/gemeinden/dorf/geschichten/fest.jpg")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 3_000_000_000)
        try handle.close()
        let clock = ContinuousClock.now
        let report = TestSupport.check(root)
        #expect(ContinuousClock.now - clock < .seconds(10))
        let finding = try #require(report.findings("file-too-large").first)
        #expect(finding.file.hasSuffix("fest.jpg"))
        #expect(finding.message.contains("MiB"))
        #expect(report.findings("missing-image").isEmpty, "one message for one mistake")
        #expect(report.findings("large-image").isEmpty, "one message for one mistake")
    }

    // MARK: - Output folders and listings

    /// Runs vorort as an unprivileged user when the tests run as root (as in CI), so file permissions apply.
    static func runUnprivileged(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        if getuid() != 0 { return try TestSupport.run(arguments, environment: withoutSearch) }
        return try TestSupport.execute(URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups", TestSupport.executable.path] + arguments,
            environment: withoutSearch)
    }

    /// A copy of the minimal site that the unprivileged user can read, and an output folder it can write.
    static func readableSite() throws -> (site: URL, parent: URL) {
        let parent = TestSupport.temporaryFolder("vorort-perm")
        let site = try TestSupport.minimalSite()
        let copy = parent.appendingPathComponent("site")
        try FileManager.default.moveItem(at: site, to: copy)
        TestSupport.cleanUp(site)
        _ = try TestSupport.execute(URL(fileURLWithPath: "/bin/chmod"), ["-R", "a+rwX", parent.path])
        return (copy, parent)
    }

    @Test func aFolderThatCannotBeListedStopsTheBuildBeforeAnythingMoves() throws {
        let (site, parent) = try Self.readableSite()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        #expect(try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path]).status == 0)
        let before = try TestSupport.snapshot(output)
        let hidden = site.appendingPathComponent("content/gemeinden/dorf/angebote")
        #expect(chmod(hidden.path, 0o000) == 0)
        defer { chmod(hidden.path, 0o755) }
        let result = try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("content/gemeinden/dorf/angebote:1:1: Fehler: Der Ordner kann nicht gelesen werden"), "\(result.stdout)")
        #expect(try TestSupport.snapshot(output) == before)
    }

    @Test func anOutputFolderThatCannotBeListedIsNotReplaced() throws {
        let (site, parent) = try Self.readableSite()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        #expect(try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path]).status == 0)
        #expect(chmod(output.path, 0o333) == 0)  // writable, not readable
        defer { chmod(output.path, 0o755) }
        let result = try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("kann nicht gelesen werden"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        chmod(output.path, 0o755)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.markerFile).path))
    }

    @Test func anOldSiteThatCannotBeRemovedDoesNotFailTheSwappedBuild() throws {
        let (site, parent) = try Self.readableSite()
        defer {
            _ = try? TestSupport.execute(URL(fileURLWithPath: "/bin/chmod"), ["-R", "u+rwX", parent.path])
            TestSupport.cleanUp(parent)
        }
        let output = parent.appendingPathComponent("output")
        #expect(try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path]).status == 0)
        // A folder of the old site whose files cannot be deleted (as left by another user or a mounted share).
        #expect(chmod(output.appendingPathComponent("kreis").path, 0o555) == 0)
        let result = try Self.runUnprivileged(["build", "--site", site.path, "--output", output.path])
        #expect(result.status == 0, "the new site is in place; leftovers of the old one are not a failure: \(result.stderr)")
        var info = stat()
        #expect(stat(output.appendingPathComponent("kreis").path, &info) == 0 && info.st_mode & 0o777 == 0o755, "the new site was swapped in")
    }

    @Test func aSymbolicLinkAsOutputIsNotReplaced() throws {
        let parent = TestSupport.temporaryFolder("vorort-output-link")
        defer { TestSupport.cleanUp(parent) }
        let target = parent.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let link = parent.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try TestSupport.run(["build", "--site", TestSupport.packageRoot.path, "--output", link.path], environment: Self.withoutSearch)
        #expect(result.status == 2)
        #expect(result.stderr.contains("symbolischer Link"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(SiteLoader.isSymbolicLink(link), "the link is still a link")
    }

    @Test func aMountPointAsOutputGetsAClearMessage() throws {
        guard getuid() == 0 else { return }  // mounting needs root; CI runs as root
        let parent = TestSupport.temporaryFolder("vorort-output-mount")
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // In a mount namespace of its own, so nothing stays mounted when the test ends.
        let result = try TestSupport.execute(URL(fileURLWithPath: "/usr/bin/unshare"), [
            "-m", "sh", "-c", "mount -t tmpfs none \"$1\" && exec \"$2\" build --site \"$3\" --output \"$1\"", "sh",
            output.path, TestSupport.executable.path, TestSupport.packageRoot.path,
        ], environment: Self.withoutSearch)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("Einhängepunkt"), "\(result.stderr)")
    }

    @Test func anOutputInsideContentIsRefusedAlsoThroughALinkedSite() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let parent = TestSupport.temporaryFolder("vorort-linked-site")
        defer { TestSupport.cleanUp(parent) }
        let link = parent.appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site)
        let result = try TestSupport.run(["build", "--site", link.path, "--output", site.appendingPathComponent("content/ausgabe").path],
                                         environment: Self.withoutSearch)
        #expect(result.status == 2)
        #expect(result.stderr.contains("`content/`"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/ausgabe").path))
    }

    @Test func aSymbolicLinkAsLintFolderIsAFinding() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let outside = TestSupport.temporaryFolder("vorort-lint-outside")
        defer { TestSupport.cleanUp(outside) }
        try TestSupport.write(["regeln.yml": "rules:\n  - id: asylant\n    enabled: false\n"], under: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("lint"), withDestinationURL: outside)
        let report = TestSupport.check(root)
        #expect(report.findings("symlink").map(\.file) == ["lint"])
        #expect(report.site == nil, "the site's own rules would be lost without a word")
    }

    // MARK: - Addresses

    @Test func aBaseURLWithUmlautsKeepsEveryBodyLink() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]!.replacingOccurrences(
                of: "https://example.org/ankommen/", with: "https://example.org/integration-für-alle/"),
        ])
        defer { TestSupport.cleanUp(root) }
        let files = try TestSupport.renderedFiles(root)
        let offer = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(offer.contains("href=\"/integration-f%C3%BCr-alle/kreis/anlaufstellen/beratung/\""), "\(offer)")
        for (path, text) in files { #expect(!text.contains("vorort_language_"), "\(path) keeps a marker") }
    }

    @Test func looseAddressesAreRefused() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": Self.offer("", body: """
                [Schreiben](mailto:info@example.org?bcc=sammler@evil.example) oder
                [Fragen](mailto:info@example.org?subject=Frage) und [Bild](https://example.org/\u{202E}gpj.exe)
                """),
            "content/kreis/anlaufstellen/beratung.md": """
                ---
                name: Migrationsberatung
                organisation: Landkreis Test
                responsibilities: [Aufenthalt]
                address: {street: Kreishaus 1, postalCode: "-1234", city: Teststadt}
                email: "info@exam\\u202Eple.org"
                website: "https://example.org/\\u202Eexe"
                phone: 01234 56-78
                reviewed: 2026-01-10
                ---

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let offer = "content/gemeinden/dorf/angebote/sprachcafe.md"
        let bcc = report.findings("invalid-email").filter { $0.file == offer }
        #expect(bcc.count == 1, "subject= is fine, bcc= is not: \(bcc)")
        #expect(bcc.first?.location.line == 9)
        #expect(bcc.first?.message.contains("bcc=") == true)
        #expect(report.findings("invalid-url").contains { $0.file == offer && $0.location.line == 10 && $0.message.contains("U+202E") })
        let point = "content/kreis/anlaufstellen/beratung.md"
        #expect(report.findings("invalid-value").contains { $0.file == point && $0.location.line == 5 })
        #expect(report.findings("invalid-email").contains { $0.file == point && $0.location.line == 6 })
        #expect(report.findings("invalid-url").contains { $0.file == point && $0.location.line == 7 })
    }
}
