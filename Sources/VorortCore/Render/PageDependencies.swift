/// Which pages show an item: after an edit of offers, contact points or stories the incremental build renders
/// only these pages again (and the shared files). Types not named here — municipalities, whose names every page
/// shows, the pages linked in every footer, the district's text, facts — make every page render again, so a new
/// type is correct before it is fast.
extension SiteRenderer {
    /// Nil: every page may show the change.
    func pagesShowing(_ changes: [ContentChange]) -> Set<PageKind>? {
        var kinds: Set<PageKind> = []
        for change in changes {
            if change.isTextOnly {
                guard let item = change.new as? any ItemPage else { return nil }
                kinds.formUnion(itemPages(of: item))
                continue
            }
            for item in [change.old, change.new] {
                switch item {
                case let offer as Offer: kinds.formUnion(pagesShowing(offer))
                case let point as ContactPoint: kinds.formUnion(pagesShowing(point))
                case let story as Story: kinds.formUnion(pagesShowing(story))
                case let event as Event: kinds.formUnion(pagesShowing(event))
                default: return nil
                }
            }
        }
        return kinds
    }

    /// The shared files that show the changed items (the sitemap for any change of the front matter: it carries
    /// each page's date), and
    /// whether the stories feeds do. Only asked after `pagesShowing` answered, so every item is of a type named there.
    func sharedFilesShowing(_ changes: [ContentChange]) -> (parts: Set<SharedPart>, storiesFeeds: Bool) {
        var parts: Set<SharedPart> = []
        var feeds = false
        for change in changes {
            // The feeds carry the stories' texts; nothing else shared shows an item's text.
            if change.isTextOnly {
                if change.new is Story { feeds = true }
                continue
            }
            parts.insert(.sitemap)
            switch change.new {
            case is Offer: parts.formUnion([.offers, .calendars])
            // The open-data exports name each offer's and event's contact point.
            case is ContactPoint: parts.formUnion([.offers, .events])
            // Its own calendar file, the feeds and the events' export.
            case is Event: parts.insert(.events)
            case is Story: feeds = true
            default: return (Set(SharedPart.allCases), true)
            }
        }
        return (parts, feeds)
    }

    /// The pages of the items of type `T` for which `include` holds.
    private func itemPages<T: ItemPage>(_ type: T.Type, _ include: (T) -> Bool) -> [PageKind] {
        let id = ContentTypeID(T.self)
        let items = content[type: T.self]
        return items.indices.filter { include(items[$0]) }.map { PageKind.item(id, $0) }
    }

    /// The page of one item, found by its file.
    private func itemPages<T: ItemPage>(of item: T) -> [PageKind] { itemPages(T.self) { $0.origin.file == item.origin.file } }

    /// The owner's page, or every municipality's page for the district's items (they list what serves them).
    private func ownerPages(_ owner: Owner) -> [PageKind] {
        guard let slug = owner.municipalitySlug else { return [.district] + itemPages(Municipality.self) { _ in true } }
        return itemPages(Municipality.self) { $0.slug == slug }
    }

    private func pagesShowing(_ offer: Offer) -> [PageKind] {
        // The home page counts the offers of each category.
        // „Wer ist zuständig?“ lists the contact points the offers of each category name.
        // The staff page lists the offers of staff categories (and one may have moved in or out of one).
        var kinds: [PageKind] = [.home, .offerDirectory, .district, .search, .responsibility, .staff] + ownerPages(offer.owner)
        kinds += itemPages(of: offer)
        if let slug = models.category(of: offer)?.slug {
            kinds += config.categories.indices.filter { config.categories[$0].slug == slug }.map(PageKind.category)
        }
        // The contact point's page lists the offers it answers for.
        if let contact = offer.contact, let point = index.contactPoint(contact.value, for: offer.owner) {
            kinds += itemPages(of: point)
        }
        return kinds
    }

    private func pagesShowing(_ point: ContactPoint) -> [PageKind] {
        var kinds: [PageKind] = [.contactPoints, .responsibility, .home, .district] + ownerPages(point.owner)
        kinds += itemPages(of: point)
        // Offers show the contact point that answers for them.
        let files = Set((offersByContactFile[point.origin.file] ?? []).map(\.origin.file))
        kinds += itemPages(Offer.self) { files.contains($0.origin.file) }
        // Events show it too.
        kinds += itemPages(Event.self) { event in
            event.contact.flatMap { index.contactPoint($0.value, for: event.owner) }?.origin.file == point.origin.file
        }
        return kinds
    }

    /// An event shows on its page, the event lists (all, archive, staff, its municipalities'), the home page and the
    /// pages of the municipalities it is listed for (all of them for the district's: which ones depends on its place
    /// and areas, before and after the edit alike). The search page is listed because its filters may change.
    private func pagesShowing(_ event: Event) -> [PageKind] {
        var kinds: [PageKind] = [.home, .events, .eventsArchive, .eventsForStaff, .search] + itemPages(of: event)
        let positions: [Int] = switch event.owner {
        case .district: Array(content.municipalities.indices)
        case .municipality(let slug): content.municipalities.indices.filter { content.municipalities[$0].slug == slug }
        }
        kinds += positions.map(PageKind.municipalityEvents)
        kinds += ownerPages(event.owner).filter { $0 != .district }
        // The district page shows no events; a municipality's event is on its own page only.
        return kinds
    }

    private func pagesShowing(_ story: Story) -> [PageKind] {
        var kinds: [PageKind] = [.stories, .home, .district] + ownerPages(story.owner)
        kinds += itemPages(of: story)
        return kinds
    }
}
