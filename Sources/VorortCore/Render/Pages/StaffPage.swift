/// The template data of the page for staff of the administrations: the offers of the staff categories
/// (`audience: staff` in `site.yml`), which residents' pages, the offer directory and search leave out.
struct StaffPageData: PageData {
    static let template = "staff"

    var offerGroups: [OfferGroup]
    var count: Int

    static let fields = TemplateFields<StaffPageData>([
        .list("offerGroups") { $0.offerGroups }, .number("count") { $0.count }, .flag("isEmpty") { $0.count == 0 },
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
            data: StaffPageData(offerGroups: all, count: staffOffers.count))
    }
}
