/// The address of every page, relative to the site's base path, without a leading slash and with a
/// trailing one (pretty URLs: `gemeinden/auenstein/` is written as `gemeinden/auenstein/index.html`).
/// The one place that decides the URL layout.
public enum Routes {
    public static let home = ""
    public static let district = "kreis/"
    public static let municipalities = "gemeinden/"
    public static let offerDirectory = "angebote/"
    public static let contactPoints = "anlaufstellen/"
    public static let stories = "geschichten/"
    /// „Wer ist zuständig?“: the responsible contact points per topic and place.
    public static let responsibility = "zustaendig/"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let assets = "assets/"
    /// The search page (only when Pagefind indexes the site).
    public static let search = "suche/"

    /// The offers for staff of the district's and municipalities' administrations (staff categories in `site.yml`).
    public static let staff = "mitarbeitende/"

    /// Where a staff category's offers are listed: its section on the staff page (the template's `kategorie-<slug>`).
    public static func staffCategory(_ slug: String) -> String { "\(staff)#kategorie-\(slug)" }

    /// What a visitor can read without a connection: the page the service worker shows for a page it has not kept.
    public static let offline = "offline/"
    /// The service worker, at the root of the base path so that its scope is the whole site in every language.
    public static let serviceWorker = "sw.js"

    /// The pages the service worker keeps when someone opens a page of `owner` (its page and its contact points),
    /// as routes without a language folder: `offline/gemeinden/auenstein.json`, `offline/kreis.json`.
    public static func offlineList(_ owner: Owner) -> String {
        switch owner {
        case .district: "offline/kreis.json"
        case .municipality(let slug): "offline/gemeinden/\(slug).json"
        }
    }

    /// Facts and figures of all municipalities compared, indicator by indicator.
    public static let figures = "zahlen/"

    /// The CSV download of one facts file.
    public static func factsCSV(_ owner: Owner) -> String { "zahlen/\(owner.municipalitySlug ?? "landkreis").csv" }

    /// The published wording guideline, generated from the active lint rules.
    public static let guideline = "seiten/leitfaden-sprache/"

    public static func owner(_ owner: Owner) -> String {
        switch owner {
        case .district: district
        case .municipality(let slug): municipality(slug)
        }
    }

    public static func municipality(_ slug: String) -> String { "gemeinden/\(slug)/" }
    public static func category(_ slug: String) -> String { "angebote/\(slug)/" }
    // The routes of content pages are declared with their types (`ContentItem.route`); these read them.
    public static func offer(_ o: Offer) -> String { o.route ?? "" }
    public static func contactPoint(_ c: ContactPoint) -> String { c.route ?? "" }
    public static func story(_ s: Story) -> String { s.route ?? "" }
    public static func page(_ p: Page) -> String { p.route ?? "" }

    /// The folder of a language's pages: empty for the site language, `en/` for English.
    public static func languagePrefix(_ language: Language, site: Language) -> String {
        language.code == site.code ? "" : language.code + "/"
    }

    /// The route without its leading and trailing slashes (`gemeinden/auenstein/angebote/sprachcafe`): the id of an
    /// offer or event in the open-data exports, and with dots for slashes the start of its calendar UID.
    static func identifier(_ route: String) -> String {
        var id = route[...]
        while id.hasPrefix("/") { id = id.dropFirst() }
        while id.hasSuffix("/") { id = id.dropLast() }
        return String(id)
    }

    /// The output file for a route: directories get `index.html`.
    public static func outputFile(for route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route
    }
}

extension Routes {
    /// Pictures are published at their place in the content tree without the `content/` prefix.
    public static func asset(forContentFile path: String) -> String {
        path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
    }
}
