import Foundation
import Testing
@testable import VorortCore

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// A body checked with `decide` and rendered for a site at `/` in its own language, as the build does in two stages.
    struct RenderedMarkdown {
        var html: String
        var omittedHTMLLines: [Int]
    }

    static func renderMarkdown(_ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision = { _ in .keep }) -> RenderedMarkdown {
        let checked = MarkdownLinks.check(source, decide: decide)
        let html = BodyHTML.render(source, checked.body) { "/" + $0 } ?? ""
        return RenderedMarkdown(html: html, omittedHTMLLines: checked.omittedHTMLLines)
    }

    /// The package root, where the sample district lives.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `vorort` executable built alongside the test bundle (`swift test` builds it because the tests depend on it).
    static var executable: URL {
        var candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        for folder in candidates {
            let url = folder.appendingPathComponent("vorort")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/vorort")
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder(_ name: String = "vorort-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies the sample district (site.yml, content/, themes/) into a temporary folder.
    static func copyOfSample() throws -> URL {
        let folder = temporaryFolder("vorort-sample")
        for item in ["site.yml", "content", "themes"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    /// Writes files (path → text) below `root`, creating folders.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A minimal valid site: one municipality, one offer and contact point, the standard theme.
    static func minimalSite(extra: [String: String] = [:], replacing: [String: String] = [:]) throws -> URL {
        let root = temporaryFolder("vorort-minimal")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("themes"), to: root.appendingPathComponent("themes"))
        var files = minimalFiles
        for (path, text) in replacing { files[path] = text }
        for (path, text) in extra { files[path] = text }
        try write(files, under: root)
        return root
    }

    static let minimalFiles: [String: String] = [
        "site.yml": """
            district: Landkreis Test
            title: Ankommen im Landkreis Test
            baseURL: https://example.org/ankommen/
            language: de
            theme: standard
            categories:
              - slug: sprache
                label: Sprache
                group: Sprache und Bildung
              - slug: sport
                label: Sport
                group: Freizeit

            """,
        "content/kreis/index.md": """
            ---
            title: Willkommen
            summary: Alles zum Ankommen.
            editor: {name: Integrationsbüro des Landkreises, email: integration@example.org}
            ---
            Einleitung.

            """,
        "content/seiten/impressum.md": "---\ntitle: Impressum\n---\nLandkreis Test, Kreishaus 1.\n",
        "content/seiten/datenschutz.md": "---\ntitle: Datenschutz\n---\nKeine Cookies.\n",
        "content/seiten/barrierefreiheit.md": """
            ---
            title: Erklärung zur Barrierefreiheit
            reviewed: 2026-01-05
            ---
            Barrieren melden: [barrierefreiheit@example.org](mailto:barrierefreiheit@example.org).
            Schlichtungsstelle: beim Landesbeauftragten.

            """,
        "content/seiten/leichte-sprache.md": "---\ntitle: Leichte Sprache\n---\nDas ist die Seite.\n",
        "content/seiten/gebaerdensprache.md": "---\ntitle: Gebärdensprache\n---\nVideos folgen.\n",
        "content/kreis/anlaufstellen/beratung.md": """
            ---
            name: Migrationsberatung
            organisation: Landkreis Test
            responsibilities: [Aufenthalt, Arbeit]
            address: {street: Kreishaus 1, postalCode: "12345", city: Teststadt}
            phone: 01234 56-78
            reviewed: 2026-01-10
            ---

            """,
        "content/gemeinden/dorf/index.md": """
            ---
            name: Dorf
            kind: Gemeinde
            summary: Ein Dorf.
            editor: {name: Gemeindebüro Dorf}
            ---
            Willkommen im Dorf.

            """,
        "content/gemeinden/dorf/angebote/sprachcafe.md": """
            ---
            title: Sprachcafé
            category: Sprache
            summary: Deutsch sprechen.
            reviewed: 2026-02-01
            contact: beratung
            ---
            Jeden Montag. Fragen? [Beratung](../../../kreis/anlaufstellen/beratung.md)

            """,
    ]

    static func check(_ root: URL) -> CheckReport {
        Pipeline.check(siteRoot: root)
    }

    /// Checks and renders a site in memory: every text file of the output by its path.
    static func renderedFiles(_ root: URL) throws -> [String: String] {
        let report = check(root)
        let site = try #require(report.site, "\(report.diagnostics)")
        var files: [String: String] = [:]
        for file in try Pipeline.render(site) {
            if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) }
        }
        return files
    }

    /// Runs the vorort executable and returns its exit status and output.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try execute(executable, arguments, in: folder, environment: extra)
    }

    /// Runs a Python snippet (`python3 -c`) with arguments, as the tests that read exports with real parsers do.
    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    }

    static func execute(_ program: URL, _ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !extra.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new } }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe never blocks the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

extension TestSupport {
    /// Every regular file below `folder` with its bytes, keyed by path relative to `folder`.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
        }
        return result
    }
}

extension CheckReport {
    /// Findings of one rule, for assertions.
    func findings(_ rule: String) -> [Diagnostic] { diagnostics.filter { $0.rule == rule } }
}
