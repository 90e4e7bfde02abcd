import Foundation
import Testing
@testable import VorortCore

/// Search with Pagefind when it is installed (the test script installs pagefind-bin); no search box otherwise.
@Suite("Search", .serialized)
struct SearchTests {
    @Test func withoutPagefindThereIsNoSearchAtAll() throws {
        #expect(SearchIndexer.find(environment: ["VORORT_PAGEFIND": "none", "PATH": "/usr/bin"]) == nil)
        let parent = TestSupport.temporaryFolder("vorort-nosearch")
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        _ = try Pipeline.build(siteRoot: TestSupport.packageRoot, output: output, search: nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("suche").path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("suche/"))
        #expect(!home.contains("data-pagefind"))
    }

    @Test func withPagefindTheSiteIsIndexedBeforeTheSwap() throws {
        let indexer = try #require(SearchIndexer.find(), "pagefind-bin is installed by scripts/install-test-dependencies.sh")
        let parent = TestSupport.temporaryFolder("vorort-search")
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        guard case .built(_, _, _, _, let indexed) = try Pipeline.build(siteRoot: TestSupport.packageRoot, output: output, search: indexer) else {
            Issue.record("the sample must build")
            return
        }
        #expect(indexed)
        for file in ["pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/pagefind-entry.json", "suche/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<a href=\"/integration/suche/\">Suche</a>"))
        let offer = try String(contentsOf: output.appendingPathComponent("gemeinden/auenstein/angebote/sprachcafe/index.html"), encoding: .utf8)
        #expect(offer.contains("<p hidden data-pagefind-filter=\"Ort\">Stadt Auenstein</p>"))
        #expect(offer.contains("<p hidden data-pagefind-filter=\"Thema\">Sprache</p>"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind/filter").path), "filters are indexed")
        #expect(offer.contains("data-pagefind-body"))
        let entry = try String(contentsOf: output.appendingPathComponent("pagefind/pagefind-entry.json"), encoding: .utf8)
        #expect(entry.contains("\"de\""), "one index for the German pages")
        // German compounds: „Deutschkurs“ is not in the café's text, so the category's search words carry it, weighted.
        #expect(offer.contains("<p hidden data-pagefind-weight=\"10\">Deutschkurs, Sprachkurs, Deutsch lernen, Integrationskurs, Sprachcafé, Alphabetisierung</p>"))
        // A translation's own words first (site.en.yml), then the German ones newcomers often know.
        let english = try String(contentsOf: output.appendingPathComponent("en/kreis/angebote/integrationskurse/index.html"), encoding: .utf8)
        #expect(english.contains("<p hidden data-pagefind-weight=\"10\">German course, German courses, language course, learn German, integration course, language café, literacy course, Deutschkurs,"))
        let turkish = try String(contentsOf: output.appendingPathComponent("tr/kreis/angebote/integrationskurse/index.html"), encoding: .utf8)
        #expect(turkish.contains(">Almanca kursu, Almanca kursları,"))
        // Staff trainings are not for residents' search: their category's words are never added.
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        for staff in site.content.offers where site.config.category(matching: staff.category.value)?.isForStaff == true {
            let page = try String(contentsOf: output.appendingPathComponent(Routes.outputFile(for: Routes.offer(staff))), encoding: .utf8)
            #expect(!page.contains("data-pagefind-weight"), "\(staff.origin.file)")
        }
    }
}
