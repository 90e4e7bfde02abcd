import Foundation
import Testing
@testable import VorortCore

/// What is out of date, and who is responsible: `reviewed` older than the site's review interval is a Hinweis at
/// its line, and `vorort report` lists per place and editor what is overdue, what falls due soon and which
/// translations are older than their original.
struct ReviewReportTests {
    static let today = CalendarDate(year: 2027, month: 3, day: 1)!

    /// The minimal site's Sprachcafé was reviewed 2026-02-01 and the Migrationsberatung 2026-01-10.
    static func site(extra: [String: String] = [:], replacing: [String: String] = [:]) throws -> URL {
        try TestSupport.minimalSite(extra: extra, replacing: replacing)
    }

    @Test func reviewedOlderThanTheIntervalIsAHinweisAtItsLine() throws {
        let root = try Self.site()
        defer { TestSupport.cleanUp(root) }
        let report = Pipeline.check(siteRoot: root, today: Self.today)
        let due = report.findings("review-overdue")
        #expect(due.allSatisfy { $0.severity == .info })
        let offer = try #require(due.first { $0.file == "content/gemeinden/dorf/angebote/sprachcafe.md" })
        #expect(offer.location.line == 5 && offer.location.column == 11, "\(offer.location)")
        #expect(offer.message.contains("1. Februar 2026") && offer.message.contains("vor mehr als einem Jahr"), "\(offer.message)")
        #expect(offer.hint.contains("`reviewed: 2027-03-01`"))
        #expect(due.contains { $0.file == "content/kreis/anlaufstellen/beratung.md" })
        // The day before the Sprachcafé falls due nothing is reported about it; a Hinweis never stops the build.
        let before = Pipeline.check(siteRoot: root, today: CalendarDate(year: 2027, month: 2, day: 1)!)
        #expect(!before.findings("review-overdue").contains { $0.file.hasSuffix("sprachcafe.md") })
        #expect(report.site != nil)
    }

    @Test func theIntervalComesFromSiteYml() throws {
        let siteYml = TestSupport.minimalFiles["site.yml"]! + "reviewInterval: 6\n"
        let root = try Self.site(replacing: ["site.yml": siteYml])
        defer { TestSupport.cleanUp(root) }
        let september = CalendarDate(year: 2026, month: 9, day: 1)!
        let finding = try #require(Pipeline.check(siteRoot: root, today: september).findings("review-overdue").first { $0.file.hasSuffix("sprachcafe.md") })
        #expect(finding.message.contains("vor mehr als 6 Monaten"))

        let broken = try Self.site(replacing: ["site.yml": TestSupport.minimalFiles["site.yml"]! + "reviewInterval: ein Jahr\n"])
        defer { TestSupport.cleanUp(broken) }
        let error = try #require(Pipeline.check(siteRoot: broken, today: september).findings("invalid-value").first)
        #expect(error.file == "site.yml" && error.severity == .error)
        #expect(error.message.contains("`reviewInterval: ein Jahr`"))
    }

    @Test func aPlaceWithoutEditorIsAWarning() throws {
        let index = TestSupport.minimalFiles["content/gemeinden/dorf/index.md"]!.replacingOccurrences(of: "editor: {name: Gemeindebüro Dorf}\n", with: "")
        let root = try Self.site(replacing: ["content/gemeinden/dorf/index.md": index])
        defer { TestSupport.cleanUp(root) }
        let finding = try #require(TestSupport.check(root).findings("missing-editor").first)
        #expect(finding.file == "content/gemeinden/dorf/index.md" && finding.severity == .warning)
        #expect(finding.hint.contains("editor: {name:"))
    }

