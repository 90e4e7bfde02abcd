/// The template data of a contact point's page: its card and what only the page shows.
struct ContactPointPageData: PageData {
    static let template = "contact-point"

    var card: ContactCard
    /// The body's HTML as cmark wrote it (`ViewModels.body`).
    var body: [UInt8]
    var responsibilityList: [String]
    var languages: String?
    var website: String?
    var offers: [OfferCard]
    var areas: [MunicipalityCard]

    static let fields = TemplateFields<ContactPointPageData>([
        .html("body") { $0.body }, .texts("responsibilityList") { $0.responsibilityList },
        .text("languages") { $0.languages }, .text("website") { $0.website }, .list("offers") { $0.offers },
        .list("areas") { $0.areas },
    ] + ContactCard.fields.embedded { $0.card })
}

extension SiteRenderer {
    /// One contact point with what it is responsible for, its opening hours and the offers that name it.
    func contactPointPage(_ point: ContactPoint) -> PageContent {
        let translated = models.translation(point.origin.file)
        let data = ContactPointPageData(
            card: card(point), body: models.body(point.origin.file),
            responsibilityList: translated?.lists["responsibilities"] ?? point.responsibilities,
            languages: point.languages.isEmpty ? nil : point.languages.joined(separator: ", "), website: point.website?.value,
            offers: (offersByContactFile[point.origin.file] ?? []).map { card($0) },
            areas: (point.areas ?? []).compactMap { index.municipality($0.value) }.map { card($0) })
        return PageContent(route: Routes.contactPoint(point), title: models.contactName(point),
            crumbs: ownerCrumbs(point.owner) + [(t("contactPoints"), Routes.contactPoints)],
            description: data.card.responsibilities,
            stand: point.reviewed, data: data, structuredData: StructuredData.contactPoint(point, models: models),
            searchKind: t("kindContactPoint"), searchFilters: [(t("filterPlace"), models.ownerName(point.owner))], file: point.origin.file)
    }
}
