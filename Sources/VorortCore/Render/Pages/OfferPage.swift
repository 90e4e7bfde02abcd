extension SiteRenderer {
    /// One offer with its details, contact point, areas and calendar.
    func offerPage(_ offer: Offer) -> PageContent {
        let translated = models.translation(offer.origin.file)
        var context = models.offerCard(offer)
        context["body"] = models.body(offer.origin.file)
        var details: [[String: Any]] = []
        let fields: [(String, String?)] = [
            ("audience", offer.audience), ("languages", offer.languages.isEmpty ? nil : offer.languages.joined(separator: ", ")),
            ("schedule", offer.schedule), ("place", offer.place), ("cost", offer.cost), ("accessibility", offer.accessibility),
        ]
        for (key, value) in fields {
            guard let value else { continue }
            // Languages are named in German in the original; other details may be translated one by one.
            let own = translated?.fields[key]
            details.append(["label": t(key), "value": own ?? value, "textLang": models.textLang(translated: own != nil)])
        }
        context["details"] = details
        if let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) {
            context["contact"] = models.contactCard(point)
        }
        context["areas"] = (offer.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
        context["structuredData"] = StructuredData.offer(offer, models: models)
        if offer.recurrence != nil { context["calendarURL"] = models.fileURL(Calendar.file(for: offer.owner)) }
        return PageContent(route: Routes.offer(offer), template: "offer", title: models.title(offer),
            crumbs: ownerCrumbs(offer.owner) + [(t("offers"), Routes.offerDirectory)],
            description: models.summary(offer), stand: models.reviewed(offer.origin.file, original: offer.reviewed), context: context, searchKind: t("kindOffer"),
            searchFilters: [(t("filterPlace"), models.ownerName(offer.owner))]
                + (models.category(of: offer).map { [(t("filterTopic"), models.categoryLabel($0))] } ?? []),
            file: offer.origin.file)
    }
}
