/// The template data of the district's page.
struct DistrictPageData: PageData {
    static let template = "district"

    var name: String
    var offerGroups: [OfferGroup]
    var contactPoints: [ContactCard]
    var stories: [StoryCard]
    var facts: FactsTable?
    var calendarURL: String?

    static let fields = TemplateFields<DistrictPageData>([
        .text("name") { $0.name }, .list("offerGroups") { $0.offerGroups }, .list("contactPoints") { $0.contactPoints },
        .list("stories") { $0.stories }, .object("facts") { $0.facts }, .text("calendarURL") { $0.calendarURL },
    ])
}

extension SiteRenderer {
    /// The district's own offers, contact points, stories and facts.
    func districtPage() -> PageContent {
        let data = DistrictPageData(
            name: models.districtName, offerGroups: offerGroups(offers(of: .district)),
            contactPoints: contactPoints(of: .district).map { card($0) }, stories: (storiesByOwner[.district] ?? []).map { card($0) },
            facts: models.factsTable(factsByOwner[.district]),
            calendarURL: hasCalendar(.district) ? models.fileURL(Calendar.file(for: .district)) : nil)
        let summary = content.district.map(models.summary)
        return PageContent(route: Routes.district, title: models.districtName, crumbs: [home],
            description: summary, stand: content.district?.reviewed, data: data)
    }
}
