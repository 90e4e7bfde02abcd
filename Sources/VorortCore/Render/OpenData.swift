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
    }

    struct CategoryExport: Encodable {
        var slug: String
        var label: String
        var group: String
    }

    struct ProviderExport: Encodable {
        /// `landkreis` or the municipality's slug.
        var id: String
        var name: String
        var url: String
    }

    struct ContactExport: Encodable {
        var name: String
        var organisation: String
        var url: String
        var street: String
        var postalCode: String
        var city: String
        var phone: String?
        var email: String?
        var website: String?
        var openingHours: [String]
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
        func export(_ offer: Offer) -> OfferExport {
            let category = models.category(of: offer).map { CategoryExport(slug: $0.slug, label: $0.label, group: $0.group) }
            let point = offer.contact.flatMap { models.index.contactPoint($0.value, for: offer.owner) }
            return OfferExport(
                id: Routes.offer(offer).trimmingCharacters(in: CharacterSet(charactersIn: "/")),
                title: offer.title, summary: offer.summary, url: base + Routes.offer(offer), category: category,
                provider: ProviderExport(id: offer.owner.municipalitySlug ?? "landkreis", name: models.index.ownerName(offer.owner),
                                         url: base + Routes.owner(offer.owner)),
                areas: offer.owner == .district ? offer.areas?.map { ContentPath.canonicalSlug($0.value) } : nil,
                audience: offer.audience, languages: offer.languages, schedule: offer.schedule, place: offer.place,
                cost: offer.cost, accessibility: offer.accessibility,
                contactPoint: point.map { p in
                    ContactExport(name: p.name, organisation: p.organisation, url: base + Routes.contactPoint(p), street: p.address.street,
                                  postalCode: p.address.postalCode, city: p.address.city, phone: p.phone, email: p.email,
                                  website: p.website, openingHours: p.openingHours)
                },
                reviewed: offer.reviewed.iso, language: offer.origin.language)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        func document(_ exports: [OfferExport]) -> OffersDocument {
            OffersDocument(schemaVersion: schemaVersion, site: base, district: models.config.district, generated: generated.iso, offers: exports)
        }
        // JSONEncoder builds a tree of the whole document before writing it: at 100,000 offers over half a gigabyte.
        // So the document is encoded with its first offer, and every further offer is encoded alone and put in after
        // it, indented as the encoder indents the first one.
        guard let first = offers.first, let head = try? encoder.encode(document([export(first)])),
              let single = (try? encoder.encode(export(first))).map(indented),
              let start = ByteSearch.firstIndex(of: Array(single), in: Array(head))
        else {
            var data = (try? encoder.encode(document(offers.map(export)))) ?? Data("{}".utf8)
            data.append(0x0A)
            return data
        }
        let end = start + single.count
        var data = Data()
        data.reserveCapacity(head.count + single.count * 5 / 4 * (offers.count - 1))
        data.append(head[..<end])
        for offer in offers.dropFirst() {
            guard let encoded = try? encoder.encode(export(offer)) else { continue }
            data.append(contentsOf: ",\n".utf8)
            data.append(indented(encoded))
        }
        data.append(head[end...])
        data.append(0x0A)
        return data
    }

    /// An encoded offer as it stands in the document's `offers` list: every line but the empty ones (in an empty
    /// list) four spaces further in. JSON strings hold no raw line breaks, so every line break is the encoder's.
    private static func indented(_ encoded: Data) -> Data {
        var out = Data("    ".utf8)
        out.reserveCapacity(encoded.count + encoded.count / 8)
        var previous: UInt8 = 0
        for byte in encoded {
            if previous == 0x0A, byte != 0x0A { out.append(contentsOf: "    ".utf8) }
            out.append(byte)
            previous = byte
        }
        return out
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
                    <content type="html">\(escape(models.body(story.origin.file)))</content>
                  </entry>

                """
        }
        return out + "</feed>\n"
    }
}
