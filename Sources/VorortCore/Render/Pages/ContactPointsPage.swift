/// The template data of the list of all contact points.
struct ContactPointsPageData: PageData {
    static let template = "contact-points"

    var owners: [OwnerGroup]

    static let fields = TemplateFields<ContactPointsPageData>([.list("owners") { $0.owners }])
}

extension SiteRenderer {
    /// All contact points, by place.
    func contactPointsPage() -> PageContent {
        PageContent(route: Routes.contactPoints, title: t("contactPoints"), crumbs: [home],
            description: t("contactPointsDescription"), data: ContactPointsPageData(owners: owners.compactMap { owner in
                let list = contactPoints(of: owner)
                guard !list.isEmpty else { return nil }
                return OwnerGroup(owner: models.ownerLink(owner), contactPoints: list.map { card($0) })
            }))
    }
}
