/// An offer (Angebot): a course, a café, counselling — something ongoing that newcomers can take part in.
public struct Offer: ContentItem {
    /// The stored fields, shared by copies and compared field by field (`SharedFields`).
    struct Fields: Equatable, Sendable {
        var origin: ContentOrigin
        var owner: Owner
        var title: String
        var category: Located<String>
        var summary: String
        var reviewed: CalendarDate
        var contact: Located<String>?
        var audience: String?
        var languages: [String]
        var schedule: String?
        var place: String?
        var cost: String?
        var accessibility: String?
        var areas: [Located<String>]?
        var recurrence: Recurrence?
        var body: MarkdownSource
        var titleLocation: SourceLocation
    }

    private var shared: SharedFields<Fields>

    init(origin: ContentOrigin, owner: Owner, title: String, category: Located<String>, summary: String,
        reviewed: CalendarDate, contact: Located<String>?, audience: String?, languages: [String], schedule: String?,
        place: String?, cost: String?, accessibility: String?, areas: [Located<String>]?, recurrence: Recurrence?,
        body: MarkdownSource, titleLocation: SourceLocation = .start) {
        shared = SharedFields(Fields(origin: origin, owner: owner, title: title, category: category, summary: summary,
            reviewed: reviewed, contact: contact, audience: audience, languages: languages, schedule: schedule,
            place: place, cost: cost, accessibility: accessibility, areas: areas, recurrence: recurrence, body: body,
            titleLocation: titleLocation))
    }

    public var origin: ContentOrigin { get { shared.fields.origin } set { shared.fields.origin = newValue } }
    public var owner: Owner { get { shared.fields.owner } set { shared.fields.owner = newValue } }
    public var title: String { get { shared.fields.title } set { shared.fields.title = newValue } }
    public var category: Located<String> { get { shared.fields.category } set { shared.fields.category = newValue } }
    public var summary: String { get { shared.fields.summary } set { shared.fields.summary = newValue } }
    public var reviewed: CalendarDate { get { shared.fields.reviewed } set { shared.fields.reviewed = newValue } }
    public var contact: Located<String>? { get { shared.fields.contact } set { shared.fields.contact = newValue } }
    public var audience: String? { get { shared.fields.audience } set { shared.fields.audience = newValue } }
    public var languages: [String] { get { shared.fields.languages } set { shared.fields.languages = newValue } }
    public var schedule: String? { get { shared.fields.schedule } set { shared.fields.schedule = newValue } }
    public var place: String? { get { shared.fields.place } set { shared.fields.place = newValue } }
    public var cost: String? { get { shared.fields.cost } set { shared.fields.cost = newValue } }
    public var accessibility: String? { get { shared.fields.accessibility } set { shared.fields.accessibility = newValue } }
    /// For district offers: the municipalities served; nil means the whole district.
    public var areas: [Located<String>]? { get { shared.fields.areas } set { shared.fields.areas = newValue } }
    public var recurrence: Recurrence? { get { shared.fields.recurrence } set { shared.fields.recurrence = newValue } }
    public var body: MarkdownSource { get { shared.fields.body } set { shared.fields.body = newValue } }
    /// Where the `title` stands, for findings about names given twice.
    public var titleLocation: SourceLocation { get { shared.fields.titleLocation } set { shared.fields.titleLocation = newValue } }

    public var slug: String { origin.slug }

    public static let displayName = "Angebot"
    public static let placement = ContentPlacement.ownedItems(folder: "angebote")
    public static let template: String? = "offer"
    public static let commandNames = ["angebot", "offer"]

