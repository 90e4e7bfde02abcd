/// The content in the order and groups that pages list it in. None of it depends on the language, so it is made
/// once per site and shared by the renderers of all languages: made per language, sorting, grouping and the
/// item casts took about a sixth of a preview update after a title edit at 10,000 offers, six times over.
struct SiteOrder: Sendable {
    /// Residents' offers (`SiteIndex.isForResidents`: all but those of staff categories) in alphabetical order
    /// (German rules). The groups below hold residents' offers only: the pages that list them are residents' pages.
    let offers: [Offer]
    /// Offers of staff categories (`audience: staff`), alphabetical: listed on the staff page only.
    let staffOffers: [Offer]
    /// Newest first.
    let stories: [Story]
    /// Content grouped once up front, so no page searches the whole site (no quadratic work).
    let offersByOwner: [Owner: [Offer]]
    let contactPointsByOwner: [Owner: [ContactPoint]]
    let storiesByOwner: [Owner: [Story]]
    let factsByOwner: [Owner: Facts]
    let offersByCategory: [String: [Offer]]
    let offersByContactFile: [String: [Offer]]
    /// The district first, then the municipalities in the order of the content.
    let owners: [Owner]
    /// The items of every type that has a page per item (`ItemPage`), in the order of the declarations.
    let itemsWithPages: [(type: ContentTypeID, items: [any ItemPage])]
    /// The events sorted and sorted out by the build's day (upcoming, past, for staff, per municipality).
    let events: EventLists
    /// The page of each item by its route (without a language folder); the check refuses two pages at one
    /// address, and should it ever miss one, the first page keeps it.
    let itemPagesByRoute: [String: SiteRenderer.PageKind]

    init(index: SiteIndex, config: SiteConfig, today: CalendarDate) {
        let content = index.content
        let all = GermanSorting.sorted(content.offers, by: \.title)
        let offers = all.filter(index.isForResidents)
        self.offers = offers
        staffOffers = all.filter { !index.isForResidents($0) }
        offersByOwner = Dictionary(grouping: offers, by: \.owner)
        contactPointsByOwner = Dictionary(grouping: GermanSorting.sorted(content.contactPoints, by: \.name), by: \.owner)
        stories = content.stories.sorted { ($0.date, $0.title) > ($1.date, $1.title) }
        storiesByOwner = Dictionary(grouping: stories, by: \.owner)
        factsByOwner = Dictionary(content.facts.map { ($0.owner, $0) }, uniquingKeysWith: { first, _ in first })
        offersByCategory = Dictionary(grouping: offers.compactMap { offer in
            config.category(matching: offer.category.value).map { ($0.slug, offer) }
        }, by: \.0).mapValues { $0.map(\.1) }
        offersByContactFile = Dictionary(grouping: offers.compactMap { offer -> (String, Offer)? in
            guard let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) else { return nil }
            return (point.origin.file, offer)
        }, by: \.0).mapValues { $0.map(\.1) }
        owners = [.district] + content.municipalities.map { .municipality($0.slug) }
        let itemsWithPages: [(type: ContentTypeID, items: [any ItemPage])] = ContentTypes.all.compactMap { type in
            guard type is any ItemPage.Type else { return nil }
            return (ContentTypeID(type), content.items(of: type).compactMap { $0 as? any ItemPage })
        }
        self.itemsWithPages = itemsWithPages
        events = EventLists(content: content, config: config, today: today)
        var routes: [String: SiteRenderer.PageKind] = [:]
        for (type, items) in itemsWithPages {
            for (position, item) in items.enumerated() {
                let route = item.route ?? ""
                if routes[route] == nil { routes[route] = .item(type, position) }
            }
        }
        itemPagesByRoute = routes
    }
}
