/// Look-up tables over the parsed content, built once so no stage searches lists in a loop.
public struct SiteIndex: Sendable {
    public let content: SiteContent
    public let config: SiteConfig?
    let municipalitiesBySlug: [String: Municipality]
    let contactPointsByOwner: [Owner: [String: ContactPoint]]
    /// Every content file that becomes a page, by its path relative to the site root.
    let routeByFile: [String: String]
    /// Files that exist but could not be read: references to them are not findings of their own.
    let unreadable: UnreadableFiles

    init(content: SiteContent, config: SiteConfig?, unreadable: UnreadableFiles = UnreadableFiles()) {
        self.content = content
        self.config = config
        self.unreadable = unreadable
        municipalitiesBySlug = Dictionary(content.municipalities.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var contacts: [Owner: [String: ContactPoint]] = [:]
        for point in content.contactPoints { contacts[point.owner, default: [:]][point.slug] = point }
        contactPointsByOwner = contacts
        var routes = RoutesByFile()
        routes.routes.reserveCapacity(content.itemCount)
        content.visitItems(&routes)
        routeByFile = routes.routes
    }

    private struct RoutesByFile: ContentItemVisitor {
        var routes: [String: String] = [:]
        mutating func visit<T: ContentItem>(_ item: T) {
            if let route = item.route { routes[item.origin.file] = route }
        }
    }

    /// A contact reference resolves to the owner's own contact point first, then to the district's.
    /// References may be written like the file name (`bürgerbüro`) or like the address (`buergerbuero`).
    func contactPoint(_ slug: String, for owner: Owner) -> ContactPoint? {
        let key = ContentPath.canonicalSlug(slug)
        return contactPointsByOwner[owner]?[key] ?? contactPointsByOwner[.district]?[key]
    }

    /// A contact point of that name that belongs to someone else (another municipality, or a municipality when the
    /// district asks), for a message that says where it is.
    func contactPointOfAnotherOwner(_ slug: String, than owner: Owner) -> ContactPoint? {
        let key = ContentPath.canonicalSlug(slug)
        return contactPointsByOwner.keys.sorted().lazy.filter { $0 != owner }.compactMap { self.contactPointsByOwner[$0]?[key] }.first
    }

    func municipality(_ slug: String) -> Municipality? { municipalitiesBySlug[ContentPath.canonicalSlug(slug)] }

    /// The display name of an owner: "Landkreis Lindenbrück" or "Stadt Auenstein".
    func ownerName(_ owner: Owner) -> String {
        switch owner {
        case .district: config?.district ?? "Landkreis"
        case .municipality(let slug):
            municipalitiesBySlug[slug].map { "\($0.kind.rawValue) \($0.name)" } ?? slug
        }
    }

    /// Whether an offer is for residents: every offer but those of a staff category (`audience: staff` in
    /// `site.yml`). Residents' pages, the offer directory, calendars and search take offers through this one test;
    /// an offer whose category is unknown (an error, so never published) counts as residents'.
    public func isForResidents(_ offer: Offer) -> Bool {
        Self.isForResidents(category: config?.category(matching: offer.category.value))
    }

    /// The same test for an offer whose category was already looked up.
    static func isForResidents(category: Category?) -> Bool { category?.isForStaff != true }

    /// Whether a district offer or contact point with these `areas` serves the municipality.
    static func serves(_ areas: [Located<String>]?, municipality slug: String) -> Bool {
        guard let areas else { return true }
        return areas.contains { ContentPath.canonicalSlug($0.value) == slug }
    }
}
