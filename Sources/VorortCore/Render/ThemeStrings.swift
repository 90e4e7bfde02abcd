import Mustache

/// The theme's own words in one language (navigation, headings, labels), from `themes/<name>/strings/<code>.yml`.
/// The site language's file is complete by definition; a translation's missing words fall back to it.
struct ThemeStrings: Sendable {
    private let values: [String: String]
    private let months: [String]
    /// The words with `{{placeholders}}`, sorted out once: only they are still looked up while rendering.
    private let withPlaceholders: [String: String]
    /// `dateFormat` split once into text and placeholders: every page writes its date.
    private let dateFormat: [DatePart]

    private enum DatePart: Sendable {
        case text(String)
        case day, month, year
    }

    /// Keys vorort itself uses (page titles, navigation, labels built in Swift); the site language must have them.
    static let keysUsedByVorort = [
        "dateFormat", "home", "municipalities", "offers", "contactPoints", "stories", "search", "allOffers",
        "allOffersDescription", "contactPointsDescription", "storiesDescription", "notFound", "figures", "figuresDescription",
        "searchDescription", "leichteSpracheLink", "gebaerdenspracheLink", "town", "municipality", "placeName",
        "audience", "languages", "schedule", "place", "cost", "accessibility", "filterKind", "filterPlace", "filterTopic",
        "kindOffer", "kindContactPoint", "kindStory", "kindPage", "factsCaption", "chartTitle", "externalLink", "feedTitle",
        "thousandsSeparator", "decimalSeparator", "servesPlaces", "notFoundText", "toHome", "notFoundSearchLabel", "languageVersions", "languageVersionsHome",
        "languageVersionsLead", "languageVersionsNote", "languageVersionsNone", "countOf", "otherPages",
        "offlineTitle", "offlineDescription", "offlineWhat", "staffPage", "staffDescription",
        // Events
        "events", "eventsDescription", "eventsLead", "eventsIn", "eventsInLead", "allEvents", "allEventsIn", "eventsArchive",
        "eventsArchiveLead", "eventsArchiveLink", "eventsForStaff", "eventsForStaffLead", "eventCancelled", "eventCancelledNote",
        "eventMoved", "eventMovedNote", "eventMovedOpen", "eventTime", "eventTimeRange", "eventDateTime", "eventOnline",
        "registration", "registrationUntil", "kindEvent", "filterMonth", "monthYear",
    ]

    init(values: [String: String], months: [String]) {
        self.values = values
        self.months = months
        withPlaceholders = values.filter { $0.value.contains("{{") }
        dateFormat = Self.parts(of: values["dateFormat"] ?? "dateFormat")
    }

    /// The parts `format` would fill in: `{{day}}`, `{{month}}`, `{{year}}`; any other placeholder stays as written.
    private static func parts(of template: String) -> [DatePart] {
        var parts: [DatePart] = []
        scan(template, text: { parts.append(.text(String($0))) }, placeholder: { name in
            switch name {
            case "day": parts.append(.day)
            case "month": parts.append(.month)
            case "year": parts.append(.year)
            default: parts.append(.text("{{\(name)}}"))
            }
        })
        return parts
    }

    /// Walks `template`, handing over its text and the name of each `{{placeholder}}` in order; an unclosed `{{`
    /// is text. Scanned by hand: Foundation's replacingOccurrences was a hot spot, called for every place name on
    /// every page.
    private static func scan(_ template: String, text: (Substring) -> Void, placeholder: (Substring) -> Void) {
        var rest = template[...]
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { break }
            text(rest[..<open.lowerBound])
            placeholder(afterOpen[..<close.lowerBound])
            rest = afterOpen[close.upperBound...]
        }
        text(rest)
    }

    /// This language's words with `fallback`'s wherever a key is missing.
    func fillingGaps(from fallback: ThemeStrings) -> ThemeStrings {
        ThemeStrings(values: values.merging(fallback.values) { own, _ in own }, months: months.count == 12 ? months : fallback.months)
    }

    func text(_ key: String) -> String { values[key] ?? key }

    /// The word when it has no placeholder, for putting it into the templates once.
    func plainText(_ key: String) -> String? { withPlaceholders[key] == nil ? values[key] : nil }

    /// Fills `{{name}}`-style placeholders with the given values.
    func format(_ key: String, _ arguments: [String: String]) -> String {
        var result = ""
        Self.scan(text(key), text: { result += $0 }, placeholder: { name in result += arguments[String(name)] ?? "{{\(name)}}" })
        return result
    }

    /// "16. November 2026", "16 November 2026", "16 Kasım 2026" …
    func date(_ date: CalendarDate) -> String {
        var result = ""
        for part in dateFormat {
            switch part {
            case .text(let text): result += text
            case .day: result += String(date.day)
            case .month: result += monthName(date.month)
            case .year: result += String(date.year)
            }
        }
        return result
    }

    /// „März“, „March“ …: the name of month 1…12.
    func monthName(_ month: Int) -> String { months.count == 12 ? months[month - 1] : String(month) }

    /// The words templates still read as `{{t.key}}` while rendering (see `ThemeWords`).
    var wordsWithPlaceholders: [String: String] { withPlaceholders }

    var keys: Set<String> { Set(values.keys) }
}

