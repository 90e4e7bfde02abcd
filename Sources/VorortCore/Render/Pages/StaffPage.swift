/// The template data of the page for staff of the administrations: the offers of the staff categories
/// (`audience: staff` in `site.yml`), which residents' pages, the offer directory and search leave out.
struct StaffPageData: PageData {
    static let template = "staff"

    var offerGroups: [OfferGroup]
    var count: Int
    /// The events for staff and volunteers (the Runder Tisch, trainings on a date), on a page of their own.
    var eventsURL: String
    var eventsLabel: String

    static let fields = TemplateFields<StaffPageData>([
        .list("offerGroups") { $0.offerGroups }, .number("count") { $0.count }, .flag("isEmpty") { $0.count == 0 },
        .text("eventsURL") { $0.eventsURL }, .text("eventsLabel") { $0.eventsLabel },
    ])
}

extension SiteRenderer {
    /// Every staff category with its offers, the district's and the municipalities' together.
    func staffPage() -> PageContent {
        let groups = offerGroups(staffOffers)
        // A staff category without offers yet still gets its section, so that its links from offer cards and from
        // `Routes.staffCategory` always find their target.
        let all = config.staffCategories.map { category in
            groups.first { $0.category.slug == category.slug } ?? OfferGroup(category: models.categoryLink(category), offers: [])
        }
        return PageContent(route: Routes.staff, title: t("staffPage"), crumbs: [home], description: t("staffDescription"),
            data: StaffPageData(offerGroups: all, count: staffOffers.count,
                                eventsURL: models.url(Routes.eventsForStaff), eventsLabel: t("eventsForStaff")))
    }
}
