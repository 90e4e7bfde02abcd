/// The template data several pages share: links to places and categories, and the cards of offers, contact points,
/// stories and municipalities. Cards are classes, made once per language (`SiteRenderer`), so a listing page holds
/// references to them instead of copies.

/// A link with its text: breadcrumbs, the home page's access links, downloads.
struct LinkData: TemplateData {
    var label: String
    var url: String

    static let fields = TemplateFields<Self>([.text("label") { $0.label }, .text("url") { $0.url }])
}

/// A place or download with its address: the district on municipality pages, the CSV downloads.
struct NamedLink: TemplateData {
    var name: String
    var url: String

    static let fields = TemplateFields<NamedLink>([.text("name") { $0.name }, .text("url") { $0.url }])
}

/// A telephone number or e-mail address with its link.
struct ContactLink: TemplateData {
    var text: String
    var url: String

    static let fields = TemplateFields<Self>([.text("text") { $0.text }, .text("url") { $0.url }])
}

struct AddressData: TemplateData {
    var street: String
    var postalCode: String
    var city: String

    static let fields = TemplateFields<Self>([
        .text("street") { $0.street }, .text("postalCode") { $0.postalCode }, .text("city") { $0.city },
    ])
}

/// The district or a municipality as the owner of content.
struct OwnerLink: TemplateData {
    var name: String
    var url: String
    var isDistrict: Bool
    /// The filter value of the offer directory: the municipality's slug or `landkreis`.
    var id: String

    static let fields = TemplateFields<Self>([
        .text("name") { $0.name }, .text("url") { $0.url }, .flag("isDistrict") { $0.isDistrict }, .text("id") { $0.id },
    ])
}

struct CategoryLink: TemplateData {
    var label: String
    var slug: String
    var url: String
    var group: String
    var description: String?

    static let fields = TemplateFields<Self>([
        .text("label") { $0.label }, .text("slug") { $0.slug }, .text("url") { $0.url }, .text("group") { $0.group },
        .text("description") { $0.description },
    ])
}

final class OfferCard: TemplateData, TemplateScope {
    let title: String
    let url: String
    let summary: String
    let owner: OwnerLink
    let textLang: String
    let category: CategoryLink?

    /// When, where, who it serves, what it costs — the card's compact details (offer directory).
    let facts: [CardFact]
    /// The languages the offer is held in, each in its own name.
    let spokenLanguages: [SpokenLanguageData]
    /// The directory filter's values: language codes, the slugs of the municipalities served (empty for a
    /// district-wide offer, which serves every one), and whether it is free of charge (`FreeOfCharge`).
    let languageCodes: String
    let towns: String
    let districtWide: Bool
    let isFree: Bool

    // No date on cards: an offer page embeds its card's keys, and a card's `stand` would shadow the page's dates
    // in the layout (a translated page once showed the translation's date as "Last updated" that way).
    init(title: String, url: String, summary: String, owner: OwnerLink, textLang: String, category: CategoryLink?,
         facts: [CardFact] = [], spokenLanguages: [SpokenLanguageData] = [],
         towns: String = "", districtWide: Bool = false, isFree: Bool = false) {
        self.title = title
        self.url = url
        self.summary = summary
        self.owner = owner
        self.textLang = textLang
        self.category = category
        self.facts = facts
        self.spokenLanguages = spokenLanguages
        languageCodes = spokenLanguages.map(\.code).joined(separator: " ")
        self.towns = towns
        self.districtWide = districtWide
        self.isFree = isFree
    }

    static let fields = TemplateFields<OfferCard>([
        .text("title") { $0.title }, .text("url") { $0.url }, .text("summary") { $0.summary }, .object("owner") { $0.owner },
        .flag("isDistrict") { $0.owner.isDistrict }, .text("textLang") { $0.textLang }, .object("category") { $0.category },
        .list("facts") { $0.facts }, .list("spokenLanguages") { $0.spokenLanguages }, .text("languageCodes") { $0.languageCodes },
        .text("towns") { $0.towns }, .flag("districtWide") { $0.districtWide }, .flag("isFree") { $0.isFree },
    ])
}

/// One line of an offer card's details: „Wann: Dienstags 16–18 Uhr“. `textLang` marks a German value on a page in
/// another language; `addition` is text in the page's language after it (the town after a German place), marked
/// back to the page's language by `additionLang` when the value before it is marked German.
struct CardFact: TemplateData {
    var label: String
    var value: String
    var textLang: String
    var addition: String?
    var additionLang: String = ""

    static let fields = TemplateFields<CardFact>([
        .text("label") { $0.label }, .text("value") { $0.value }, .text("textLang") { $0.textLang },
        .text("addition") { $0.addition }, .text("additionLang") { $0.additionLang },
    ])
}

/// A language an offer is held in, named in itself (`SpokenLanguage`).
struct SpokenLanguageData: TemplateData {
    var code: String
    var name: String
    var tag: String
    var dir: String

    init(_ language: SpokenLanguage) {
        code = language.code
        name = language.name
        tag = language.tag
        dir = language.direction.rawValue
    }

    static let fields = TemplateFields<SpokenLanguageData>([
        .text("code") { $0.code }, .text("name") { $0.name }, .text("tag") { $0.tag }, .text("dir") { $0.dir },
    ])
}

final class ContactCard: TemplateData, TemplateScope {
    let name: String
    let url: String
    let organisation: String
    let owner: OwnerLink
    /// Joined with commas, for the card.
    let responsibilities: String
    let address: AddressData
    let textLang: String
    /// Usually one; a section over the list renders each.
    let phone: [ContactLink]
    let email: ContactLink?
    let openingHours: [String]
    /// A district contact point that serves only some municipalities: their names, joined with commas.
    let areaNames: String?

