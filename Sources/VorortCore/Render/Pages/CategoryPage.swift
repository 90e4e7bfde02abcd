extension SiteRenderer {
    /// The offers of one category, by place.
    func categoryPage(_ category: Category) -> PageContent {
        let list = offersByCategory[category.slug] ?? []
        let byOwner = Dictionary(grouping: list, by: \.owner)
        let groups: [[String: Any]] = owners.compactMap { owner in
            guard let own = byOwner[owner] else { return nil }
            return models.ownerLink(owner).merging(["offers": own.map(models.offerCard)]) { a, _ in a }
        }
        let link = models.categoryLink(category)
        return PageContent(route: Routes.category(category.slug), template: "category", title: models.categoryLabel(category),
            crumbs: [home, (t("offers"), Routes.offerDirectory)], description: link["description"] as? String,
            context: link.merging(["owners": groups, "count": list.count, "isEmpty": list.isEmpty]) { a, _ in a })
    }
}