    @Test func reportListsOverdueDueSoonAndOutdatedTranslationsPerPlaceAndEditor() throws {
        let siteYml = TestSupport.minimalFiles["site.yml"]! + "languages:\n  - code: en\n    name: English\n"
        let root = try Self.site(extra: [
            // Due 2027-03-20: within 30 days of the report's day.
            "content/kreis/angebote/kurs.md": """
                ---
                title: Integrationskurs
                category: Sprache
                summary: Deutsch lernen.
                reviewed: 2026-03-20
                contact: beratung
                ---
                Text.

                """,
            // Compared with the original before its last review.
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": "---\ntitle: Language café\nsummary: Speak German.\nreviewed: 2026-01-15\n---\nEvery Monday.\n",
        ], replacing: ["site.yml": siteYml])
        defer { TestSupport.cleanUp(root) }
        let checked = Pipeline.check(siteRoot: root, today: Self.today)
        let site = try #require(checked.site, "\(checked.diagnostics.filter { $0.severity == .error })")
        let report = ReviewReport(site: site, today: Self.today)
        let district = try #require(report.places.first { $0.place == "Landkreis Test" })
        #expect(district.editor?.name == "Integrationsbüro des Landkreises")
        // Longest overdue first; the site's own pages are the district's.
        #expect(district.overdue.map(\.file) == ["content/seiten/barrierefreiheit.md", "content/kreis/anlaufstellen/beratung.md"])
        #expect(district.dueSoon.map(\.title) == ["Integrationskurs"])
        #expect(district.dueSoon.first?.due == CalendarDate(year: 2027, month: 3, day: 20))
        let dorf = try #require(report.places.first { $0.place == "Gemeinde Dorf" })
        #expect(dorf.overdue.map(\.title) == ["Sprachcafé"])
        #expect(dorf.outdatedTranslations.map(\.file) == ["content/gemeinden/dorf/angebote/sprachcafe.en.md"])

        let text = report.formatted(.text)
        #expect(text.contains("Gemeinde Dorf – Redaktion: Gemeindebüro Dorf"))
        #expect(text.contains("Angebot „Sprachcafé“ – geprüft 1. Februar 2026, fällig seit 1. Februar 2027"))
        #expect(text.contains("In den nächsten 30 Tagen fällig (1):"))
        #expect(text.contains("Übersetzungen älter als ihr Original (1):"))
        let csv = report.formatted(.csv).components(separatedBy: "\r\n")
        #expect(csv[0] == "\"ort\",\"redaktion\",\"redaktion_email\",\"status\",\"art\",\"titel\",\"datei\",\"geprueft\",\"faellig\",\"sprache\"")
        #expect(csv.contains("\"Gemeinde Dorf\",\"Gemeindebüro Dorf\",\"\",\"ueberfaellig\",\"Angebot\",\"Sprachcafé\",\"content/gemeinden/dorf/angebote/sprachcafe.md\",\"2026-02-01\",\"2027-02-01\",\"\""))
        #expect(csv.contains { $0.contains("\"uebersetzung-veraltet\"") && $0.contains("\"en\"") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.formatted(.json).utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2027-03-01")
        #expect((json["places"] as? [[String: Any]])?.count == 2)
    }

    @Test func commandLineReport() throws {
        let root = try Self.site()
        defer { TestSupport.cleanUp(root) }
        let result = try TestSupport.run(["report", "--site", root.path, "--today", "2027-03-01", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"ueberfaellig\""))
        let clean = try TestSupport.run(["report", "--site", root.path, "--today", "2026-03-01"])
        #expect(clean.status == 0 && clean.stdout.contains("Alles ist aktuell"), "\(clean.stdout)")
        // A site with an error gets its findings and no report.
        try "---\ntitle: [kaputt\n---\n".write(to: root.appendingPathComponent("content/seiten/impressum.md"), atomically: true, encoding: .utf8)
        let broken = try TestSupport.run(["report", "--site", root.path, "--today", "2027-03-01"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("beheben Sie sie zuerst"))
    }

    @Test func addingMonthsKeepsTheDayOrTakesTheMonthsLast() {
        #expect(CalendarDate(year: 2026, month: 1, day: 31)!.adding(months: 1) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(CalendarDate(year: 2027, month: 12, day: 31)!.adding(months: 2) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(CalendarDate(year: 2026, month: 5, day: 12)!.adding(months: 12) == CalendarDate(year: 2027, month: 5, day: 12))
    }
}
