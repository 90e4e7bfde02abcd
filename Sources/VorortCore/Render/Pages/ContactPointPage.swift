extension SiteRenderer {
    /// One contact point with what it is responsible for, its opening hours and the offers that name it.
    func contactPointPage(_ point: ContactPoint) -> PageContent {
        let translated = models.translation(point.origin.file)
        var context = models.contactCard(point)
        context["body"] = models.body(point.origin.file)
        context["responsibilityList"] = translated?.lists["responsibilities"] ?? point.responsibilities
        context["openingHours"] = translated?.lists["openingHours"] ?? point.openingHours
        if !point.languages.isEmpty { context["languages"] = point.languages.joined(separator: ", ") }
        if let website = point.website { context["website"] = website }
        context["offers"] = (offersByContactFile[point.origin.file] ?? []).map(models.offerCard)
        context["areas"] = (point.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
        context["structuredData"] = StructuredData.contactPoint(point, models: models)
        return PageContent(route: Routes.contactPoint(point), template: "contact-point", title: models.contactName(point),
            crumbs: ownerCrumbs(point.owner) + [(t("contactPoints"), Routes.contactPoints)],
            description: (translated?.lists["responsibilities"] ?? point.responsibilities).joined(separator: ", "),
            stand: models.reviewed(point.origin.file, original: point.reviewed), context: context,
            searchKind: t("kindContactPoint"), searchFilters: [(t("filterPlace"), models.ownerName(point.owner))], file: point.origin.file)
    }
}
