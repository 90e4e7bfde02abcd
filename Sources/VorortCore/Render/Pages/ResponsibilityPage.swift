/// The template data of „Wer ist zuständig?“: for every topic (offer category), the contact points that answer for
/// it, by place — what the seed calls transparent responsibilities, as a list that reads on a phone.
struct ResponsibilityPageData: PageData {
    static let template = "responsibility"

    struct Topic: TemplateData {
        var category: CategoryLink
        var places: [OwnerGroup]

        static let fields = TemplateFields<Topic>(
            [.list("places") { $0.places }, .flag("hasPlaces") { !$0.places.isEmpty }] + CategoryLink.fields.embedded { $0.category })
    }

    var topics: [Topic]
    var contactPointsURL: String

    static let fields = TemplateFields<ResponsibilityPageData>([
        .list("topics") { $0.topics }, .text("contactPointsURL") { $0.contactPointsURL },
    ])
}

extension SiteRenderer {
    /// Every category with the contact points responsible for it: those that name it in `topics` and those that
    /// offers of the category name as their contact, grouped by the contact point's place (district first).
    func responsibilityPage() -> PageContent {
        var filesByCategory: [String: Set<String>] = [:]
        for point in content.contactPoints {
            for topic in point.topics ?? [] {
                if let category = config.category(matching: topic.value) { filesByCategory[category.slug, default: []].insert(point.origin.file) }
            }
        }
        for (slug, offers) in offersByCategory {
            for offer in offers {
                guard let contact = offer.contact, let point = index.contactPoint(contact.value, for: offer.owner) else { continue }
                filesByCategory[slug, default: []].insert(point.origin.file)
            }
        }
        let topics = config.residentCategories.map { category in
            let files = filesByCategory[category.slug] ?? []
            let places: [OwnerGroup] = owners.compactMap { owner in
                let points = (contactPointsByOwner[owner] ?? []).filter { files.contains($0.origin.file) }
                return points.isEmpty ? nil : OwnerGroup(owner: models.ownerLink(owner), contactPoints: points.map { card($0) })
            }
            return ResponsibilityPageData.Topic(category: models.categoryLink(category), places: places)
        }
        return PageContent(route: Routes.responsibility, title: t("responsibility"), crumbs: [home],
            description: t("responsibilityDescription"), data: ResponsibilityPageData(topics: topics, contactPointsURL: models.url(Routes.contactPoints)))
    }
}
