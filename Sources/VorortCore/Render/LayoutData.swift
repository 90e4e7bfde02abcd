import Mustache

/// The data of one kind of page (one type per file in `Pages/`): the template it is rendered with and, through
/// `TemplateData`, the keys that template may use besides the layout's.
protocol PageData: TemplateData {
    static var template: String { get }
}

extension PageData {
    /// Every key a page of this kind offers its template: its own, then the layout's.
    static var pageKeys: TemplateKeys { TemplateKeys.merging(keys, LayoutData.keys) }
}

extension SiteRenderer {
    /// Every kind of page by its data: `vorort check` checks each template against its page's keys.
    static let pageDataTypes: [any PageData.Type] = [
        HomePageData.self, DistrictPageData.self, MunicipalitiesPageData.self, MunicipalityPageData.self, OfferPageData.self,
        ContactPointPageData.self, StoryPageData.self, ContentPageData.self, OfferDirectoryPageData.self, CategoryPageData.self,
        ContactPointsPageData.self, StoriesPageData.self, NotFoundPageData.self, GuidelinePageData.self, FiguresPageData.self,
        SearchPageData.self, ResponsibilityPageData.self, EventPageData.self, EventsPageData.self,
        OfflinePageData.self, StaffPageData.self,
    ]
}

/// What a page's template is rendered with: the page's own data over the layout's, as one context. A class: it is
/// the bottom of every look-up's stack, and swift-mustache copies a struct at each cast.
final class PageRoot: TemplateScope, MustacheParent {
    let page: any PageData
    let layout: LayoutData

    init(page: any PageData, layout: LayoutData) {
        self.page = page
        self.layout = layout
    }

    func templateValue(_ key: TemplateKey) -> TemplateValue? {
        page.templateValue(key) ?? layout.templateValue(key)
    }

    func child(named name: String) -> Any? { page.child(named: name) ?? layout.child(named: name) }
}

/// What every page's layout shows: site name, languages, navigation, breadcrumbs, footer links, "Stand".
struct LayoutData: TemplateData {
    /// A class: made once per language, and each `{{site.…}}` puts it on the context stack (a struct of nine texts
    /// was copied into a box of its own every time).
    final class SiteData: TemplateData, TemplateScope {
        let title: String
        let district: String
        let lang: String
        let dir: String
        let homeURL: String
        /// „Wer ist zuständig?“, linked from the home page and every municipality page.
        let responsibilityURL: String
        let feedURL: String
        let offersURL: String
        /// The service worker (`sw.js`), registered by the theme's `offline.js`.
        let workerURL: String

        init(title: String, district: String, lang: String, dir: String, homeURL: String, responsibilityURL: String,
             feedURL: String, offersURL: String, workerURL: String) {
            self.title = title
            self.district = district
            self.lang = lang
            self.dir = dir
            self.homeURL = homeURL
            self.responsibilityURL = responsibilityURL
            self.feedURL = feedURL
            self.offersURL = offersURL
            self.workerURL = workerURL
        }

        static let fields = TemplateFields<SiteData>([
            .text("title") { $0.title }, .text("district") { $0.district }, .text("lang") { $0.lang }, .text("dir") { $0.dir },
            .text("homeURL") { $0.homeURL }, .text("responsibilityURL") { $0.responsibilityURL },
            .text("feedURL") { $0.feedURL }, .text("offersURL") { $0.offersURL },
            .text("workerURL") { $0.workerURL },
        ])
    }

    struct NavigationItem: TemplateData {
        var label: String
        var url: String
        var current: Bool
        /// The page lies below this item's page.
        var section: Bool

        static let fields = TemplateFields<NavigationItem>([
            .text("label") { $0.label }, .text("url") { $0.url }, .flag("current") { $0.current }, .flag("section") { $0.section },
        ])
    }

    /// A class: made once per language, shown on every page.
    final class FooterLink: TemplateData, TemplateScope {
        let title: String
        let url: String
        let textLang: String

        init(title: String, url: String, textLang: String) {
            self.title = title
            self.url = url
            self.textLang = textLang
        }

        static let fields = TemplateFields<FooterLink>([
            .text("title") { $0.title }, .text("url") { $0.url }, .text("textLang") { $0.textLang },
        ])
    }

    struct LanguageLink: TemplateData {
        var name: String
        var lang: String
        var dir: String
        var url: String
        var current: Bool

        static let fields = TemplateFields<LanguageLink>([
            .text("name") { $0.name }, .text("lang") { $0.lang }, .text("dir") { $0.dir }, .text("url") { $0.url },
            .flag("current") { $0.current },
        ])
    }

    struct Alternate: TemplateData {
        var lang: String
        var url: String

        static let fields = TemplateFields<Alternate>([.text("lang") { $0.lang }, .text("url") { $0.url }])
    }

    struct SearchFilter: TemplateData {
        var name: String
        var value: String

        static let fields = TemplateFields<SearchFilter>([.text("name") { $0.name }, .text("value") { $0.value }])
    }

    var t: ThemeWords
    var site: SiteData
    var title: String
    var isHome: Bool
    var assetsURL: String
    var canonicalURL: String
    var navigation: [NavigationItem]
    var breadcrumbs: [LinkData]
    var footerPages: [FooterLink]
    var textLang: String
    /// The site language, for German text on pages in other languages.
    var originalLang: String
    var originalDir: String
    var description: String?
    var structuredData: String?
    /// Only when the site has translations and the page is not the 404 page.
    var languageLinks: [LanguageLink]?
    var alternates: [Alternate]?
    /// Present only when true: the page repeats the German text.
    var fallback: Bool?
    /// Present only when true: Pagefind indexes the page.
    var searchable: Bool?
    var searchFilters: [SearchFilter]?
    /// Present only on searchable pages with search words: indexed with weight, never shown.
    var searchWords: String?
    var stand: String?
    var standISO: String?
    /// On a translated page whose translation was compared with the original on another day than the original's
    /// own date: both dates and the German page, instead of `stand`.
    var translationStand: String?
    var translationStandISO: String?
    var originalStand: String?
    var originalStandISO: String?
    var originalURL: String?

    static let fields = TemplateFields<LayoutData>([
        .words("t") { $0.t }, .object("site") { $0.site }, .text("title") { $0.title }, .flag("isHome") { $0.isHome },
        .text("assetsURL") { $0.assetsURL }, .text("canonicalURL") { $0.canonicalURL },
        .list("navigation") { $0.navigation }, .list("breadcrumbs") { $0.breadcrumbs },
        .flag("hasBreadcrumbs") { !$0.breadcrumbs.isEmpty }, .list("footerPages") { $0.footerPages },
        .text("textLang") { $0.textLang }, .text("originalLang") { $0.originalLang }, .text("originalDir") { $0.originalDir },
        .text("description") { $0.description }, .text("structuredData") { $0.structuredData }, .list("languageLinks") { $0.languageLinks },
        .list("alternates") { $0.alternates }, .flag("fallback") { $0.fallback }, .flag("searchable") { $0.searchable },
        .list("searchFilters") { $0.searchFilters }, .text("searchWords") { $0.searchWords }, .text("stand") { $0.stand }, .text("standISO") { $0.standISO },
        .text("translationStand") { $0.translationStand }, .text("translationStandISO") { $0.translationStandISO },
        .text("originalStand") { $0.originalStand }, .text("originalStandISO") { $0.originalStandISO },
        .text("originalURL") { $0.originalURL },
    ])
}
