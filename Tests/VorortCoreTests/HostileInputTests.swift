import Foundation
import Testing
@testable import VorortCore

/// Broken and hostile input (Fixtures/hostile, listed in cases.tsv): each gives its located error, or none,
/// and never a crash or a hang. Cases that need the file system's help (links, names, sizes) are made here.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    struct Case {
        var file: String
        var place: String
        var rule: String
        var line: Int
    }

    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VorortCoreTests/Fixtures/hostile")

    static func cases() throws -> [Case] {
        try String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
            .components(separatedBy: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { line in
                let fields = line.components(separatedBy: "\t")
                return Case(file: fields[0], place: fields[1], rule: fields[2], line: Int(fields[3]) ?? 0)
            }
    }

    /// Checks a minimal site with one extra file and returns the report and how long it took.
    static func check(_ data: Data, at place: String) throws -> (CheckReport, Duration) {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let target = root.appendingPathComponent("content").appendingPathComponent(place)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        let clock = ContinuousClock.now
        let report = TestSupport.check(root)
        return (report, ContinuousClock.now - clock)
    }

    @Test func everyCommittedCaseGivesItsErrorQuickly() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 30)
        for hostile in cases {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(hostile.file))
            let (report, elapsed) = try Self.check(data, at: hostile.place)
            let file = "content/" + hostile.place
            #expect(elapsed < .seconds(10), "\(hostile.file) took \(elapsed)")
            if hostile.rule == "ok" {
                #expect(!report.diagnostics.contains { $0.file == file && $0.severity == .error }, "\(hostile.file): \(report.diagnostics.prefix(3))")
            } else {
                let found = report.diagnostics.filter { $0.file == file && $0.rule == hostile.rule }
                #expect(!found.isEmpty, "\(hostile.file): expected \(hostile.rule), got \(report.diagnostics.filter { $0.file == file }.map { "\($0.rule)@\($0.location.line)" })")
                if hostile.line > 0 {
                    #expect(found.contains { $0.location.line == hostile.line }, "\(hostile.file): \(found.map(\.location.line))")
                }
                #expect(found.allSatisfy { $0.location.line >= 1 })
            }
        }
    }

    @Test func injectedMarkupNeverReachesTheOutput() throws {
        for name in ["script-and-handlers.md", "front-matter-injection.md"] {
            let root = try TestSupport.minimalSite()
            defer { TestSupport.cleanUp(root) }
            let target = root.appendingPathComponent("content/seiten/hostile.md")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(name), to: target)
            let report = TestSupport.check(root)
            let site = try #require(report.site, "\(name): \(report.diagnostics)")
            for file in try Pipeline.render(site) {
                guard case .data(let data) = file.contents else { continue }
                // JSON-LD is data the pipeline writes, and the theme's own scripts come from its assets;
                // any other script element would be injected code.
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "")
                    .replacingOccurrences(of: "<script src=\"/ankommen/assets/filter.js\" defer>", with: "")
                    .replacingOccurrences(of: "<script src=\"/ankommen/assets/offline.js\" data-worker=\"/ankommen/sw.js\" defer>", with: "")
                    .replacingOccurrences(of: "<script src=\"/ankommen/assets/not-found.js\">", with: "")
                #expect(!text.contains("<script"), "\(name) → \(file.path)")
                #expect(!text.contains("onerror"), "\(name) → \(file.path)")
                #expect(!text.contains("<iframe"), "\(name) → \(file.path)")
            }
        }
    }

    @Test func symbolicLinkedFoldersAreNotFollowed() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let outside = TestSupport.temporaryFolder("vorort-outside")
        defer { TestSupport.cleanUp(outside) }
        try TestSupport.write(["index.md": "---\nname: Fremd\nkind: Gemeinde\nsummary: s\n---\n"], under: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content/gemeinden/fremd"), withDestinationURL: outside)
        let report = TestSupport.check(root)
        #expect(report.findings("symlink").map(\.file) == ["content/gemeinden/fremd"])
        #expect(report.site == nil)
    }

    @Test func namesDifferingOnlyInCaseOrNormalisationAreRefused() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/seiten/Hinweise.md": "---\ntitle: A\n---\n",
            "content/seiten/hinweise.md": "---\ntitle: B\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        // Swift compares strings by canonical equivalence, so the two spellings of "grün" are written one by one.
        for (name, title) in [("gr\u{00FC}n.md", "C"), ("gru\u{0308}n.md", "D")] {
            try Data("---\ntitle: \(title)\n---\n".utf8).write(to: root.appendingPathComponent("content/seiten").appendingPathComponent(name))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/seiten").path).count == 4 + 5, "four hostile names and the five legal pages")
        let report = TestSupport.check(root)
        #expect(report.findings("name-collision").count == 4)
        #expect(report.findings("name-collision").allSatisfy { $0.location.line == 1 })
    }

    @Test func filesOfTensOfMegabytesAreRefusedQuickly() throws {
        let big = Data(("---\ntitle: Groß\n---\n" + String(repeating: "Ein Satz über das Ankommen im Landkreis. ", count: 600_000)).utf8)
        #expect(big.count > 20_000_000)
        let (report, elapsed) = try Self.check(big, at: "seiten/riesig.md")
        #expect(report.findings("file-too-large").map(\.location.line) == [1])
        #expect(elapsed < .seconds(5))
    }

    /// Through the executable: exit status 1 and the located error, as CI sees it.
    @Test func theCommandLineExitsWithOneOnHostileInput() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("alias-bomb.md"),
                                         to: root.appendingPathComponent("content/gemeinden/dorf/angebote/bombe.md"))
        let result = try TestSupport.run(["check", "--site", root.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/gemeinden/dorf/angebote/bombe.md:3:"))
        #expect(result.stdout.contains("[yaml-alias]"))
    }
}

