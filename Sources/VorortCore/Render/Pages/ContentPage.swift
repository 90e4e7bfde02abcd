/// The template data of an ordinary page.
struct ContentPageData: PageData {
    static let template = "page"

    var body: String
    var summary: String

    static let fields = TemplateFields<ContentPageData>([.text("body") { $0.body }, .text("summary") { $0.summary }])
}

extension SiteRenderer {
    /// An ordinary page from `content/seiten/` (Impressum, Datenschutz, Leichte Sprache …).
    func contentPage(_ page: Page) -> PageContent {
        let summary = models.summary(page)
        return PageContent(route: Routes.page(page), title: models.title(page), crumbs: [home],
            description: summary, stand: page.reviewed,
            data: ContentPageData(body: models.body(page.origin.file), summary: summary ?? ""), searchKind: t("kindPage"),
            file: page.origin.file)
    }
}
