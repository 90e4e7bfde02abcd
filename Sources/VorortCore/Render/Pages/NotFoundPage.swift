/// The 404 page. A static server answers every missing address with one file, whatever language the address was
/// in, so the page says its message in every language of the site: one block per language, each with its own
/// `lang` and `dir`, a link to that language's home page and, with a search index, a search form. The page's own
/// language comes first; a small script (`not-found.js`) moves the block of the requested address's language
/// (`/integration/ar/…`) to the top, and without it the page is complete all the same. Each language also has
/// its own copy (`/en/404.html`, its language first) for servers that can answer per folder (see the README).
struct NotFoundPageData: PageData {
    static let template = "not-found"

    /// The message in one language.
    struct LanguageBlock: TemplateData {
        var code: String
        var lang: String
        var dir: String
        /// The language's name in its own script, as the language switcher writes it.
        var name: String
        var text: String
        var homeURL: String
        var homeLabel: String
        /// The language's search page, when the site has a search index.
        var searchURL: String?
        var searchLabel: String
        var searchButton: String

        static let fields = TemplateFields<LanguageBlock>([
            .text("code") { $0.code }, .text("lang") { $0.lang }, .text("dir") { $0.dir }, .text("name") { $0.name },
            .text("text") { $0.text }, .text("homeURL") { $0.homeURL },
            .text("homeLabel") { $0.homeLabel }, .text("searchURL") { $0.searchURL }, .text("searchLabel") { $0.searchLabel },
            .text("searchButton") { $0.searchButton },
        ])
    }

    var languages: [LanguageBlock]
    /// The path the language folders start at, for the script that reads the requested address.
    var basePath: String

    static let fields = TemplateFields<NotFoundPageData>([
        .list("languages") { $0.languages }, .text("basePath") { $0.basePath },
    ])
}

extension SiteRenderer {
    /// The 404 page of this language: its own language first, then the others in the order of `site.yml`.
    func notFoundPage() -> PageContent {
        let site = config.siteLanguage
        let ordered = [models.language] + config.languages.filter { $0 != models.language }
        let blocks = ordered.compactMap { language -> NotFoundPageData.LanguageBlock? in
            // A language the theme has no words for has no pages either (see `Pipeline.renderer`).
            guard let words = theme.strings[language.code] else { return nil }
            let folder = config.basePath + Routes.languagePrefix(language, site: site)
            return NotFoundPageData.LanguageBlock(
                code: language.code, lang: language.tag, dir: language.direction.rawValue, name: language.name,
                text: words.text("notFoundText"), homeURL: folder + Routes.home,
                homeLabel: words.text("toHome"), searchURL: search ? folder + Routes.search : nil,
                searchLabel: words.text("notFoundSearchLabel"), searchButton: words.text("search"))
        }
        return PageContent(route: Routes.notFound, title: t("notFound"),
                           data: NotFoundPageData(languages: blocks, basePath: config.basePath))
    }
}
