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
    /// Content grouped once up front, so no page searches the whole site (no quadratic work). The groups point
    /// into the sorted lists (`Picked`), they hold no copies.
    let offersByOwner: [Owner: Picked<Offer>]
    let contactPointsByOwner: [Owner: Picked<ContactPoint>]
    let storiesByOwner: [Owner: Picked<Story>]
    let factsByOwner: [Owner: Facts]
    let offersByCategory: [String: Picked<Offer>]
    let offersByContactFile: [String: Picked<Offer>]
    /// The district first, then the municipalities in the order of the content.
    let owners: [Owner]
    /// Each type that has a page per item (`ItemPage`), in the order of the declarations, with its number of
    /// items; the items are the content's (`SiteContent.item(of:at:)`), not copies.
    let itemPageTypes: [(type: ContentTypeID, count: Int)]
    /// The events sorted and sorted out by the build's day (upcoming, past, for staff, per municipality).
    let events: EventLists
    /// The page of each item by its route (without a language folder); the check refuses two pages at one
    /// address, and should it ever miss one, the first page keeps it.
    let itemPagesByRoute: [String: SiteRenderer.PageKind]

    init(index: SiteIndex, config: SiteConfig, today: CalendarDate) {
        // The offers and everything else are made side by side: this is work the whole build waits for (0.4 s on
        // one core at 100,000 pages). `Parallel.map` runs both on the calling thread when no other is free.
        let parts = Parallel.map([true, false]) { offers in
            offers ? Part.offers(OfferLists(index: index, config: config)) : Part.others(Others(content: index.content, config: config, today: today))
        }
        guard case .offers(let lists) = parts[0], case .others(let others) = parts[1] else { preconditionFailure("two parts, in order") }
        offers = lists.offers
        staffOffers = lists.staffOffers
        offersByOwner = lists.offersByOwner
        offersByCategory = lists.offersByCategory
        offersByContactFile = lists.offersByContactFile
        owners = [.district] + index.content.municipalities.map { .municipality($0.slug) }
        contactPointsByOwner = others.contactPointsByOwner
        stories = others.stories
        storiesByOwner = others.storiesByOwner
        factsByOwner = others.factsByOwner
        itemPageTypes = others.itemPageTypes
        events = others.events
        itemPagesByRoute = others.itemPagesByRoute
    }

    private enum Part: Sendable {
        case offers(OfferLists)
        case others(Others)
    }

    /// The offers in order and their groups.
    private struct OfferLists: Sendable {
        let offers: [Offer]
        let staffOffers: [Offer]
        let offersByOwner: [Owner: Picked<Offer>]
        let offersByCategory: [String: Picked<Offer>]
        let offersByContactFile: [String: Picked<Offer>]

        init(index: SiteIndex, config: SiteConfig) {
            // Each reference is looked up once: thousands of offers name a few dozen categories and contact points,
            // and a look-up per offer (with copies of the contact point) was a fifth of a preview update after a
            // title edit.
            var categories: [String: Category?] = [:]
            func category(_ offer: Offer) -> Category? {
                if let known = categories[offer.category.value] { return known }
                let found = config.category(matching: offer.category.value)
                categories[offer.category.value] = found
                return found
            }
            var contactFiles: [Owner: [String: String?]] = [:]
            func contactFile(_ offer: Offer) -> String? {
                guard let slug = offer.contact?.value else { return nil }
                if let known = contactFiles[offer.owner]?[slug] { return known }
                let found = index.contactPoint(slug, for: offer.owner)?.origin.file
                contactFiles[offer.owner, default: [:]][slug] = found
                return found
            }
            // Positions first, so each offer is copied once, into the list it belongs to.
            let allOffers = index.content.offers
            let sorted = GermanSorting.sortedPositions(allOffers) { $0.title }
            let forResidents = allOffers.map { SiteIndex.isForResidents(category: category($0)) }
            let offers = sorted.filter { forResidents[$0] }.map { allOffers[$0] }
            self.offers = offers
            staffOffers = sorted.filter { !forResidents[$0] }.map { allOffers[$0] }
            offersByOwner = Picked.grouped(offers, keys: offers.map { $0.owner })
            offersByCategory = Picked.grouped(offers, keys: offers.map { category($0)?.slug })
            offersByContactFile = Picked.grouped(offers, keys: offers.map(contactFile))
        }
    }

    /// Everything but the offers.
    private struct Others: Sendable {
        let contactPointsByOwner: [Owner: Picked<ContactPoint>]
        let stories: [Story]
        let storiesByOwner: [Owner: Picked<Story>]
        let factsByOwner: [Owner: Facts]
        let itemPageTypes: [(type: ContentTypeID, count: Int)]
        let events: EventLists
        let itemPagesByRoute: [String: SiteRenderer.PageKind]

        init(content: SiteContent, config: SiteConfig, today: CalendarDate) {
            let contactPoints = GermanSorting.sorted(content.contactPoints) { $0.name }
            contactPointsByOwner = Picked.grouped(contactPoints, keys: contactPoints.map { $0.owner })
            stories = content.stories.sorted { ($0.date, $0.title) > ($1.date, $1.title) }
            storiesByOwner = Picked.grouped(stories, keys: stories.map { $0.owner })
            factsByOwner = Dictionary(content.facts.map { ($0.owner, $0) }, uniquingKeysWith: { first, _ in first })
            // Typed, so that counting and reading the routes copies no item into an existential.
            func routesOfItems<T: ContentItem>(_ type: T.Type) -> [String?] { content[type: T.self].map { $0.route } }
            let itemPageRoutes = ContentTypes.all.filter { $0 is any ItemPage.Type }.map { (type: ContentTypeID($0), routes: routesOfItems($0)) }
            itemPageTypes = itemPageRoutes.map { ($0.type, $0.routes.count) }
            events = EventLists(content: content, config: config, today: today)
            var routes: [String: SiteRenderer.PageKind] = [:]
            for (type, itemRoutes) in itemPageRoutes {
                for (position, route) in itemRoutes.enumerated() where routes[route ?? ""] == nil {
                    routes[route ?? ""] = .item(type, position)
                }
            }
            itemPagesByRoute = routes
        }
    }
}
