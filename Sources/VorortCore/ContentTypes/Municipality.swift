/// A municipality (Gemeinde or Stadt) with its own folder and home text (`gemeinden/<name>/index.md`).
public struct Municipality: ContentItem {
    public var origin: ContentOrigin
    public var name: String
    public var kind: MunicipalityKind
    public var summary: String
    public var population: Int?
    public var website: String?
    public var reviewed: CalendarDate?
    public var body: MarkdownSource

    public var slug: String { origin.slug }

    public static let displayName = "Gemeinde"
    public static let placement = ContentPlacement.municipalityIndex
    public static let template: String? = "municipality"

    enum Keys {
        static let name = FieldSpec.text("name", required: true, example: "Auenstein", help: "Name der Gemeinde oder Stadt")
        static let kind = FieldSpec("kind", .choice, required: true, example: "Gemeinde", help: "`Stadt` oder `Gemeinde`")
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Kleinstadt an der Aue mit Bahnhof und Gesamtschule", help: "Ein Satz zur Gemeinde")
        static let population = FieldSpec("population", .integer, example: "11200", help: "Einwohnerzahl")
        static let website = FieldSpec("website", .url, example: "https://www.auenstein.de", help: "Webseite der Gemeinde")
        static let reviewed = FieldSpec("reviewed", .date, example: "2026-11-20", help: "Wann die Seite zuletzt geprüft wurde (JJJJ-MM-TT)")
    }

    public static let schema: [FieldSpec] = [Keys.name, Keys.kind, Keys.summary, Keys.population, Keys.website, Keys.reviewed]

    public static let example = """
        ---
        name: Auenstein
        kind: Stadt
        summary: Kleinstadt an der Aue mit Bahnhof und Gesamtschule.
        population: 11200
        website: https://www.auenstein.de
        reviewed: 2026-11-20
        ---
        Auenstein liegt im Norden des Landkreises.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.municipality(slug) }
    public var translationBaseline: CalendarDate? { reviewed }

    /// Municipalities are listed by name everywhere.
    public static func ordered(_ items: [Municipality]) -> [Municipality] { GermanSorting.sorted(items, by: \.name) }

    public static func parse(_ input: ParseInput) -> Municipality? {
        guard let fields = input.fields else { return nil }
        let name = fields.text(Keys.name)
        let kind = fields.choice(Keys.kind, of: MunicipalityKind.self)
        let summary = fields.text(Keys.summary)
        var population = fields.integer(Keys.population)
        if let value = population, value < 0 {
            input.collector.error("invalid-value", at: fields.location, "`population: \(value)` ist keine Einwohnerzahl.",
                hint: "Schreiben Sie die Zahl der Einwohnerinnen und Einwohner, z. B. `population: 11200`.")
            population = nil
        }
        let website = fields.url(Keys.website)
        let reviewed = fields.date(Keys.reviewed)
        guard let origin = input.origin(), let name, let kind, let summary else { return nil }
        return Municipality(origin: origin, name: name, kind: kind, summary: summary, population: population,
                            website: website, reviewed: reviewed, body: input.body)
    }
}

public enum MunicipalityKind: String, Sendable, CaseIterable {
    case stadt = "Stadt"
    case gemeinde = "Gemeinde"
}
