/// Which pages show an item: after an edit of offers, contact points or stories the incremental build renders
/// only these pages again (and the shared files). Types not named here — municipalities, whose names every page
/// shows, the pages linked in every footer, the district's text, facts — make every page render again, so a new
/// type is correct before it is fast.
extension SiteRenderer {
    /// Nil: every page may show the change.
    func pagesShowing(_ changes: [(old: any ContentItem, new: any ContentItem)]) -> Set<PageKind>? {
        var kinds: Set<PageKind> = []
        for change in changes {
            for item in [change.old, change.new] {
                switch item {
                case let offer as Offer: kinds.formUnion(pagesShowing(offer))
                case let point as ContactPoint: kinds.formUnion(pagesShowing(point))
                case let story as Story: kinds.formUnion(pagesShowing(story))
                default: return nil
                }
            }
        }
        return kinds
    }

    /// The owner's page, or every municipality's page for the district's items (they list what serves them).
    private func ownerPages(_ owner: Owner) -> [PageKind] {
        guard let slug = owner.municipalitySlug else { return [.district] + content.municipalities.indices.map(PageKind.municipality) }
        return content.municipalities.indices.filter { content.municipalities[$0].slug == slug }.map(PageKind.municipality)
    }

    private func pagesShowing(_ offer: Offer) -> [PageKind] {
        // The home page counts the offers of each category.
        var kinds: [PageKind] = [.home, .offerDirectory, .district, .search] + ownerPages(offer.owner)
        kinds += content.offers.indices.filter { content.offers[$0].origin.file == offer.origin.file }.map(PageKind.offer)
        if let slug = models.category(of: offer)?.slug {
            kinds += config.categories.indices.filter { config.categories[$0].slug == slug }.map(PageKind.category)
        }
        // The contact point's page lists the offers it answers for.
        if let contact = offer.contact, let point = index.contactPoint(contact.value, for: offer.owner) {
            kinds += content.contactPoints.indices.filter { content.contactPoints[$0].origin.file == point.origin.file }.map(PageKind.contactPoint)
        }
        return kinds
    }

    private func pagesShowing(_ point: ContactPoint) -> [PageKind] {
        var kinds: [PageKind] = [.contactPoints, .home, .district] + ownerPages(point.owner)
        kinds += content.contactPoints.indices.filter { content.contactPoints[$0].origin.file == point.origin.file }.map(PageKind.contactPoint)
        // Offers show the contact point that answers for them.
        let files = Set((offersByContactFile[point.origin.file] ?? []).map(\.origin.file))
        kinds += content.offers.indices.filter { files.contains(content.offers[$0].origin.file) }.map(PageKind.offer)
        return kinds
    }

    private func pagesShowing(_ story: Story) -> [PageKind] {
        var kinds: [PageKind] = [.stories, .home, .district] + ownerPages(story.owner)
        kinds += content.stories.indices.filter { content.stories[$0].origin.file == story.origin.file }.map(PageKind.story)
        return kinds
    }
}
