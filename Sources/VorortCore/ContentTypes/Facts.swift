/// Facts and figures (Zahlen und Fakten) of the district or one municipality: `zahlen.yml`, a list of indicators.
public struct Facts: ContentItem {
    public var origin: ContentOrigin
    public var owner: Owner
    public var reviewed: CalendarDate?
    public var indicators: [Indicator]

    /// Path of `zahlen.yml` relative to the site root.
    public var file: String { origin.file }

    public init(file: String, owner: Owner, reviewed: CalendarDate?, indicators: [Indicator], language: String = "de") {
        self.origin = ContentOrigin(file: file, slug: "zahlen", language: language)
        self.owner = owner
        self.reviewed = reviewed
        self.indicators = indicators
    }

    public static let displayName = "Zahlen und Fakten"
    public static let placement = ContentPlacement.ownerData(file: "zahlen.yml")
    /// Facts appear on their owner's page and the comparison page, not on a page of their own.
    public static let template: String? = nil

    enum Keys {
        static let reviewed = FieldSpec("reviewed", .date, example: "2026-11-20", help: "Wann die Zahlen zuletzt geprüft wurden (JJJJ-MM-TT)")
        static let indicators = FieldSpec("indicators", .mapList, required: true, lintedSubkeys: ["label", "unit", "source"],
            example: "[{id: einwohner, label: Einwohnerinnen und Einwohner, value: 11200, unit: Personen, year: 2025, source: Statistisches Landesamt}]",
            help: "Kennzahlen: je Eintrag `id`, `label`, `value`, `unit`, `year` und `source`")
    }

    public static let schema: [FieldSpec] = [Keys.reviewed, Keys.indicators]

    public static let example = """
        reviewed: 2026-11-20
        indicators:
          - id: einwohner
            label: Einwohnerinnen und Einwohner
            value: 11200
            unit: Personen
            year: 2025
            source: Statistisches Landesamt

        """

    public var markdownBody: MarkdownSource? {
        get { nil }
        set {}
    }
    public var route: String? { nil }
    public var translationBaseline: CalendarDate? { reviewed }

    public static func parse(_ input: ParseInput) -> Facts? {
        let collector = input.collector
        let (node, ok) = YAMLDocument.parse(input.file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: "zahlen.yml", collector: collector, lineOffset: 0, fallback: .start) else { return nil }
        defer { reader.finish() }
        let reviewed = reader.date(Keys.reviewed)
        var seenIDs: [String: Int] = [:]
        let indicators = reader.mapList(Keys.indicators.key, required: true, itemName: "Kennzahl") { item -> Indicator? in
            let id = item.located("id", example: "einwohner")
            let label = item.text("label", required: true, example: "Einwohnerinnen und Einwohner")
            let value = item.number("value", required: true)
            let unit = item.text("unit", required: true, example: "Personen")
            let year = item.integer("year", required: true, example: "2025")
            let source = item.text("source", required: true, example: "Statistisches Landesamt")
            if let id {
                if !ContentPath.isValidSlug(id.value) {
                    collector.error("invalid-slug", at: id.location, "`\(id.value)` ist kein gültiger Kurzname.",
                        hint: "Schreiben Sie z. B. `id: \(ContentPath.suggestSlug(id.value))`.")
                } else if let line = seenIDs[id.value] {
                    collector.error("duplicate-slug", at: id.location, "Die Kennzahl `\(id.value)` gibt es schon (Zeile \(line)).",
                        hint: "Geben Sie jeder Kennzahl eine eigene `id`.")
                } else {
                    seenIDs[id.value] = id.location.line
                }
            }
            if let year, !(1900...2200).contains(year) {
                collector.error("invalid-value", at: item.location, "`year: \(year)` ist kein plausibles Jahr.", hint: "Schreiben Sie das Bezugsjahr, z. B. `year: 2025`.")
            }
            guard let label, let value, let unit, let year, let source else { return nil }
            return Indicator(id: id?.value, label: label, value: value, unit: unit, year: year, source: source)
        }
        return Facts(file: input.file.path, owner: input.owner, reviewed: reviewed, indicators: indicators, language: input.language)
    }
}

public struct Indicator: Sendable, Hashable {
    public var id: String?
    public var label: String
    public var value: Double
    public var unit: String
    public var year: Int
    public var source: String
}
