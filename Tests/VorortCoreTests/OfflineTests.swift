import Foundation
import Testing
@testable import VorortCore

/// What the build writes for reading without a connection: the service worker, its registration on every page, the
/// offline page in every language and the lists of pages kept per place. How the worker behaves in a browser is
/// checked by `scripts/offline-print-check.py`.
@Suite("Reading offline: what the build writes")
struct OfflineTests {
    var files: [String: String] { SampleSiteEndToEndTests.built.files }
    let basePath = "/integration/"

    /// The value of `const NAME = …;` in the worker, as JSON.
    func constant(_ name: String, in worker: String) throws -> Any {
        let start = try #require(worker.range(of: "const \(name) = "))
        let end = try #require(worker[start.upperBound...].range(of: ";\n"))
        return try JSONSerialization.jsonObject(with: Data(worker[start.upperBound..<end.lowerBound].utf8), options: [.fragmentsAllowed])
    }

    /// The output file an address of the site is served from.
    func outputPath(_ url: String) -> String {
        Routes.outputFile(for: String(url.dropFirst(basePath.count)))
    }

    @Test func theWorkerIsAtTheBasePathWithItsScopeVersionAndCaches() throws {
        let worker = try #require(files[Routes.serviceWorker], "sw.js at the root of the output, so its scope is the base path")
        #expect(try constant("BASE", in: worker) as? String == basePath)
        let version = try #require(try constant("VERSION", in: worker) as? String)
        #expect(version.count >= 8 && version.allSatisfy(\.isHexDigit), "\(version)")
        #expect(try constant("STATIC", in: worker) as? String == "vorort /integration/ static \(version)")
        #expect(try constant("PAGES", in: worker) as? String == OfflineSite.pagesCache(basePath: basePath))
        #expect(try constant("MAXIMUM_PAGES", in: worker) as? Int == OfflineSite.maximumPages)
        // Old caches of this site are dropped when a new version activates.
        #expect(worker.contains("name.startsWith(PREFIX) && name !== STATIC && name !== PAGES"))
        // The search index is never kept: only pages (navigations) and the theme's files are answered.
        #expect(!worker.contains("pagefind"))
        let languages = try #require(try constant("LANGUAGES", in: worker) as? [String])
        #expect(languages == ["en", "ar", "uk", "tr", "ls"])
        let offline = try #require(try constant("OFFLINE_PAGES", in: worker) as? [String: String])
        #expect(offline[""] == basePath + Routes.offline)
        for code in languages { #expect(offline[code] == basePath + code + "/" + Routes.offline) }
        let precache = try #require(try constant("PRECACHE", in: worker) as? [String])
        #expect(Set(offline.values).isSubset(of: Set(precache)))
        #expect(precache.contains(basePath + "assets/style.css") && precache.contains(basePath + "assets/offline.js"))
        // Copied files (the theme's) are not held in memory: looked for in the written output.
        let output = SampleSiteEndToEndTests.built.output
        for url in precache {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath(url)).path), "kept ahead of time but not written: \(url)")
        }
    }

    @Test func everyPageRegistersTheWorkerWithoutInlineScript() throws {
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 100)
        let tag = "<script src=\"/integration/assets/offline.js\" data-worker=\"/integration/sw.js\" defer></script>"
        for (path, html) in pages { #expect(html.contains(tag), "\(path)") }
        let script = try String(contentsOf: SampleSiteEndToEndTests.built.output.appendingPathComponent("assets/offline.js"), encoding: .utf8)
        #expect(script.contains("navigator.serviceWorker.register(worker)"))
    }

    @Test func theOfflinePageExistsInEveryLanguageAndSaysWhatIsStoredAndHowToDeleteIt() throws {
        let config = try #require(SampleSiteEndToEndTests.built.report.site?.config)
        let theme = try #require(SampleSiteEndToEndTests.built.report.site?.theme)
        for language in config.languages {
            let prefix = Routes.languagePrefix(language, site: config.siteLanguage)
            let page = try #require(files[prefix + "offline/index.html"], "offline page in \(language.code)")
            let words = try #require(theme.strings[language.code])
            #expect(page.contains("<html lang=\"\(language.tag)\" dir=\"\(language.direction.rawValue)\">"))
            #expect(page.contains("<h1>\(HTMLEscaping.escape(words.text("offlineTitle")))</h1>"), "\(language.code)")
            #expect(page.contains("data-pages-cache=\"vorort /integration/ pages\""))
            #expect(page.contains("id=\"offline-delete\""))
            #expect(page.contains(HTMLEscaping.escape(words.format("offlineWhat", ["count": "200"]))), "\(language.code)")
            #expect(page.contains("href=\"/integration/\(prefix)seiten/datenschutz/\""), "links the privacy page in \(language.code)")
            // Found from every page: the footer links it.
            #expect(try #require(files[prefix + "index.html"]).contains("href=\"/integration/\(prefix)offline/\""))
        }
        let privacy = try #require(files["seiten/datenschutz/index.html"])
        #expect(privacy.contains("href=\"/integration/offline/\""), "the privacy page says where the kept pages are listed")
    }

    @Test func everyPlaceListsItsPageAndTheContactPointsItsPageShows() throws {
        let site = try #require(SampleSiteEndToEndTests.built.report.site)
        let content = site.index.content
        #expect(files[Routes.offlineList(.district)] != nil)
        for municipality in content.municipalities {
            let owner = Owner.municipality(municipality.slug)
            let text = try #require(files[Routes.offlineList(owner)], "list of \(municipality.slug)")
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String]]
            let routes = try #require(object?["pages"])
            #expect(routes.first == Routes.municipality(municipality.slug))
            let expected = content.contactPoints.filter {
                $0.owner == owner || $0.owner == .district && SiteIndex.serves($0.areas, municipality: municipality.slug)
            }
            #expect(Set(routes.dropFirst()) == Set(expected.map(Routes.contactPoint)), "\(municipality.slug)")
            for route in routes { #expect(files[Routes.outputFile(for: route)] != nil, "\(route) is listed but not written") }
        }
    }

    @Test func theVersionFollowsTheThemeAndNotTheContent() throws {
        func worker(_ root: URL) throws -> String { try #require(try TestSupport.renderedFiles(root)[Routes.serviceWorker]) }
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let first = try worker(root)
        #expect(first.contains("const BASE = \"/ankommen/\";"), "the base path comes from baseURL")
        #expect(try worker(root) == first, "the same site writes the same worker")

        // A content edit keeps the worker (and the visitors' caches) as they are.
        let offer = root.appendingPathComponent("content/gemeinden/dorf/angebote/sprachcafe.md")
        try (String(contentsOf: offer, encoding: .utf8) + "\nNeu: auch mittwochs.\n").write(to: offer, atomically: true, encoding: .utf8)
        #expect(try worker(root) == first)

        // A changed style sheet is a new version: the worker drops the old cache-first copy.
        let style = root.appendingPathComponent("themes/standard/static/style.css")
        try (String(contentsOf: style, encoding: .utf8) + "\n.neu { color: #000; }\n").write(to: style, atomically: true, encoding: .utf8)
        let second = try worker(root)
        #expect(try constant("VERSION", in: second) as? String != constant("VERSION", in: first) as? String)

        // So is a changed offline page (here: its words).
        let words = root.appendingPathComponent("themes/standard/strings/de.yml")
        let text = try String(contentsOf: words, encoding: .utf8)
        try text.replacingOccurrences(of: "offlineSaved: \"Auf diesem Gerät gespeichert\"", with: "offlineSaved: \"Gespeichert\"")
            .write(to: words, atomically: true, encoding: .utf8)
        #expect(try constant("VERSION", in: worker(root)) as? String != constant("VERSION", in: second) as? String)
    }
}
