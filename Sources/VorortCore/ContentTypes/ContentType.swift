/// The declaration every kind of content gives once, in its own file in this folder: where its files live, the
/// keys of its front matter (type, required, translatable, linted, example, explanation), how a file becomes a
/// typed item, the references it makes, its route and its template. Loading, parsing, translation matching, the
/// wording lint, the reference and link checks, the site index and rendering read these declarations; the list
/// of all types is `ContentTypes.all` and nothing else spells it out.
public protocol ContentItem: Sendable, Equatable {
    /// The German name editors read in messages and in `vorort new` ("Angebot").
    static var displayName: String { get }
    /// Where the files of this type live below `content/`.
    static var placement: ContentPlacement { get }
    /// Every key the front matter (or YAML file) may hold, in the order `vorort new` writes them.
    static var schema: [FieldSpec] { get }
    /// A complete file of this type with every key filled in: the shape `vorort new` writes and the fixture the
    /// declaration test walks through every stage.
    static var example: String { get }
    /// The template of its page; nil for types without a page of their own (facts).
    static var template: String? { get }
    /// The names `vorort new` accepts for this type, German first (`angebot`, `offer`); empty for types that are
    /// not created one file at a time (the district's single index, facts).
    static var commandNames: [String] { get }

    /// Reads one file of this type; reports every problem into `input.collector` and returns nil when the file
    /// cannot be published.
    static func parse(_ input: ParseInput) -> Self?
    /// The order items of this type are kept in (and listed in) after parsing; file order by default.
    static func ordered(_ items: [Self]) -> [Self]
    /// What items of this type say about other files (categories, contact points, municipalities).
    static func checkReferences(_ items: [Self], in index: SiteIndex) -> [Diagnostic]

    var origin: ContentOrigin { get }
    /// The Markdown text below the front matter; nil for YAML files. Settable, so the content can let go of the
    /// texts after the check (rendering reads them again from the files).
    var markdownBody: MarkdownSource? { get set }
    /// The address of its page (as `Routes` spells addresses); nil for types without a page of their own.
    var route: String? { get }
    /// The page that shows its text (title and body): its own page, except for the district's introduction, which
    /// the home page shows.
    var textRoute: String? { get }
    /// The date a translation must have been compared with at least: the original's `reviewed` (a story's date).
    var translationBaseline: CalendarDate? { get }
    /// When its facts were last checked (`reviewed`), for the review interval and `vorort report`; nil for what
    /// is not reviewed (a story keeps the day it appeared).
    var lastReviewed: CalendarDate? { get }
    /// Its title or name as editors know it, for `vorort report`.
    var heading: String { get }
    /// Whose editors answer for it: the district (also for the site's own pages) or a municipality.
    var responsibleOwner: Owner { get }
}

extension ContentItem {
    public static var commandNames: [String] { [] }
    public static func ordered(_ items: [Self]) -> [Self] { items }
    public static func checkReferences(_ items: [Self], in index: SiteIndex) -> [Diagnostic] { [] }
    public var textRoute: String? { route }
    public var lastReviewed: CalendarDate? { translationBaseline }

    /// Whether `other` is this item with only its Markdown text changed (the front matter read the same).
    func differsOnlyInText(from other: any ContentItem) -> Bool {
        guard let other = other as? Self else { return false }
        var copy = self
        copy.markdownBody = other.markdownBody
        return copy == other
    }

    /// Keys of the original that a translation must not repeat: the facts, written once in German.
    static var originalOnlyKeys: [String] {
        schema.filter { if case .none = $0.translation { true } else { false } }.map(\.key)
    }

    /// The keys whose values the wording lint reads, also inside nested values (`image: {alt: …}`).
    static var lintedKeys: Set<String> {
        Set(schema.flatMap { field in (field.linted ? [field.key] : []) + field.lintedSubkeys })
    }
}

/// An item whose file was edited in place, before and after; `inTranslation`: the edit was in one of its
/// translations (the item itself is the same). The incremental check produces these, the incremental render asks
/// them which pages to render again.
public struct ContentChange: Sendable {
    public var old: any ContentItem
    public var new: any ContentItem
    public var inTranslation = false

