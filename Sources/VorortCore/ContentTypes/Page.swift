/// A page of the whole site (`seiten/`): the legally required pages (Impressum, Datenschutz, Barrierefreiheit,
/// Leichte Sprache, Gebärdensprache) and other texts.
public struct Page: ContentItem {
    public var origin: ContentOrigin
    public var title: String
    public var summary: String?
    public var reviewed: CalendarDate?
    public var body: MarkdownSource
    /// Where the `title` stands, for findings about names given twice.
    public var titleLocation: SourceLocation = .start

    public var slug: String { origin.slug }

    public static let displayName = "Seite"
    public static let placement = ContentPlacement.sitePages(folder: "seiten")
    public static let template: String? = "page"
    public static let commandNames = ["seite", "page"]

    enum Keys {
        static let title = FieldSpec.text("title", required: true, translated: .text(required: true), example: "Impressum",
            help: "Überschrift der Seite", prefill: .title)
        static let summary = FieldSpec.text("summary", translated: .text(required: false), example: "Wer diese Website herausgibt",
            help: "Ein Satz, worum es auf der Seite geht")
        static let reviewed = FieldSpec("reviewed", .date, example: "2026-11-20", help: "Wann die Seite zuletzt geprüft wurde (JJJJ-MM-TT)", prefill: .today)
    }

    public static let schema: [FieldSpec] = [Keys.title, Keys.summary, Keys.reviewed]

    public static let example = """
        ---
        title: Über diese Seiten
        summary: Wer diese Seiten schreibt und pflegt.
        reviewed: 2026-11-20
        ---
        Diese Seiten schreiben die Gemeinden und der Landkreis gemeinsam.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { "seiten/\(slug)/" }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { title }
    public var responsibleOwner: Owner { .district }

    public static func parse(_ input: ParseInput) -> Page? {
        guard let fields = input.fields else { return nil }
        let titleLocated = fields.located(Keys.title)
        let title = titleLocated?.value
        let summary = fields.text(Keys.summary)
        let reviewed = input.pastDate(fields, Keys.reviewed)
        guard let origin = input.origin(), let title else { return nil }
        return Page(origin: origin, title: title, summary: summary, reviewed: reviewed, body: input.body,
            titleLocation: titleLocated?.location ?? .start)
    }

    /// The address of the wording guideline is vorort's own.
    public static func checkReferences(_ pages: [Page], in index: SiteIndex) -> [Diagnostic] {
        let titles = UniqueNames.check(pages.map { .init(file: $0.origin.file, name: $0.title, location: $0.titleLocation) }, severity: .warning,
            message: { "Eine Seite `\($0)` gibt es schon (`\($1.file)`); im Menü und in der Suche sind die beiden nicht zu unterscheiden." },
            hint: { _ in "Geben Sie jeder Seite einen eigenen Titel, oder löschen Sie die doppelte Seite." })
        return titles + pages.filter { $0.route == Routes.guideline }.map { page in
            Diagnostic(file: page.origin.file, location: .start, severity: .error, rule: "duplicate-slug",
                message: "Die Adresse `\(Routes.guideline)` gehört dem Leitfaden für wertschätzende Sprache, den vorort aus den Sprachregeln erzeugt.",
                hint: "Benennen Sie die Datei um; eigene Regeln und Texte für den Leitfaden gehören nach `lint/*.yml`.")
        }
    }
}
