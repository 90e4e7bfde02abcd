import Foundation
import Testing
@testable import VorortCore

/// Names residents tell things apart by: a copied municipality folder is an error, two items of one owner with the
/// same title a warning.
@Suite("Names given twice")
struct UniqueNamesTests {
    @Test func namesAreComparedAsReadersSeeThem() {
        #expect(UniqueNames.folded("  Sprach  Café\tam Markt ") == "sprach café am markt")
        #expect(UniqueNames.folded("ÄRZTE\u{00A0}IM ÜBERBLICK") == "ärzte im überblick")
        #expect(UniqueNames.folded("Деутш КУРС") == "деутш курс")
        #expect(UniqueNames.folded("") == "" && UniqueNames.folded("   ") == "")
    }

    @Test func aCopiedMunicipalityFolderIsAnErrorAtItsName() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf-kopie/index.md": TestSupport.minimalFiles["content/gemeinden/dorf/index.md"]!.replacingOccurrences(of: "name: Dorf", with: "name:  dorf"),
            "content/gemeinden/dorf-kopie/angebote/sprachcafe.md": TestSupport.minimalFiles["content/gemeinden/dorf/angebote/sprachcafe.md"]!,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.findings("duplicate-name")
        // The offers belong to different municipalities: only the municipality is reported.
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        // The folder the name suggests holds the original, though it comes later by path.
        #expect(finding.file == "content/gemeinden/dorf-kopie/index.md")
        #expect(finding.location.line == 2)
        #expect(finding.location.column == 8)
        #expect(finding.message.contains("`content/gemeinden/dorf/index.md`"))
        #expect(finding.message.contains("`dorf`"))
        #expect(report.site == nil)
    }

    @Test func twoOffersOfOneOwnerWithOneTitleAreAWarning() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/angebote/sprachcafe-zwei.md": "---\ntitle: Sprachcafé\ncategory: Sprache\nsummary: s\nreviewed: 2026-02-01\ncontact: beratung\n---\nText.\n",
            "content/kreis/angebote/sprachcafe.md": "---\ntitle: Sprachcafé\ncategory: Sprache\nsummary: s\nreviewed: 2026-02-01\ncontact: beratung\n---\nText.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.findings("duplicate-name")
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.file == "content/gemeinden/dorf/angebote/sprachcafe.md")
        #expect(finding.location.line == 2)
        #expect(finding.location.column == 8)
        #expect(finding.message.contains("Gemeinde Dorf"))
        #expect(finding.hint.contains("`title: Sprachcafé (Nord)`"))
        #expect(report.site != nil)
    }
}
