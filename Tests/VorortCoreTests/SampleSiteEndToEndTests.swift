import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VorortCore

/// Builds the repository's sample district and inspects the HTML the way a visitor's browser would.
@Suite("Sample district, end to end", .serialized)
struct SampleSiteEndToEndTests {
    /// One build of the sample shared by the tests of this suite.
    static let built: (output: URL, files: [String: String], report: CheckReport) = {
        let output = TestSupport.temporaryFolder("vorort-e2e").appendingPathComponent("output")
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot)
        var files: [String: String] = [:]
        if let site = report.site, let rendered = try? Pipeline.render(site) {
            try? OutputWriter.write(rendered, to: output)
            for file in rendered {
                if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) }
            }
        }
        return (output, files, report)
    }()

    static let basePath = "/integration/"

    var htmlPages: [(path: String, html: String)] {
        Self.built.files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
    }

    @Test func sampleChecksWithoutErrorsOrWarnings() {
        let report = Self.built.report
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics.prefix(5))")
        #expect(report.site != nil)
    }

    @Test func sampleIsBigEnough() throws {
        let content = try #require(Self.built.report.site?.content)
        #expect(content.municipalities.count >= 6)
        #expect(content.offers.count >= 40)
        #expect(content.contactPoints.count >= 15)
        #expect(content.stories.count >= 6)
        #expect(content.facts.count == content.municipalities.count + 1, "facts for the district and each municipality")
        let pageSlugs = Set(content.pages.map(\.slug))
        #expect(pageSlugs.isSuperset(of: ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"]))
        let categories = Set(content.offers.compactMap { Self.built.report.site?.config.category(matching: $0.category.value)?.slug })
        #expect(categories.count == Self.built.report.site?.config.categories.count, "every category has offers")
    }

    @Test func everyPageIsSemanticAndAccessibleInStructure() {
        #expect(htmlPages.count > 100)
        for (path, html) in htmlPages {
            #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1 in \(path)")
            // German at the root, each translation in its folder with its own tag and direction.
            let folder = String(path.split(separator: "/").first ?? "")
            let language = Self.built.report.site?.config.translationLanguage(folder)
            #expect(html.contains("<html lang=\"\(language?.tag ?? "de")\" dir=\"\(language?.direction.rawValue ?? "ltr")\">"), "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#inhalt\">"), "\(path)")
            #expect(html.contains("<main id=\"inhalt\""), "\(path)")
            #expect(html.contains("<header") && html.contains("<footer") && html.contains("<nav"), "\(path)")
            let ids = matches(#"\sid="([^"]+)""#, in: html)
            #expect(Set(ids).count == ids.count, "duplicate id in \(path)")
        }
    }

    @Test func nothingIsLoadedFromAnotherHost() {
        for (path, html) in htmlPages {
            // Data (JSON-LD) and the theme's own scripts from the site itself, never inline code or code from elsewhere.
            let scripts = html.replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "")
                .components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"\(Self.basePath)assets/") }, "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
            for source in matches(#"\ssrc="([^"]+)""#, in: html) {
                #expect(source.hasPrefix(Self.basePath), "\(path) loads \(source)")
            }
            for stylesheet in matches(#"<link rel="stylesheet" href="([^"]+)""#, in: html) {
                #expect(stylesheet.hasPrefix(Self.basePath), "\(path) loads \(stylesheet)")
            }
        }
        let css = Self.built.files["assets/style.css"] ?? ""
        #expect(!css.contains("@import") && !css.contains("url("))
    }

    /// Every internal link and resource resolves to a written file (and its fragment to an id) under the base path.
    @Test func noBrokenInternalLinks() throws {
        let output = Self.built.output
        var checked = 0
        for (path, html) in htmlPages {
            for target in matches(#"\s(?:href|src)="([^"]*)""#, in: html) {
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") || target.hasPrefix("tel:") { continue }
                if target.hasPrefix("#") {
                    #expect(html.contains("id=\"\(target.dropFirst())\""), "\(path): \(target)")
                    continue
                }
                #expect(target.hasPrefix(Self.basePath), "\(path): \(target) does not work under the sub-path")
                var route = String(target.dropFirst(Self.basePath.count))
                var fragment: String?
                if let hash = route.firstIndex(of: "#") {
                    fragment = String(route[route.index(after: hash)...])
                    route = String(route[..<hash])
                }
                let file = Routes.outputFile(for: route)
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(path) links to missing \(target)")
                if let fragment {
                    #expect(Self.built.files[file]?.contains("id=\"\(fragment)\"") == true, "\(path): \(target)")
                }
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func offerDirectoryFiltersEnhanceAFullList() throws {
        let directory = try #require(Self.built.files["angebote/index.html"])
        #expect(directory.contains("<form class=\"filters\" id=\"filter\" hidden>"), "hidden without JavaScript")
        #expect(directory.contains("<script src=\"/integration/assets/filter.js\" defer></script>"))
        #expect(directory.contains("data-kreisweit") && directory.contains("data-thema=\"sprache\""))
        #expect(FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent("assets/filter.js").path))
    }

    /// The opening tag of the directory card that links to `route`, and the card up to its end.
    func directoryCard(_ route: String, in html: String) throws -> (tag: String, card: String) {
        let link = try #require(html.range(of: "<a href=\"/integration/\(route)\">"), "no card for \(route)")
        let start = try #require(html.range(of: "<li class=\"card\"", options: .backwards, range: html.startIndex..<link.lowerBound))
        let tagEnd = try #require(html.range(of: ">", range: start.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "</li>", range: link.upperBound..<html.endIndex))
        return (String(html[start.lowerBound..<tagEnd.upperBound]), String(html[start.lowerBound..<end.upperBound]))
    }

    @Test func pagesNameTheLanguagesOfAnOfferOrEventInTheirOwnNames() throws {
        // An Arabic reader of the Arabic page finds „العربية“, not the German „Arabisch“ the editor wrote.
        let event = try #require(Self.built.files["ar/kreis/veranstaltungen/infoabend-anerkennung/index.html"])
        #expect(event.contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>") && event.contains("<span lang=\"uk\" dir=\"ltr\">Українська</span>"))
        #expect(!event.contains("Arabisch, Ukrainisch"))
        let offer = try #require(Self.built.files["kreis/angebote/integrationskurse/index.html"])
        #expect(offer.contains("<dt>Sprachen</dt><dd><span lang=\"de\" dir=\"ltr\">Deutsch</span></dd>"))
    }

    @Test func directoryCardsCarryWhatTheFilterNeeds() throws {
        let directory = try #require(Self.built.files["angebote/index.html"])
        // A district offer for the whole district serves every town; one with `areas` only those.
        let courses = try directoryCard("kreis/angebote/integrationskurse/", in: directory)
        #expect(courses.tag == "<li class=\"card\" data-thema=\"sprache\" data-orte=\"\" data-kreisweit data-sprachen=\"de\">",
                "the integration courses cost a contribution: not free")
        let pilots = try directoryCard("kreis/angebote/gesundheitslotsen/", in: directory)
        #expect(pilots.tag.contains("data-orte=\"lindenbrueck auenstein falkenried\"") && !pilots.tag.contains("data-kreisweit"))
        let cafe = try directoryCard("gemeinden/auenstein/angebote/sprachcafe/", in: directory)
        #expect(cafe.tag.contains("data-orte=\"auenstein\"") && cafe.tag.contains(" data-kostenlos"))
        // When, where, cost and the languages, each language in its own name and script.
        #expect(courses.card.contains("<dt>Wann</dt><dd>Neue Kurse beginnen jeden Monat;"))
        #expect(courses.card.contains("<dt>Wo</dt><dd>Bildungszentrum Lindenbrück, Schulstraße 5;"))
        #expect(courses.card.contains("<dt>Kosten</dt><dd>Eigenbeitrag nach den Vorgaben"))
        #expect(courses.card.contains("<dt>Sprachen</dt><dd><span lang=\"de\" dir=\"ltr\">Deutsch</span></dd>"))
        #expect(pilots.card.contains("<dt>Gilt für</dt><dd>Stadt Lindenbrück, Stadt Auenstein, Gemeinde Falkenried</dd>"))
        #expect(pilots.card.contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>"))
        // The filter offers the towns (not the district: its offers appear under the towns they serve), the
        // languages the offers are held in, and „kostenlos“.
        #expect(matches(#"<select id="filter-ort" name="ort">([\s\S]*?)</select>"#, in: directory).first.map { matches("<option value=\"([a-z-]*)\"", in: $0) }
                == ["", "auenstein", "birkenfelde", "dornhagen", "falkenried", "hohenmoor", "lindenbrueck", "weidental"])
        #expect(directory.contains("<option value=\"ti\" lang=\"ti\" dir=\"ltr\">ትግርኛ</option>"))
        #expect(directory.contains("<option value=\"de\" lang=\"de\" dir=\"ltr\">Deutsch</option>"))
        #expect(directory.contains("<input type=\"checkbox\" id=\"filter-kostenlos\" name=\"kostenlos\" value=\"1\">"))
        #expect(directory.contains("data-none=\"Kein Angebot passt zu dieser Auswahl.\""))
        // In the page's language: English labels, German values that have no translation marked as German.
        let english = try #require(Self.built.files["en/angebote/index.html"])
        #expect(english.contains("<label for=\"filter-kostenlos\">Free services only</label>"))
        #expect(english.contains("<button type=\"button\" id=\"filter-zuruecksetzen\">Clear selection</button>"))
        let untranslated = try directoryCard("en/gemeinden/auenstein/angebote/lauftreff/", in: english)
        #expect(untranslated.card.contains("<dt>When</dt><dd lang=\"de\" dir=\"ltr\">"))
    }

    @Test func staffOffersAreNotInTheDirectory() throws {
        let site = try #require(Self.built.report.site)
        let staff = site.content.offers.filter { site.config.category(matching: $0.category.value)?.isForStaff == true }
        #expect(!staff.isEmpty, "the sample has staff trainings")
        let residents = site.content.offers.count - staff.count
        for language in ["", "en/", "ar/"] {
            let directory = try #require(Self.built.files[language + "angebote/index.html"])
            for offer in staff { #expect(!directory.contains(Routes.offer(offer)), "\(language): \(offer.origin.file)") }
            #expect(!directory.contains("schulungen-verwaltung"), "\(language): no staff topic in the lists or the filter")
            #expect(matches(#"<li class="card""#, in: directory).count == residents)
        }
        #expect(try #require(Self.built.files["angebote/index.html"]).contains("<p class=\"lead\">\(residents) Angebote"))
    }

    @Test func offerPagesShowStandAndContact() throws {
        let content = try #require(Self.built.report.site?.content)
        for offer in content.offers {
            let html = try #require(Self.built.files[Routes.outputFile(for: Routes.offer(offer))])
            #expect(html.contains("Stand: <time datetime=\"\(offer.reviewed.iso)\">\(offer.reviewed.german)</time>"))
            #expect(html.contains("<h2 id=\"kontakt\">Kontakt</h2>"), "\(offer.origin.file)")
        }
        let directory = try #require(Self.built.files["angebote/index.html"])
        #expect(directory.contains("id=\"nach-thema\"") && directory.contains("id=\"nach-ort\""))
        // Residents' offers: staff offers are on the staff page only.
        let index = try #require(Self.built.report.site?.index)
        #expect(matches(#"class="card-title"><a href="/integration/(?:kreis|gemeinden/[a-z-]+)/angebote/"#, in: directory).count
                == content.offers.filter(index.isForResidents).count)
    }

    @Test func municipalityPagesMarkDistrictOffers() throws {
        let content = try #require(Self.built.report.site?.content)
        let limited = try #require(content.offers.first { $0.owner == .district && $0.areas != nil })
        let served = Set(limited.areas!.map(\.value))
        for m in content.municipalities {
            let html = try #require(Self.built.files["gemeinden/\(m.slug)/index.html"])
            #expect(html.contains("Auch für \(m.name): Angebote des Landkreises"))
            #expect(html.contains("<span class=\"badge\">Landkreis</span>"))
            #expect(html.contains("href=\"/integration/kreis/\""), "a link back to the district")
            #expect(html.contains(Routes.offer(limited)) == served.contains(m.slug), "areas decide where \(limited.slug) appears")
            #expect(html.contains("<caption>Zahlen und Fakten"), "facts table on \(m.slug)")
        }
    }

    /// Lists written inline end without a dangling separator (`a, b, c`, not `a, b, c, `).
    @Test func inlineListsHaveNoTrailingSeparator() {
        for (path, html) in htmlPages {
            #expect(!html.contains(", </p>") && !html.contains("; </p>"), "\(path)")
        }
        let guideline = Self.built.files["seiten/leitfaden-sprache/index.html"] ?? ""
        #expect(guideline.contains("<p>Besser: "))
    }

    /// Every page offers every language, says which language it is in, and names its translations for search engines.
    @Test func everyPageHasTheLanguageSwitcherAndAlternates() throws {
        let config = try #require(Self.built.report.site?.config)
        #expect(config.translationLanguages.map(\.code) == ["en", "ar", "uk", "tr", "ls"])
        for (path, html) in htmlPages where !path.hasSuffix("404.html") {
            let switcher = html.components(separatedBy: "class=\"language-nav\"").dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
            #expect(switcher.components(separatedBy: "<li><a ").count - 1 == 6, "six languages in \(path)")
            #expect(switcher.components(separatedBy: "aria-current=\"true\"").count - 1 == 1, "the current language marked in \(path)")
            // Page data must not shadow the switcher's (a contact point's own `languages` once did).
            #expect(config.languages.allSatisfy { switcher.contains("lang=\"\($0.tag)\" hreflang=\"\($0.tag)\" dir=\"\($0.direction.rawValue)\"") }, "\(path)")
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\""), "\(path)")
            let folder = String(path.split(separator: "/").first ?? "")
            let language = config.translationLanguage(folder)
            let translated = !html.contains("class=\"fallback-note\"")
            // A page lists itself among its alternates exactly when its text is in its language.
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"\(language?.tag ?? "de")\"") == translated, "\(path)")
        }
    }

    @Test func arabicPagesRunRightToLeftAndUntranslatedTextIsMarkedGerman() throws {
        let home = try #require(Self.built.files["ar/index.html"])
        #expect(home.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(!home.contains("fallback-note"), "the home page is translated into Arabic")
        // Translated municipality pages, a translated offer, and an offer that is only in German.
        for slug in ["auenstein", "birkenfelde", "dornhagen", "falkenried", "hohenmoor", "lindenbrueck", "weidental"] {
            let page = try #require(Self.built.files["ar/gemeinden/\(slug)/index.html"])
            #expect(!page.contains("fallback-note"), "\(slug)")
            #expect(page.contains("<p class=\"lead\">"), "the translated summary is not marked German in \(slug)")
        }
        let offer = try #require(Self.built.files["ar/kreis/angebote/integrationskurse/index.html"])
        #expect(!offer.contains("fallback-note") && offer.contains("<h1>"))
        let german = try #require(Self.built.files["ar/kreis/angebote/kulturloge/index.html"])
        #expect(german.contains("<p class=\"fallback-note\" role=\"note\">"))
        #expect(german.contains("<h1 lang=\"de\" dir=\"ltr\">"))
        #expect(german.contains("<link rel=\"canonical\" href=\"https://www.landkreis-lindenbrueck.de/integration/kreis/angebote/kulturloge/\">"))
        // Links inside a translated text lead to pages in the same language.
        #expect(home.contains("href=\"/integration/ar/kreis/anlaufstellen/migrationsberatung/\""))
        #expect(!home.contains("href=\"/integration/kreis/anlaufstellen/migrationsberatung/\""))
    }

    /// In an Arabic sentence "05351 908-420" would appear as "908-420 05351": phone, postcode with town, e-mail, web
    /// address and opening hours are isolated left to right, in the templates' fields and in the texts.
    @Test func arabicContactPointKeepsNumbersAndAddressesLeftToRight() throws {
        let page = try #require(Self.built.files["ar/gemeinden/lindenbrueck/anlaufstellen/familienzentrum/index.html"])
        #expect(page.contains("<p>Lindenallee 22<br><bdi dir=\"ltr\">38350 Lindenbrück</bdi></p>"))
        #expect(page.contains("<a href=\"tel:+495351908420\"><bdi dir=\"ltr\">05351 908-420</bdi></a>"))
        #expect(page.contains("<a href=\"mailto:familienzentrum@lindenbrueck.de\"><bdi dir=\"ltr\">familienzentrum@lindenbrueck.de</bdi></a>"))
        #expect(page.contains("<bdi dir=\"ltr\">https://www.lindenbrueck.de/familienzentrum/</bdi><span class=\"visually-hidden\">"))
        // A translated offer's schedule, in Arabic text.
        let offer = try #require(Self.built.files["ar/gemeinden/auenstein/angebote/sprachcafe/index.html"])
        #expect(offer.contains("<bdi dir=\"ltr\">17–19</bdi>"))
        #expect(offer.contains("<bdi dir=\"ltr\">05352 601-20</bdi>"))
        // Left-to-right pages are not changed; German text on an Arabic page is marked left to right as a whole.
        for path in ["gemeinden/lindenbrueck/anlaufstellen/familienzentrum/index.html", "en/gemeinden/auenstein/angebote/sprachcafe/index.html"] {
            #expect(!(Self.built.files[path] ?? "<bdi").contains("<bdi"), "\(path)")
        }
        #expect(!page.contains("<li><bdi dir=\"ltr\">Mo–Do"), "the German opening hours stand in a list marked dir=ltr")
    }

    @Test func eachLanguageHasItsStoriesFeed() throws {
        for code in ["", "en/", "ar/", "uk/", "tr/", "ls/"] {
            let feed = try #require(Self.built.files["\(code)geschichten/feed.xml"], "feed for \(code)")
            let tag = code.isEmpty ? "de" : code == "ls/" ? "de-x-ls" : String(code.dropLast())
            #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(tag)\">"))
            #expect(try XMLDocument(xmlString: feed).rootElement()?.name == "feed")
        }
    }

    @Test func homePageSitemapRobotsAnd404() throws {
        let home = try #require(Self.built.files["index.html"])
        #expect(home.contains("id=\"suchen\"") && home.contains("id=\"wohnort\"") && home.contains("id=\"geschichten\"") && home.contains("id=\"anlaufstellen\""))
        let sitemap = try #require(Self.built.files["sitemap.xml"])
        let locations = matches(#"<loc>([^<]+)</loc>"#, in: sitemap)
        // Every page but the 404 page and the pages that only repeat the German text (their canonical page is German).
        let listed = htmlPages.filter { !$0.path.hasSuffix("404.html") && !$0.html.contains("class=\"fallback-note\"") }
        #expect(locations.count == listed.count)
        #expect(Set(locations) == Set(listed.map { "https://www.landkreis-lindenbrueck.de/integration/" + $0.path.replacingOccurrences(of: "index.html", with: "") }))
        #expect(locations.allSatisfy { $0.hasPrefix("https://www.landkreis-lindenbrueck.de/integration/") })
        #expect(Self.built.files["robots.txt"]?.contains("Sitemap: https://www.landkreis-lindenbrueck.de/integration/sitemap.xml") == true)
        let notFound = try #require(Self.built.files["404.html"])
        #expect(notFound.contains("href=\"/integration/\""))
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: match.numberOfRanges > 1 ? 1 : 0), in: text).map { String(text[$0]) }
        }
    }
}
