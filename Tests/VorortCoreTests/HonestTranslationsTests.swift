import Foundation
import Testing
@testable import VorortCore

/// The language codes editors' German language names map to.
@Suite("Language names and codes")
struct LanguageNamesTests {
    @Test func germanNamesMapToBCP47Codes() {
        let expected: [String: String] = [
            "Deutsch": "de", "Englisch": "en", "Arabisch": "ar", "Ukrainisch": "uk", "Türkisch": "tr", "Russisch": "ru",
            "Persisch": "fa", "Farsi": "fa", "Dari": "prs", "Paschtu": "ps", "Kurdisch": "ku", "Französisch": "fr",
            "Polnisch": "pl", "Rumänisch": "ro", "Bulgarisch": "bg", "Tigrinya": "ti", "Somali": "so", "Spanisch": "es",
            "Italienisch": "it", "Albanisch": "sq", "Serbisch": "sr", "Kroatisch": "hr", "Bosnisch": "bs",
            "Vietnamesisch": "vi", "Gebärdensprache": "gsg", "DGS": "gsg", "Deutsche Gebärdensprache": "gsg",
            "Leichte Sprache": "de",
        ]
        for (name, code) in expected { #expect(LanguageNames.code(for: name) == code, "\(name)") }
    }

    @Test func spellingDoesNotMatterButUnknownNamesAreNotGuessed() {
        #expect(LanguageNames.code(for: "  ARABISCH ") == "ar")
        #expect(LanguageNames.code(for: "Tu\u{0308}rkisch") == "tr", "umlaut written decomposed (NFD)")
        #expect(LanguageNames.code(for: "Kurdisch (Kurmandschi)") == "kmr", "the qualifier is the more exact name")
        #expect(LanguageNames.code(for: "Kurdisch (Badini)") == "ku", "an unknown qualifier falls back to the name")
        #expect(LanguageNames.code(for: "Klingonisch") == nil)
        #expect(LanguageNames.code(for: "Arab") == nil, "no prefix matching")
        #expect(LanguageNames.codes(for: ["Deutsch", "Leichte Sprache", "Klingonisch", "Englisch", "Deutsch"]) == ["de", "en"])
    }

    @Test func theTableIsConsistent() {
        var seen: [String: String] = [:]
        for entry in LanguageNames.table {
            let code = entry.code, names = entry.names
            #expect(code.wholeMatch(of: /[a-z]{2,3}/) != nil, "\(code) is a BCP 47 primary language subtag")
            #expect(!names.isEmpty)
            for name in names {
                let folded = LanguageNames.fold(name)
                #expect(seen[folded] == nil, "\(name) names both \(seen[folded] ?? "") and \(code)")
                seen[folded] = code
            }
        }
        #expect(LanguageNames.germanName(forTag: "en") == "Englisch")
        #expect(LanguageNames.germanName(forTag: "ar-SY") == "Arabisch")
        #expect(LanguageNames.germanName(forTag: "x-unknown") == nil)
    }
}

/// Builds a copy of the sample whose clock is months after every date in it, with one English translation compared
/// before its original changed and one compared on the original's day, and inspects what the pages say.
@Suite("Honest dates, the accessibility statement, the 404 page and JSON-LD, end to end", .serialized)
struct HonestTranslationsEndToEndTests {
    /// Far after every date in the sample, so that a page showing the build date cannot pass for a content date.
    static let today = CalendarDate(year: 2027, month: 3, day: 1)!
    /// Compared with its original (reviewed 2026-10-27) before the original's last review.
    static let outdated = "content/kreis/angebote/integrationskurse.en.md"
    static let outdatedDate = CalendarDate(year: 2026, month: 10, day: 1)!

