import Foundation

/// Machine-readable exports: `angebote.json` (every offer, schema in docs/angebote.schema.json) and the Atom
/// feed of stories. Encoded with JSONEncoder and XML escaping, so no editor's text can break out of its place.
enum OpenData {
    static let offersFile = "angebote.json"
    static let storiesFeed = "geschichten/feed.xml"
    static let schemaVersion = 1

    struct OfferExport: Encodable {
        var id: String
        var title: String
        var summary: String
        var url: String
        var category: CategoryExport?
        var provider: ProviderExport
        var areas: [String]?
        var audience: String?
        var languages: [String]
        var schedule: String?
        var place: String?
        var cost: String?
        var accessibility: String?
        var contactPoint: ContactExport?
        var reviewed: String
        var language: String

        /// The keys in byte order, as JSONEncoder's `.sortedKeys` writes them.
        func write(into json: inout PrettyJSON) {
            json.openObject()
            json.member("accessibility", accessibility)
            json.member("areas", areas)
            json.member("audience", audience)
            if let category {
                json.key("category")
                category.write(into: &json)
            }
            if let contactPoint {
                json.key("contactPoint")
                contactPoint.write(into: &json)
            }
            json.member("cost", cost)
            json.member("id", id)
            json.member("language", language)
            json.member("languages", languages)
            json.member("place", place)
            json.key("provider")
            provider.write(into: &json)
            json.member("reviewed", reviewed)
            json.member("schedule", schedule)
            json.member("summary", summary)
            json.member("title", title)
            json.member("url", url)
            json.closeObject()
        }
    }

    struct CategoryExport: Encodable {
        var slug: String
        var label: String
        var group: String

        init(_ category: Category) {
            slug = category.slug
            label = category.label
            group = category.group
        }

        func write(into json: inout PrettyJSON) {
            json.openObject()
            json.member("group", group)
            json.member("label", label)
            json.member("slug", slug)
            json.closeObject()
        }
    }

    /// Who offers it, the same in every export (offers, events).
    struct ProviderExport: Encodable {
        /// `landkreis` or the municipality's slug.
        var id: String
        var name: String
        var url: String

        init(id: String, name: String, url: String) {
            self.id = id
            self.name = name
            self.url = url
        }

        init(_ owner: Owner, models: ViewModels) {
            id = owner.municipalitySlug ?? "landkreis"
            name = models.index.ownerName(owner)
            url = models.config.baseURL + Routes.owner(owner)
        }

        func write(into json: inout PrettyJSON) {
            json.openObject()
            json.member("id", id)
            json.member("name", name)
            json.member("url", url)
            json.closeObject()
        }
    }

    struct ContactExport: Encodable {
        var name: String
        var organisation: String
        var url: String
        var street: String
        var postalCode: String
        var city: String
        /// The numbers as written, joined with commas (as before lists of numbers), and as they are dialled (E.164).
        var phone: String?
        var telephone: [String]?
        var email: String?
        var website: String?
        var openingHours: [String]

        func write(into json: inout PrettyJSON) {
            json.openObject()
            json.member("city", city)
            json.member("email", email)
            json.member("name", name)
            json.member("openingHours", openingHours)
            json.member("organisation", organisation)
            json.member("phone", phone)
            json.member("postalCode", postalCode)
            json.member("street", street)
            json.member("telephone", telephone)
            json.member("url", url)
            json.member("website", website)
            json.closeObject()
        }
    }

    struct OffersDocument: Encodable {
        var schemaVersion: Int
        var site: String
        var district: String
        var generated: String
        var offers: [OfferExport]
    }