extension ThemeStrings {
    /// Loads the strings of the site language and of each translation language. Findings: a missing file or key of
    /// the site language is an error (pages could not be labelled); gaps in a translation are warnings.
    static func load(folder: URL, themeFolder: String, site: Language, translations: [Language])
        -> (strings: [String: ThemeStrings], diagnostics: [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        func read(_ code: String, required: Bool) -> (strings: ThemeStrings, located: [String: SourceLocation])? {
            let relative = "\(themeFolder)/strings/\(code).yml"
            let url = folder.appendingPathComponent("\(code).yml")
            guard FileManager.default.fileExists(atPath: url.path) || SiteLoader.isSymbolicLink(url) else {
                diagnostics.append(Diagnostic(
                    file: relative, location: .start, severity: required ? .error : .warning, rule: "theme-strings-missing",
                    message: "Dem Theme fehlen die eigenen Wörter (Navigation, Überschriften) für die Sprache `\(code)`.",
                    hint: required
                        ? "Legen Sie `\(relative)` an; das Theme `standard` enthält eine vollständige Datei als Vorlage."
                        : "Übersetzen Sie `\(themeFolder)/strings/\(site.code).yml` in `\(relative)`; bis dahin stehen dort die Wörter der Sprache `\(site.code)`."))
                return nil
            }
            guard let file = SiteLoader.readText(at: url, relativePath: relative, into: &diagnostics) else { return nil }
            let collector = DiagnosticCollector(file: relative)
            defer { diagnostics += collector.diagnostics }
            let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
            guard ok, let reader = YAMLMapReader(node, context: relative, collector: collector, lineOffset: 0, fallback: .start) else { return nil }
            var values: [String: String] = [:]
            var located: [String: SourceLocation] = [:]
            let months = reader.textList("months", example: "[Januar, Februar, …]")
            if reader.keys.contains(where: { $0.value == "months" }), months.count != 12 {
                collector.error("invalid-value", at: reader.location, "`months` muss die zwölf Monatsnamen nennen.",
                    hint: "Schreiben Sie `months: [Januar, Februar, März, …, Dezember]` in der Sprache der Datei.")
            }
            for key in reader.keys where key.value != "months" {
                let isSeparator = key.value.hasSuffix("Separator")
                guard let value = isSeparator ? reader.untrimmed(key.value) : reader.located(key.value) else { continue }
                if value.value.contains("{{") || value.value.contains("}}") {
                    do { _ = try MustacheTemplate(string: value.value) } catch {
                        collector.error("template-syntax", at: value.location, "Der Platzhalter in `\(key.value)` ist nicht vollständig.",
                            hint: "Platzhalter stehen in doppelten geschweiften Klammern und bleiben unübersetzt, z. B. `{{name}}`.")
                        continue
                    }
                }
                values[key.value] = value.value
                located[key.value] = value.location
            }
            reader.finish()
            return (ThemeStrings(values: values, months: months), located)
        }

        guard let base = read(site.code, required: true) else { return ([:], diagnostics) }
        let missingInBase = keysUsedByVorort.filter { base.strings.values[$0] == nil }
        if !missingInBase.isEmpty {
            diagnostics.append(Diagnostic(
                file: "\(themeFolder)/strings/\(site.code).yml", location: .start, severity: .error, rule: "theme-strings-missing",
                message: "Es fehlen Wörter, die vorort selbst braucht: \(missingInBase.map { "`\($0)`" }.joined(separator: ", ")).",
                hint: "Ergänzen Sie die Schlüssel; das Theme `standard` enthält eine vollständige Datei als Vorlage."))
        }
        var strings = [site.code: base.strings]
        for language in translations {
            guard let own = read(language.code, required: false) else {
                strings[language.code] = base.strings
                continue
            }
            let missing = base.strings.keys.subtracting(own.strings.keys).sorted()
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(
                    file: "\(themeFolder)/strings/\(language.code).yml", location: .start, severity: .warning, rule: "theme-strings-missing",
                    message: "Es fehlen \(missing.count) Übersetzungen: \(missing.prefix(10).map { "`\($0)`" }.joined(separator: ", "))\(missing.count > 10 ? " …" : ""). Dort stehen die Wörter der Sprache `\(site.code)`.",
                    hint: "Übersetzen Sie die fehlenden Schlüssel aus `\(themeFolder)/strings/\(site.code).yml`."))
            }
            for key in own.strings.keys.subtracting(base.strings.keys).sorted() {
                diagnostics.append(Diagnostic(
                    file: "\(themeFolder)/strings/\(language.code).yml", location: own.located[key] ?? .start, severity: .warning,
                    rule: "unknown-key", message: "`\(key)` gibt es in `\(site.code).yml` nicht; das Wort wird nie verwendet.",
                    hint: "Prüfen Sie die Schreibweise des Schlüssels oder löschen Sie die Zeile."))
            }
            strings[language.code] = own.strings.fillingGaps(from: base.strings)
        }
        return (strings, diagnostics)
    }
}

import Foundation