    static let built: (files: [String: String], site: CheckedSite?, report: CheckReport) = {
        guard let root = try? TestSupport.copyOfSample() else { return ([:], nil, CheckReport(diagnostics: [], filesChecked: 0, site: nil)) }
        defer { TestSupport.cleanUp(root) }
        Self.setReviewed(of: outdated, to: outdatedDate.iso, in: root)
        // The Arabic translation of the same offer, compared on the very day of its original's date.
        Self.setReviewed(of: "content/kreis/angebote/integrationskurse.ar.md", to: "2026-10-27", in: root)
        let report = Pipeline.check(siteRoot: root, today: today)
        var files: [String: String] = [:]
        if let site = report.site, let rendered = try? Pipeline.render(site, search: true) {
            for file in rendered { if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) } }
        }
        return (files, report.site, report)
    }()

    static func setReviewed(of file: String, to date: String, in root: URL) {
        let url = root.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let changed = text.replacing(/(?m)^reviewed: .*$/, with: "reviewed: \(date)")
        try? Data(changed.utf8).write(to: url)
    }

    func page(_ path: String) throws -> String { try #require(Self.built.files[path], "\(path) was built") }

    /// The dates in the paragraphs at a page's end.
    func standDates(_ html: String) -> [String] {
        html.matches(of: /<p class="stand">[^\n]*?<time datetime="(\d{4}-\d\d-\d\d)">/).map { String($0.1) }
            + html.matches(of: /<p class="stand">[^\n]*?<time datetime="[^"]+">[^<]*<\/time>[^\n]*?<time datetime="(\d{4}-\d\d-\d\d)">/).map { String($0.1) }
    }

    @Test func theCopyBuildsWithOnlyTheExpectedWarning() {
        let report = Self.built.report
        #expect(report.site != nil)
        let warnings = report.diagnostics.filter { $0.severity != .info }
        #expect(warnings.map(\.rule) == ["translation-outdated"], "\(warnings.prefix(3))")
    }

    @Test func aTranslationOlderThanItsOriginalShowsBothDatesAndLinksTheOriginal() throws {
        let html = try page("en/kreis/angebote/integrationskurse/index.html")
        #expect(html.contains("<p class=\"stand\">Translation last checked against the German original: <time datetime=\"2026-10-01\">1 October 2026</time></p>"))
        #expect(html.contains("German original last updated: <time datetime=\"2026-10-27\">27 October 2026</time> – <a href=\"/integration/kreis/angebote/integrationskurse/\" hreflang=\"de\">Read the German original</a>"))
        #expect(!html.contains("Last updated:"), "no single date that would stand for both")
        // The sitemap names the later of the two days.
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://www.landkreis-lindenbrueck.de/integration/en/kreis/angebote/integrationskurse/</loc><lastmod>2026-10-27</lastmod>"))
    }

    @Test func aTranslationComparedOnTheOriginalsDayShowsOneDateInItsLanguageWithLatinDigits() throws {
        let html = try page("ar/kreis/angebote/integrationskurse/index.html")
        #expect(html.contains("<p class=\"stand\">آخر تحديث: <time datetime=\"2026-10-27\">27 أكتوبر 2026</time></p>"))
        #expect(!html.contains("translationStand") && !html.contains("اقرأ النص الألماني الأصلي"))
        // A newer translation than its original (the sample's Ukrainian one): both dates, in Ukrainian.
        let ukrainian = try page("uk/kreis/angebote/integrationskurse/index.html")
        #expect(ukrainian.contains("Переклад востаннє звірено з німецьким оригіналом: <time datetime=\"2026-11-25\">25 листопада 2026 р.</time>"))
        #expect(ukrainian.contains("Німецький оригінал востаннє оновлено: <time datetime=\"2026-10-27\">27 жовтня 2026 р.</time>"))
    }

    @Test func aPageShownInGermanShowsTheOriginalsDate() throws {
        let site = try #require(Self.built.site)
        let offer = try #require(site.content.offers.first { $0.slug == "kulturloge" })
        #expect(site.content.translations[offer.origin.file]?["en"] == nil, "the sample has no English Kulturloge")
        let html = try page("en/kreis/angebote/kulturloge/index.html")
        #expect(html.contains("class=\"fallback-note\""))
        #expect(html.contains("<p class=\"stand\">Last updated: <time datetime=\"\(offer.reviewed.iso)\">"))
        #expect(!html.contains("Translation last checked"))
    }

    /// No page shows the day of the build as the date of its content: every date at a page's end is the `reviewed`
    /// of a content file or of one of its translations.
    @Test func noContentPageShowsTheBuildDate() throws {
        let site = try #require(Self.built.site)
        var contentDates = Set(site.content.allItems.compactMap { $0.lastReviewed?.iso })
        for byLanguage in site.content.translations.values { for translation in byLanguage.values { if let reviewed = translation.reviewed { contentDates.insert(reviewed.value.iso) } } }
        var shown = 0
        for (path, html) in Self.built.files where path.hasSuffix(".html") {
            #expect(!html.contains("datetime=\"\(Self.today.iso)\""), "\(path) shows the build date")
            for date in standDates(html) {
                shown += 1
                #expect(contentDates.contains(date), "\(path) shows \(date), which no content file names")
            }
        }
        #expect(shown > 500, "dates were found at all (\(shown))")
    }

    @Test func theAccessibilityStatementListsWhatExistsInWhichLanguage() throws {
        let html = try page("seiten/barrierefreiheit/index.html")
        // Counted from the files here, independently of the renderer.
        let content = TestSupport.packageRoot.appendingPathComponent("content")
        let paths = FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String] ?? []
        let municipalities = paths.filter { $0.wholeMatch(of: /gemeinden\/[a-z0-9-]+\/index\.md/) != nil }.count
        let municipalitiesInEnglish = paths.filter { $0.wholeMatch(of: /gemeinden\/[a-z0-9-]+\/index\.en\.md/) != nil }.count
        let offers = paths.filter { $0.contains("/angebote/") && $0.wholeMatch(of: /.*\/[a-z0-9-]+\.md/) != nil }.count
        let offersInEnglish = paths.filter { $0.contains("/angebote/") && $0.hasSuffix(".en.md") }.count
        #expect(municipalitiesInEnglish == 7 && offersInEnglish == 24, "the sample as the README describes it")
        #expect(html.contains("<h2 id=\"sprachfassungen\">Sprachfassungen dieser Website</h2>"))
        #expect(html.contains("<li><strong>Englisch</strong> (<span lang=\"en\" dir=\"ltr\">English</span>): Startseite; Städte und Gemeinden: \(municipalitiesInEnglish) von \(municipalities); Angebote: \(offersInEnglish) von \(offers)</li>"))
        #expect(html.contains("<li><strong>Arabisch</strong> (<span lang=\"ar\" dir=\"rtl\">العربية</span>): Startseite;"))
        #expect(html.contains("<li><strong>Leichte Sprache</strong>: Startseite; Städte und Gemeinden: 7 von 7; Angebote: 12 von \(offers)</li>"))
        #expect(!html.contains("nur auf Deutsch"), "the sample's wrong sentence is gone")
        // Appended after the editors' text, inside the text's block (German, also on pages in other languages).
        let arabic = try page("ar/seiten/barrierefreiheit/index.html")
        #expect(arabic.contains("<div class=\"prose\" lang=\"de\" dir=\"ltr\">"))
        #expect(arabic.contains("<h2 id=\"sprachfassungen\">Sprachfassungen dieser Website</h2>"))
        #expect(try !page("seiten/impressum/index.html").contains("sprachfassungen"), "only the statement has the list")
    }

    @Test func the404PageSpeaksEveryLanguage() throws {
        let site = try #require(Self.built.site)
        for (folder, first) in [("", "de"), ("en/", "en"), ("ar/", "ar"), ("ls/", "ls")] {
            let html = try page(folder + "404.html")
            let blocks = html.matches(of: /<section class="not-found-language" lang="([^"]+)" dir="(ltr|rtl)" data-language="([a-z]+)"/)
            #expect(blocks.map { String($0.1) }.sorted() == site.config.languages.map(\.tag).sorted(), "\(folder)404.html has one block per language")
            #expect(blocks.first.map { String($0.3) } == first, "\(folder)404.html starts with its own language")
            for block in blocks where block.1 == "ar" { #expect(block.2 == "rtl") }
            for language in site.config.languages {
                let home = "/integration/" + Routes.languagePrefix(language, site: site.config.siteLanguage)
                #expect(html.contains("<a href=\"\(home)\" hreflang=\"\(language.tag)\">"), "\(folder)404.html links \(home)")
                #expect(html.contains("<form class=\"not-found-search\" role=\"search\" action=\"\(home)suche/\" method=\"get\">"))
            }
            #expect(html.contains("<script src=\"/integration/assets/not-found.js\"></script>"))
            // The switcher leads to the home pages: there is no `/en/404.html` to switch to at an unknown address.
            #expect(html.contains("<li><a href=\"/integration/ar/\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\""), "\(folder)404.html")
            #expect(!html.contains("hreflang=\"x-default\""), "no alternates for a page that is not a page")
        }
        #expect(try page("en/404.html").contains("<h1>Page not found</h1>"))
        #expect(try page("ar/404.html").contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(FileManager.default.fileExists(atPath: TestSupport.packageRoot.appendingPathComponent("themes/standard/static/not-found.js").path))
    }

    @Test func structuredDataUsesLanguageCodesE164AndSeparatesPlaceFromContact() throws {
        var scripts = 0
        var languages = Set<String>()
        for (path, html) in Self.built.files where path.hasSuffix(".html") {
            for match in html.matches(of: /<script type="application\/ld\+json">(.*?)<\/script>/) {
                scripts += 1
                let json = try #require(try JSONSerialization.jsonObject(with: Data(match.1.utf8)) as? [String: Any], "\(path)")
                #expect(json["@context"] as? String == "https://schema.org")
                try walk(json, path: path) { key, value in
                    switch key {
                    case "knowsLanguage", "availableLanguage":
                        for code in value as? [String] ?? [] {
                            languages.insert(code)
                            #expect(code.wholeMatch(of: /[a-z]{2,3}/) != nil, "\(path): \(code)")
                        }
                    case "telephone":
                        for number in (value as? [String]) ?? [value as? String].compactMap({ $0 }) {
                            #expect(number.wholeMatch(of: /\+[1-9]\d{6,14}/) != nil || number.wholeMatch(of: /11[0-9]{1,4}/) != nil, "\(path): \(number)")
                        }
                    case "@type":
                        let known: Set = ["GovernmentService", "GovernmentOffice", "GovernmentOrganization", "Organization", "Article",
                                          "PostalAddress", "Audience", "ServiceChannel", "Place", "ContactPoint", "Event", "VirtualLocation"]
                        #expect(known.contains(value as? String ?? ""), "\(path): \(value)")
                    default: break
                    }
                }
            }
        }
        #expect(scripts > 100)
        #expect(languages.isSuperset(of: ["de", "en", "ar", "uk", "ti", "prs", "fa", "kmr", "so", "ps"]), "\(languages.sorted())")
        #expect(!languages.contains { $0.count > 3 }, "no German names")

        // An offer's place and its contact point: two channels, each with its own location.
        let site = try #require(Self.built.site)
        let offer = try #require(site.content.offers.first { $0.slug == "sprachcafe-am-markt" })
        let html = try page(Routes.outputFile(for: Routes.offer(offer)))
        let json = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/).map { String($0.1) })
        let service = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let channels = try #require(service["availableChannel"] as? [[String: Any]])
        let locations = channels.compactMap { $0["serviceLocation"] as? [String: Any] }
        let place = try #require(locations.first { $0["@type"] as? String == "Place" })
        #expect(place["name"] as? String == offer.place)
        let office = try #require(locations.first { $0["@type"] as? String == "GovernmentOffice" })
        let point = try #require(site.index.contactPoint(offer.contact!.value, for: offer.owner))
        #expect((office["address"] as? [String: Any])?["streetAddress"] as? String == point.address.street)
        #expect(place["address"] == nil, "the offer's place does not borrow the contact point's address")
        #expect(service["location"] == nil, "schema.org's Service has no location")
    }

    /// Calls `visit` with every key and value in a JSON object, at any depth.
    func walk(_ value: Any, path: String, _ visit: (String, Any) throws -> Void) throws {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                try visit(key, child)
                try walk(child, path: path, visit)
            }
        } else if let list = value as? [Any] {
            for child in list { try walk(child, path: path, visit) }
        }
    }
}
