import Foundation
import Testing
@testable import VorortCore

/// Body headings keep their level (`##` is h2 under the title's h1); a second h1 and skipped levels are warnings
/// at the heading's line with the heading that fits.
@Suite("Heading levels")
struct HeadingOrderTests {
    static let page = "content/seiten/ueber-uns.md"

    func check(_ body: String) throws -> (report: CheckReport, html: String?) {
        let root = try TestSupport.minimalSite(extra: [Self.page: "---\ntitle: Über uns\n---\n\(body)"])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        return (report, report.site == nil ? nil : try TestSupport.renderedFiles(root)["seiten/ueber-uns/index.html"])
    }

    @Test func sectionsWrittenWithTwoHashesAreH2AndClean() throws {
        let (report, html) = try check("Text.\n\n## Wer wir sind\n\nText.\n\n### Team\n\nText.\n\n## Kontakt\n")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(html)
        #expect(page.contains("<h2>Wer wir sind</h2>"))
        #expect(page.contains("<h3>Team</h3>"))
        #expect(!page.contains("<h1>Wer"))
    }

    @Test func aSecondH1AndASkippedLevelAreReportedWithTheFix() throws {
        let (report, html) = try check("# Wer wir sind\n\nText.\n\n## Team\n\n#### Kosten ####\n\nText.\n")
        let findings = report.findings("heading-level")
        #expect(findings.count == 2, "\(findings)")
        let h1 = try #require(findings.first)
        #expect(h1.file == Self.page)
        #expect(h1.severity == .warning)
        #expect(h1.location.line == 4)
        #expect(h1.location.column == 1)
        #expect(h1.hint.contains("`## Wer wir sind`"))
        let skipped = try #require(findings.last)
        #expect(skipped.location.line == 10)
        #expect(skipped.message.contains("überspringt Ebene 3"))
        #expect(skipped.hint.contains("`### Kosten`"))
        // Warnings: the page is published, with the levels as written.
        #expect(html?.contains("<h4>Kosten</h4>") == true)
    }

    @Test func aFirstHeadingBelowH2SkipsALevel() throws {
        let (report, _) = try check("Text.\n\n### Anmeldung\n\nKosten\n======\n")
        let finding = try #require(report.findings("heading-level").first)
        #expect(finding.location.line == 6)
        #expect(finding.message.contains("auf den Titel der Seite"))
        #expect(finding.hint.contains("`## Anmeldung`"))
        // A setext heading (`Kosten` underlined with `=`) is an h1 as well.
        #expect(report.findings("heading-level").count == 2)
        #expect(report.findings("heading-level").last?.hint.contains("`## Kosten`") == true)
    }

    @Test func theSamplesPagesGoFromTheTitleToH2() throws {
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot)
        #expect(report.findings("heading-level").isEmpty)
        let site = try #require(report.site)
        let page = try #require(try Pipeline.renderPage(site, route: "seiten/impressum/"))
        guard case .data(let data) = page.contents else { Issue.record("no page"); return }
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<h2>Anbieter</h2>"))
        #expect(!html.contains("<h3>Anbieter</h3>"))
    }
}