    enum Keys {
        static let title = FieldSpec.text("title", required: true, translated: .text(required: true), example: "Sprachcafé",
            help: "Name des Angebots, kurz und verständlich", prefill: .title)
        static let category = FieldSpec("category", .reference, required: true, example: "Sprache",
            help: "Kategorie aus `site.yml` (Name oder Kurzname)")
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Deutsch sprechen üben bei Kaffee und Kuchen", help: "Ein Satz: Was ist das Angebot?")
        static let reviewed = FieldSpec("reviewed", .date, required: true, example: "2026-11-20",
            help: "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT)", prefill: .today)
        static let contact = FieldSpec("contact", .reference, example: "integrationsbuero",
            help: "Anlaufstelle: Dateiname (ohne `.md`) aus `anlaufstellen/` der Gemeinde oder des Landkreises", recommended: true)
        static let audience = FieldSpec.text("audience", translated: .text(required: false), example: "Alle, die Deutsch lernen",
            help: "Für wen das Angebot gedacht ist")
        static let languages = FieldSpec("languages", .textList, example: "[Deutsch, Arabisch]", help: "Sprachen, in denen das Angebot stattfindet")
        static let schedule = FieldSpec.text("schedule", translated: .text(required: false), example: "Dienstags 16–18 Uhr",
            help: "Wann das Angebot stattfindet, in Worten")
        static let place = FieldSpec.text("place", translated: .text(required: false), example: "Stadtbibliothek, Marktplatz 3",
            help: "Wo das Angebot stattfindet")
        static let cost = FieldSpec.text("cost", translated: .text(required: false), example: "kostenlos",
            help: "Was es kostet. Steht hier „kostenlos“ (oder „kostet nichts“) ohne Betrag, Beitrag oder Eigenanteil, findet man das Angebot unter „Nur kostenlose Angebote“")
        static let accessibility = FieldSpec.text("accessibility", translated: .text(required: false),
            example: "Der Raum ist stufenlos erreichbar.", help: "Barrierefreiheit: Zugang, Hilfen")
        static let areas = FieldSpec("areas", .referenceList, example: "[auenstein, birkenfelde]",
            help: "Nur beim Landkreis: Gemeinden, für die das Angebot gilt (ohne Angabe: der ganze Landkreis)", districtOnly: true)
        static let recurrence = FieldSpec("recurrence", .map, example: "{days: [Di], start: \"16:00\", end: \"18:00\"}",
            help: "Regelmäßiger Termin für den Kalender: Wochentage, Beginn, Ende (optional `every`, `from`, `until`)")
    }

    public static let schema: [FieldSpec] = [
        Keys.title, Keys.category, Keys.summary, Keys.reviewed, Keys.contact, Keys.audience, Keys.languages, Keys.schedule,
        Keys.place, Keys.cost, Keys.accessibility, Keys.areas, Keys.recurrence,
    ]

