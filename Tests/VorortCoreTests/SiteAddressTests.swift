import Foundation
import Testing
@testable import VorortCore

/// Absolute addresses into the site itself (`https://<baseURL>/…`, in bodies and in `website:`) and paths copied
/// from the browser with the base path in front are checked like internal links.
@Suite("Links into the site itself")
struct SiteAddressTests {
    static let offer = "content/gemeinden/dorf/angebote/sprachcafe.md"

    func site(offerBody: String, website: String? = nil) throws -> (report: CheckReport, files: [String: String]) {
        let root = try TestSupport.minimalSite(replacing: [
            Self.offer: "---\ntitle: Sprachcafé\ncategory: Sprache\nsummary: s\nreviewed: 2026-02-01\ncontact: beratung\n---\n\(offerBody)\n",
            "content/gemeinden/dorf/index.md": "---\nname: Dorf\nkind: Gemeinde\nsummary: Ein Dorf.\n\(website.map { "website: \($0)\n" } ?? "")editor: {name: Gemeindebüro}\n---\nText.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        return (report, report.site == nil ? [:] : try TestSupport.renderedFiles(root))
    }

    @Test func aBrokenAbsoluteLinkIntoTheSiteIsReportedAtItsLine() throws {
        let (report, _) = try site(offerBody: "Text.\n\nSiehe [Beratung](https://example.org/ankommen/beratung/).")
        let finding = try #require(report.findings("broken-link").first)
        #expect(finding.file == Self.offer)
        #expect(finding.location.line == 10)
        #expect(finding.message.contains("https://example.org/ankommen/beratung/"))
        #expect(finding.hint.hasPrefix("Meinen Sie `/kreis/anlaufstellen/beratung/`?"))
    }

    @Test func aWorkingAbsoluteLinkAndABrowserPathBecomeSiteLinks() throws {
        let (report, files) = try site(offerBody: """
            [Alle Angebote](HTTPS://Example.org/ankommen/angebote/) und [Beratung](/ankommen/kreis/anlaufstellen/beratung/#zeiten).
            Andere Seiten des Kreises: [Kreis](https://example.org/kreistag/).
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(page.contains(#"<a href="/ankommen/angebote/">Alle Angebote</a>"#))
        #expect(page.contains(#"<a href="/ankommen/kreis/anlaufstellen/beratung/#zeiten">Beratung</a>"#))
        #expect(page.contains("https://example.org/kreistag/"))
    }

    @Test func aBrokenWebsiteIntoTheSiteIsReportedAtItsValue() throws {
        let (report, _) = try site(offerBody: "Text.", website: "https://example.org/ankommen/dorf/")
        let finding = try #require(report.findings("broken-link").first)
        #expect(finding.file == "content/gemeinden/dorf/index.md")
        #expect(finding.location.line == 5)
        #expect(finding.location.column == 10)
        #expect(finding.hint.hasPrefix("Meinen Sie `https://example.org/ankommen/gemeinden/dorf/`?"))
        let (fine, _) = try site(offerBody: "Text.", website: "https://example.org/ankommen/gemeinden/dorf/")
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics)")
        let (elsewhere, _) = try site(offerBody: "Text.", website: "https://example.org/rathaus/")
        #expect(elsewhere.diagnostics.isEmpty, "\(elsewhere.diagnostics)")
    }

    @Test func theSampleLinksNoMissingPageOfItself() throws {
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot)
        #expect(report.findings("broken-link").isEmpty)
        let migration = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("content/kreis/anlaufstellen/migrationsberatung.md"), encoding: .utf8)
        #expect(!migration.contains("/integration/migrationsberatung/"))
    }
}
