/// The template data of the search page.
struct SearchPageData: PageData {
    static let template = "search"

    var pagefindURL: String
    var directoryURL: String

    static let fields = TemplateFields<SearchPageData>([
        .text("pagefindURL") { $0.pagefindURL }, .text("directoryURL") { $0.directoryURL },
    ])
}

extension SiteRenderer {
    /// The search page, only when Pagefind indexes the site.
    func searchPage() -> PageContent {
        PageContent(route: Routes.search, title: t("search"), crumbs: [home], description: t("searchDescription"),
            data: SearchPageData(pagefindURL: models.fileURL("pagefind/"), directoryURL: models.url(Routes.offerDirectory)))
    }
}
