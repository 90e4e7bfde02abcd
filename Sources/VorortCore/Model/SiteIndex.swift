/// Look-up tables over the parsed content, built once so no stage searches lists in a loop.
public struct SiteIndex: Sendable {
    public let content: SiteContent
    public let config: SiteConfig?
    let municipalitiesBySlug: [String: Municipality]
    let contactPointsByOwner: [Owner: [String: ContactPoint]]
    /// Every content file that becomes a page, by its path relative to the site root.
    let routeByFile: [String: String]

    init(content: SiteContent, config: SiteConfig?) {
        self.content = content
        self.config = config
        municipalitiesBySlug = Dictionary(content.municipalities.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var contacts: [Owner: [String: ContactPoint]] = [:]
        for point in content.contactPoints { contacts[point.owner, default: [:]][point.slug] = point }
        contactPointsByOwner = contacts
        var routes: [String: String] = [:]
        if let district = content.district { routes[district.origin.file] = Routes.district }
        for m in content.municipalities { routes[m.origin.file] = Routes.municipality(m.slug) }
        for o in content.offers { routes[o.origin.file] = Routes.offer(o) }
        for c in content.contactPoints { routes[c.origin.file] = Routes.contactPoint(c) }
        for s in content.stories { routes[s.origin.file] = Routes.story(s) }
        for p in content.pages { routes[p.origin.file] = Routes.page(p) }
        routeByFile = routes
    }

    /// A contact reference resolves to the owner's own contact point first, then to the district's.
    /// References may be written like the file name (`bürgerbüro`) or like the address (`buergerbuero`).
    func contactPoint(_ slug: String, for owner: Owner) -> ContactPoint? {
        let key = ContentPath.canonicalSlug(slug)
        return contactPointsByOwner[owner]?[key] ?? contactPointsByOwner[.district]?[key]
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

    /// Whether a district offer or contact point with these `areas` serves the municipality.
    static func serves(_ areas: [Located<String>]?, municipality slug: String) -> Bool {
        guard let areas else { return true }
        return areas.contains { ContentPath.canonicalSlug($0.value) == slug }
    }
}
