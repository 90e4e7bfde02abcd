import Foundation
import Testing
@testable import VorortCore

@Suite("Rendering")
struct RenderTests {
    func build(_ root: URL) throws -> [String: String] { try TestSupport.renderedFiles(root) }

    @Test func frontMatterTextIsEscapedEverywhere() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: "<script>alert('x')</script> & Café"
                category: Sprache
                summary: "\\"><img src=x onerror=alert(1)>"
                reviewed: 2026-02-01
                contact: beratung
                ---
                Text.

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let files = try build(root)
        let offer = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(!offer.contains("<script>alert"))
        #expect(offer.contains("&lt;script&gt;"))
        #expect(!offer.contains("<img src=x"))
        #expect(offer.contains("&amp; Café"))
        let directory = try #require(files["angebote/index.html"])
        #expect(!directory.contains("<script>alert"))
    }

    @Test func contentLinksBecomeAddressesUnderTheBasePath() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let files = try build(root)
        let offer = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(offer.contains("<a href=\"/ankommen/kreis/anlaufstellen/beratung/\">Beratung</a>"))
        #expect(offer.contains("Stand: <time datetime=\"2026-02-01\">1. Februar 2026</time>"))
        // `01234 56-78` dialled from anywhere: E.164, the trunk zero dropped.
        #expect(offer.contains("href=\"tel:0123456-78\"") == false)
        #expect(offer.contains("href=\"tel:+4912345678\">01234 56-78</a>"))
    }

    @Test func brokenAndUnsafeLinksInMarkdownAreErrors() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/seiten/links.md": """
                ---
                title: Links
                ---
                [fehlt](../gemeinden/dorf/angebote/gibt-es-nicht.md) und [böse](javascript:alert(1))
                [seite](/gibt/es/nicht/) ![](bild.png) [gut](/angebote/sprache/)

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let broken = report.findings("broken-link")
        #expect(broken.count == 2)
        #expect(broken.first?.location.line == 4)
        #expect(broken.first?.location.column == 9)
        #expect(report.findings("unsafe-link").first?.location == SourceLocation(line: 4, column: 65, endColumn: 84))
        #expect(report.findings("missing-alt").count == 1)
        #expect(report.findings("missing-image").count == 1)
    }

    @Test func sitemapEscapesAndListsReviewDates() {
        let xml = Sitemap.xml([.init(route: "a&b/", lastModified: CalendarDate(year: 2026, month: 1, day: 2))], baseURL: "https://example.org/")
        #expect(xml.contains("<loc>https://example.org/a&amp;b/</loc><lastmod>2026-01-02</lastmod>"))
    }

    @Test func routesArePretty() {
        #expect(Routes.outputFile(for: "") == "index.html")
        #expect(Routes.outputFile(for: "gemeinden/dorf/") == "gemeinden/dorf/index.html")
        #expect(Routes.outputFile(for: "404.html") == "404.html")
        #expect(Routes.asset(forContentFile: "content/kreis/geschichten/fest.jpg") == "kreis/geschichten/fest.jpg")
    }
}