@Suite("Nothing outside the site folder is read")
struct OutsideTheSiteTests {
    @Test func linkedSiteFilesTemplatesAndRulesAreRefused() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let outside = TestSupport.temporaryFolder("vorort-outside")
        defer { TestSupport.cleanUp(outside) }
        try TestSupport.write(["geheim.mustache": "{{title}}", "geheim.yml": "rules: []\n"], under: outside)
        let page = root.appendingPathComponent("themes/standard/templates/page.mustache")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: outside.appendingPathComponent("geheim.mustache"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lint"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("lint/geheim.yml"), withDestinationURL: outside.appendingPathComponent("geheim.yml"))
        let report = TestSupport.check(root)
        #expect(Set(report.findings("symlink").map(\.file)) == ["themes/standard/templates/page.mustache", "lint/geheim.yml"])
        #expect(report.site == nil)
    }
}

@Suite("Names with German letters")
struct GermanNamesTests {
    /// NFC and NFD spellings of a name give one address; references may use the name or the address form.
    @Test func umlautNamesInEitherNormalisationGiveOneAddress() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Sprachcafé
                category: Sprache
                summary: Deutsch sprechen.
                reviewed: 2026-02-01
                contact: bürgerbüro
                ---
                Siehe [Bürgerbüro](../anlaufstellen/bu\u{0308}rgerbu\u{0308}ro.md).

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        // The file is named in NFD, as macOS writes names.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/gemeinden/dorf/anlaufstellen"), withIntermediateDirectories: true)
        try Data("---\nname: Bürgerbüro\norganisation: Dorf\nresponsibilities: [Alles]\naddress: {street: A 1, postalCode: \"12345\", city: Dorf}\nphone: 0123 45678\nreviewed: 2026-01-01\n---\n".utf8)
            .write(to: root.appendingPathComponent("content/gemeinden/dorf/anlaufstellen").appendingPathComponent("bu\u{0308}rgerbu\u{0308}ro.md"))
        let report = TestSupport.check(root)
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics)")
        let site = try #require(report.site)
        #expect(site.content.contactPoints.map(\.slug).contains("buergerbuero"))
        let offer = try #require(try Pipeline.render(site).first { $0.path == "gemeinden/dorf/angebote/sprachcafe/index.html" })
        guard case .data(let data) = offer.contents else { return }
        #expect(String(decoding: data, as: UTF8.self).contains("href=\"/ankommen/gemeinden/dorf/anlaufstellen/buergerbuero/\""))
    }

    @Test func nameAndItsTransliterationCollide() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/seiten/grün.md": "---\ntitle: A\n---\n",
            "content/seiten/gruen.md": "---\ntitle: B\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        #expect(TestSupport.check(root).findings("name-collision").count == 2)
    }
}
