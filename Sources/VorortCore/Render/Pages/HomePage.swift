/// The template data of the home page.
struct HomePageData: PageData {
    static let template = "home"

    /// One of the home page's first choices: a residents' category with the theme's symbol for it.
    struct Tile: TemplateData {
        var category: CategoryLink
        var count: Int
        /// The theme's SVG for the category (`icons/<slug>.svg`, else `icons/default.svg`); decorative.
        var icon: String?

        static let fields = TemplateFields<Tile>(
            [.number("count") { $0.count }, .text("icon") { $0.icon }] + CategoryLink.fields.embedded { $0.category })
    }

    /// The HTML of the body of the district's introduction, as cmark wrote it (`ViewModels.body`).
    var intro: [UInt8]
    var summary: String
    var tiles: [Tile]
    var municipalities: [MunicipalityCard]
    var latestStories: [StoryCard]
    var districtContactPoints: [ContactCard]
    var districtURL: String
    var municipalitiesURL: String
    var storiesURL: String
    /// The search page's address, only when the site has search (Pagefind indexed it).
    var searchURL: String?
    var accessPages: [LinkData]
    /// „Termine“: the next events (`partial-events`).
    var events: EventsTeaser

    static let fields = TemplateFields<HomePageData>([
        .html("intro") { $0.intro }, .text("summary") { $0.summary }, .list("tiles") { $0.tiles },
        .list("municipalities") { $0.municipalities }, .list("latestStories") { $0.latestStories },
        .list("districtContactPoints") { $0.districtContactPoints }, .text("districtURL") { $0.districtURL },
        .text("municipalitiesURL") { $0.municipalitiesURL }, .text("storiesURL") { $0.storiesURL },
        .text("searchURL") { $0.searchURL }, .list("accessPages") { $0.accessPages },
        .object("events") { $0.events },
    ])
}

extension SiteRenderer {
    /// What people look for first — search, residents' categories as tiles, their town — then the introduction, the
    /// latest stories and the district's contact points.
    func homePage() -> PageContent {
        let district = content.district
        let summary = district.map(models.summary)
        let tiles = config.residentCategories.map { category in
            HomePageData.Tile(category: models.categoryLink(category), count: offersByCategory[category.slug]?.count ?? 0,
                              icon: theme.icon(for: category.slug))
        }
        return PageContent(route: Routes.home, title: district.map(models.title) ?? models.siteTitle,
            description: summary ?? models.siteDescription, stand: district?.reviewed,
            data: HomePageData(
                intro: models.body(district?.origin.file ?? ""), summary: summary ?? "", tiles: tiles,
                municipalities: content.municipalities.map { card($0) },
                // Three stories keep the page short on a phone; the stories page has all of them.
                latestStories: stories.prefix(3).map { card($0) }, districtContactPoints: contactPoints(of: .district).map { card($0) },
                districtURL: models.url(Routes.district), municipalitiesURL: models.url(Routes.municipalities),
                storiesURL: models.url(Routes.stories), searchURL: search ? models.url(Routes.search) : nil,
                accessPages: accessPages(), events: homeEventsTeaser()),
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
