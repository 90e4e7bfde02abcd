extension SiteRenderer {
    /// All contact points, by place.
    func contactPointsPage() -> PageContent {
        PageContent(route: Routes.contactPoints, template: "contact-points", title: t("contactPoints"), crumbs: [home],
            description: t("contactPointsDescription"), context: [
                "owners": owners.compactMap { owner -> [String: Any]? in
                    let list = contactPoints(of: owner)
                    guard !list.isEmpty else { return nil }
                    return models.ownerLink(owner).merging(["contactPoints": list.map(models.contactCard)]) { a, _ in a }
                },
            ])
    }
}
