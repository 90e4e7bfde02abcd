import Foundation
import Testing
@testable import VorortCore

/// Files meant as content that are in the wrong folder or carry the wrong name: one located finding each, never a
/// dozen, never a silent omission.
@Suite("Misplaced and misnamed files")
struct MisplacedFileTests {
    static let offer = """
        ---
        title: Lauftreff
        category: Sport
        summary: Gemeinsam laufen.
        reviewed: 2026-02-01
        contact: beratung
        ---
        Jeden Samstag.

        """

    static let story = """
        ---
        title: Ein Jahr Sprachcafé
        date: 2026-03-01
        summary: Was wir gelernt haben.
        ---
        Es begann mit Kaffee.

        """

    @Test func offerInTheContactPointsFolderIsOneFinding() throws {
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/anlaufstellen/lauftreff.md": Self.offer])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.diagnostics.filter { $0.file == "content/gemeinden/dorf/anlaufstellen/lauftreff.md" }
        #expect(findings.map(\.rule) == ["wrong-folder"], "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.location.line == 1)
        #expect(finding.message.contains("ein Angebot"))
        #expect(finding.message.contains("`anlaufstellen/`"))
        #expect(finding.hint.contains("content/gemeinden/dorf/angebote/lauftreff.md"))
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test func storyInTheOffersFolderAndContactPointInTheStoriesFolder() throws {
        let contactPoint = TestSupport.minimalFiles["content/kreis/anlaufstellen/beratung.md"]!
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/angebote/ein-jahr.md": Self.story,
            "content/kreis/geschichten/beratung.md": contactPoint,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let story = report.diagnostics.filter { $0.file == "content/gemeinden/dorf/angebote/ein-jahr.md" }
        #expect(story.map(\.rule) == ["wrong-folder"], "\(story)")
        #expect(story.first?.message.contains("eine Geschichte") == true)
        #expect(story.first?.hint.contains("content/gemeinden/dorf/geschichten/ein-jahr.md") == true)
        let point = report.diagnostics.filter { $0.file == "content/kreis/geschichten/beratung.md" }
        #expect(point.map(\.rule) == ["wrong-folder"], "\(point)")
        #expect(point.first?.message.contains("eine Anlaufstelle") == true)
    }

    @Test func anOfferWithATypoStaysAnOffer() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/angebote/lauftreff.md": Self.offer.replacingOccurrences(of: "summary:", with: "sumary:")
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("wrong-folder").isEmpty)
        #expect(report.findings("unknown-key").map(\.location.line) == [4])
    }

    @Test(arguments: [
        ("gemeinden/dorf/angebote/lauftreff.markdown", "lauftreff.md"),
        ("gemeinden/dorf/angebote/lauftreff.md.txt", "lauftreff.md"),
        ("gemeinden/dorf/angebote/lauftreff.MD", "lauftreff.md"),
        ("gemeinden/dorf/angebote/lauftreff.txt", "lauftreff.md"),
        ("seiten/kontakt.docx", "kontakt.md"),
        ("gemeinden/dorf/index.markdown", "index.md"),
        ("gemeinden/dorf/angebote/sprachcafe.EN.md", "sprachcafe.en.md"),
    ])
    func misnamedContentFilesAreErrorsWithTheRightName(_ place: String, _ suggested: String) throws {
        let root = try TestSupport.minimalSite(extra: ["content/" + place: Self.offer])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.diagnostics.filter { $0.file == "content/" + place }
        #expect(findings.map(\.rule) == ["misnamed-file"], "\(findings)")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint.contains("`\(suggested)`") == true, "\(findings)")
        #expect(report.site == nil)
    }

    @Test func upperCaseLanguageCodeIsNotTurnedIntoAGermanPage() throws {
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/angebote/sprachcafe.EN.md": "---\ntitle: Language café\n---\nText.\n"])
        defer { TestSupport.cleanUp(root) }
        let finding = try #require(TestSupport.check(root).findings("misnamed-file").first)
        #expect(finding.hint.contains("`sprachcafe.en.md`"))
        #expect(finding.hint.contains("Nicht in `sprachcafe-en.md`"))
        #expect(TestSupport.check(root).findings("invalid-slug").isEmpty)
    }

    @Test func otherFilesStayWarnings() throws {
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/angebote/flyer.pdf": "%PDF"])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("misnamed-file").isEmpty)
        #expect(report.findings("unexpected-file").map(\.severity) == [.warning])
    }
}
