/// The 404 page has nothing but the layout's keys.
struct NotFoundPageData: PageData {
    static let template = "not-found"
    static let fields = TemplateFields<NotFoundPageData>([])
}

extension SiteRenderer {
    /// The one page servers answer every missing address with (site language only).
    func notFoundPage() -> PageContent {
        PageContent(route: Routes.notFound, title: t("notFound"), data: NotFoundPageData())
    }
}
