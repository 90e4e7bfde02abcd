extension SiteRenderer {
    /// One town or municipality: its own offers and contact points, and the district's that serve it.
    func municipalityPage(_ m: Municipality) -> PageContent {
        let owner = Owner.municipality(m.slug)
        let summary = models.summary(m)
        let districtOffers = offers(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
        let districtContacts = contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
        var context: [String: Any] = [
            "name": m.name, "kind": models.kindName(m.kind), "summary": summary, "intro": models.body(m.origin.file),
            "offerGroups": models.offersByCategory(offers(of: owner)),
            "contactPoints": contactPoints(of: owner).map(models.contactCard),
            "stories": (storiesByOwner[owner] ?? []).map(models.storyCard),
            "districtOfferGroups": models.offersByCategory(districtOffers),
            "districtContactPoints": districtContacts.map(models.contactCard),
            "district": ["name": models.districtName, "url": models.url(Routes.district)],
        ]
        if let population = m.population { context["population"] = models.number(population) }
        if let website = m.website { context["website"] = website }
        if let table = models.factsTable(factsByOwner[owner]) { context["facts"] = table }
        if hasCalendar(owner) { context["calendarURL"] = models.fileURL(Calendar.file(for: owner)) }
        let name = models.placeName(m)
        return PageContent(route: Routes.municipality(m.slug), template: "municipality", title: name,
            crumbs: [home, (t("municipalities"), Routes.municipalities)], description: summary,
            stand: models.reviewed(m.origin.file, original: m.reviewed), context: context,
            searchKind: models.kindName(m.kind), searchFilters: [(t("filterPlace"), name)], file: m.origin.file)
    }
}
