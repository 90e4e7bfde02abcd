/// What one page shows: its route, title, breadcrumbs and its template's data (which names the template). Each page
/// kind builds one in its file in `Pages/`; the layout around it is the same for every page.
struct PageContent {
    var route: String
    var title: String
    var crumbs: [(String, String)] = []
    var description: String?
    var stand: CalendarDate?
    var data: any PageData
    /// schema.org data for the page's head (offers, contact points, stories).
    var structuredData: String?
    /// For the search index: what the page is ("Angebot" …), and the filters it can be found by.
    var searchKind: String?
    var searchFilters: [(String, String)] = []
    /// Words the page should be found by although its text may not contain them (its category's `searchWords`).
    var searchWords: [String] = []
    /// The content file whose text the page shows; in another language without its translation, the page
    /// shows the German text with a note.
    var file: String?
    /// Pages whose text exists in German only (the wording guideline, which is about German words).
    var germanOnly = false
}

extension SiteRenderer {
    /// Whether the page's text exists in `language`: always in the site language; otherwise unless it is German only
    /// or shows a content file without a translation into that language.
    func exists(_ page: PageContent, in language: Language) -> Bool {
        language == config.siteLanguage
            || !page.germanOnly && (page.file.map { index.content.translations[$0]?[language.code] != nil } ?? true)
    }

    func isFallback(_ page: PageContent) -> Bool { !exists(page, in: models.language) }

    /// What every page's layout needs: site name, languages, navigation, breadcrumbs, footer links, "Stand".
    func layoutData(_ page: PageContent) -> LayoutData {
        let route = page.route
        let fallback = isFallback(page)
        let site = config.siteLanguage
        var layout = LayoutData(
            t: words, site: siteData, title: page.title, isHome: route == Routes.home, assetsURL: models.fileURL(Routes.assets),
            // A page that repeats the German text names the German page as the original.
            canonicalURL: route == Routes.notFound ? config.baseURL : fallback ? config.baseURL + route : models.absoluteURL(route),
            navigation: navigation.map { label, target, url in
                LayoutData.NavigationItem(label: label, url: url, current: target == route,
                                          section: target != route && !target.isEmpty && route.hasPrefix(target))
            },
            breadcrumbs: page.crumbs.map { LinkData(label: $0.0, url: models.url($0.1)) },
            footerPages: footerPages, textLang: models.textLang(translated: !fallback), originalLang: site.tag,
            originalDir: site.direction.rawValue, description: page.description, structuredData: page.structuredData)
        if !config.translationLanguages.isEmpty, route != Routes.notFound {
            layout.languageLinks = config.languages.map { language in
                LayoutData.LanguageLink(name: language.name, lang: language.tag, dir: language.direction.rawValue,
                                        url: config.basePath + Routes.languagePrefix(language, site: site) + route,
                                        current: language == models.language)
            }
            // Alternates name the languages the page really exists in, and German as the default for all others.
            layout.alternates = config.languages.filter { exists(page, in: $0) }
                .map { LayoutData.Alternate(lang: $0.tag, url: config.baseURL + Routes.languagePrefix($0, site: site) + route) }
                + [LayoutData.Alternate(lang: "x-default", url: config.baseURL + route)]
        }
        if fallback { layout.fallback = true }
        if search, let kind = page.searchKind {
            layout.searchable = true
            layout.searchFilters = ([(t("filterKind"), kind)] + page.searchFilters).map { LayoutData.SearchFilter(name: $0.0, value: $0.1) }
            if !page.searchWords.isEmpty { layout.searchWords = page.searchWords.joined(separator: ", ") }
        }
        if let stand = page.stand {
            layout.stand = models.date(stand)
            layout.standISO = stand.iso
        }
        return layout
    }
}
