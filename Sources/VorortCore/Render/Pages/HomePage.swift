/// The template data of the home page.
struct HomePageData: PageData {
    static let template = "home"

    var intro: String
    var summary: String
    var municipalities: [MunicipalityCard]
    var categoryGroups: [CategoryGroup]
    var latestStories: [StoryCard]
    var districtContactPoints: [ContactCard]
    var districtURL: String
    var accessPages: [LinkData]
    /// „Termine“: the next events (`partial-events`).
    var events: EventsTeaser

    static let fields = TemplateFields<HomePageData>([
        .text("intro") { $0.intro }, .text("summary") { $0.summary }, .list("municipalities") { $0.municipalities },
        .list("categoryGroups") { $0.categoryGroups }, .list("latestStories") { $0.latestStories },
        .list("districtContactPoints") { $0.districtContactPoints }, .text("districtURL") { $0.districtURL },
        .list("accessPages") { $0.accessPages },
        .object("events") { $0.events },
    ])
}

extension SiteRenderer {
    /// Introduction, municipalities, categories, latest stories, the district's contact points.
    func homePage() -> PageContent {
        let district = content.district
        let summary = district.map(models.summary)
        return PageContent(route: Routes.home, title: district.map(models.title) ?? models.siteTitle,
            description: summary ?? models.siteDescription, stand: district?.reviewed,
            data: HomePageData(
                intro: models.body(district?.origin.file ?? ""), summary: summary ?? "",
                municipalities: content.municipalities.map { card($0) }, categoryGroups: categoryGroups(),
                latestStories: stories.prefix(4).map { card($0) }, districtContactPoints: contactPoints(of: .district).map { card($0) },
                districtURL: models.url(Routes.district), accessPages: accessPages(),
                events: homeEventsTeaser()),
            file: district?.origin.file)
    }

    /// The home page's links to the site explained in Leichte Sprache and in Gebärdensprache (BITV 2.0 § 4).
    private func accessPages() -> [LinkData] {
        [(LegalPages.leichteSprache, t("leichteSpracheLink")), (LegalPages.gebaerdensprache, t("gebaerdenspracheLink"))]
            .compactMap { slug, label in
                content.pages.first { $0.slug == slug }.map { LinkData(label: label, url: models.url(Routes.page($0))) }
            }
    }
}
