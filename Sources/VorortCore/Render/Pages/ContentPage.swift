/// The template data of an ordinary page.
struct ContentPageData: PageData {
    static let template = "page"

    /// The body's HTML as cmark wrote it (`ViewModels.body`).
    var body: [UInt8]
    var summary: String
    /// Only on the accessibility statement: what exists in which language, worked out at build time.
    var languageVersions: LanguageVersions?

    static let fields = TemplateFields<ContentPageData>([
        .html("body") { $0.body }, .text("summary") { $0.summary }, .object("languageVersions") { $0.languageVersions },
    ])
}

/// The section the build appends to the Erklärung zur Barrierefreiheit (after the editors' text, under its own
/// heading): per translation language, which texts exist in it. BITV 2.0 asks the statement to name what is not
/// accessible; which texts are in German only changes with every translation, so it is counted from the files
/// rather than written by hand — an editor's sentence such as „Die Inhalte gibt es nur auf Deutsch“ was wrong as
/// soon as the first translation was published. Appended rather than put where a placeholder stands, so that no
/// placeholder can be forgotten, misspelt or left in the published text.
struct LanguageVersions: TemplateData {
    struct Entry: TemplateData {
        /// The language as readers of the statement name it („Englisch“ in German).
        var name: String
        /// The language's own name when it differs from `name` („English“), with its tag and direction.
        var ownName: String?
        var lang: String
        var dir: String
        /// „Startseite; Städte und Gemeinden: 7 von 7; Angebote: 24 von 57“.
        var parts: String

        static let fields = TemplateFields<Entry>([
            .text("name") { $0.name }, .text("ownName") { $0.ownName }, .text("lang") { $0.lang }, .text("dir") { $0.dir },
            .text("parts") { $0.parts },
        ])
    }

    var heading: String
    var lead: String
    var languages: [Entry]
    var note: String

    static let fields = TemplateFields<LanguageVersions>([
        .text("heading") { $0.heading }, .text("lead") { $0.lead }, .list("languages") { $0.languages }, .text("note") { $0.note },
    ])
}

extension SiteRenderer {
    /// An ordinary page from `content/seiten/` (Impressum, Datenschutz, Leichte Sprache …).
    func contentPage(_ page: Page) -> PageContent {
        let summary = models.summary(page)
        let isStatement = page.slug == LegalPages.barrierefreiheit && !config.translationLanguages.isEmpty
        return PageContent(route: Routes.page(page), title: models.title(page), crumbs: [home],
            description: summary, stand: page.reviewed,
            data: ContentPageData(body: models.body(page.origin.file), summary: summary ?? "",
                                  languageVersions: isStatement ? languageVersions(statement: page) : nil),
            searchKind: t("kindPage"), file: page.origin.file)
    }

    /// What exists in which language, in the language the statement's text is shown in (German where the
    /// statement itself is not translated, inside the German text).
    func languageVersions(statement: Page) -> LanguageVersions? {
        let site = config.siteLanguage
        guard let words = models.isTranslated(statement.origin.file) ? models.strings : theme.strings[site.code] else { return nil }
        let inSiteLanguage = !models.isTranslated(statement.origin.file) || models.isSiteLanguage
        let translations = content.translations
        func count<Item: ContentItem>(_ items: [Item], _ code: String) -> (Int, Int) {
            (items.filter { translations[$0.origin.file]?[code] != nil }.count, items.count)
        }
        let entries = config.translationLanguages.map { language -> LanguageVersions.Entry in
            let code = language.code
            var parts: [String] = []
            if let district = content.district, translations[district.origin.file]?[code] != nil { parts.append(words.text("languageVersionsHome")) }
            let counted: [(String, (Int, Int))] = [
                ("municipalities", count(content.municipalities, code)), ("offers", count(content.offers, code)),
                ("contactPoints", count(content.contactPoints, code)), ("stories", count(content.stories, code)),
                ("otherPages", count(content.pages, code)),
            ]
            for (key, (translated, total)) in counted where translated > 0 {
                parts.append(words.text(key) + ": " + words.format("countOf", ["count": String(translated), "total": String(total)]))
            }
            // German readers find „Englisch“; the language's own name follows for those who read it.
            let germanName = inSiteLanguage && site.code == "de" && !language.tag.hasPrefix("de")
                ? LanguageNames.germanName(forTag: language.tag) : nil
            return LanguageVersions.Entry(
                name: germanName ?? language.name, ownName: germanName == nil ? nil : language.name,
                lang: language.tag, dir: language.direction.rawValue,
                parts: parts.isEmpty ? words.text("languageVersionsNone") : parts.joined(separator: "; "))
        }
        return LanguageVersions(heading: words.text("languageVersions"), lead: words.text("languageVersionsLead"),
                                languages: entries, note: words.text("languageVersionsNote"))
    }
}