    /// No date, for the reason given at `OfferCard`.
    init(name: String, url: String, organisation: String, owner: OwnerLink, responsibilities: String, address: AddressData,
         textLang: String, phone: [ContactLink], email: ContactLink?, openingHours: [String], areaNames: String?) {
        self.name = name
        self.url = url
        self.organisation = organisation
        self.owner = owner
        self.responsibilities = responsibilities
        self.address = address
        self.textLang = textLang
        self.phone = phone
        self.email = email
        self.openingHours = openingHours
        self.areaNames = areaNames
    }

    static let fields = TemplateFields<ContactCard>([
        .text("name") { $0.name }, .text("url") { $0.url }, .text("organisation") { $0.organisation },
        .object("owner") { $0.owner }, .flag("isDistrict") { $0.owner.isDistrict },
        .text("responsibilities") { $0.responsibilities }, .object("address") { $0.address },
        .text("textLang") { $0.textLang }, .list("phone") { $0.phone }, .object("email") { $0.email },
        .texts("openingHours") { $0.openingHours }, .text("areaNames") { $0.areaNames },
    ])
}

final class StoryCard: TemplateData, TemplateScope {
    let title: String
    let url: String
    let summary: String
    let date: String
    let dateISO: String
    let owner: OwnerLink
    let textLang: String

    init(title: String, url: String, summary: String, date: String, dateISO: String, owner: OwnerLink, textLang: String) {
        self.title = title
        self.url = url
        self.summary = summary
        self.date = date
        self.dateISO = dateISO
        self.owner = owner
        self.textLang = textLang
    }

    static let fields = TemplateFields<StoryCard>([
        .text("title") { $0.title }, .text("url") { $0.url }, .text("summary") { $0.summary }, .text("date") { $0.date },
        .text("dateISO") { $0.dateISO }, .object("owner") { $0.owner }, .text("textLang") { $0.textLang },
    ])
}

final class MunicipalityCard: TemplateData, TemplateScope {
    let name: String
    /// "Stadt" or "Gemeinde" in this language.
    let kind: String
    let placeName: String
    let url: String
    let summary: String
    let textLang: String
    let population: String?

    init(name: String, kind: String, placeName: String, url: String, summary: String, textLang: String, population: String?) {
        self.name = name
        self.kind = kind
        self.placeName = placeName
        self.url = url
        self.summary = summary
        self.textLang = textLang
        self.population = population
    }

    static let fields = TemplateFields<MunicipalityCard>([
        .text("name") { $0.name }, .text("kind") { $0.kind }, .text("placeName") { $0.placeName }, .text("url") { $0.url },
        .text("summary") { $0.summary }, .text("textLang") { $0.textLang }, .text("population") { $0.population },
    ])
}

/// The offers of one category (municipality pages, the district, the offer directory). Groups are classes like the
/// cards: the template engine looks through them for most keys of a card, and each look copies a struct.
final class OfferGroup: TemplateData, TemplateScope {
    let category: CategoryLink
    let offers: [OfferCard]

    init(category: CategoryLink, offers: [OfferCard]) {
        self.category = category
        self.offers = offers
    }

    static let fields = TemplateFields<OfferGroup>(
        [.list("offers") { $0.offers }, .number("count") { $0.offers.count }, .flag("single") { $0.offers.count == 1 }]
            + CategoryLink.fields.embedded { $0.category })
}

/// The categories of one group with their number of offers (home page, offer directory).
struct CategoryGroup: TemplateData {
    struct Entry: TemplateData {
        var category: CategoryLink
        var count: Int

        static let fields = TemplateFields<Entry>([.number("count") { $0.count }] + CategoryLink.fields.embedded { $0.category })
    }

    var group: String
    var categories: [Entry]

    static let fields = TemplateFields<CategoryGroup>([.text("group") { $0.group }, .list("categories") { $0.categories }])
}

/// The offers or contact points of one place (category pages, the offer directory, the contact points).
final class OwnerGroup: TemplateData, TemplateScope {
    let owner: OwnerLink
    let offers: [OfferCard]?
    let contactPoints: [ContactCard]?
    /// Only where the page shows it; elsewhere `{{count}}` is the page's.
    let count: Int?

    init(owner: OwnerLink, offers: [OfferCard]? = nil, contactPoints: [ContactCard]? = nil, count: Int? = nil) {
        self.owner = owner
        self.offers = offers
        self.contactPoints = contactPoints
        self.count = count
    }

    static let fields = TemplateFields<OwnerGroup>(
        [.list("offers") { $0.offers }, .list("contactPoints") { $0.contactPoints }, .number("count") { $0.count }]
            + OwnerLink.fields.embedded { $0.owner })
}

/// The facts and figures of one place, as a table.
struct FactsTable: TemplateData {
    struct Row: TemplateData {
        var label: String
        var value: String
        var unit: String
        var year: String
        var source: String

        static let fields = TemplateFields<Row>([
            .text("label") { $0.label }, .text("value") { $0.value }, .text("unit") { $0.unit }, .text("year") { $0.year },
            .text("source") { $0.source },
        ])
    }

    var caption: String
    var rows: [Row]
    var csvURL: String
    var licence: String
    var comparisonURL: String
    var stand: String?
    var standISO: String?

    static let fields = TemplateFields<FactsTable>([
        .text("caption") { $0.caption }, .list("rows") { $0.rows }, .text("csvURL") { $0.csvURL }, .text("licence") { $0.licence },
        .text("comparisonURL") { $0.comparisonURL }, .text("stand") { $0.stand }, .text("standISO") { $0.standISO },
    ])
}
