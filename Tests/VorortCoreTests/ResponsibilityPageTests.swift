import Foundation
import Testing
@testable import VorortCore

/// „Wer ist zuständig?“: per topic the contact points that answer for it — from their own `topics` and from the
/// offers that name them — by place, with phone and opening hours, linked from the home and municipality pages.
struct ResponsibilityPageTests {
    static let municipalPoint = """
        ---
        name: Bürgerbüro Dorf
        organisation: Gemeinde Dorf
        responsibilities: [Anmeldung]
        address: {street: Dorfstraße 2, postalCode: "12346", city: Dorf}
        openingHours: ["Mo 9–12 Uhr", "Do 14–18 Uhr"]
        phone: 01234 99-1
        reviewed: 2026-01-10
        topics: [Sport]
        ---

        """

    @Test func listsContactPointsByTopicAndPlace() throws {
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/anlaufstellen/buergerbuero.md": Self.municipalPoint])
        defer { TestSupport.cleanUp(root) }
        #expect(TestSupport.check(root).diagnostics.filter { $0.severity == .error }.isEmpty)
        let files = try TestSupport.renderedFiles(root)
        let page = try #require(files["zustaendig/index.html"])
        #expect(page.contains("<h1>Wer ist zuständig?</h1>"))
        // Sprache: the district's Migrationsberatung, named by the Sprachcafé of Dorf.
        let language = try #require(section(page, id: "thema-sprache"))
        #expect(language.contains("Migrationsberatung") && !language.contains("Bürgerbüro Dorf"), "\(language)")
        #expect(language.contains("href=\"tel:"), "phone as a link")
        // Sport: the Bürgerbüro declares it, under its municipality, with its opening hours.
        let sport = try #require(section(page, id: "thema-sport"))
        #expect(sport.contains("Bürgerbüro Dorf") && !sport.contains("Migrationsberatung"), "\(sport)")
        #expect(sport.contains(">Gemeinde Dorf</a></h3>"), "grouped under its place")
        #expect(sport.contains("Mo 9–12 Uhr; Do 14–18 Uhr"))
        // A list, not a table: it reads on a phone.
        #expect(!page.contains("<table"))
        #expect(files["index.html"]?.contains("href=\"/ankommen/zustaendig/\"") == true, "linked from the home page")
        #expect(files["gemeinden/dorf/index.html"]?.contains("href=\"/ankommen/zustaendig/\"") == true, "linked from the municipality page")
    }

    @Test func topicWithoutContactPointSaysSo() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let page = try #require(try TestSupport.renderedFiles(root)["zustaendig/index.html"])
        let sport = try #require(section(page, id: "thema-sport"))
        #expect(sport.contains("Für dieses Thema ist noch keine Stelle eingetragen."))
        #expect(sport.contains("href=\"/ankommen/anlaufstellen/\""))
    }

    @Test func unknownTopicIsAnErrorAtItsPlace() throws {
        let point = Self.municipalPoint.replacingOccurrences(of: "topics: [Sport]", with: "topics: [Sport, Wohnung]")
        let root = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/anlaufstellen/buergerbuero.md": point])
        defer { TestSupport.cleanUp(root) }
        let finding = try #require(TestSupport.check(root).findings("unknown-category").first)
        #expect(finding.file == "content/gemeinden/dorf/anlaufstellen/buergerbuero.md")
        #expect(finding.location.line == 9 && finding.location.column == 17)
        #expect(finding.message == "Die Kategorie `Wohnung` gibt es nicht.")
    }

    /// The part of the page from the section's heading to the next section.
    private func section(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}
