extension SiteRenderer {
    /// Introduction, municipalities, categories, latest stories, the district's contact points.
    func homePage() -> PageContent {
        let district = content.district
        let summary = district.map(models.summary)
        return PageContent(route: Routes.home, template: "home", title: district.map(models.title) ?? models.siteTitle,
            description: summary ?? models.siteDescription, stand: models.reviewed(district?.origin.file, original: district?.reviewed), context: [
                "intro": models.body(district?.origin.file ?? ""),
                "summary": summary ?? "",
                "municipalities": content.municipalities.map(models.municipalityCard),
                "categoryGroups": categoryGroups(),
                "latestStories": stories.prefix(4).map(models.storyCard),
                "districtContactPoints": contactPoints(of: .district).map(models.contactCard),
                "districtURL": models.url(Routes.district),
                "accessPages": accessPages(),
            ], file: district?.origin.file)
    }

    /// The home page's links to the site explained in Leichte Sprache and in Gebärdensprache (BITV 2.0 § 4).
    private func accessPages() -> [[String: String]] {
        [(LegalPages.leichteSprache, t("leichteSpracheLink")), (LegalPages.gebaerdensprache, t("gebaerdenspracheLink"))]
            .compactMap { slug, label in
                content.pages.first { $0.slug == slug }.map { ["url": models.url(Routes.page($0)), "label": label] }
            }
    }
}
