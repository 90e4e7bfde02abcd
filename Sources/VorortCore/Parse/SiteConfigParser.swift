import Foundation

/// Reads `site.yml` into a `SiteConfig`.
enum SiteConfigParser {
    /// More translation languages than any German district publishes in.
    static let maximumLanguages = 40
    /// More offer categories than any directory can show: every category is a page in every language, so a list
    /// gone wrong (or machine-made) must not make the build write hundreds of thousands of pages.
    static let maximumCategories = 200

    static func parse(_ file: SourceFile) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector(file: file.path)
        let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: "site.yml", collector: collector, lineOffset: 0, fallback: .start) else {
            return (nil, collector.diagnostics)
        }
        let district = reader.text("district", required: true, example: "Landkreis Lindenbrück")
        let title = reader.text("title", required: true, example: "Ankommen im Landkreis Lindenbrück")
        let description = reader.text("description")
        let minimumCount = reader.integer("minimumCount", example: "3")
        let reviewInterval = reader.located("reviewInterval", example: "12")
        let dataLicence = reader.text("dataLicence", example: "Datenlizenz Deutschland – Namensnennung – Version 2.0")
        let leichteSprache = reader.located("leichteSprache", example: "true")
        let gebaerdensprache = reader.located("gebaerdensprache", example: "true")
        func flag(_ value: Located<String>?, _ key: String) -> Bool? {
            guard let value else { return nil }
            switch value.value.lowercased() {
            case "true", "ja", "yes": return true
            case "false", "nein", "no": return false
            default:
                collector.error("invalid-value", at: value.location, "`\(key)` muss `true` oder `false` sein.", hint: "Schreiben Sie `\(key): false`, um es abzuschalten.")
                return nil
            }
        }
        let needsLeichteSprache = flag(leichteSprache, "leichteSprache")
        let needsGebaerdensprache = flag(gebaerdensprache, "gebaerdensprache")
        let baseURL = reader.url("baseURL", required: true)
        let language = reader.located("language", required: true, example: "de")
        let theme = reader.located("theme", required: true, example: "standard")
        var seenSlugs: [String: SourceLocation] = [:]
        var seenLabels: [String: SourceLocation] = [:]
        let categories = reader.mapList("categories", required: true, itemName: "Kategorie") { item -> Category? in
            let slug = item.located("slug", required: true, example: "sprache")
            let label = item.located("label", required: true, example: "Sprache")
            let group = item.text("group", required: true, example: "Sprache und Bildung")
            let description = item.text("description")
            let audienceValue = item.located("audience", example: "staff")
            let searchWords = item.textList("searchWords", example: "[Deutschkurs, Sprachkurs]")
            guard let slug, let label, let group else { return nil }
            var audience = Category.Audience.residents
            if let audienceValue {
                if let known = Category.Audience(rawValue: audienceValue.value.lowercased()) {
                    audience = known
                } else {
                    collector.error("invalid-value", at: audienceValue.location,
                        "`audience` ist `\(audienceValue.value)`; erlaubt sind `residents` (Bewohnerinnen und Bewohner) und `staff` (Mitarbeitende der Verwaltung).",
                        hint: "Schreiben Sie `audience: staff` für Schulungen der Verwaltung oder lassen Sie den Schlüssel weg.")
                }
            }
            if !ContentPath.isValidSlug(slug.value) {
                collector.error("invalid-slug", at: slug.location,
                    "`\(slug.value)` ist kein gültiger Kurzname: erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche.",
                    hint: "Schreiben Sie z. B. `slug: \(ContentPath.suggestSlug(slug.value))`.")
                return nil
            }
            if let first = seenSlugs[slug.value] {
                collector.error("duplicate-slug", at: slug.location, "Die Kategorie `\(slug.value)` gibt es schon (Zeile \(first.line)).",
                    hint: "Geben Sie jeder Kategorie einen eigenen Kurznamen.")
                return nil
            }
            if let first = seenLabels[label.value.lowercased()] {
                collector.error("duplicate-slug", at: label.location, "Die Bezeichnung `\(label.value)` gibt es schon (Zeile \(first.line)).",
                    hint: "Geben Sie jeder Kategorie eine eigene Bezeichnung.")
                return nil
            }
            seenSlugs[slug.value] = slug.location
            seenLabels[label.value.lowercased()] = label.location
            return Category(slug: slug.value, label: label.value, group: group, description: description,
                audience: audience, searchWords: searchWords)
        }
        if categories.count > maximumCategories {
            collector.error("invalid-value", at: reader.location,
                "`categories` nennt \(categories.count) Kategorien; vorort veröffentlicht höchstens \(maximumCategories).",
                hint: "Fassen Sie Kategorien zusammen; Bewohnerinnen und Bewohner finden sich in wenigen Themen besser zurecht.")
        }
        let languageName = reader.text("languageName", example: "Deutsch")
        var seenCodes: [String: SourceLocation] = [:]
        if let language { seenCodes[language.value] = language.location }
        var translationLanguages = reader.mapList("languages", itemName: "Sprache") { item -> Language? in
            readLanguage(item, seen: &seenCodes, collector: collector)
        }
        // Every language repeats every page: a list gone wrong must not make the build write millions of files.
        if translationLanguages.count > maximumLanguages {
            collector.error("invalid-value", at: reader.location,
                "`languages` nennt \(translationLanguages.count) Sprachen; vorort veröffentlicht höchstens \(maximumLanguages).",
                hint: "Nennen Sie nur die Sprachen, in die wirklich übersetzt wird.")
            translationLanguages = []
        }
        reader.finish()
        if let language, !ContentPath.isLanguageCode(language.value) {
            collector.error("invalid-value", at: language.location, "`\(language.value)` ist kein Sprachkürzel.",
                hint: "Schreiben Sie das Kürzel der Sprache, z. B. `language: de`.")
        }
        if let theme, !ContentPath.isValidSlug(theme.value) {
            collector.error("invalid-value", at: theme.location, "`\(theme.value)` ist kein gültiger Name für ein Theme.",
                hint: "Nennen Sie einen Ordner in `themes/`, z. B. `theme: standard`.")
        }
        guard !collector.hasErrors, let district, let title, let baseURL, let language, let theme else {
            return (nil, collector.diagnostics)
        }
        let (normalisedBase, basePath) = normalise(baseURL: baseURL)
        var config = SiteConfig(
            district: district, title: title, description: description, baseURL: normalisedBase, basePath: basePath,
            language: language.value,
            siteLanguage: Language(code: language.value, tag: language.value, name: languageName ?? (language.value == "de" ? "Deutsch" : language.value),
                                   direction: Language.defaultDirection(of: language.value)),
            translationLanguages: translationLanguages, theme: theme.value, categories: categories)
        if let minimumCount { config.minimumCount = max(1, minimumCount) }
        if let reviewInterval {
            if let months = Int(reviewInterval.value), (1...120).contains(months) {
                config.reviewIntervalMonths = months
            } else {
                collector.error("invalid-value", at: reviewInterval.location,
                    "`reviewInterval: \(reviewInterval.value)` ist keine Zahl von Monaten zwischen 1 und 120.",
                    hint: "Schreiben Sie, nach wie vielen Monaten Angaben wieder geprüft werden sollen, z. B. `reviewInterval: 12`.")
            }
        }
        if let dataLicence { config.dataLicence = dataLicence }
        if let needsLeichteSprache { config.leichteSprache = needsLeichteSprache }
        if let needsGebaerdensprache { config.gebaerdensprache = needsGebaerdensprache }
        return (config, collector.diagnostics)
    }

    /// The base address with its path percent-encoded and ending in `/`: links in bodies are percent-encoded by
    /// cmark, so the path they start with must be written the same way everywhere (`/integration-f%C3%BCr-alle/`).
    static func normalise(baseURL: String) -> (url: String, path: String) {
        let withSlash = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        guard let components = URLComponents(string: withSlash), let scheme = components.scheme,
            let authorityStart = withSlash.range(of: "://")
        else { return (withSlash, "/") }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        let afterScheme = withSlash[authorityStart.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return ("\(scheme)://\(authority)\(path)", path)
    }

    /// `- {code: ar, name: العربية}`; `lang` (the BCP 47 tag) and `direction` are optional.
    private static func readLanguage(_ item: YAMLMapReader, seen: inout [String: SourceLocation], collector: DiagnosticCollector) -> Language? {
        let code = item.located("code", required: true, example: "en")
        let name = item.text("name", required: true, example: "English")
        let tag = item.located("lang", example: "de-x-ls")
        let direction = item.choice("direction", of: Language.TextDirection.self)
        guard let code, let name else { return nil }
        guard ContentPath.isLanguageCode(code.value), !code.value.contains("-") else {
            collector.error("invalid-value", at: code.location, "`\(code.value)` ist kein Sprachkürzel aus zwei oder drei Kleinbuchstaben.",
                hint: "Schreiben Sie das Kürzel, mit dem die Übersetzungen heißen, z. B. `code: en` für `sprachcafe.en.md`.")
            return nil
        }
        if let first = seen[code.value] {
            collector.error("duplicate-slug", at: code.location, "Die Sprache `\(code.value)` steht schon in Zeile \(first.line).",
                hint: "Nennen Sie jede Sprache einmal; die Sprache der Website (`language`) steht nicht in `languages`.")
            return nil
        }
        seen[code.value] = code.location
        if let tag, !ContentPath.isLanguageCode(tag.value) {
            collector.error("invalid-value", at: tag.location, "`\(tag.value)` ist kein Sprach-Tag nach BCP 47.",
                hint: "Schreiben Sie z. B. `lang: de-x-ls` für Leichte Sprache oder lassen Sie die Angabe weg.")
            return nil
        }
        let languageTag = tag?.value ?? code.value
        return Language(code: code.value, tag: languageTag, name: name, direction: direction ?? Language.defaultDirection(of: languageTag))
    }
}
