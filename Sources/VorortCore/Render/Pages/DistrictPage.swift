extension SiteRenderer {
    /// The district's own offers, contact points, stories and facts.
    func districtPage() -> PageContent {
        var context: [String: Any] = [
            "name": models.districtName,
            "offerGroups": models.offersByCategory(offers(of: .district)),
            "contactPoints": contactPoints(of: .district).map(models.contactCard),
            "stories": (storiesByOwner[.district] ?? []).map(models.storyCard),
        ]
        if let table = models.factsTable(factsByOwner[.district]) { context["facts"] = table }
        if hasCalendar(.district) { context["calendarURL"] = models.fileURL(Calendar.file(for: .district)) }
        let summary = content.district.map(models.summary)
        return PageContent(route: Routes.district, template: "district", title: models.districtName, crumbs: [home],
            description: summary, stand: content.district?.reviewed, context: context)
    }
}
