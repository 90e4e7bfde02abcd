/// The template data of a town's or municipality's page.
struct MunicipalityPageData: PageData {
    static let template = "municipality"

    var name: String
    var kind: String
    var summary: String
    /// The HTML of the body of the municipality's file, as cmark wrote it (`ViewModels.body`).
    var intro: [UInt8]
    var offerGroups: [OfferGroup]
    var contactPoints: [ContactCard]
    var stories: [StoryCard]
    var districtOfferGroups: [OfferGroup]
    var districtContactPoints: [ContactCard]
    var district: NamedLink
    var population: String?
    var website: String?
    var facts: FactsTable?
    var calendarURL: String?
    /// „Termine in …“: the next events here (`partial-events`).
    var events: EventsTeaser

    static let fields = TemplateFields<MunicipalityPageData>([
        .text("name") { $0.name }, .text("kind") { $0.kind }, .text("summary") { $0.summary }, .html("intro") { $0.intro },
        .list("offerGroups") { $0.offerGroups }, .list("contactPoints") { $0.contactPoints }, .list("stories") { $0.stories },
        .list("districtOfferGroups") { $0.districtOfferGroups }, .list("districtContactPoints") { $0.districtContactPoints },
        .object("district") { $0.district }, .text("population") { $0.population },
        .text("website") { $0.website }, .object("facts") { $0.facts }, .text("calendarURL") { $0.calendarURL },
        .number("districtContactPointCount") { $0.districtContactPoints.count },
        .object("events") { $0.events },
    ])
}

extension SiteRenderer {
    /// One town or municipality: its own offers and contact points, and the district's that serve it.
    func municipalityPage(_ m: Municipality) -> PageContent {
        let owner = Owner.municipality(m.slug)
        let summary = models.summary(m)
        let districtOffers = offers(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
        let districtContacts = contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
        let data = MunicipalityPageData(
            name: m.name, kind: models.kindName(m.kind), summary: summary, intro: models.body(m.origin.file),
            offerGroups: offerGroups(offers(of: owner)), contactPoints: contactPoints(of: owner).map { card($0) },
            stories: (storiesByOwner[owner] ?? []).map { card($0) }, districtOfferGroups: offerGroups(districtOffers),
            districtContactPoints: districtContacts.map { card($0) },
            district: NamedLink(name: models.districtName, url: models.url(Routes.district)),
            population: m.population.map { models.number($0) }, website: m.website?.value, facts: models.factsTable(factsByOwner[owner]),
            calendarURL: hasCalendar(owner) ? models.fileURL(Calendar.file(for: owner)) : nil,
            events: municipalityEventsTeaser(m))
        let name = models.placeName(m)
        return PageContent(route: Routes.municipality(m.slug), title: name,
            crumbs: [home, (t("municipalities"), Routes.municipalities)], description: summary,
            stand: m.reviewed, data: data,
            searchKind: models.kindName(m.kind), searchFilters: [(t("filterPlace"), name)], file: m.origin.file)
    }
}
