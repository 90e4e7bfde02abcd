import Foundation
import Testing
@testable import VorortCore

/// The home page's first choices (search, topic tiles, the town), the municipality pages' contents and folded district
/// offers, and the staff categories, on the built sample.
@Suite("Home, municipality and staff pages", .serialized)
struct HomeMunicipalityStaffTests {
    var built: (output: URL, files: [String: String], report: CheckReport) { SampleSiteEndToEndTests.built }

    func site() throws -> CheckedSite { try #require(built.report.site) }

    /// The page folders of every language: `""` for German, `en/` …
    func prefixes(_ config: SiteConfig) -> [String] { config.languages.map { Routes.languagePrefix($0, site: config.siteLanguage) } }

    /// The text between the first `start` and the next `end` after it.
    func part(of html: String, from start: String, to end: String) -> String {
        guard let from = html.range(of: start) else { return "" }
        return html[from.upperBound...].components(separatedBy: end).first ?? ""
    }

    func hrefs(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }

    func ids(in html: String) -> Set<String> {
        Set(html.components(separatedBy: " id=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first })
    }

    /// Heading levels in document order.
    func headingLevels(_ html: String) -> [Int] {
        html.components(separatedBy: "<h").dropFirst().compactMap { rest in
            guard let digit = rest.first?.wholeNumberValue, (1...6).contains(digit), rest.dropFirst().first.map({ $0 == ">" || $0 == " " }) == true
            else { return nil }
            return digit
        }
    }

    /// The HTML of a page rendered alone.
    func rendered(_ site: CheckedSite, _ route: String, language: String? = nil) throws -> String {
        guard let file = try Pipeline.renderPage(site, route: route, language: language, search: true),
              case .data(let data) = file.contents else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func staffOffers() throws -> [Offer] {
        let site = try site()
        return site.content.offers.filter { !site.index.isForResidents($0) }
    }

    @Test func homeShowsATileForEveryResidentsCategoryAndNoneForStaff() throws {
        let config = try site().config
        #expect(!config.staffCategories.isEmpty && !config.residentCategories.isEmpty, "the sample has both kinds")
        for prefix in prefixes(config) {
            let home = try #require(built.files[prefix + "index.html"])
            let tiles = part(of: home, from: "<ul class=\"tiles\">", to: "</ul>")
            #expect(hrefs(in: tiles) == config.residentCategories.map { "/integration/\(prefix)\(Routes.category($0.slug))" }, "\(prefix)")
            // Each tile: a decorative symbol hidden from screen readers, the category's name as the link's text.
            #expect(tiles.components(separatedBy: "<span class=\"tile-icon\" aria-hidden=\"true\"><svg ").count - 1 == config.residentCategories.count)
            for category in config.staffCategories {
                #expect(!home.contains(Routes.category(category.slug)) && !home.contains(Routes.staffCategory(category.slug)), "\(prefix)")
            }
        }
        // A category without its own symbol gets the theme's neutral one.
        let theme = try site().theme
        #expect(theme.icon(for: "sprache") != theme.icon(for: "a-category-a-district-adds"))
        #expect(theme.icon(for: "a-category-a-district-adds") == theme.icons["default"] && theme.icons["default"] != nil)
    }

    @Test func homeOffersEveryTownBeforeTheIntroduction() throws {
        let site = try site()
        for prefix in prefixes(site.config) {
            let home = try #require(built.files[prefix + "index.html"])
            let places = part(of: home, from: "<ul class=\"place-links\">", to: "</ul>")
            #expect(hrefs(in: places) == site.content.municipalities.map { "/integration/\(prefix)\(Routes.municipality($0.slug))" })
            let choice = try #require(home.range(of: "id=\"wohnort\""))
            let intro = try #require(home.range(of: "id=\"ueber\""))
            let stories = try #require(home.range(of: "id=\"geschichten\""))
            #expect(choice.lowerBound < intro.lowerBound && intro.lowerBound < stories.lowerBound, "what people look for comes first")
            #expect(headingLevels(home).first == 1)
            #expect(zip(headingLevels(home), headingLevels(home).dropFirst()).allSatisfy { $1 <= $0 + 1 }, "no skipped heading level in \(prefix)")
        }
    }

    @Test func homeHasASearchFormOnlyWhenTheSiteHasSearch() throws {
        let site = try site()
        #expect(!(built.files["index.html"] ?? "").contains("role=\"search\""), "no search page, no form")
        for (prefix, code) in [("", nil), ("ar/", "ar")] as [(String, String?)] {
            let home = try rendered(site, Routes.home, language: code)
            #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"/integration/\(prefix)suche/\" method=\"get\">"))
            let label = try #require(home.components(separatedBy: "<label for=\"suchbegriff\"").dropFirst().first)
            #expect(label.hasPrefix(" class=\"visually-hidden\">") && home.contains("<input type=\"search\" id=\"suchbegriff\" name=\"q\""))
        }
        // The search page takes the words the form sent in `?q=`.
        let script = try String(contentsOf: site.root.appendingPathComponent("themes/standard/static/search.js"), encoding: .utf8)
        #expect(script.contains(".get(\"q\")") && script.contains(".triggerSearch("))
    }

    @Test func municipalityContentsLeadToSectionsOfThePage() throws {
        let site = try site()
        for prefix in prefixes(site.config) {
            for m in site.content.municipalities {
                let html = try #require(built.files[prefix + Routes.outputFile(for: Routes.municipality(m.slug))])
                let toc = part(of: html, from: "<nav class=\"toc page-toc\"", to: "</nav>")
                let targets = hrefs(in: toc)
                #expect(targets.count >= 3 && targets.allSatisfy { $0.hasPrefix("#") }, "\(prefix)\(m.slug)")
                let present = ids(in: html)
                for target in targets { #expect(present.contains(String(target.dropFirst())), "\(target) on \(prefix)\(m.slug)") }
                #expect(zip(headingLevels(html), headingLevels(html).dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(prefix)\(m.slug)")
            }
        }
    }

    @Test func districtOffersAreFoldedPerCategoryWithTheirCount() throws {
        let site = try site()
        let residents = site.content.offers.filter { $0.owner == .district && site.index.isForResidents($0) }
        for m in site.content.municipalities {
            let html = try #require(built.files[Routes.outputFile(for: Routes.municipality(m.slug))])
            let serving = residents.filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            let byCategory = Dictionary(grouping: serving) { site.config.category(matching: $0.category.value)!.slug }
            let folds = html.components(separatedBy: "<details class=\"fold\" id=\"kreis-kategorie-").dropFirst()
            #expect(folds.count == byCategory.count, "\(m.slug)")
            for fold in folds {
                let slug = try #require(fold.components(separatedBy: "\"").first)
                let count = try #require(byCategory[slug]?.count, "\(slug) on \(m.slug)")
                let summary = part(of: fold, from: "<summary>", to: "</summary>")
                #expect(summary.contains("(\(count) \(count == 1 ? "Angebot" : "Angebote"))"), "\(slug) on \(m.slug): \(summary)")
                let body = fold.components(separatedBy: "</details>").first ?? ""
                #expect(body.components(separatedBy: "class=\"card-title\"").count - 1 == count)
            }
        }
    }

    @Test func staffOffersAreOnlyOnTheStaffPage() throws {
        let site = try site()
        let staff = try staffOffers()
        #expect(!staff.isEmpty)
        let residentPages = built.files.filter { path, _ in
            path.hasSuffix("index.html") && !path.contains(Routes.staff)
                && !staff.contains { path.hasSuffix(Routes.outputFile(for: Routes.offer($0))) }
        }
        #expect(residentPages.count > 100)
        for offer in staff {
            let route = Routes.offer(offer)
            for (path, html) in residentPages { #expect(!html.contains("/\(route)\""), "\(offer.slug) listed on \(path)") }
            for prefix in prefixes(site.config) {
                let page = try #require(built.files[prefix + Routes.outputFile(for: Routes.staff)])
                #expect(page.contains("href=\"/integration/\(prefix)\(route)\""), "\(offer.slug) on \(prefix)\(Routes.staff)")
            }
            // Its own page still exists, says whom it is for and leads back to the staff page.
            let own = try #require(built.files[Routes.outputFile(for: route)])
            #expect(own.contains("<p class=\"staff-note\" role=\"note\">") && own.contains("<a href=\"/integration/mitarbeitende/\">Für Mitarbeitende der Verwaltung</a></li>"))
        }
        for category in site.config.staffCategories {
            #expect(built.files[Routes.outputFile(for: Routes.category(category.slug))] == nil, "no residents' category page for \(category.slug)")
            #expect((built.files[Routes.outputFile(for: Routes.staff)] ?? "").contains("id=\"kategorie-\(category.slug)\""))
        }
        let sitemap = try #require(built.files[Routes.sitemap])
        #expect(sitemap.contains("<loc>https://www.landkreis-lindenbrueck.de/integration/mitarbeitende/</loc>"))
        // The staff's offers and the staff's events lead to each other.
        #expect((built.files[Routes.outputFile(for: Routes.staff)] ?? "").contains("href=\"/integration/\(Routes.eventsForStaff)\""))
        #expect((built.files[Routes.outputFile(for: Routes.eventsForStaff)] ?? "").contains("href=\"/integration/\(Routes.staff)\""))
        // Linked from every page's footer, not from the main navigation.
        let home = try #require(built.files["index.html"])
        #expect(part(of: home, from: "class=\"site-footer\"", to: "</footer>").contains("href=\"/integration/mitarbeitende/\""))
        #expect(!part(of: home, from: "class=\"main-nav\"", to: "</nav>").contains("mitarbeitende"))
        // The open-data export still lists every offer.
        let export = try JSONSerialization.jsonObject(with: Data((built.files[OpenData.offersFile] ?? "").utf8)) as? [String: Any]
        let urls = Set(((export?["offers"] as? [[String: Any]]) ?? []).compactMap { $0["url"] as? String })
        #expect(staff.allSatisfy { urls.contains(site.config.baseURL + Routes.offer($0)) })
    }

    @Test func staffOfferPagesStayOutOfSearch() throws {
        let site = try site()
        let offer = try #require(try staffOffers().first)
        let own = try rendered(site, Routes.offer(offer))
        #expect(own.contains("<main") && !own.contains("data-pagefind-body"))
        let resident = try #require(site.content.offers.first(where: site.index.isForResidents))
        #expect(try rendered(site, Routes.offer(resident)).contains("data-pagefind-body"))
    }

    @Test func anIconThatIsNotOneSVGElementIsAFinding() throws {
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        try "<?xml version=\"1.0\"?>\n<svg><script>alert(1)</script></svg>\n"
            .write(to: root.appendingPathComponent("themes/standard/icons/sport.svg"), atomically: true, encoding: .utf8)
        let findings = TestSupport.check(root).findings("template-syntax")
        #expect(findings.map(\.file) == ["themes/standard/icons/sport.svg"])
    }
}
