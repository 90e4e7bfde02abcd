import Foundation
import Testing
@testable import VorortCore

/// A file that exists but cannot be read gives its own error and nothing else: references to it (`contact:`,
/// `areas:`, Markdown links, legal pages, translations) are not reported as missing.
@Suite("One mistake, one message")
struct OneMistakeOneMessageTests {
    /// The findings of severity error, as `file:line rule`, for messages that show what went wrong.
    static func errors(_ report: CheckReport) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    @Test func brokenMunicipalityIndexGivesNoUnknownAreaInTheDistrictsOffers() throws {
        let root = try TestSupport.minimalSite(
            extra: [
                "content/kreis/angebote/kurs.md": """
                    ---
                    title: Integrationskurs
                    category: Sprache
                    summary: Deutsch lernen.
                    reviewed: 2026-02-01
                    contact: beratung
                    areas: [dorf]
                    ---
                    Mehr beim [Dorf](/gemeinden/dorf/index.md).

                    """
            ],
            replacing: ["content/gemeinden/dorf/index.md": "---\nname: Dorf\nkind Gemeinde\nsummary: Ein Dorf.\n---\nText.\n"])
        defer { TestSupport.cleanUp(root) }
        let errors = Self.errors(TestSupport.check(root))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.file == "content/gemeinden/dorf/index.md")
        #expect(errors.first?.rule == "yaml-syntax")
        #expect(errors.first?.location.line == 3)
    }

    @Test func unreadableContactPointIsNotMissingInOffersOrLinks() throws {
        let root = try TestSupport.minimalSite(replacing: [
            // Tabs for indentation: the contact point cannot be read.
            "content/kreis/anlaufstellen/beratung.md": "---\nname: Migrationsberatung\naddress:\n\tstreet: Kreishaus 1\n---\n"
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        // The offer names it under `contact:` and links it in its text: neither is a finding.
        #expect(report.findings("dangling-contact").isEmpty)
        #expect(report.findings("broken-link").isEmpty)
        let errors = Self.errors(report)
        #expect(errors.map(\.file) == ["content/kreis/anlaufstellen/beratung.md"], "\(errors)")
    }

    @Test func contactPointInAnotherEncodingIsOneFinding() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        // Latin-1 `ä`: the loader cannot decode the file, so it never reaches the parser.
        var latin1 = Data("---\nname: Migrationsberatung\norganisation: Landkreis Test\nresponsibilities: [Aufenthalt]\n".utf8)
        latin1 += Data([0x4B, 0xE4, 0x73, 0x65, 0x0A]) + Data("---\n".utf8)
        try latin1.write(to: root.appendingPathComponent("content/kreis/anlaufstellen/beratung.md"))
        let errors = Self.errors(TestSupport.check(root))
        #expect(errors.map(\.rule) == ["encoding"], "\(errors)")
    }

    @Test func brokenLegalPageIsNotAlsoMissing() throws {
        let root = try TestSupport.minimalSite(replacing: ["content/seiten/impressum.md": "title: Impressum\n\nLandkreis Test.\n"])
        defer { TestSupport.cleanUp(root) }
        let errors = Self.errors(TestSupport.check(root))
        #expect(errors.map(\.rule) == ["front-matter-missing"], "\(errors)")
        #expect(errors.first?.file == "content/seiten/impressum.md")
    }

    @Test func contactPointOfAnotherMunicipalitySaysWhereItIs() throws {
        let root = try TestSupport.minimalSite(
            extra: [
                "content/gemeinden/stadt/index.md": "---\nname: Bergstadt\nkind: Stadt\nsummary: Eine Stadt.\n---\nText.\n",
                "content/gemeinden/stadt/anlaufstellen/buergerbuero.md": """
                    ---
                    name: Bürgerbüro Bergstadt
                    organisation: Stadt Bergstadt
                    responsibilities: [Meldewesen]
                    address: {street: Markt 1, postalCode: "12346", city: Bergstadt}
                    phone: 01234 99-0
                    reviewed: 2026-01-10
                    ---

                    """,
            ],
            replacing: [
                "content/gemeinden/dorf/angebote/sprachcafe.md": """
                    ---
                    title: Sprachcafé
                    category: Sprache
                    summary: Deutsch sprechen.
                    reviewed: 2026-02-01
                    contact: buergerbuero
                    ---
                    Jeden Montag.

                    """
            ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let finding = try #require(report.findings("dangling-contact").first, "\(report.diagnostics)")
        #expect(report.findings("dangling-contact").count == 1)
        #expect(finding.file == "content/gemeinden/dorf/angebote/sprachcafe.md")
        #expect(finding.location.line == 6)
        #expect(finding.location.column == 10)
        #expect(finding.message.contains("gehört der Stadt Bergstadt"))
        #expect(finding.message.contains("content/gemeinden/stadt/anlaufstellen/buergerbuero.md"))
        #expect(!finding.message.contains("gibt es nicht"))
        #expect(finding.hint.contains("[Bürgerbüro Bergstadt](/gemeinden/stadt/anlaufstellen/buergerbuero.md)"))
        #expect(finding.hint.contains("content/gemeinden/dorf/anlaufstellen/"))
    }

    @Test func missingContactPointIsStillMissing() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": "---\ntitle: Sprachcafé\ncategory: Sprache\nsummary: Deutsch.\nreviewed: 2026-02-01\ncontact: beratun\n---\nText.\n"
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let finding = try #require(report.findings("dangling-contact").first, "\(report.diagnostics)")
        #expect(finding.message == "Die Anlaufstelle `beratun` gibt es nicht.")
        #expect(finding.hint.hasPrefix("Meinten Sie `beratung`?"))
    }
}
