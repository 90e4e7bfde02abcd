/// The template data of the offline page: what the service worker keeps on the visitor's device, the list of kept
/// pages (filled in by `offline.js` from the cache, since only the browser knows it) and how to delete them.
struct OfflinePageData: PageData {
    static let template = "offline"

    /// The cache the service worker keeps visited pages in, and the prefix of all its caches (for deleting them).
    var pagesCache: String
    var cachePrefix: String
    /// "… höchstens 200 Seiten …" in the page's language.
    var whatIsStored: String
    var privacyURL: String?

    static let fields = TemplateFields<OfflinePageData>([
        .text("pagesCache") { $0.pagesCache }, .text("cachePrefix") { $0.cachePrefix },
        .text("whatIsStored") { $0.whatIsStored }, .text("privacyURL") { $0.privacyURL },
    ])
}

extension SiteRenderer {
    /// The page a visitor sees without a connection when the page they asked for is not kept; in every language,
    /// so the service worker can answer in the language of the page asked for.
    func offlinePage() -> PageContent {
        let privacy = content.pages.first { $0.slug == LegalPages.datenschutz }
        let data = OfflinePageData(
            pagesCache: OfflineSite.pagesCache(basePath: config.basePath), cachePrefix: OfflineSite.cachePrefix(basePath: config.basePath),
            whatIsStored: models.strings.format("offlineWhat", ["count": models.number(OfflineSite.maximumPages)]),
            privacyURL: privacy.map { models.url(Routes.page($0)) })
        return PageContent(route: Routes.offline, title: t("offlineTitle"), crumbs: [home], description: t("offlineDescription"), data: data)
    }
}