    /// Whether only the text below the front matter changed: cards, listings, exports and the checks across files
    /// read the front matter only.
    var isTextOnly: Bool { !inTranslation && old.differsOnlyInText(from: new) }
}

/// Where the files of a type live below `content/`.
public enum ContentPlacement: Sendable, Equatable {
    /// `kreis/index.md`: exactly one, required.
    case districtIndex
    /// `gemeinden/<gemeinde>/index.md`: one per municipality folder, required.
    case municipalityIndex
    /// `kreis/<folder>/<slug>.md` and `gemeinden/<gemeinde>/<folder>/<slug>.md`. (Pictures may lie in every folder
    /// of texts, see `ContentPath.classify`.)
    case ownedItems(folder: String)
    /// `<folder>/<slug>.md` for the whole site.
    case sitePages(folder: String)
    /// `kreis/<file>` and `gemeinden/<gemeinde>/<file>`, a YAML file.
    case ownerData(file: String)

    /// Whether files are Markdown with front matter (or plain YAML).
    var isMarkdown: Bool {
        if case .ownerData = self { false } else { true }
    }
}

/// One key of a type's front matter.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case text, textList, date, integer, number, url, email, reference, referenceList, choice, map, mapList
        /// A day with an optional time of day (`2027-03-12 18:30`).
        case dateTime
        /// `true` or `false`.
        case flag
    }

    /// How the key appears in a translation (`sprachcafe.en.md`).
    public enum Translation: Sendable, Equatable {
        /// A fact of the original: refused in a translation.
        case none
        /// Translated text; `required`: a translation must carry it.
        case text(required: Bool)
        /// A translated list of texts.
        case list
        /// A key only translations have (the translated alt text of a story's picture).
        case translationOnly
    }

    public let key: String
    public let kind: Kind
    public let required: Bool
    public let translation: Translation
    /// Whether the value is text written for residents, read by the wording lint.
    public let linted: Bool
    /// Keys inside the value that the lint reads (`alt` of `image:`).
    public let lintedSubkeys: [String]
    /// A value as an editor would write it, used in hints and by `vorort new`.
    public let example: String
    /// What the key means, in German, for the comment `vorort new` writes above it.
    public let help: String
    /// What `vorort new` writes as the value.
    public let prefill: Prefill
    /// Optional, but the check warns while it is missing (`editor`, an offer's `contact`): `vorort new` writes the
    /// key for the editor to fill in instead of a commented example, and the guide calls it „empfohlen“.
    public let recommended: Bool
    /// Only items of the district may give it (`areas`); `vorort new` leaves it out for a municipality's items.
    public let districtOnly: Bool

    /// The value `vorort new` writes for a key; every other key is left for the editor.
    public enum Prefill: Sendable, Equatable {
        case none
        /// The title given on the command line (`title`, or `name` for contact points and municipalities).
        case title
        /// The day of the command (`--today`, `SOURCE_DATE_EPOCH` or the clock), as `reviewed` or a story's `date`.
        case today
    }

    public init(_ key: String, _ kind: Kind, required: Bool = false, translation: Translation = .none, linted: Bool = false,
                lintedSubkeys: [String] = [], example: String, help: String, prefill: Prefill = .none, recommended: Bool = false,
                districtOnly: Bool = false) {
        self.key = key
        self.kind = kind
        self.required = required
        self.translation = translation
        self.linted = linted
        self.lintedSubkeys = lintedSubkeys
        self.example = example
        self.help = help
        self.prefill = prefill
        self.recommended = recommended
        self.districtOnly = districtOnly
    }

    /// The same field with an example taken from the editor's own file (their municipality's name instead of the
    /// sample's), so that a hint never suggests someone else's value.
    func with(example: String) -> FieldSpec {
        FieldSpec(key, kind, required: required, translation: translation, linted: linted, lintedSubkeys: lintedSubkeys,
                  example: example, help: help, prefill: prefill, recommended: recommended, districtOnly: districtOnly)
    }

    /// Translated text that is also linted in German translations.
    static func text(_ key: String, required: Bool = false, translated: FieldSpec.Translation = .none, linted: Bool = true,
                     example: String, help: String, prefill: Prefill = .none) -> FieldSpec {
        FieldSpec(key, .text, required: required, translation: translated, linted: linted, example: example, help: help, prefill: prefill)
    }
}

