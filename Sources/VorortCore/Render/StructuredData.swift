import Foundation

/// schema.org data (JSON-LD) for offers, contact points and stories, so that search engines and other
/// services can show addresses, opening hours and providers. Encoded by the small writer below; `<` is written
/// as `\u003c`, so no editor's text can close the script element it stands in.
enum StructuredData {
    /// The JSON values built here: text, lists and objects (not `indirect`: the arrays hold the nesting, so no value
    /// needs a box of its own). Typed rather than `[String: Any]`: the dictionaries and
    /// dynamic casts were most of the cost of structured data on every offer page.
    enum JSON: ExpressibleByStringLiteral {
        case text(String)
        case list([JSON])
        /// Written with its keys sorted.
        case object([(String, JSON)])

        init(stringLiteral value: String) { self = .text(value) }

        static func texts(_ values: [String]) -> JSON { .list(values.map(JSON.text)) }
    }

    static func script(_ object: [(String, JSON)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.append(contentsOf: #"<script type="application/ld+json">"#.utf8)
        encode(.object(object + [("@context", "https://schema.org")]), into: &out)
        out.append(contentsOf: "</script>".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A small JSON writer, keys sorted. Written by hand because Foundation's JSONSerialization took a quarter of
    /// the rendering time on Linux; into bytes, because appending to a String checked its capacity and kind for every
    /// piece (3 % of a build's CPU).
    static func encode(_ value: JSON, into out: inout [UInt8]) {
        switch value {
        case .text(let text):
            out.append(0x22)
            appendEscaped(text, to: &out)
            out.append(0x22)
        case .list(let list):
            out.append(0x5B)
            for (index, item) in list.enumerated() {
                if index > 0 { out.append(0x2C) }
                encode(item, into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            // Keys are ASCII names from this file, which Swift compares by their bytes.
            for (index, member) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if index > 0 { out.append(0x2C) }
                encode(.text(member.0), into: &out)
                out.append(0x3A)
                encode(member.1, into: &out)
            }
            out.append(0x7D)
        }
    }

    /// `text` as the inside of a JSON string, escaped on its bytes: runs that need no escape are copied whole. Every
    /// escaped character is ASCII but U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`), which JavaScript reads as line
    /// ends; German quotes and dashes also begin with `E2` and are copied as they are.
    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: StaticString
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                // `<` as an escape, so no text can close the script element.
                case 0x3C: escape = "\\u003c"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                case _ where byte < 0x20:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                    index += 1
                    start = index
                    continue
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                index += byte == 0xE2 ? 3 : 1
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    static func address(_ a: PostalAddress) -> JSON {
        .object([("@type", "PostalAddress"), ("streetAddress", .text(a.street)), ("postalCode", .text(a.postalCode)),
                 ("addressLocality", .text(a.city)), ("addressCountry", "DE")])
    }

    static func office(_ point: ContactPoint, models: ViewModels) -> [(String, JSON)] {
        var office: [(String, JSON)] = [
            ("@type", "GovernmentOffice"), ("name", .text(models.contactName(point))),
            ("url", .text(models.absoluteURL(Routes.contactPoint(point)))), ("address", address(point.address)),
            ("parentOrganization", .object([("@type", "Organization"), ("name", .text(point.organisation))])),
        ]
        // The number as it is dialled: machines (maps, assistants) read it, not people.
        if point.phone.count == 1 { office.append(("telephone", .text(point.phone[0].dialled))) }
        if point.phone.count > 1 { office.append(("telephone", .texts(point.phone.map(\.dialled)))) }
        if let email = point.email { office.append(("email", .text(email))) }
        if !point.openingHours.isEmpty { office.append(("openingHours", .texts(point.openingHours))) }
        // BCP 47 codes, as schema.org asks; languages the table does not know are left out rather than guessed.
        let languages = LanguageNames.codes(for: point.languages)
        if !languages.isEmpty { office.append(("knowsLanguage", .texts(languages))) }
        if !point.responsibilities.isEmpty { office.append(("description", .text(point.responsibilities.joined(separator: ", ")))) }
        return office
    }

    static func offer(_ offer: Offer, models: ViewModels) -> String {
        var service: [(String, JSON)] = [
            ("@type", "GovernmentService"), ("name", .text(models.title(offer))), ("description", .text(models.summary(offer))),
            ("url", .text(models.absoluteURL(Routes.offer(offer)))),
            ("provider", .object([("@type", "GovernmentOrganization"), ("name", .text(models.ownerName(offer.owner))),
                                  ("url", .text(models.absoluteURL(Routes.owner(offer.owner))))])),
            ("dateModified", .text(offer.reviewed.iso)),
        ]
        if let category = models.category(of: offer) { service.append(("serviceType", .text(models.categoryLabel(category)))) }
        let languages = LanguageNames.codes(for: offer.languages)
        if !languages.isEmpty { service.append(("availableLanguage", .texts(languages))) }
        if let audience = offer.audience { service.append(("audience", .object([("@type", "Audience"), ("audienceType", .text(audience))]))) }
        let areas = offer.owner == .district
            ? (offer.areas ?? []).compactMap { models.index.municipality($0.value).map { $0.name } }
            : [models.ownerName(offer.owner)]
        service.append(("areaServed", .texts(areas.isEmpty ? [models.districtName] : areas)))
        // Where the offer takes place and where to ask about it are two different places (a language café in the
        // library, its contact point in the town hall): two channels, each with its own location. schema.org's
        // Service has no `location`; a ServiceChannel's `serviceLocation` is the place a person goes to.
        var channels: [JSON] = []
        if let place = models.translation(offer.origin.file)?.fields["place"] ?? offer.place {
            channels.append(.object([("@type", "ServiceChannel"), ("name", .text(place)),
                                     ("serviceLocation", .object([("@type", "Place"), ("name", .text(place))]))]))
        }
        if let slug = offer.contact?.value, let point = models.index.contactPoint(slug, for: offer.owner) {
            var channel: [(String, JSON)] = [("@type", "ServiceChannel"), ("name", .text(models.contactName(point))),
                                             ("serviceLocation", .object(office(point, models: models)))]
            if let phone = point.phone.first {
                channel.append(("servicePhone", .object([("@type", "ContactPoint"), ("telephone", .text(phone.dialled))])))
            }
            channels.append(.object(channel))
        }
        if !channels.isEmpty { service.append(("availableChannel", .list(channels))) }
        return script(service)
    }

    static func contactPoint(_ point: ContactPoint, models: ViewModels) -> String {
        script(office(point, models: models))
    }

    static func story(_ story: Story, models: ViewModels) -> String {
        var article: [(String, JSON)] = [
            ("@type", "Article"), ("headline", .text(models.title(story))), ("description", .text(models.summary(story))),
            ("datePublished", .text(story.date.iso)), ("url", .text(models.absoluteURL(Routes.story(story)))),
            ("inLanguage", .text(models.isTranslated(story.origin.file) ? models.language.tag : models.config.siteLanguage.tag)),
            ("publisher", .object([("@type", "GovernmentOrganization"), ("name", .text(models.ownerName(story.owner)))])),
        ]
        if let image = story.image { article.append(("image", .text(models.config.baseURL + Routes.asset(forContentFile: image.file)))) }
        return script(article)
    }
}
