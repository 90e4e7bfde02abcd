/// Pieces several pages use: the grouped content by owner, breadcrumbs, the category overview.
extension SiteRenderer {
    func offers(of owner: Owner) -> [Offer] { offersByOwner[owner] ?? [] }

    func hasCalendar(_ owner: Owner) -> Bool { offers(of: owner).contains { $0.recurrence != nil } }

    func contactPoints(of owner: Owner) -> [ContactPoint] { contactPointsByOwner[owner] ?? [] }

    func t(_ key: String) -> String { models.strings.text(key) }

    var home: (String, String) { (t("home"), Routes.home) }

    func ownerCrumbs(_ owner: Owner) -> [(String, String)] {
        switch owner {
        case .district: [home, (models.districtName, Routes.district)]
        case .municipality(let slug): [home, (t("municipalities"), Routes.municipalities), (models.ownerName(owner), Routes.municipality(slug))]
        }
    }

    /// The categories by group with their number of offers (home page and offer directory).
    func categoryGroups() -> [[String: Any]] {
        config.groups.map { group in
            ["group": models.groupName(group), "categories": config.categories.filter { $0.group == group }.map { category in
                models.categoryLink(category).merging(["count": offersByCategory[category.slug]?.count ?? 0]) { a, _ in a }
            }]
        }
    }
}