    /// The bytes as they are written: kept as `Data`, since a detour through `String` copied 90 MB twice at 70,000 offers.
    static func offersJSON(_ models: ViewModels, offers: [Offer], generated: CalendarDate) -> Data {
        let base = models.config.baseURL
        // Offers share providers, categories and contact points: each of these is exported once, not once per offer
        // (with a copy of the contact point each time).
        var providers: [Owner: ProviderExport] = [:]
        var categories: [String: CategoryExport?] = [:]
        var contacts: [Owner: [String: ContactExport?]] = [:]
        for offer in offers {
            if providers[offer.owner] == nil { providers[offer.owner] = ProviderExport(offer.owner, models: models) }
            if categories[offer.category.value] == nil { categories[offer.category.value] = .some(models.category(of: offer).map(CategoryExport.init)) }
            if let slug = offer.contact?.value, contacts[offer.owner]?[slug] == nil {
                let point = models.index.contactPoint(slug, for: offer.owner)
                contacts[offer.owner, default: [:]][slug] = .some(point.map { p in
                    ContactExport(name: p.name, organisation: p.organisation, url: base + Routes.contactPoint(p), street: p.address.street,
                                  postalCode: p.address.postalCode, city: p.address.city, phone: p.phone.isEmpty ? nil : p.phone.map(\.written).joined(separator: ", "),
                                  telephone: p.phone.isEmpty ? nil : p.phone.map(\.dialled), email: p.email,
                                  website: p.website?.value, openingHours: p.openingHours)
                })
            }
        }
        let shared = (providers: providers, categories: categories, contacts: contacts)
        @Sendable func export(_ offer: Offer) -> OfferExport {
            let route = Routes.offer(offer)
            return OfferExport(
                id: Routes.identifier(route),
                title: offer.title, summary: offer.summary, url: base + route, category: shared.categories[offer.category.value] ?? nil,
                provider: shared.providers[offer.owner]!,
                areas: offer.owner == .district ? offer.areas?.map { ContentPath.canonicalSlug($0.value) } : nil,
                audience: offer.audience, languages: offer.languages, schedule: offer.schedule, place: offer.place,
                cost: offer.cost, accessibility: offer.accessibility,
                contactPoint: offer.contact.flatMap { shared.contacts[offer.owner]?[$0.value] ?? nil },
                reviewed: offer.reviewed.iso, language: offer.origin.language)
        }
        // The document is encoded with an empty list, and the offers are written one by one with `PrettyJSON`, in
        // chunks on all cores, indented as the encoder indents a list's items and put into the list: the bytes
        // JSONEncoder writes for the whole document, without the tree it builds of it first (at 100,000 offers over
        // half a gigabyte).
        let document = OffersDocument(schemaVersion: schemaVersion, site: base, district: models.config.district,
                                      generated: generated.iso, offers: [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        let emptyList = Data("\"offers\" : [\n\n  ]".utf8)
        if !offers.isEmpty, let range = data.range(of: emptyList) {
            // Written straight into the document (no second copy of the list: at 100,000 offers it is 100 MB).
            let tail = data[range.upperBound...]
            var out = Data(data[..<range.lowerBound])
            out.append(contentsOf: Array("\"offers\" : [\n".utf8))
            var start = 0, first = true
            while start < offers.count {
                let chunk = Array(offers[start..<min(offers.count, start + 2_000)])
                let encoded = Parallel.map(chunk) { offer in
                    var json = PrettyJSON(depth: 2, capacity: 2_048)
                    export(offer).write(into: &json)
                    return json.bytes
                }
                if first, let size = encoded.first?.count {
                    // Room for all offers at the size of the first, so the document grows a few times, not at every doubling.
                    out.reserveCapacity(out.count + (size + 6) * offers.count + tail.count + 16)
                }
                for offer in encoded {
                    out.append(contentsOf: first ? [0x20, 0x20, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20, 0x20, 0x20])
                    out.append(contentsOf: offer)
                    first = false
                }
                start += chunk.count
            }
            out.append(contentsOf: Array("\n  ]".utf8))
            out.append(tail)
            data = out
        }
        data.append(0x0A)
        return data
    }

    /// Atom 1.0 feed of the stories in the language of `models`, newest first; untranslated stories appear in
    /// German, marked with `xml:lang`.
    static func storiesFeed(_ models: ViewModels, stories: [Story]) -> String {
        let escape = XML.escape
        let updated = stories.map(\.date).max().map { "\($0.iso)T00:00:00Z" } ?? "2000-01-01T00:00:00Z"
        let original = models.config.siteLanguage.tag
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(models.language.tag))">
              <title>\(escape(models.strings.text("feedTitle") + " – " + models.siteTitle))</title>
              <id>\(escape(models.absoluteURL(Routes.stories)))</id>
              <link rel="alternate" type="text/html" href="\(escape(models.absoluteURL(Routes.stories)))"/>
              <link rel="self" type="application/atom+xml" href="\(escape(models.absoluteURL(storiesFeed)))"/>
              <updated>\(updated)</updated>
              <author><name>\(escape(models.districtName))</name></author>

            """
        for story in stories {
            let url = models.absoluteURL(Routes.story(story))
            let language = models.isTranslated(story.origin.file) ? "" : " xml:lang=\"\(escape(original))\""
            out += """
                  <entry\(language)>
                    <title>\(escape(models.title(story)))</title>
                    <id>\(escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(escape(url))"/>
                    <updated>\(story.date.iso)T00:00:00Z</updated>
                    <author><name>\(escape(models.ownerName(story.owner)))</name></author>
                    <summary>\(escape(models.summary(story)))</summary>
                    <content type="html">\(escape(String(decoding: models.body(story.origin.file, reuse: .keep), as: UTF8.self)))</content>
                  </entry>

                """
        }
        return out + "</feed>\n"
    }
}
