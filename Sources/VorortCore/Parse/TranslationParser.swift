/// Reads translations: `<slug>.<lang>.md` files and `site.<lang>.yml`. A translation carries only words; a key
/// that belongs to the facts of the original (category, contact, address …) is refused with the reason, so the
/// facts are written once, in German, and cannot drift apart between languages.
enum TranslationParser {
    /// The texts of `site.<lang>.yml` by language code, and what reading them found.
    struct SiteTextsOutput: Sendable {
        var siteTexts: [String: SiteTexts] = [:]
        var diagnostics: [Diagnostic] = []
    }

    private struct Job: Sendable {
        var role: ContentRole
        var language: String
        var file: SourceFile
        var today: CalendarDate?
    }

    /// One translation file: refused with a warning when its language is not listed in `site.yml`.
    static func parseFile(_ role: ContentRole, language: String, file: SourceFile, config: SiteConfig?, today: CalendarDate? = nil)
        -> (translation: Translation?, diagnostics: [Diagnostic], suppressions: [LintSuppression])
    {
        guard config?.translationLanguages.contains(where: { $0.code == language }) == true else {
            return (nil, [unlistedLanguage(language, file: file.path, config: config)], [])
        }
        let collector = DiagnosticCollector(file: file.path)
        var suppressions: [LintSuppression] = []
        let translation = parse(Job(role: role, language: language, file: file, today: today), collector: collector, suppressions: &suppressions)
        return (translation, collector.diagnostics, suppressions)
    }

    /// The `site.<lang>.yml` files.
    static func parseSiteTexts(_ loaded: LoadedSite, config: SiteConfig?) -> SiteTextsOutput {
        var output = SiteTextsOutput()
        let listed = Set(config?.translationLanguages.map(\.code) ?? [])
        for (language, file) in loaded.siteTexts {
            guard listed.contains(language) else {
                output.diagnostics.append(unlistedLanguage(language, file: file.path, config: config))
                continue
            }
            let collector = DiagnosticCollector(file: file.path)
            if let texts = parseSiteTexts(file, config: config, collector: collector) { output.siteTexts[language] = texts }
            output.diagnostics += collector.diagnostics
        }
        return output
    }

    private static func unlistedLanguage(_ language: String, file: String, config: SiteConfig?) -> Diagnostic {
        if language == config?.language {
            return Diagnostic(file: file, location: .start, severity: .warning, rule: "translation-language-unknown",
                message: "`\(language)` ist die Sprache der Website selbst; diese Datei wird nicht veröffentlicht.",
                hint: "Der Text in der Sprache der Website steht in der Datei ohne Sprachkürzel (`sprachcafe.md`, `site.yml`).")
        }
        return Diagnostic(file: file, location: .start, severity: .warning, rule: "translation-language-unknown",
            message: "Die Sprache `\(language)` steht nicht unter `languages:` in `site.yml`; die Übersetzung wird nicht veröffentlicht.",
            hint: config?.translationLanguages.isEmpty == false
                ? "Tragen Sie die Sprache in `site.yml` ein (`- {code: \(language), name: …}`) oder prüfen Sie das Kürzel im Dateinamen; bekannt sind \(config!.translationLanguages.map { "`\($0.code)`" }.joined(separator: ", "))."
                : "Tragen Sie die Sprache in `site.yml` unter `languages:` ein, z. B. `- {code: \(language), name: …}`.")
    }

    /// The path of the German file a translation belongs to: `sprachcafe.en.md` → `sprachcafe.md`.
    static func originalPath(of path: String, language: String) -> String {
        String(path.dropLast(".\(language).md".count)) + ".md"
    }

