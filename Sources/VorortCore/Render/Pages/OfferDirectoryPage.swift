extension SiteRenderer {
    /// All offers by category, then by place.
    func offerDirectoryPage() -> PageContent {
        PageContent(route: Routes.offerDirectory, template: "offer-directory", title: t("allOffers"), crumbs: [home],
            description: t("allOffersDescription"), context: [
                "categoryGroups": categoryGroups(),
                "offerGroups": models.offersByCategory(offers),
                "owners": owners.compactMap { owner -> [String: Any]? in
                    let list = offers(of: owner)
                    guard !list.isEmpty else { return nil }
                    return models.ownerLink(owner).merging(["offers": list.map(models.offerCard), "count": list.count]) { a, _ in a }
                },
                "count": content.offers.count,
            ])
    }
}