/// What a type's `parse` works with: the file, its place, its front matter and where findings go.
public struct ParseInput {
    public let file: SourceFile
    public let role: ContentRole
    /// The front matter (nil for YAML files, whose `parse` reads `file` itself).
    let fields: YAMLMapReader?
    public let body: MarkdownSource
    /// The language of originals (the site language).
    public let language: String
    /// Pictures found below `content/`, with their size, by path relative to the site root.
    public let pictures: [String: PictureFile]
    let collector: DiagnosticCollector
    /// Today, for dates that must not lie in the future; nil where no day is known (the fuzz tests).
    var today: CalendarDate? = nil
    /// When `reviewed` dates fall due (the site's review interval); nil where no day is known.
    var reviewSchedule: ReviewSchedule? = nil

    /// A date of the past (`reviewed`, a story's `date`): reported when it lies in the future, and a `reviewed`
    /// older than the review interval as due for review.
    func pastDate(_ reader: YAMLMapReader?, _ field: FieldSpec, story: Bool = false) -> CalendarDate? {
        let date = reader?.locatedDate(field)
        if let today { FutureDates(today: today).check(date, key: field.key, story: story, collector: collector) }
        if !story, field.key == "reviewed" { reviewSchedule?.check(date, collector: collector) }
        return date?.value
    }

    var owner: Owner { role.owner }

    /// The owner's name as its folder suggests („birkenfelde“ → „Birkenfelde“, „bad-sooden“ → „Bad Sooden“), for
    /// examples in hints; nil for the district.
    var ownerNameFromFolder: String? {
        owner.municipalitySlug.map { slug in
            slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
    }

    /// The origin of the item, or nil (after an `invalid-slug` finding) when the file name cannot be an address.
    func origin() -> ContentOrigin? {
        guard ContentPath.isValidSlug(role.slug) else {
            collector.error("invalid-slug", at: .start,
                "Der Name `\(role.slug)` taugt nicht als Teil einer Webadresse: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.",
                hint: "Benennen Sie die Datei oder den Ordner um, z. B. in `\(ContentPath.suggestSlug(role.slug))`.")
            return nil
        }
        return ContentOrigin(file: file.path, slug: role.slug, language: language)
    }
}

/// A content type as a value: compared by identity, usable as a dictionary key.
public struct ContentTypeID: Sendable, Hashable, CustomStringConvertible {
    public let type: any ContentItem.Type

    public init(_ type: any ContentItem.Type) { self.type = type }

    public static func == (lhs: ContentTypeID, rhs: ContentTypeID) -> Bool { ObjectIdentifier(lhs.type) == ObjectIdentifier(rhs.type) }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(type)) }
    public var description: String { type.displayName }
}

/// The one list of content types. Order matters twice: pages of the site are rendered type by type in this order,
/// and items of all types are visited in it (bodies, routes, translations).
public enum ContentTypes {
    public static let all: [any ContentItem.Type] = [
        DistrictIntro.self, Municipality.self, Offer.self, ContactPoint.self, Story.self, Event.self, Facts.self, Page.self,
    ]

    /// Every key any type declares as linted: for texts whose type is not known (rule examples, tests).
    static let lintedKeys: Set<String> = Set(all.flatMap { $0.lintedKeys })

    /// The type whose files live in `placement`.
    static func type(for placement: ContentPlacement) -> (any ContentItem.Type)? {
        all.first { $0.placement == placement }
    }

    /// Folders of owned items (`angebote`, `anlaufstellen`, …), for classifying paths and for hints.
    static let itemFolders: [String: any ContentItem.Type] = Dictionary(uniqueKeysWithValues: all.compactMap { type in
        if case .ownedItems(let folder) = type.placement { (folder, type) } else { nil }
    })
}
