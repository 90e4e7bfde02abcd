/// A story (Geschichte): good practice from the district, dated, optionally with a picture beside it.
public struct Story: ContentItem {
    public var origin: ContentOrigin
    public var owner: Owner
    public var title: String
    public var date: CalendarDate
    public var summary: String
    public var image: StoryImage?
    public var body: MarkdownSource
    /// Where the `title` stands, for findings about names given twice.
    public var titleLocation: SourceLocation = .start

    public var slug: String { origin.slug }

    public static let displayName = "Geschichte"
    public static let placement = ContentPlacement.ownedItems(folder: "geschichten")
    public static let template: String? = "story"
    public static let commandNames = ["geschichte", "story"]

    enum Keys {
        static let title = FieldSpec.text("title", required: true, translated: .text(required: true), example: "Ein Runder Tisch für alle",
            help: "Überschrift der Geschichte", prefill: .title)
        static let date = FieldSpec("date", .date, required: true, example: "2026-11-20", help: "Datum der Geschichte (JJJJ-MM-TT)", prefill: .today)
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Wie Verwaltung und Ehrenamt gemeinsam planen", help: "Ein Satz, worum es geht")
        static let image = FieldSpec("image", .map, lintedSubkeys: ["alt"], example: "{src: fest.jpg, alt: Kinder spielen beim Sommerfest Fußball}",
            help: "Bild neben der Geschichte: Dateiname und Beschreibung für Menschen, die das Bild nicht sehen")
        /// In translations: the picture's description in that language.
        static let imageAlt = FieldSpec("imageAlt", .text, translation: .translationOnly, linted: true,
            example: "Kinder spielen beim Sommerfest Fußball", help: "Nur in Übersetzungen: Beschreibung des Bildes")
    }

    public static let schema: [FieldSpec] = [Keys.title, Keys.date, Keys.summary, Keys.image, Keys.imageAlt]

    public static let example = """
        ---
        title: Ein Runder Tisch für alle
        date: 2026-11-20
        summary: Wie Verwaltung und Ehrenamt gemeinsam planen.
        ---
        Einmal im Monat treffen sich Verwaltung, Vereine und Ehrenamtliche.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.owner(owner) + "geschichten/\(slug)/" }
    public var translationBaseline: CalendarDate? { date }
    public var heading: String { title }
    public var responsibleOwner: Owner { owner }
    /// A story is not reviewed: it keeps the day it appeared.
    public var lastReviewed: CalendarDate? { nil }

    public static func checkReferences(_ stories: [Story], in index: SiteIndex) -> [Diagnostic] {
        UniqueNames.ofOwner(
            stories.map { .init(file: $0.origin.file, name: $0.title, location: $0.titleLocation, scope: $0.owner.municipalitySlug ?? "") },
            thing: "Die Geschichte", key: "title", in: index)
    }

    public static func parse(_ input: ParseInput) -> Story? {
        guard let fields = input.fields else { return nil }
        let titleLocated = fields.located(Keys.title)
        let title = titleLocated?.value
        let date = input.pastDate(fields, Keys.date, story: true)
        let summary = fields.text(Keys.summary)
        let image = fields.map(Keys.image) { i -> StoryImage? in
            let src = i.located("src", required: true, example: "fest.jpg")
            let alt = i.text("alt", required: true, example: "Kinder spielen beim Sommerfest Fußball")
            guard let src, let alt else { return nil }
            let folder = input.file.path.split(separator: "/").dropLast().joined(separator: "/")
            let path = LinkPolicy.normalise(folder + "/" + src.value)
            let picture = src.value.hasPrefix("/") || src.value.contains("..") ? nil : input.pictures[path]
            if let unshowable = PictureFormat.unshowableFinding(src.value) {
                input.collector.error("unshowable-image", at: src.location, unshowable.message, hint: unshowable.hint)
                // A file that is there counts as used, so that it is not also reported as unused: one message.
                return picture.map { _ in StoryImage(file: path, alt: alt, pixels: nil, location: src.location) }
            }
            guard let picture else {
                input.collector.error("missing-image", at: src.location, "Das Bild `\(src.value)` gibt es nicht neben dieser Geschichte.",
                    hint: "Legen Sie die Bilddatei (jpg, png, webp oder gif) in denselben Ordner und nennen Sie ihren Dateinamen.")
                return nil
            }
            return StoryImage(file: path, alt: alt, pixels: picture.pixels, location: src.location)
        }
        guard let origin = input.origin(), let title, let date, let summary else { return nil }
        return Story(origin: origin, owner: input.owner, title: title, date: date, summary: summary, image: image, body: input.body,
            titleLocation: titleLocated?.location ?? .start)
    }
}

public struct StoryImage: Sendable, Hashable {
    /// Path relative to the site root of the picture file.
    public var file: String
    public var alt: String
    /// Its size in pixels, for `width` and `height` of `<img>`; nil when the file's header could not be read.
    public var pixels: PixelSize?
    /// Where `src:` names it, for findings about the picture.
    public var location: SourceLocation
}
