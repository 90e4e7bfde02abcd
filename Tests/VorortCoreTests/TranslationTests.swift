import Foundation
import Testing
@testable import VorortCore

/// Translations: `<slug>.<lang>.md` beside the German file, pages under `/<lang>/`, German text with a note where
/// a translation is missing, and findings for translations that are broken, orphaned or outdated.
@Suite("Translations")
struct TranslationTests {
    static let languages = """
        languages:
          - code: en
            name: English
          - code: ar
            name: العربية
          - code: ls
            lang: de-x-ls
            name: Leichte Sprache

        """

    static func siteWithLanguages(extra: [String: String]) throws -> URL {
        try TestSupport.minimalSite(extra: extra, replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]!.replacingOccurrences(of: "theme: standard\n", with: "theme: standard\n" + languages),
        ])
    }

    static let englishOffer = """
        ---
        title: Language café
        summary: Speak German together.
        reviewed: 2026-03-01
        ---
        Every Monday. Questions? Ask the [advice service](../../../kreis/anlaufstellen/beratung.md).

        """

    @Test func aTranslationIsPublishedInItsLanguageAndTheOthersFallBack() throws {
        let root = try Self.siteWithLanguages(extra: [
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": Self.englishOffer,
            "site.en.yml": """
                title: Arriving in Test District
                district: Test District
                categories:
                  sprache: {label: Language}
                  sport: {label: Sport}
                groups:
                  Sprache und Bildung: Language and education
                  Freizeit: Free time

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        #expect(TestSupport.check(root).diagnostics.filter { $0.severity != .info && !$0.rule.hasPrefix("theme-strings") }.isEmpty)
        let pages = try TestSupport.renderedFiles(root)
        let route = "gemeinden/dorf/angebote/sprachcafe/"

        let english = try #require(pages["en/\(route)index.html"])
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(english.contains("<h1>Language café</h1>"))
        #expect(!english.contains("fallback-note"))
        #expect(english.contains("href=\"/ankommen/en/kreis/anlaufstellen/beratung/\">advice service</a>"), "links stay in the reader's language")
        #expect(english.contains("<link rel=\"canonical\" href=\"https://example.org/ankommen/en/\(route)\">"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/ankommen/\(route)\">"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/ankommen/en/\(route)\">"))
        #expect(!english.contains("hreflang=\"ar\" href=\"https://example.org/ankommen/ar/\(route)\">"), "no alternate for a page only in German")
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"x-default\""))
        #expect(english.contains("<a class=\"site-title\" href=\"/ankommen/en/\">Arriving in Test District</a>"))
        // The date the translation was compared with the original, in English.
        #expect(english.contains("<time datetime=\"2026-03-01\">1 March 2026</time>"))
        #expect(english.contains("hreflang=\"en\" dir=\"ltr\" aria-current=\"true\">English</a>"))
        #expect(english.contains("href=\"/ankommen/ar/\(route)\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"))

        let arabic = try #require(pages["ar/\(route)index.html"])
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(arabic.contains("<p class=\"fallback-note\" role=\"note\">"), "untranslated pages say so")
        #expect(arabic.contains("<h1 lang=\"de\" dir=\"ltr\">Sprachcafé</h1>"), "German text is marked as German")
        #expect(arabic.contains("<link rel=\"canonical\" href=\"https://example.org/ankommen/\(route)\">"), "the German page is the original")

        let german = try #require(pages["\(route)index.html"])
        #expect(german.contains("<html lang=\"de\" dir=\"ltr\">"))
        #expect(!german.contains("fallback-note"))
        #expect(german.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/ankommen/en/\(route)\">"))
        #expect(german.contains("<h1>Sprachcafé</h1>"))
        #expect(german.contains("<time datetime=\"2026-02-01\">1. Februar 2026</time>"))

        // On the English municipality page the English offer card is English, the German municipality text is marked.
        let municipality = try #require(pages["en/gemeinden/dorf/index.html"])
        #expect(municipality.contains("<a href=\"/ankommen/en/\(route)\">Language café</a>"))
        #expect(municipality.contains("<p class=\"lead\" lang=\"de\" dir=\"ltr\">Ein Dorf.</p>"))
        #expect(municipality.contains(">Language</a>"), "category labels from site.en.yml")

        let sitemap = try #require(pages["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.org/ankommen/en/\(route)</loc>"))
        #expect(!sitemap.contains("<loc>https://example.org/ankommen/ar/\(route)</loc>"), "fallback pages are not listed")
        #expect(pages["404.html"] != nil && pages["en/404.html"] != nil)
        #expect(!sitemap.contains("404.html"), "no 404 page in the sitemap")

        let feed = try #require(pages["en/geschichten/feed.xml"])
        #expect(feed.contains("xml:lang=\"en\""))
        #expect(pages["ar/geschichten/feed.xml"]?.contains("xml:lang=\"ar\"") == true)
    }

    @Test func brokenOrphanedUnlistedAndOutdatedTranslationsAreReportedAtTheirLine() throws {
        let root = try Self.siteWithLanguages(extra: [
            // `category` belongs to the original; `reviewed` is before the original's 2026-02-01.
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": "---\ntitle: Language café\nsummary: Speak.\ncategory: Sport\nreviewed: 2026-01-15\n---\n",
            "content/gemeinden/dorf/angebote/sprachcafe.ar.md": "---\ntitle: مقهى اللغة\nsummary: نتحدث.\n---\n",
            "content/gemeinden/dorf/angebote/gibt-es-nicht.en.md": "---\ntitle: Nothing\nsummary: Nothing.\nreviewed: 2026-03-01\n---\n",
            "content/gemeinden/dorf/angebote/sprachcafe.fr.md": "---\ntitle: Café des langues\n---\n",
            "content/gemeinden/dorf/angebote/sprachcafe.de.md": "---\ntitle: Sprachcafé\n---\n",
            "content/kreis/index.en.md": "---\ntitle: Welcome\nsummary: All about arriving.\nreviewed: 2026-01-15\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let unknown = try #require(report.findings("unknown-key").first { $0.file.hasSuffix("sprachcafe.en.md") })
        #expect(unknown.location.line == 4 && unknown.severity == .error)
        #expect(unknown.message.contains("Original"))
        let missing = try #require(report.findings("missing-field").first { $0.file.hasSuffix("sprachcafe.ar.md") })
        #expect(missing.message.contains("reviewed"))
        #expect(report.findings("translation-without-original").map(\.file) == ["content/gemeinden/dorf/angebote/gibt-es-nicht.en.md"])
        let unlisted = report.findings("translation-language-unknown")
        #expect(unlisted.map(\.severity) == [.warning, .warning])
        #expect(unlisted.first { $0.file.hasSuffix(".de.md") }?.message.contains("Sprache der Website") == true)
        // The district introduction has no review date, so its translation cannot be outdated.
        #expect(report.findings("translation-outdated").isEmpty)

        try TestSupport.write([
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": "---\ntitle: Language café\nsummary: Speak.\nreviewed: 2026-01-15\n---\n",
            "content/gemeinden/dorf/angebote/sprachcafe.ar.md": "---\ntitle: مقهى اللغة\nsummary: نتحدث.\nreviewed: 2026-02-01\n---\n",
        ], under: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/gemeinden/dorf/angebote/gibt-es-nicht.en.md"))
        let second = TestSupport.check(root)
        let outdated = try #require(second.findings("translation-outdated").first)
        #expect(outdated.file == "content/gemeinden/dorf/angebote/sprachcafe.en.md")
        #expect(outdated.location.line == 4 && outdated.severity == .warning)
        #expect(outdated.hint.contains("reviewed: 2026-02-01"))
        #expect(second.findings("translation-outdated").count == 1, "a translation reviewed on the original's day is current")
        #expect(!second.diagnostics.hasErrors)
    }

    @Test func contactPointsPagesAndSiteTextsAreTranslatedToo() throws {
        let root = try Self.siteWithLanguages(extra: [
            "content/kreis/anlaufstellen/beratung.en.md": """
                ---
                name: Migration advice
                responsibilities: [Residence, Work]
                reviewed: 2026-03-01
                ---
                We help with everything about residence and work.

                """,
            "content/seiten/impressum.en.md": "---\ntitle: Legal notice\nreviewed: 2026-03-01\n---\nTest District, District Office 1.\n",
            "site.en.yml": "title: Arriving in Test District\ncategories:\n  sprache: {label: Language}\n  kochen: {label: Cooking}\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let unknownCategory = try #require(report.findings("unknown-reference").first)
        #expect(unknownCategory.file == "site.en.yml" && unknownCategory.location.line == 4)
        #expect(report.findings("translation-incomplete").first?.message.contains("sport") == true)

        try TestSupport.write(["site.en.yml": "title: Arriving in Test District\ncategories:\n  sprache: {label: Language}\n"], under: root)
        let pages = try TestSupport.renderedFiles(root)
        let point = try #require(pages["en/kreis/anlaufstellen/beratung/index.html"])
        #expect(point.contains("<h1>Migration advice</h1>") && point.contains("<li>Residence</li>"))
        #expect(point.contains("<p>We help with everything about residence and work.</p>"))
        #expect(point.contains("<span lang=\"de\" dir=\"ltr\">Landkreis Test</span>"), "the organisation stays German and says so")
        let offer = try #require(pages["en/gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(offer.contains(">Migration advice</a>"), "the offer's contact shows the translated name")
        #expect(pages["en/seiten/impressum/index.html"]?.contains("<h1>Legal notice</h1>") == true)
        #expect(pages["en/index.html"]?.contains(">Legal notice</a>") == true, "the footer links the translated page")
        #expect(pages["ar/index.html"]?.contains("<a href=\"/ankommen/ar/seiten/impressum/\" lang=\"de\" dir=\"ltr\">Impressum</a>") == true)
    }

    @Test func leichteSpracheIsLintedLikeGermanOtherLanguagesAreNot() throws {
        let root = try Self.siteWithLanguages(extra: [
            "content/gemeinden/dorf/angebote/sprachcafe.ls.md": "---\ntitle: Sprach-Café\nsummary: Hier sprechen Asylanten Deutsch.\nreviewed: 2026-03-01\n---\n",
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": "---\ntitle: Language café\nsummary: Asylanten is not an English word.\nreviewed: 2026-03-01\n---\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let lint = report.diagnostics.filter { $0.rule == "asylant" }
        #expect(lint.map(\.file) == ["content/gemeinden/dorf/angebote/sprachcafe.ls.md"])
        #expect(lint.first?.location.line == 3)
    }

    @Test func languagesInSiteYmlAreValidated() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]!.replacingOccurrences(of: "theme: standard\n", with: """
                theme: standard
                languages:
                  - {code: en, name: English}
                  - {code: en, name: Englisch}
                  - {code: EN-gb, name: British}
                  - {code: de, name: Deutsch}
                  - {code: fa, name: فارسی}

                """),
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("duplicate-slug").map(\.location.line) == [8, 10], "a second `en`, and the site language itself")
        #expect(report.findings("invalid-value").map(\.location.line) == [9])
        #expect(Language.defaultDirection(of: "fa") == .rtl && Language.defaultDirection(of: "ckb-IQ") == .rtl, "right to left without saying so")
        #expect(Language.defaultDirection(of: "tr") == .ltr)
    }

    @Test func aRunawayLanguageListIsRefused() throws {
        let list = (0..<41).map { index in "  - {code: \(["a", "b", "c"][index / 26 % 3])\(String(UnicodeScalar(97 + index % 26)!))x, name: L\(index)}" }
        let root = try TestSupport.minimalSite(replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]!.replacingOccurrences(of: "theme: standard\n", with: "theme: standard\nlanguages:\n" + list.joined(separator: "\n") + "\n"),
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("invalid-value").contains { $0.file == "site.yml" && $0.message.contains("höchstens 40") })
        #expect(report.findings("duplicate-slug").isEmpty, "the 41 codes are all different")
    }

    @Test func themeStringsAreCheckedForEveryListedLanguage() throws {
        let root = try Self.siteWithLanguages(extra: [:])
        defer { TestSupport.cleanUp(root) }
        let strings = root.appendingPathComponent("themes/standard/strings")
        try FileManager.default.removeItem(at: strings.appendingPathComponent("ar.yml"))
        var english = try String(contentsOf: strings.appendingPathComponent("en.yml"), encoding: .utf8)
        english = english.replacingOccurrences(of: "\nskipLink:", with: "\nskipLinx:")
        english = english.components(separatedBy: "\n").map { $0.hasPrefix("offersIn:") ? "offersIn: \"Offers in {{name}\"" : $0 }.joined(separator: "\n")
        try english.write(to: strings.appendingPathComponent("en.yml"), atomically: true, encoding: .utf8)

        let report = TestSupport.check(root)
        let missing = report.findings("theme-strings-missing")
        #expect(missing.contains { $0.file.hasSuffix("strings/ar.yml") && $0.severity == .warning })
        #expect(missing.contains { $0.file.hasSuffix("strings/en.yml") && $0.message.contains("`skipLink`") })
        #expect(report.findings("unknown-key").contains { $0.file.hasSuffix("strings/en.yml") && $0.message.contains("skipLinx") })
        #expect(report.findings("template-syntax").contains { $0.file.hasSuffix("strings/en.yml") && $0.severity == .error })

        // A template asking for a word that does not exist would show nothing there.
        let page = root.appendingPathComponent("themes/standard/templates/page.mustache")
        try (try String(contentsOf: page, encoding: .utf8)).replacingOccurrences(of: "<article>", with: "<article>\n<p>{{t.nichtDa}}</p>")
            .write(to: page, atomically: true, encoding: .utf8)
        let unknownWord = try #require(TestSupport.check(root).findings("template-syntax").first { $0.file.hasSuffix("templates/page.mustache") })
        #expect(unknownWord.location.line == 3 && unknownWord.location.column == 4 && unknownWord.message.contains("t.nichtDa"))

        // Without the site language's own words no page could be labelled: an error.
        try FileManager.default.removeItem(at: strings.appendingPathComponent("de.yml"))
        #expect(TestSupport.check(root).findings("theme-strings-missing").contains { $0.file.hasSuffix("strings/de.yml") && $0.severity == .error })
    }

    @Test func wordTagsAreFoundAsTheTemplateEngineReadsThem() {
        let tags = Theme.wordTags(in: "<p>{{t.home}} {{ t.offers }} {{{t.raw}}} {{#t.section}}{{/t.section}} {{title}}</p>")
        #expect(tags.map(\.key) == ["home", "offers", "raw"])
        #expect(tags.map(\.isTriple) == [false, false, true])
        let words = ThemeStrings(values: ["home": "Start", "offers": "A & B", "raw": "<b>"], months: [])
        let sources = Theme.localised(["x": "<p>{{t.home}}|{{ t.offers }}</p>"], words: words)
        #expect(sources["x"] == HTMLEscaping.pragma + "<p>Start|A &amp; B</p>", "plain words are put in, escaped")
    }

    @Test func placeholdersAreFilledWhereTheWordsAreUsed() throws {
        let strings = ThemeStrings(values: ["offersIn": "Angebote in {{name}}", "dateFormat": "{{day}}. {{month}} {{year}}"],
                                   months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"])
        #expect(strings.date(CalendarDate(year: 2026, month: 3, day: 5)!) == "5. März 2026")
        #expect(strings.format("offersIn", ["name": "Dorf"]) == "Angebote in Dorf")
        #expect(ThemeStrings(values: ["x": "a {{b"], months: []).format("x", [:]) == "a {{b", "an unclosed brace stays as written")
        // In a template, the placeholder takes its value from where the word stands, escaped like any other value.
        var library = MustacheLibrary()
        try library.register("<h2>{{t.offersIn}}</h2>", named: "x")
        let html = library.render(["t": ThemeWords(strings), "name": "<Dorf>"] as [String: Any], withTemplate: "x")
        #expect(html == "<h2>Angebote in &lt;Dorf&gt;</h2>")
    }
}

import Mustache
