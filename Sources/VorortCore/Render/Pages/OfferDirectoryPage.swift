/// The template data of the offer directory: every offer by category and by place.
struct OfferDirectoryPageData: PageData {
    static let template = "offer-directory"

    var categoryGroups: [CategoryGroup]
    var offerGroups: [OfferGroup]
    var owners: [OwnerGroup]
    var count: Int

    static let fields = TemplateFields<OfferDirectoryPageData>([
        .list("categoryGroups") { $0.categoryGroups }, .list("offerGroups") { $0.offerGroups }, .list("owners") { $0.owners },
        .number("count") { $0.count },
    ])
}

extension SiteRenderer {
    /// All offers by category, then by place.
    func offerDirectoryPage() -> PageContent {
        PageContent(route: Routes.offerDirectory, title: t("allOffers"), crumbs: [home],
            description: t("allOffersDescription"), data: OfferDirectoryPageData(
                categoryGroups: categoryGroups(), offerGroups: offerGroups(offers),
                owners: owners.compactMap { owner in
                    let list = offers(of: owner)
                    guard !list.isEmpty else { return nil }
                    return OwnerGroup(owner: models.ownerLink(owner), offers: list.map { card($0) }, count: list.count)
                },
                count: offers.count))
    }
}