    public static let example = """
        ---
        title: Sprachcafé
        category: Sprache
        summary: Deutsch sprechen üben bei Kaffee und Kuchen.
        reviewed: 2026-11-20
        contact: integrationsbuero
        audience: Alle, die Deutsch lernen
        languages: [Deutsch, Arabisch]
        schedule: Dienstags 16–18 Uhr
        place: Stadtbibliothek, Marktplatz 3
        cost: kostenlos
        accessibility: Der Raum ist stufenlos erreichbar.
        recurrence: {days: [Di], start: "16:00", end: "18:00"}
        ---
        Im Sprachcafé treffen sich Menschen, die Deutsch üben möchten.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.owner(owner) + "angebote/\(slug)/" }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { title }
    public var responsibleOwner: Owner { owner }

    public static func parse(_ input: ParseInput) -> Offer? {
        guard let fields = input.fields else { return nil }
        let titleLocated = fields.located(Keys.title)
        let title = titleLocated?.value
        let category = fields.located(Keys.category)
        let summary = fields.text(Keys.summary)
        let reviewed = input.pastDate(fields, Keys.reviewed)
        let contact = fields.located(Keys.contact)
        let audience = fields.text(Keys.audience)
        let languages = fields.textList(Keys.languages)
        let schedule = fields.text(Keys.schedule)
        let place = fields.text(Keys.place)
        let cost = fields.text(Keys.cost)
        let accessibility = fields.text(Keys.accessibility)
        let areas = fields.locatedList(Keys.areas)
        let recurrence = fields.map(Keys.recurrence) { Recurrence.read($0, collector: input.collector) }
        guard let origin = input.origin(), let title, let category, let summary, let reviewed else { return nil }
        return Offer(
            origin: origin, owner: input.owner, title: title, category: category, summary: summary, reviewed: reviewed,
            contact: contact, audience: audience, languages: languages, schedule: schedule, place: place,
            cost: cost, accessibility: accessibility, areas: areas, recurrence: recurrence, body: input.body,
            titleLocation: titleLocated?.location ?? .start)
    }

    public static func checkReferences(_ offers: [Offer], in index: SiteIndex) -> [Diagnostic] {
        var diagnostics = UniqueNames.ofOwner(
            offers.map { .init(file: $0.origin.file, name: $0.title, location: $0.titleLocation, scope: $0.owner.municipalitySlug ?? "") },
            thing: "Das Angebot", key: "title", in: index)
        for offer in offers {
            diagnostics += ReferenceChecker.categoryContactAndAreas(
                category: offer.category, contact: offer.contact, areas: offer.areas, owner: offer.owner, file: offer.origin.file,
                in: index, thing: "ein Angebot", missingContact: "Das Angebot nennt keine Anlaufstelle.",
                hint: "Ergänzen Sie `contact: <anlaufstelle>`, damit Interessierte wissen, an wen sie sich wenden.")
        }
        return diagnostics
    }
}

/// A regular weekly schedule, for calendars: `days: [Mo, Mi]`, `start: "16:00"`, `end: "18:00"`.
public struct Recurrence: Sendable, Hashable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    public var weekdays: [Int]
    /// Minutes after midnight.
    public var start: Int
    public var end: Int
    /// Every how many weeks.
    public var interval: Int
    public var from: CalendarDate?
    public var until: CalendarDate?

    static let dayNames = ["mo": 1, "di": 2, "mi": 3, "do": 4, "fr": 5, "sa": 6, "so": 7]

    /// `recurrence: {days: [Mo, Mi], start: "16:00", end: "18:00", every: 2, from: 2026-01-05, until: 2026-12-21}`
    static func read(_ r: YAMLMapReader, collector: DiagnosticCollector) -> Recurrence? {
        let days = r.locatedList("days", required: true, example: "[Mo, Mi]") ?? []
        let start = r.located("start", required: true, example: "\"16:00\"")
        let end = r.located("end", required: true, example: "\"18:00\"")
        let every = r.integer("every", example: "1")
        let from = r.date("from")
        let until = r.date("until")
        var weekdays: [Int] = []
        for day in days {
            guard let number = dayNames[day.value.lowercased().prefix(2).description], day.value.count <= 10 else {
                collector.error("invalid-value", at: day.location, "`\(day.value)` ist kein Wochentag.",
                    hint: "Schreiben Sie die Tage kurz: Mo, Di, Mi, Do, Fr, Sa, So.")
                return nil
            }
            if !weekdays.contains(number) { weekdays.append(number) }
        }
        func minutes(_ time: Located<String>?) -> Int? {
            guard let time else { return nil }
            let parts = time.value.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m), parts[1].count == 2 {
                return h * 60 + m
            }
            collector.error("invalid-value", at: time.location, "`\(time.value)` ist keine Uhrzeit.",
                hint: "Schreiben Sie die Uhrzeit als SS:MM in Anführungszeichen, z. B. \"16:30\".")
            return nil
        }
        guard let startMinutes = minutes(start), let endMinutes = minutes(end), !weekdays.isEmpty else { return nil }
        guard endMinutes > startMinutes else {
            collector.error("invalid-value", at: end?.location ?? r.location, "Das Ende liegt nicht nach dem Beginn.",
                hint: "Termine über Mitternacht gibt es hier nicht; prüfen Sie `start` und `end`.")
            return nil
        }
        if let every, !(1...52).contains(every) {
            collector.error("invalid-value", at: r.location, "`every: \(every)` muss zwischen 1 und 52 Wochen liegen.", hint: "Schreiben Sie z. B. `every: 2` für alle zwei Wochen.")
            return nil
        }
        if let from, let until, until < from {
            collector.error("invalid-value", at: r.location, "`until` liegt vor `from`.", hint: "Prüfen Sie die beiden Daten.")
            return nil
        }
        return Recurrence(weekdays: weekdays.sorted(), start: startMinutes, end: endMinutes, interval: every ?? 1, from: from, until: until)
    }
}