    /// Reads the keys the original's declaration marks as translatable; a fact of the original is refused with
    /// the reason.
    private static func parse(_ job: Job, collector: DiagnosticCollector, suppressions: inout [LintSuppression]) -> Translation? {
        guard let (document, fields) = ContentParser.readFrontMatter(job.file, collector: collector) else { return nil }
        suppressions = ContentParser.readLintIgnore(fields)
        let type = job.role.type.type
        var texts: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var complete = true
        for field in type.schema {
            switch field.translation {
            case .none:
                break
            case .text(let required):
                if let value = fields.text(field.key, required: required, example: field.example) {
                    texts[field.key] = value
                } else if required {
                    complete = false
                }
            case .translationOnly:
                if let value = fields.text(field.key, example: field.example) { texts[field.key] = value }
            case .list:
                let list = fields.textList(field.key, example: field.example)
                if !list.isEmpty { lists[field.key] = list }
            }
        }
        // The day the translation was last compared with the original: needed to notice outdated translations.
        let reviewedDate = fields.locatedDate("reviewed", required: true)
        if let today = job.today { FutureDates(today: today).check(reviewedDate, key: "reviewed", collector: collector) }
        let because = (message: "Diese Angabe kommt aus dem deutschen Original und steht in der Übersetzung nicht.",
                       hint: "Löschen Sie die Zeile; in der Übersetzung stehen nur übersetzte Texte und `reviewed`.")
        fields.finish(explaining: Dictionary(type.originalOnlyKeys.filter { $0 != "reviewed" }.map { ($0, because) }, uniquingKeysWith: { a, _ in a }))
        guard complete, !collector.hasErrors else { return nil }
        return Translation(
            origin: ContentOrigin(file: job.file.path, slug: job.role.slug, language: job.language),
            original: originalPath(of: job.file.path, language: job.language),
            fields: texts, lists: lists, reviewed: reviewedDate, body: document.body)
    }

    /// `site.<lang>.yml`: title, description, district, category labels by slug, group names by their German name.
    private static func parseSiteTexts(_ file: SourceFile, config: SiteConfig?, collector: DiagnosticCollector) -> SiteTexts? {
        let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: file.path, collector: collector, lineOffset: 0, fallback: .start) else { return nil }
        var texts = SiteTexts(file: file.path)
        texts.title = reader.text("title", example: "Arriving in Lindenbrück District")
        texts.description = reader.text("description")
        texts.district = reader.text("district", example: "Lindenbrück District")
        let slugs = Set(config?.categories.map(\.slug) ?? [])
        _ = reader.map("categories", example: "{sprache: {label: Language}}") { categories -> Bool? in
            for key in categories.keys {
                guard slugs.contains(key.value) else {
                    collector.error("unknown-reference", at: key.location, "Die Kategorie `\(key.value)` gibt es in `site.yml` nicht.",
                        hint: "Übersetzen Sie die Kategorien unter ihrem Kurznamen (`slug`) aus `site.yml`, z. B. `sprache:`.")
                    _ = categories.map(key.value) { _ in true }
                    continue
                }
                let entry = categories.map(key.value, example: "{label: Language, description: …}") { c -> (String, String?, [String])? in
                    guard let label = c.text("label", required: true, example: "Language") else { return nil }
                    return (label, c.text("description"), c.textList("searchWords", example: "[German course, language course]"))
                }
                if let entry {
                    texts.categories[key.value] = (label: entry.0, description: entry.1)
                    if !entry.2.isEmpty { texts.categorySearchWords[key.value] = entry.2 }
                }
            }
            return true
        }
        let groups = Set(config?.groups ?? [])
        _ = reader.map("groups", example: "{\"Sprache und Bildung\": Language and education}") { map -> Bool? in
            for key in map.keys {
                guard groups.contains(key.value) else {
                    collector.error("unknown-reference", at: key.location, "Die Gruppe `\(key.value)` gibt es in `site.yml` nicht.",
                        hint: "Schreiben Sie den deutschen Namen der Gruppe aus `site.yml` und dahinter die Übersetzung.")
                    _ = map.text(key.value)
                    continue
                }
                if let value = map.text(key.value, required: true) { texts.groups[key.value] = value }
            }
            return true
        }
        reader.finish()
        if let config {
            let missing = config.categories.filter { texts.categories[$0.slug] == nil }.map(\.slug)
                + config.groups.filter { texts.groups[$0] == nil }.map { "„\($0)“" }
            if !missing.isEmpty {
                collector.warning("translation-incomplete", at: .start,
                    "Hier fehlen Übersetzungen für \(missing.joined(separator: ", ")); dort erscheint der deutsche Text.",
                    hint: "Ergänzen Sie sie unter `categories:` (Kategorien nach Kurzname) und `groups:` (Gruppen nach deutschem Namen).")
            }
        }
        return texts
    }
}
