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

/// The whole typed content of a site, as parsed; references are checked by `ReferenceChecker`. Items are kept
/// per declared type (`ContentTypes.all`); the typed properties below are conveniences for the stages that
/// work with one particular type.
public struct SiteContent: Sendable {
    private var lists: [ContentTypeID: any ContentList] = [:]
    /// Translations by the path of their German original, then by language code.
    public var translations: [String: [String: Translation]] = [:]
    /// Translated texts of `site.yml` by language code.
    public var siteTexts: [String: SiteTexts] = [:]
    /// Whole-file suppressions of the wording lint (`lintIgnore`), by file path.
    var lintSuppressions: [String: [LintSuppression]] = [:]

    public init() {}

    /// The items of one type, in the type's order.
    public subscript<T: ContentItem>(type type: T.Type) -> [T] {
        get { (lists[ContentTypeID(T.self)] as? ContentListBox<T>)?.items ?? [] }
        set { lists[ContentTypeID(T.self)] = ContentListBox(items: newValue) }
    }

    /// The items of the type `type` as existentials, for stages that treat all types alike.
    public func items(of type: any ContentItem.Type) -> [any ContentItem] {
        func typed<T: ContentItem>(_ type: T.Type) -> [any ContentItem] { self[type: T.self] }
        return typed(type)
    }

    /// The item at `position` among the items of `type`, without making a list of all of them.
    func item(of type: ContentTypeID, at position: Int) -> any ContentItem {
        func typed<T: ContentItem>(_ type: T.Type) -> any ContentItem { self[type: T.self][position] }
        return typed(type.type)
    }

    /// The number of items of all types.
    var itemCount: Int { lists.values.reduce(0) { $0 + $1.count } }

    /// Shows `visitor` every item of every type, in the order of `allItems`, each as its own type: `allItems` puts
    /// every item into an existential box of its own (at 10,000 pages ten thousand allocations and copies per use).
    func visitItems<Visitor: ContentItemVisitor>(_ visitor: inout Visitor) {
        func typed<T: ContentItem>(_ type: T.Type) {
            self[type: T.self].withUnsafeBufferPointer { items in
                for position in items.indices { visitor.visit(items[position]) }
            }
        }
        for type in ContentTypes.all { typed(type) }
    }

    /// Every item of every type, type by type in the order of `ContentTypes.all`.
    public var allItems: [any ContentItem] { ContentTypes.all.flatMap { items(of: $0) } }

    /// Stores parsed items of one type, putting them in the type's order.
    mutating func store(_ items: [any ContentItem], as type: any ContentItem.Type) {
        func typed<T: ContentItem>(_ type: T.Type) { self[type: T.self] = T.ordered(items.map { $0 as! T }) }
        typed(type)
    }

    public var district: DistrictIntro? { self[type: DistrictIntro.self].first }
    public var municipalities: [Municipality] { get { self[type: Municipality.self] } set { self[type: Municipality.self] = newValue } }
    public var offers: [Offer] { get { self[type: Offer.self] } set { self[type: Offer.self] = newValue } }
    public var contactPoints: [ContactPoint] { get { self[type: ContactPoint.self] } set { self[type: ContactPoint.self] = newValue } }
    public var stories: [Story] { get { self[type: Story.self] } set { self[type: Story.self] = newValue } }
    public var facts: [Facts] { get { self[type: Facts.self] } set { self[type: Facts.self] = newValue } }
    public var pages: [Page] { get { self[type: Page.self] } set { self[type: Page.self] = newValue } }
}

/// What `SiteContent.visitItems` shows each item to.
protocol ContentItemVisitor {
    mutating func visit<T: ContentItem>(_ item: T)
}

/// The items of one type behind a protocol, so one dictionary holds all types without copying the arrays.
private protocol ContentList: Sendable {
    var count: Int { get }
}

private struct ContentListBox<T: ContentItem>: ContentList {
    var items: [T]
    var count: Int { items.count }
}
