/// The template data of a category page: the category's link, its offers by place.
struct CategoryPageData: PageData {
    static let template = "category"

    var category: CategoryLink
    var owners: [OwnerGroup]
    var count: Int

    static let fields = TemplateFields<CategoryPageData>(
        [.list("owners") { $0.owners }, .number("count") { $0.count }, .flag("isEmpty") { $0.count == 0 }]
            + CategoryLink.fields.embedded { $0.category })
}

extension SiteRenderer {
    /// The offers of one category, by place.
    func categoryPage(_ category: Category) -> PageContent {
        let list = offersByCategory[category.slug] ?? []
        let byOwner = Dictionary(grouping: list, by: \.owner)
        let groups: [OwnerGroup] = owners.compactMap { owner in
            guard let own = byOwner[owner] else { return nil }
            return OwnerGroup(owner: models.ownerLink(owner), offers: own.map { card($0) })
        }
        let link = models.categoryLink(category)
        return PageContent(route: Routes.category(category.slug), title: models.categoryLabel(category),
            crumbs: [home, (t("offers"), Routes.offerDirectory)], description: link.description,
            data: CategoryPageData(category: link, owners: groups, count: list.count))
    }
}
