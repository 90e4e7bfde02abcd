/// Turns typed content into the plain dictionaries the Mustache templates read.
/// Every URL placed here was built by `Routes` or passed `LinkPolicy`; text is escaped by the template engine.
struct ViewModels {
    let index: SiteIndex
    let config: SiteConfig
    let bodies: [String: String]

    func url(_ route: String) -> String { config.basePath + route }

    func body(_ file: String) -> String { bodies[file] ?? "" }

    func stand(_ date: CalendarDate?) -> [String: Any] {
        guard let date else { return [:] }
        return ["stand": date.german, "standISO": date.iso]
    }

    func ownerLink(_ owner: Owner) -> [String: Any] {
        ["name": index.ownerName(owner), "url": url(Routes.owner(owner)), "isDistrict": owner == .district,
         "id": owner.municipalitySlug ?? "landkreis"]
    }

    func category(of offer: Offer) -> Category? { config.category(matching: offer.category.value) }

    func offerCard(_ offer: Offer) -> [String: Any] {
        var card: [String: Any] = [
            "title": offer.title, "url": url(Routes.offer(offer)), "summary": offer.summary,
            "owner": ownerLink(offer.owner), "isDistrict": offer.owner == .district,
        ]
        if let category = category(of: offer) { card["category"] = categoryLink(category) }
        return card.merging(stand(offer.reviewed)) { a, _ in a }
    }

    func categoryLink(_ category: Category) -> [String: Any] {
        var link: [String: Any] = ["label": category.label, "slug": category.slug, "url": url(Routes.category(category.slug)), "group": category.group]
        if let description = category.description { link["description"] = description }
        return link
    }

    func contactCard(_ point: ContactPoint) -> [String: Any] {
        var card: [String: Any] = [
            "name": point.name, "url": url(Routes.contactPoint(point)), "organisation": point.organisation,
            "owner": ownerLink(point.owner), "isDistrict": point.owner == .district,
            "responsibilities": point.responsibilities.joined(separator: ", "),
            "address": ["street": point.address.street, "postalCode": point.address.postalCode, "city": point.address.city],
        ]
        if let phone = point.phone { card["phone"] = ["text": phone, "url": GermanFormat.telephoneLink(phone)] }
        if let email = point.email { card["email"] = ["text": email, "url": "mailto:" + email] }
        return card.merging(stand(point.reviewed)) { a, _ in a }
    }

    func storyCard(_ story: Story) -> [String: Any] {
        [
            "title": story.title, "url": url(Routes.story(story)), "summary": story.summary,
            "date": story.date.german, "dateISO": story.date.iso, "owner": ownerLink(story.owner),
        ]
    }

    func municipalityCard(_ m: Municipality) -> [String: Any] {
        var card: [String: Any] = ["name": m.name, "kind": m.kind.rawValue, "url": url(Routes.municipality(m.slug)), "summary": m.summary]
        if let population = m.population { card["population"] = GermanFormat.grouped(population) }
        return card
    }

    /// Offers grouped by category in the order of `site.yml`, keeping the order of `offers` within a category;
    /// empty categories are left out.
    func offersByCategory(_ offers: [Offer]) -> [[String: Any]] {
        var byCategory: [String: [Offer]] = [:]
        for offer in offers {
            if let category = category(of: offer) { byCategory[category.slug, default: []].append(offer) }
        }
        return config.categories.compactMap { category in
            guard let list = byCategory[category.slug] else { return nil }
            return categoryLink(category).merging([
                "offers": list.map(offerCard),
                "count": list.count,
            ]) { a, _ in a }
        }
    }

    func factsTable(_ facts: Facts?) -> [String: Any]? {
        guard let facts, !facts.indicators.isEmpty else { return nil }
        let rows: [[String: Any]] = facts.indicators.map { indicator in
            ["label": indicator.label, "value": Figures.display(indicator, minimumCount: config.minimumCount), "unit": indicator.unit,
             "year": String(indicator.year), "source": indicator.source]
        }
        return ["caption": "Zahlen und Fakten: \(index.ownerName(facts.owner))", "rows": rows,
                "csvURL": url(Routes.factsCSV(facts.owner)), "licence": config.dataLicence,
                "comparisonURL": url(Routes.figures)].merging(stand(facts.reviewed)) { a, _ in a }
    }
}

import Foundation
