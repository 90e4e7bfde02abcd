/// What one page shows: its route, title, breadcrumbs and its template's data (which names the template). Each page
/// kind builds one in its file in `Pages/`; the layout around it is the same for every page.
struct PageContent {
    var route: String
    var title: String
    var crumbs: [(String, String)] = []
    var description: String?
    /// The date of the content itself: the German original's `reviewed` (never the day of the build). On a
    /// translated page the layout adds the day the translation was last compared with it (`datesShown`).
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
            canonicalURL: route == Routes.notFound ? models.absoluteURL(Routes.home) : fallback ? config.baseURL + route : models.absoluteURL(route),
            navigation: navigation.map { label, target, url in
                LayoutData.NavigationItem(label: label, url: url, current: target == route,
                                          section: target != route && !target.isEmpty && route.hasPrefix(target))
            },
            breadcrumbs: page.crumbs.map { LinkData(label: $0.0, url: models.url($0.1)) },
            footerPages: footerPages, textLang: models.textLang(translated: !fallback), originalLang: site.tag,
            originalDir: site.direction.rawValue, description: page.description, structuredData: page.structuredData)
        if !config.translationLanguages.isEmpty {
            // The 404 page is answered at any address, so its switcher leads to each language's home page.
            let target = route == Routes.notFound ? Routes.home : route
            layout.languageLinks = config.languages.map { language in
                LayoutData.LanguageLink(name: language.name, lang: language.tag, dir: language.direction.rawValue,
                                        url: config.basePath + Routes.languagePrefix(language, site: site) + target,
                                        current: language == models.language)
            }
        }
        if !config.translationLanguages.isEmpty, route != Routes.notFound {
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
        switch datesShown(page) {
        case .none: break
        case .single(let date):
            layout.stand = models.date(date)
            layout.standISO = date.iso
        case .translation(let checked, let original):
            layout.translationStand = models.date(checked)
            layout.translationStandISO = checked.iso
            if let original {
                layout.originalStand = models.date(original)
                layout.originalStandISO = original.iso
            }
            layout.originalURL = config.basePath + route
        }
        return layout
    }

    /// Which dates a page shows at its end.
    enum PageDates: Equatable {
        case none
        /// The content's date: a German page, a page that shows the German text, or a translation compared with
        /// its original on the day of the original's date.
        case single(CalendarDate)
        /// A translation and the day it was last compared with its original, with the original's own date when it
        /// has one. Times, places and addresses come from the original, so its date is the date of the facts; the
        /// translation's date alone would look like a newer state of the facts than there is.
        case translation(checked: CalendarDate, original: CalendarDate?)
    }

    func datesShown(_ page: PageContent) -> PageDates {
        guard !isFallback(page), let file = page.file, let checked = models.translation(file)?.reviewed?.value else {
            return page.stand.map(PageDates.single) ?? .none
        }
        if checked == page.stand { return .single(checked) }
        return .translation(checked: checked, original: page.stand)
    }

    /// For the sitemap: the later of the content's date and its translation's.
    func lastModified(_ page: PageContent) -> CalendarDate? {
        switch datesShown(page) {
        case .none: nil
        case .single(let date): date
        case .translation(let checked, let original): max(checked, original ?? checked)
        }
    }
}
