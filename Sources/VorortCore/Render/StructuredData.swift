import Foundation

/// schema.org data (JSON-LD) for offers, contact points and stories, so that search engines and other
/// services can show addresses, opening hours and providers. Encoded by the small writer below; `<` is written
/// as `\u003c`, so no editor's text can close the script element it stands in.
enum StructuredData {
    static func script(_ object: [String: Any]) -> String {
        var full = object
        full["@context"] = "https://schema.org"
        var json = ""
        encode(full, into: &json)
        return "<script type=\"application/ld+json\">\(json)</script>"
    }

    /// A small JSON writer for the values built here (text, lists and maps of them), sorted by key. Written
    /// by hand because Foundation's JSONSerialization took a quarter of the rendering time on Linux.
    static func encode(_ value: Any, into out: inout String) {
        switch value {
        case let text as String:
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                // `<` as an escape, so no text can close the script element.
                case "<": out += "\\u003c"
                case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        case let list as [Any]:
            out += "["
            for (index, item) in list.enumerated() {
                if index > 0 { out += "," }
                encode(item, into: &out)
            }
            out += "]"
        case let map as [String: Any]:
            out += "{"
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                encode(key, into: &out)
                out += ":"
                encode(map[key]!, into: &out)
            }
            out += "}"
        default:
            out += "null"
        }
    }

    static func address(_ a: PostalAddress) -> [String: Any] {
        ["@type": "PostalAddress", "streetAddress": a.street, "postalCode": a.postalCode, "addressLocality": a.city, "addressCountry": "DE"]
    }

    static func office(_ point: ContactPoint, models: ViewModels) -> [String: Any] {
        var office: [String: Any] = [
            "@type": "GovernmentOffice", "name": models.contactName(point), "url": models.absoluteURL(Routes.contactPoint(point)),
            "address": address(point.address), "parentOrganization": ["@type": "Organization", "name": point.organisation],
        ]
        if let phone = point.phone { office["telephone"] = phone }
        if let email = point.email { office["email"] = email }
        if !point.openingHours.isEmpty { office["openingHours"] = point.openingHours }
        if !point.languages.isEmpty { office["knowsLanguage"] = point.languages }
        if !point.responsibilities.isEmpty { office["description"] = point.responsibilities.joined(separator: ", ") }
        return office
    }

    static func offer(_ offer: Offer, models: ViewModels) -> String {
        var service: [String: Any] = [
            "@type": "GovernmentService", "name": models.title(offer), "description": models.summary(offer),
            "url": models.absoluteURL(Routes.offer(offer)),
            "provider": ["@type": "GovernmentOrganization", "name": models.ownerName(offer.owner), "url": models.absoluteURL(Routes.owner(offer.owner))],
            "dateModified": offer.reviewed.iso,
        ]
        if let category = models.category(of: offer) { service["serviceType"] = models.categoryLabel(category) }
        if !offer.languages.isEmpty { service["availableLanguage"] = offer.languages }
        if let audience = offer.audience { service["audience"] = ["@type": "Audience", "audienceType": audience] }
        let areas = offer.owner == .district
            ? (offer.areas ?? []).compactMap { models.index.municipality($0.value).map { $0.name } }
            : [models.ownerName(offer.owner)]
        service["areaServed"] = areas.isEmpty ? [models.districtName] : areas
        if let slug = offer.contact?.value, let point = models.index.contactPoint(slug, for: offer.owner) {
            service["availableChannel"] = ["@type": "ServiceChannel", "serviceLocation": office(point, models: models)]
        }
        return script(service)
    }

    static func contactPoint(_ point: ContactPoint, models: ViewModels) -> String {
        script(office(point, models: models))
    }

    static func story(_ story: Story, models: ViewModels) -> String {
        var article: [String: Any] = [
            "@type": "Article", "headline": models.title(story), "description": models.summary(story),
            "datePublished": story.date.iso, "url": models.absoluteURL(Routes.story(story)),
            "inLanguage": models.isTranslated(story.origin.file) ? models.language.tag : models.config.siteLanguage.tag,
            "publisher": ["@type": "GovernmentOrganization", "name": models.ownerName(story.owner)],
        ]
        if let image = story.image { article["image"] = models.config.baseURL + Routes.asset(forContentFile: image.file) }
        return script(article)
    }
}
