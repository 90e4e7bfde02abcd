/// The district's own home text (`kreis/index.md`).
public struct DistrictIntro: ContentItem {
    public var origin: ContentOrigin
    public var title: String
    public var summary: String
    public var reviewed: CalendarDate?
    public var editor: EditorialContact?
    public var body: MarkdownSource

    public static let displayName = "Startseite des Landkreises"
    public static let placement = ContentPlacement.districtIndex
    public static let template: String? = "district"

    enum Keys {
        static let title = FieldSpec.text("title", required: true, translated: .text(required: true), example: "Willkommen im Landkreis",
            help: "Überschrift der Seite des Landkreises", prefill: .title)
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Was der Landkreis für Menschen tut, die neu hier sind", help: "Ein Satz zur Einführung")
        static let reviewed = FieldSpec("reviewed", .date, example: "2026-11-20", help: "Wann die Seite zuletzt geprüft wurde (JJJJ-MM-TT)", prefill: .today)
    }

    public static let schema: [FieldSpec] = [Keys.title, Keys.summary, Keys.reviewed, EditorialContact.field]

    public static let example = """
        ---
        title: Willkommen im Landkreis
        summary: Was der Landkreis für Menschen tut, die neu hier sind.
        reviewed: 2026-11-20
        editor: {name: Integrationsbüro des Landkreises, email: integration@landkreis.example}
        ---
        Der Landkreis und seine Gemeinden heißen Sie willkommen.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    /// Links to `kreis/index.md` lead to the district's page; the text itself introduces the home page.
    public var route: String? { Routes.district }
    public var textRoute: String? { Routes.home }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { title }
    public var responsibleOwner: Owner { .district }

    public static func parse(_ input: ParseInput) -> DistrictIntro? {
        guard let fields = input.fields else { return nil }
        let title = fields.text(Keys.title)
        let summary = fields.text(Keys.summary)
        let reviewed = input.pastDate(fields, Keys.reviewed)
        let editor = EditorialContact.read(fields, collector: input.collector, whose: "Der Landkreis")
        guard let title, let summary else { return nil }
        return DistrictIntro(origin: ContentOrigin(file: input.file.path, slug: "kreis", language: input.language),
                             title: title, summary: summary, reviewed: reviewed, editor: editor, body: input.body)
    }
}
