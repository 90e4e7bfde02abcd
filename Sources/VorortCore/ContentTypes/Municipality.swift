/// A municipality (Gemeinde or Stadt) with its own folder and home text (`gemeinden/<name>/index.md`).
public struct Municipality: ContentItem {
    public var origin: ContentOrigin
    public var name: String
    public var kind: MunicipalityKind
    public var summary: String
    public var population: Int?
    /// With its place in the file: an address into this site is checked against its pages.
    public var website: Located<String>?
    public var reviewed: CalendarDate?
    public var editor: EditorialContact?
    public var body: MarkdownSource
    /// Where the `name` stands, for findings about names given twice.
    public var nameLocation: SourceLocation = .start

    public var slug: String { origin.slug }

    public static let displayName = "Gemeinde"
    public static let placement = ContentPlacement.municipalityIndex
    public static let template: String? = "municipality"
    public static let commandNames = ["gemeinde", "municipality"]

    enum Keys {
        static let name = FieldSpec.text("name", required: true, example: "Auenstein", help: "Name der Gemeinde oder Stadt", prefill: .title)
        static let kind = FieldSpec("kind", .choice, required: true, example: "Gemeinde", help: "`Stadt`, `Gemeinde`, `Markt`, `Flecken`, `Samtgemeinde`, `Verbandsgemeinde`, `Amt` oder eine andere Bezeichnung nach Gemeinderecht")
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Kleinstadt an der Aue mit Bahnhof und Gesamtschule", help: "Ein Satz zur Gemeinde")
        static let population = FieldSpec("population", .integer, example: "11200", help: "Einwohnerzahl")
        static let website = FieldSpec("website", .url, example: "https://www.auenstein.de", help: "Webseite der Gemeinde")
        static let reviewed = FieldSpec("reviewed", .date, example: "2026-11-20", help: "Wann die Seite zuletzt geprüft wurde (JJJJ-MM-TT)", prefill: .today)
    }

    public static let schema: [FieldSpec] = [Keys.name, Keys.kind, Keys.summary, Keys.population, Keys.website, Keys.reviewed,
                                             EditorialContact.field]

    public static let example = """
        ---
        name: Auenstein
        kind: Stadt
        summary: Kleinstadt an der Aue mit Bahnhof und Gesamtschule.
        population: 11200
        website: https://www.auenstein.de
        reviewed: 2026-11-20
        editor: {name: Integrationsbüro Auenstein, email: integration@auenstein.de}
        ---
        Auenstein liegt im Norden des Landkreises.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.municipality(slug) }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { name }
    public var responsibleOwner: Owner { .municipality(slug) }

    /// Municipalities are listed by name everywhere.
    public static func ordered(_ items: [Municipality]) -> [Municipality] { GermanSorting.sorted(items, by: \.name) }

    public static func checkReferences(_ municipalities: [Municipality], in index: SiteIndex) -> [Diagnostic] {
        let routes = SiteAddress.knownRoutes(for: municipalities.lazy.map(\.website), in: index)
        return UniqueNames.municipalities(municipalities)
            + municipalities.compactMap { SiteAddress.check(website: $0.website, file: $0.origin.file, in: index, knownRoutes: routes) }
    }

    public static func parse(_ input: ParseInput) -> Municipality? {
        guard let fields = input.fields else { return nil }
        let nameLocated = fields.located(input.ownerNameFromFolder.map { Keys.name.with(example: $0) } ?? Keys.name)
        let name = nameLocated?.value
        let kind = fields.choice(Keys.kind, of: MunicipalityKind.self)
        let summary = fields.text(Keys.summary)
        var population = fields.integer(Keys.population)
        if let value = population, value < 0 {
            input.collector.error("invalid-value", at: fields.location, "`population: \(value)` ist keine Einwohnerzahl.",
                hint: "Schreiben Sie die Zahl der Einwohnerinnen und Einwohner, z. B. `population: 11200`.")
            population = nil
        }
        let website = fields.locatedURL(Keys.website)
        let reviewed = input.pastDate(fields, Keys.reviewed)
        let editor = EditorialContact.read(fields, collector: input.collector, whose: "Die Gemeinde",
                                           example: input.ownerNameFromFolder.map { "{name: Bürgerbüro \($0), email: …}" })
        guard let origin = input.origin(), let name, let kind, let summary else { return nil }
        return Municipality(origin: origin, name: name, kind: kind, summary: summary, population: population,
                            website: website, reviewed: reviewed, editor: editor, body: input.body,
            nameLocation: nameLocated?.location ?? .start)
    }
}

/// What a member of the district calls itself by municipal law (the word before its name: „Markt Bechhofen“).
/// Statuses that do not change the name (Einheitsgemeinde, große kreisangehörige Stadt) are written as `Stadt` or
/// `Gemeinde`.
public enum MunicipalityKind: String, Sendable, CaseIterable {
    case stadt = "Stadt"
    case gemeinde = "Gemeinde"
    /// Bavaria; Flecken in Lower Saxony and Schleswig-Holstein: a town with old market rights.
    case markt = "Markt"
    case flecken = "Flecken"
    case hansestadt = "Hansestadt"
    case kreisstadt = "Kreisstadt"
    /// Baden-Württemberg, Bavaria, Saxony.
    case großeKreisstadt = "Große Kreisstadt"
    /// Associations of municipalities: Lower Saxony; Rhineland-Palatinate and Saxony-Anhalt; Schleswig-Holstein,
    /// Brandenburg and Mecklenburg-Vorpommern; Bavaria, Saxony and Thuringia.
    case samtgemeinde = "Samtgemeinde"
    case verbandsgemeinde = "Verbandsgemeinde"
    case amt = "Amt"
    case verwaltungsgemeinschaft = "Verwaltungsgemeinschaft"
    /// A member of a Verbandsgemeinde (Rhineland-Palatinate).
    case ortsgemeinde = "Ortsgemeinde"

    /// Whether other languages call it a town (or else a municipality).
    public var isTown: Bool {
        switch self {
        case .stadt, .markt, .flecken, .hansestadt, .kreisstadt, .großeKreisstadt: true
        case .gemeinde, .samtgemeinde, .verbandsgemeinde, .amt, .verwaltungsgemeinschaft, .ortsgemeinde: false
        }
    }
}
