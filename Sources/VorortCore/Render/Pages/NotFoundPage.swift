extension SiteRenderer {
    /// The one page servers answer every missing address with (site language only).
    func notFoundPage() -> PageContent {
        PageContent(route: Routes.notFound, template: "not-found", title: t("notFound"))
    }
}
