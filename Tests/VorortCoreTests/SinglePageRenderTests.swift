import Foundation
import Testing
@testable import VorortCore

/// A preview server renders one page by its route; that page must be the file the full build writes, byte for byte.
@Suite("Rendering one page")
struct SinglePageRenderTests {
    /// The sample district, checked once for all tests of this suite.
    static let sample: CheckedSite? = Pipeline.check(siteRoot: TestSupport.packageRoot).site

    /// The bytes of every text file of the full render, by path.
    static func fullRender(_ site: CheckedSite, search: Bool) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in try Pipeline.render(site, search: search) {
            if case .data(let data) = file.contents { files[file.path] = data }
        }
        return files
    }

    static func bytes(_ file: OutputFile?) -> Data? {
        guard case .data(let data)? = file?.contents else { return nil }
        return data
    }

    /// The language code and route of a page's output path: `ar/gemeinden/auenstein/index.html` → (`ar`, `gemeinden/auenstein/`).
    static func languageAndRoute(_ path: String, site: CheckedSite) -> (language: String?, route: String) {
        var rest = Substring(path)
        var language: String?
        if let slash = rest.firstIndex(of: "/"), site.config.translationLanguage(String(rest[..<slash])) != nil {
            language = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        if rest == "index.html" || rest.hasSuffix("/index.html") { rest = rest.dropLast("index.html".count) }
        return (language, String(rest))
    }

    /// `municipality(3)` → `municipality`: the kind without its position.
    static func name(_ kind: SiteRenderer.PageKind) -> String {
        String(String(describing: kind).prefix { $0 != "(" })
    }

    @Test("every page of the sample, rendered alone, equals the full build's file", arguments: [false, true])
    func everyPageAloneEqualsTheFullBuild(search: Bool) throws {
        let site = try #require(Self.sample)
        let full = try Self.fullRender(site, search: search)
        let pages = full.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix(Routes.assets) }.sorted()
        #expect(pages.count > 500)
        var languages = Set<String>()
        for path in pages {
            let (language, route) = Self.languageAndRoute(path, site: site)
            languages.insert(language ?? site.config.siteLanguage.code)
            let page = try Pipeline.renderPage(site, route: route, language: language, search: search)
            #expect(page?.path == path, "route \(route) in \(language ?? "the site language")")
            #expect(Self.bytes(page) == full[path], "\(path) differs from the full build")
        }
        #expect(languages == Set(site.config.languages.map(\.code)))
    }

    @Test("every page kind is found by its route in German and Arabic, and renders as in the full build")
    func everyKindByRouteInGermanAndArabic() throws {
        let site = try #require(Self.sample)
        let full = try Self.fullRender(site, search: true)
        // Listing pages, and the page of each item of every type that has pages (`Angebot`, `Gemeinde` …).
        let itemKinds = ContentTypes.all.filter { $0 is any ItemPage.Type }.map { $0.displayName }
        #expect(itemKinds.count == 6)
        let allKinds = Set(["home", "district", "municipalities", "offerDirectory", "contactPoints", "responsibility", "stories", "notFound",
                            "guideline", "figures", "search", "category", "offline", "events", "eventsArchive", "eventsForStaff",
                            "municipalityEvents", "staff"] + itemKinds)
        for code in ["de", "ar"] {
            let language = try #require(site.config.languages.first { $0.code == code })
            let renderer = try #require(Pipeline.renderer(site, language: language, search: true))
            var kinds = Set<String>()
            for kind in renderer.pages {
                let route = renderer.route(of: kind)
                #expect(renderer.page(forRoute: route) == kind, "\(code): \(route)")
                let file = try #require(try renderer.render(route: route))
                #expect(file.path == Routes.outputFile(for: renderer.models.prefix + route))
                #expect(Self.bytes(file) == full[file.path], "\(file.path) differs from the full build")
                kinds.insert(Self.name(kind))
            }
            // Every language has its 404 page (for servers that answer per language folder).
            #expect(kinds == allKinds, "\(code)")
        }
        // A representative route of each kind through the public entry point, German and Arabic.
        let routes = ["", "kreis/", "gemeinden/", "gemeinden/auenstein/", "angebote/", "angebote/sprache/", "anlaufstellen/", "zustaendig/",
                      "geschichten/", "zahlen/", "seiten/leitfaden-sprache/", "seiten/impressum/", "suche/", "offline/", "veranstaltungen/",
                      "veranstaltungen/archiv/", "gemeinden/auenstein/veranstaltungen/", "kreis/veranstaltungen/willkommenstag-kvhs/",
                      "mitarbeitende/"]
        for route in routes {
            for language in [nil, "ar"] {
                let page = try #require(try Pipeline.renderPage(site, route: route, language: language, search: true), "\(route) in \(language ?? "de")")
                #expect(Self.bytes(page) == full[page.path], "\(page.path)")
            }
        }
        let notFound = try #require(try Pipeline.renderPage(site, route: Routes.notFound, search: true))
        #expect(Self.bytes(notFound) == full["404.html"])
        let arabicNotFound = try #require(try Pipeline.renderPage(site, route: Routes.notFound, language: "ar", search: true))
        #expect(Self.bytes(arabicNotFound) == full["ar/404.html"])
    }

    @Test("an unknown route, language or file that is not a page gives nil")
    func unknownRoutesGiveNil() throws {
        let site = try #require(Self.sample)
        #expect(try Pipeline.renderPage(site, route: "gibt-es-nicht/") == nil)
        #expect(try Pipeline.renderPage(site, route: "gemeinden/gibt-es-nicht/") == nil)
        // A staff category has no category page (its offers are on the staff page).
        #expect(try Pipeline.renderPage(site, route: Routes.category("schulungen-verwaltung")) == nil)
        // Routes are exact: no missing slash, no `index.html`, no language folder inside the route.
        #expect(try Pipeline.renderPage(site, route: "gemeinden/auenstein") == nil)
        #expect(try Pipeline.renderPage(site, route: "gemeinden/auenstein/index.html") == nil)
        #expect(try Pipeline.renderPage(site, route: "ar/gemeinden/auenstein/") == nil)
        // Shared files and feeds are not pages.
        #expect(try Pipeline.renderPage(site, route: Routes.sitemap) == nil)
        #expect(try Pipeline.renderPage(site, route: OpenData.storiesFeed) == nil)
        // The search page exists only with a search index.
        #expect(try Pipeline.renderPage(site, route: Routes.search) == nil)
        #expect(try Pipeline.renderPage(site, route: "", language: "xx") == nil)
        #expect(try Pipeline.renderPage(site, route: "", language: "ar") != nil)
    }
}
