import Foundation

/// Reads `site.yml` into a `SiteConfig`.
enum SiteConfigParser {
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
        let dataLicence = reader.text("dataLicence", example: "Datenlizenz Deutschland – Namensnennung – Version 2.0")
        let leichteSprache = reader.located("leichteSprache", example: "true")
        let gebaerdensprache = reader.located("gebaerdensprache", example: "true")
        func flag(_ value: Located<String>?, _ key: String) -> Bool? {
            guard let value else { return nil }
            switch value.value.lowercased() {
            case "true", "ja", "yes": return true
            case "false", "nein", "no": return false
            default:
                collector.error("invalid-value", at: value.location, "`\(key)` muss `true` oder `false` sein.", hint: "Schreibe `\(key): false`, um es abzuschalten.")
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
            guard let slug, let label, let group else { return nil }
            if !ContentPath.isValidSlug(slug.value) {
                collector.error("invalid-slug", at: slug.location,
                    "`\(slug.value)` ist kein gültiger Kurzname: erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche.",
                    hint: "Schreibe z. B. `slug: \(ContentPath.suggestSlug(slug.value))`.")
                return nil
            }
            if let first = seenSlugs[slug.value] {
                collector.error("duplicate-slug", at: slug.location, "Die Kategorie `\(slug.value)` gibt es schon (Zeile \(first.line)).",
                    hint: "Gib jeder Kategorie einen eigenen Kurznamen.")
                return nil
            }
            if let first = seenLabels[label.value.lowercased()] {
                collector.error("duplicate-slug", at: label.location, "Die Bezeichnung `\(label.value)` gibt es schon (Zeile \(first.line)).",
                    hint: "Gib jeder Kategorie eine eigene Bezeichnung.")
                return nil
            }
            seenSlugs[slug.value] = slug.location
            seenLabels[label.value.lowercased()] = label.location
            return Category(slug: slug.value, label: label.value, group: group, description: description)
        }
        reader.finish()
        if let language, !ContentPath.isLanguageCode(language.value) {
            collector.error("invalid-value", at: language.location, "`\(language.value)` ist kein Sprachkürzel.",
                hint: "Schreibe das Kürzel der Sprache, z. B. `language: de`.")
        }
        if let theme, !ContentPath.isValidSlug(theme.value) {
            collector.error("invalid-value", at: theme.location, "`\(theme.value)` ist kein gültiger Name für ein Theme.",
                hint: "Nenne einen Ordner in `themes/`, z. B. `theme: standard`.")
        }
        guard !collector.hasErrors, let district, let title, let baseURL, let language, let theme else {
            return (nil, collector.diagnostics)
        }
        let normalisedBase = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var basePath = URLComponents(string: normalisedBase)?.path ?? "/"
        if basePath.isEmpty { basePath = "/" }
        if !basePath.hasSuffix("/") { basePath += "/" }
        var config = SiteConfig(
            district: district, title: title, description: description, baseURL: normalisedBase, basePath: basePath,
            language: language.value, theme: theme.value, categories: categories)
        if let minimumCount { config.minimumCount = max(1, minimumCount) }
        if let dataLicence { config.dataLicence = dataLicence }
        if let needsLeichteSprache { config.leichteSprache = needsLeichteSprache }
        if let needsGebaerdensprache { config.gebaerdensprache = needsGebaerdensprache }
        return (config, collector.diagnostics)
    }
}
