import Foundation
import Testing
@testable import VorortCore

/// Hints suggest the editor's own values, never the sample's: a missing name in Birkenfelde's file is not answered
/// with „name: Auenstein“.
struct OwnValuesInHintsTests {
    @Test func missingValuesAreSuggestedFromTheEditorsOwnPlace() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/bad-birkenfelde/index.md": "---\nkind: Gemeinde\nsummary: Ein Ort.\n---\nText.\n",
            "content/gemeinden/dorf/anlaufstellen/buero.md": """
                ---
                name: Büro
                organisation: Gemeinde Dorf
                responsibilities: [Anmeldung]
                address: {street: Dorfstraße 1, postalCode: "12345"}
                phone: 01234 56-78
                reviewed: 2026-01-10
                ---

                """,
            "content/gemeinden/dorf/angebote/kochtreff.en.md": "---\ntitle: Cooking\nsummary: Cook.\nreviewed: 2026-01-10\n---\nText.\n",
        ], replacing: ["site.yml": TestSupport.minimalFiles["site.yml"]! + "languages:\n  - code: en\n    name: English\n"])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let name = try #require(report.findings("missing-field").first { $0.file == "content/gemeinden/bad-birkenfelde/index.md" })
        #expect(name.hint.contains("`name: Bad Birkenfelde`"), "\(name.hint)")
        let editor = try #require(report.findings("missing-editor").first { $0.file == "content/gemeinden/bad-birkenfelde/index.md" })
        #expect(editor.hint.contains("Bürgerbüro Bad Birkenfelde"), "\(editor.hint)")
        let city = try #require(report.findings("missing-field").first { $0.file.hasSuffix("buero.md") })
        #expect(city.hint.contains("`city: Dorf`"), "\(city.hint)")
        let translation = try #require(report.findings("translation-without-original").first)
        #expect(translation.hint.contains("`kochtreff.en.md` zu `kochtreff.md`"), "\(translation.hint)")
        let hints = report.diagnostics.map(\.hint).joined(separator: "\n")
        #expect(!hints.contains("Auenstein") && !hints.contains("sprachcafe"), "\(hints)")
    }
}
