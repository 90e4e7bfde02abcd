extension SiteRenderer {
    /// An ordinary page from `content/seiten/` (Impressum, Datenschutz, Leichte Sprache …).
    func contentPage(_ page: Page) -> PageContent {
        let summary = models.summary(page)
        return PageContent(route: Routes.page(page), template: "page", title: models.title(page), crumbs: [home],
            description: summary, stand: models.reviewed(page.origin.file, original: page.reviewed),
            context: ["body": models.body(page.origin.file), "summary": summary ?? ""], searchKind: t("kindPage"), file: page.origin.file)
    }
}
