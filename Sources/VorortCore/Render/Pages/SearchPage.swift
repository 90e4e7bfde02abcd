extension SiteRenderer {
    /// The search page, only when Pagefind indexes the site.
    func searchPage() -> PageContent {
        PageContent(route: Routes.search, template: "search", title: t("search"), crumbs: [home],
            description: t("searchDescription"),
            context: ["pagefindURL": models.fileURL("pagefind/"), "directoryURL": models.url(Routes.offerDirectory)])
    }
}
