import Foundation
import Testing
@testable import VorortCore

/// What CI maintainers and editors expect around `vorort check`: findings of chosen files only, `--version`, paths
/// that code-scanning tools attach to a site in a subfolder of its repository, and GitLab's Code Quality report.
@Suite("Check paths, version and CI formats")
struct CheckSelectionAndCITests {
    static let today = "2026-03-01"

    /// The minimal site with one error in the village's offer and one in a district page.
    static func brokenSite(under root: URL? = nil) throws -> URL {
        let site = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Sprachcafé
                category: Kochen
                summary: Deutsch sprechen.
                reviewed: 2026-02-01
                contact: beratung
                ---

                """,
            "content/seiten/impressum.md": "---\ntitle: Impressum\nreviewed: 2031-01-01\n---\nLandkreis Test.\n",
        ])
        guard let root else { return site }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let moved = root.appendingPathComponent("sub")
        try FileManager.default.moveItem(at: site, to: moved)
        return moved
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func pathsLimitTheFindingsTheSummaryAndTheExitStatus() throws {
        let site = try Self.brokenSite()
        defer { TestSupport.cleanUp(site) }
        let all = try TestSupport.run(["check", "--site", site.path, "--today", Self.today, "--format", "json"])
        #expect(all.status == 1)
        #expect((try Self.json(all.stdout)["summary"] as? [String: Int])?["errors"] == 2)

        // A folder, relative to the site: only the village's finding, its files counted.
        let village = try TestSupport.run(["check", "--site", site.path, "--today", Self.today, "--format", "json", "content/gemeinden/dorf"])
        #expect(village.status == 1)
        let object = try Self.json(village.stdout)
        let findings = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["unknown-category"])
        #expect(object["summary"] as? [String: Int] == ["files": 2, "errors": 1, "warnings": 0, "infos": 0])
        #expect(village.stderr.contains("Außerhalb der gewählten Dateien hat die Website 1 Fehler"), "\(village.stderr)")

        // A clean file, relative to the current folder: exit 0 although the site has errors elsewhere.
        let clean = try TestSupport.run(["check", "--today", Self.today, "content/seiten/datenschutz.md", "content/kreis"], in: site)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.hasSuffix("3 Dateien geprüft: 0 Fehler, 0 Warnungen, 0 Hinweise.\n"), "\(clean.stdout)")

        // From the parent folder, with the site's folder in the path.
        let parent = site.deletingLastPathComponent()
        let fromParent = try TestSupport.run(["check", "--site", site.lastPathComponent, "--today", Self.today,
                                              "\(site.lastPathComponent)/content/seiten/impressum.md"], in: parent)
        #expect(fromParent.status == 1)
        #expect(fromParent.stdout.contains("content/seiten/impressum.md:3:11: Fehler:"), "\(fromParent.stdout)")
        #expect(!fromParent.stdout.contains("sprachcafe"))

        // The site folder itself is everything.
        #expect(try TestSupport.run(["check", "--today", Self.today, "."], in: site).stdout.contains("2 Fehler"))
    }

    @Test func pathsOutsideTheSiteOrMissingAreRefused() throws {
        let site = try Self.brokenSite()
        let outside = TestSupport.temporaryFolder("vorort-outside")
        defer { TestSupport.cleanUp(site); TestSupport.cleanUp(outside) }
        let missing = try TestSupport.run(["check", "--site", site.path, "content/gemeinden/nirgendwo"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("`content/gemeinden/nirgendwo` gibt es weder im aktuellen Ordner noch im Ordner der Website."))
        let foreign = try TestSupport.run(["check", "--site", site.path, outside.path])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("liegt nicht im Ordner der Website"), "\(foreign.stderr)")
        #expect(foreign.stdout.isEmpty)
    }

    /// From a folder with a `content/` of its own (a repository whose root is another site), `content/…` still
    /// means the chosen site's files; a folder counts everything below it, and a file inside it once.
    @Test func selectionPrefersTheSitesOwnFiles() throws {
        let root = TestSupport.temporaryFolder("vorort-selection")
        defer { TestSupport.cleanUp(root) }
        try TestSupport.write(["content/seiten/a.md": "x", "sub/content/seiten/a.md": "x", "sub/content/seiten/b.md": "x"], under: root)
        let site = root.appendingPathComponent("sub")
        let selection = try FileSelection.resolve(["content/seiten/a.md", "content/seiten"], siteRoot: site, currentFolder: root)
        #expect(selection.paths == ["content/seiten/a.md", "content/seiten"])
        #expect(selection.fileCount(siteRoot: site, all: 99) == 2)
        #expect(selection.contains("content/seiten/b.md") && !selection.contains("content/seitenweise.md"))
        #expect(throws: FileSelection.Problem.outsideSite("../content", site: site.path)) {
            try FileSelection.resolve(["../content"], siteRoot: site, currentFolder: site)
        }
    }

    @Test func versionIsPrinted() throws {
        let run = try TestSupport.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "vorort \(VorortVersion.current)\n")
    }

    /// A site in `sub/` of a git repository: github, sarif and gitlab name `sub/content/…`, text and json `content/…`.
    @Test func codeScanningFormatsNameFilesFromTheRepositoryRoot() throws {
        let repository = TestSupport.temporaryFolder("vorort-repo")
        defer { TestSupport.cleanUp(repository) }
        #expect(try TestSupport.execute(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "-q", repository.path]).status == 0)
        let site = try Self.brokenSite(under: repository)
        #expect(RepositoryPath.prefix(ofSite: site) == "sub/")
        #expect(RepositoryPath.prefix(ofSite: repository) == "")
        let file = "content/gemeinden/dorf/angebote/sprachcafe.md"

        func check(_ format: String, _ extra: [String] = []) throws -> String {
            let run = try TestSupport.run(["check", "--site", site.path, "--today", Self.today, "--format", format] + extra)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            return run.stdout
        }
        #expect(try check("github").contains("::error file=sub/\(file),line=3,col=11,"))
        #expect(try check("text").contains("\n\(file):3:11: Fehler:") || check("text").hasPrefix("\(file):3:11: Fehler:"))
        let json = try Self.json(check("json"))
        #expect((json["diagnostics"] as? [[String: Any]])?.contains { $0["file"] as? String == file } == true)

        let sarif = try Self.json(check("sarif", ["--help-url", "https://example.org/vorort/docs/redaktion.md"]))
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let uris = results.compactMap { result in
            (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris.sorted() == ["sub/content/gemeinden/dorf/angebote/sprachcafe.md", "sub/content/seiten/impressum.md"])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "vorort")
        #expect(driver["version"] as? String == VorortVersion.current)
        #expect(driver["informationUri"] as? String == "https://example.org/vorort/docs/redaktion.md")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let category = try #require(rules.first { $0["id"] as? String == "unknown-category" })
        let entry = try #require(RuleCatalogue.entry("unknown-category"))
        #expect((category["shortDescription"] as? [String: Any])?["text"] as? String == entry.title)
        #expect((category["fullDescription"] as? [String: Any])?["text"] as? String == entry.explanation)
        #expect(category["helpUri"] as? String == "https://example.org/vorort/docs/redaktion.md#unknown-category")

        let gitlab = try #require(try JSONSerialization.jsonObject(with: Data(check("gitlab").utf8)) as? [[String: Any]])
        #expect(gitlab.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }.sorted()
            == ["sub/content/gemeinden/dorf/angebote/sprachcafe.md", "sub/content/seiten/impressum.md"])
    }

    @Test func gitlabCodeQualityShape() throws {
        let site = try Self.brokenSite()
        defer { TestSupport.cleanUp(site) }
        let run = try TestSupport.run(["check", "--site", site.path, "--today", Self.today, "--format", "gitlab"])
        #expect(run.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 2)
        for issue in issues {
            #expect(issue["description"] is String)
            #expect(issue["check_name"] is String)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            let fingerprint = try #require(issue["fingerprint"] as? String)
            #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] is String)
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
        }
        let category = try #require(issues.first { $0["check_name"] as? String == "unknown-category" })
        #expect(category["severity"] as? String == "critical")
        #expect((category["description"] as? String)?.hasPrefix("Die Kategorie `Kochen` gibt es nicht.") == true)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 2)
        // The same findings give the same fingerprints on the next run.
        let again = try TestSupport.run(["check", "--site", site.path, "--today", Self.today, "--format", "gitlab"])
        #expect(again.stdout == run.stdout)
        // A clean site: an empty report.
        let clean = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(clean) }
        let empty = try TestSupport.run(["check", "--site", clean.path, "--today", Self.today, "--format", "gitlab"])
        #expect(empty.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func fingerprintsSurviveLinesAddedAbove() {
        func finding(line: Int, severity: Severity = .warning) -> Diagnostic {
            Diagnostic(file: "content/a.md", location: SourceLocation(line: line, column: 1, endColumn: 2), severity: severity,
                       rule: "raw-html", message: "HTML im Text.", hint: "Markdown schreiben.")
        }
        func fingerprints(_ diagnostics: [Diagnostic]) -> [String] {
            let text = DiagnosticFormatter.format(diagnostics, as: .gitlab, filesChecked: 1)
            let issues = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
            return issues.compactMap { $0["fingerprint"] as? String }
        }
        let before = fingerprints([finding(line: 3), finding(line: 9)])
        #expect(before.count == 2 && before[0] != before[1], "identical findings in one file are told apart")
        #expect(fingerprints([finding(line: 5), finding(line: 11)]) == before)
        #expect(DiagnosticFormatter.codeQualitySeverity(.warning) == "minor")
        #expect(DiagnosticFormatter.codeQualitySeverity(.info) == "info")
    }
}
