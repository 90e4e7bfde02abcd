/// Who publishes a piece of content: the district (Landkreis) or one municipality.
public enum Owner: Sendable, Hashable, Comparable {
    case district
    case municipality(String)

    public var municipalitySlug: String? {
        if case .municipality(let slug) = self { return slug }
        return nil
    }

    public static func < (lhs: Owner, rhs: Owner) -> Bool {
        switch (lhs, rhs) {
        case (.district, .district): false
        case (.district, .municipality): true
        case (.municipality, .district): false
        case (.municipality(let a), .municipality(let b)): a < b
        }
    }
}

/// A value read from a file together with where it stands, so later checks can point at it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
}

/// What every content file has: where it came from, its slug and its language.
public struct ContentOrigin: Sendable, Hashable {
    /// Path relative to the site root (`content/gemeinden/auenstein/angebote/sprachcafe.md`).
    public var file: String
    public var slug: String
    /// The language code of the text: the site language for originals, the translation's code otherwise.
    public var language: String
}

/// Markdown text of a file and the file line on which it starts, for locating findings.
public struct MarkdownSource: Sendable, Hashable {
    /// A slice of the file's text: the body shares its storage with the file instead of being a copy
    /// (at 100,000 pages a copy of every body was 400 MB).
    public var text: Substring
    public var firstLine: Int

    public init(text: Substring, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }

    public init(text: String, firstLine: Int) {
        self.init(text: text[...], firstLine: firstLine)
    }
}

public struct DistrictIntro: Sendable {
    public var origin: ContentOrigin
    public var title: String
    public var summary: String
    public var reviewed: CalendarDate?
    public var body: MarkdownSource
}

public enum MunicipalityKind: String, Sendable, CaseIterable {
    case stadt = "Stadt"
    case gemeinde = "Gemeinde"
}

public struct Municipality: Sendable {
    public var origin: ContentOrigin
    public var name: String
    public var kind: MunicipalityKind
    public var summary: String
    public var population: Int?
    public var website: String?
    public var reviewed: CalendarDate?
    public var body: MarkdownSource

    public var slug: String { origin.slug }
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
}

public struct Offer: Sendable {
    public var origin: ContentOrigin
    public var owner: Owner
    public var title: String
    public var category: Located<String>
    public var summary: String
    public var reviewed: CalendarDate
    public var contact: Located<String>?
    public var audience: String?
    public var languages: [String]
    public var schedule: String?
    public var place: String?
    public var cost: String?
    public var accessibility: String?
    /// For district offers: the municipalities served; nil means the whole district.
    public var areas: [Located<String>]?
    public var recurrence: Recurrence?
    public var body: MarkdownSource

    public var slug: String { origin.slug }
}

public struct PostalAddress: Sendable, Hashable {
    public var street: String
    public var postalCode: String
    public var city: String
}

public struct ContactPoint: Sendable {
    public var origin: ContentOrigin
    public var owner: Owner
    public var name: String
    public var organisation: String
    public var responsibilities: [String]
    public var address: PostalAddress
    public var openingHours: [String]
    public var phone: String?
    public var email: String?
    public var website: String?
    public var languages: [String]
    public var reviewed: CalendarDate
    public var areas: [Located<String>]?
    public var body: MarkdownSource

    public var slug: String { origin.slug }
}

public struct StoryImage: Sendable, Hashable {
    /// Path relative to the site root of the picture file.
    public var file: String
    public var alt: String
}

public struct Story: Sendable {
    public var origin: ContentOrigin
    public var owner: Owner
    public var title: String
    public var date: CalendarDate
    public var summary: String
    public var image: StoryImage?
    public var body: MarkdownSource

    public var slug: String { origin.slug }
}

public struct Indicator: Sendable, Hashable {
    public var id: String?
    public var label: String
    public var value: Double
    public var unit: String
    public var year: Int
    public var source: String
}

public struct Facts: Sendable {
    public var file: String
    public var owner: Owner
    public var reviewed: CalendarDate?
    public var indicators: [Indicator]
}

public struct Page: Sendable {
    public var origin: ContentOrigin
    public var title: String
    public var summary: String?
    public var reviewed: CalendarDate?
    public var body: MarkdownSource

    public var slug: String { origin.slug }
}

/// The whole typed content of a site, as parsed; references are checked by `ReferenceChecker`.
public struct SiteContent: Sendable {
    public var district: DistrictIntro?
    public var municipalities: [Municipality] = []
    public var offers: [Offer] = []
    public var contactPoints: [ContactPoint] = []
    public var stories: [Story] = []
    public var facts: [Facts] = []
    public var pages: [Page] = []
    /// Translations by the path of their German original, then by language code.
    public var translations: [String: [String: Translation]] = [:]
    /// Translated texts of `site.yml` by language code.
    public var siteTexts: [String: SiteTexts] = [:]
    /// Whole-file suppressions of the wording lint (`lintIgnore`), by file path.
    var lintSuppressions: [String: [LintSuppression]] = [:]
}
