import Foundation
import Testing
@testable import VorortCore

/// Each schema problem is a finding at the line and column of the offending key or value.
@Suite("Schema checks")
struct SchemaTests {
    @Test func minimalSiteIsClean() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.site != nil)
    }

    func offerFindings(_ frontMatter: String, body: String = "Text.") throws -> CheckReport {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": "---\n\(frontMatter)\n---\n\(body)\n",
        ])
        defer { TestSupport.cleanUp(root) }
        return TestSupport.check(root)
    }

    @Test func unknownKeyWithSuggestionAtItsLine() throws {
        let report = try offerFindings("""
            title: Sprachcafé
            category: Sprache
            summry: Deutsch sprechen.
            reviewed: 2026-02-01
            contact: beratung
            """)
        let unknown = try #require(report.findings("unknown-key").first)
        #expect(unknown.file == "content/gemeinden/dorf/angebote/sprachcafe.md")
        #expect(unknown.location.line == 4)
        #expect(unknown.location.column == 1)
        #expect(unknown.location.endColumn == 7)
        #expect(unknown.hint.contains("`summary`"))
        let missing = try #require(report.findings("missing-field").first)
        #expect(missing.message.contains("summary"))
        #expect(report.site == nil)
    }

    @Test func impossibleDateAndWrongTypes() throws {
        let report = try offerFindings("""
            title: [Sprachcafé, Treff]
            category: Sprache
            summary: Deutsch sprechen.
            reviewed: 2026-02-30
            contact: beratung
            languages: {a: b}
            """)
        let date = try #require(report.findings("invalid-date").first)
        #expect(date.location.line == 5)
        #expect(date.location.column == 11)
        #expect(date.message.contains("28 Tage"))
        let types = report.findings("wrong-type")
        #expect(types.map(\.location.line).sorted() == [2, 7])
    }

    @Test func germanDateGetsAConvertedSuggestion() throws {
        let report = try offerFindings("title: A\ncategory: Sprache\nsummary: B\nreviewed: 14.09.2026\ncontact: beratung")
        let date = try #require(report.findings("invalid-date").first)
        #expect(date.hint.contains("2026-09-14"))
    }

    @Test func unknownCategoryAndDanglingContact() throws {
        let report = try offerFindings("""
            title: Sprachcafé
            category: Sprachen
            summary: Deutsch sprechen.
            reviewed: 2026-02-01
            contact: beratungg
            """)
        let category = try #require(report.findings("unknown-category").first)
        #expect(category.location.line == 3)
        #expect(category.location.column == 11)
        #expect(category.hint.contains("Meinten Sie `Sprache`?"))
        let contact = try #require(report.findings("dangling-contact").first)
        #expect(contact.location.line == 6)
        #expect(contact.hint.contains("`beratung`"))
    }

    @Test func categoryBySlugOrLabelAndMissingContactWarns() throws {
        let report = try offerFindings("title: A\ncategory: sprache\nsummary: B\nreviewed: 2026-02-01")
        #expect(report.findings("unknown-category").isEmpty)
        #expect(report.findings("missing-contact").map(\.severity) == [.warning])
        #expect(report.site != nil, "a warning does not stop the build")
    }

    @Test func municipalityWithoutIndexAndDuplicateCategory() throws {
        var siteYML = TestSupport.minimalFiles["site.yml"]!
        siteYML += "  - slug: sprache\n    label: Sprache 2\n    group: X\n"
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/leer/angebote/x.md": "---\ntitle: A\n---\n"],
                                               replacing: ["site.yml": siteYML])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("missing-index").map(\.file) == ["content/gemeinden/leer/index.md"])
        let duplicate = try #require(report.findings("duplicate-slug").first)
        #expect(duplicate.file == "site.yml")
        #expect(duplicate.location.line == 13)
    }

    @Test func areasOnlyForDistrictAndMustExist() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/kreis/angebote/lotsen.md": "---\ntitle: Lotsen\ncategory: Sprache\nsummary: S\nreviewed: 2026-01-01\ncontact: beratung\nareas: [dorf, stadt]\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let area = try #require(report.findings("unknown-area").first)
        #expect(area.message.contains("stadt"))
        #expect(area.location.line == 7)
        #expect(area.location.column == 15)
    }

    @Test func invalidSlugAndContactDetails() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/kreis/anlaufstellen/Büro Mitte.md": """
                ---
                name: Büro
                organisation: Kreis
                responsibilities: [Alles]
                address: {street: A 1, postalCode: "1234", city: B}
                email: buero(at)kreis.de
                website: www.kreis.de
                reviewed: 2026-01-01
                ---

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("invalid-slug").first?.hint.contains("buero-mitte") == true)
        #expect(report.findings("invalid-email").first?.location.line == 6)
        #expect(report.findings("invalid-url").first?.hint.contains("https://www.kreis.de") == true)
        #expect(report.findings("invalid-value").first?.message.contains("Postleitzahl") == true)
    }
}

@Suite("Numbers at the edges")
struct NumberEdgeTests {
    @Test func hugeAndNegativeNumbersAreFindings() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/kreis/zahlen.yml": "indicators:\n  - label: Viele\n    value: 1e300\n    unit: Personen\n    year: 2025\n    source: Test\n",
            "content/gemeinden/dorf/index.md": "---\nname: Dorf\nkind: Gemeinde\nsummary: s\npopulation: -5\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("invalid-value").map(\.file).sorted() == ["content/gemeinden/dorf/index.md", "content/kreis/zahlen.yml"])
        #expect(GermanFormat.number(1e300) == "1e+300")
    }
}

@Suite("Pages the law asks for")
struct LegalPagesTests {
    @Test func missingLegalPagesAndIncompleteStatementAreErrors() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]! + "gebaerdensprache: false\n",
            "content/seiten/barrierefreiheit.md": "---\ntitle: Barrierefreiheit\n---\nWir bemühen uns.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/seiten/impressum.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/seiten/gebaerdensprache.md"))
        let report = TestSupport.check(root)
        #expect(report.findings("legal-page-missing").map(\.file) == ["content/seiten/impressum.md"], "Gebärdensprache is switched off")
        let statement = report.findings("accessibility-statement").map(\.message)
        #expect(statement.count == 3)
        #expect(statement.contains { $0.contains("Datum") } && statement.contains { $0.contains("Schlichtung") })
    }

    @Test func homePageLinksLeichteSpracheAndGebaerdensprache() throws {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        let home = try #require(try Pipeline.render(site).first { $0.path == "index.html" })
        guard case .data(let data) = home.contents else { return }
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("href=\"/integration/seiten/leichte-sprache/\">Leichte Sprache"))
        #expect(html.contains("href=\"/integration/seiten/gebaerdensprache/\">Deutsche Gebärdensprache"))
    }
}
