import Foundation

/// Turns each loaded file into a typed content item, reporting every schema problem at its key.
/// Files are independent of each other here; cross-file references are checked by `ReferenceChecker`.
enum ContentParser {
    /// One parsed file.
    enum Item: Sendable {
        case district(DistrictIntro), municipality(Municipality), offer(Offer), contactPoint(ContactPoint)
        case story(Story), facts(Facts), page(Page)
    }

    private struct ParseJob: Sendable {
        var role: ContentRole
        var file: SourceFile
    }

    /// Parses the files in parallel (each file on its own) and assembles them in file order, so results are deterministic.
    static func parse(_ loaded: LoadedSite, language: String) -> (content: SiteContent, diagnostics: [Diagnostic]) {
        let assets = loaded.assets
        let results = Parallel.map(loaded.content.map { ParseJob(role: $0.role, file: $0.file) }) { job in
            let collector = DiagnosticCollector(file: job.file.path)
            var suppressions: [LintSuppression] = []
            let item = parse(job.role, job.file, language: language, assets: assets, collector: collector, suppressions: &suppressions)
            return (item: item, diagnostics: collector.diagnostics, file: job.file.path, suppressions: suppressions)
        }
        var content = SiteContent()
        var diagnostics: [Diagnostic] = []
        for (item, itemDiagnostics, file, suppressions) in results {
            diagnostics += itemDiagnostics
            if !suppressions.isEmpty { content.lintSuppressions[file] = suppressions }
            switch item {
            case .district(let d)?: content.district = d
            case .municipality(let m)?: content.municipalities.append(m)
            case .offer(let o)?: content.offers.append(o)
            case .contactPoint(let c)?: content.contactPoints.append(c)
            case .story(let s)?: content.stories.append(s)
            case .facts(let f)?: content.facts.append(f)
            case .page(let p)?: content.pages.append(p)
            case nil: break
            }
        }
        content.municipalities = GermanSorting.sorted(content.municipalities, by: \.name)
        return (content, diagnostics)
    }

    private static func parse(
        _ role: ContentRole, _ file: SourceFile, language: String, assets: Set<String>, collector: DiagnosticCollector,
        suppressions: inout [LintSuppression]
    ) -> Item? {
        if case .facts(let owner) = role {
            return parseFacts(file, owner: owner, collector: collector).map(Item.facts)
        }
        guard let (document, fields) = readFrontMatter(file, collector: collector) else { return nil }
        defer { fields.finish() }
        let body = document.body
        suppressions = readLintIgnore(fields)

        func origin(_ slug: String) -> ContentOrigin? {
            guard ContentPath.isValidSlug(slug) else {
                collector.error("invalid-slug", at: .start,
                    "Der Name `\(slug)` taugt nicht als Teil einer Webadresse: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.",
                    hint: "Benenne die Datei oder den Ordner um, z. B. in `\(ContentPath.suggestSlug(slug))`.")
                return nil
            }
            return ContentOrigin(file: file.path, slug: slug, language: language)
        }

        switch role {
        case .districtIndex:
            let title = fields.text("title", required: true, example: "Willkommen im Landkreis")
            let summary = fields.text("summary", required: true)
            let reviewed = fields.date("reviewed")
            guard let title, let summary else { return nil }
            return .district(DistrictIntro(
                origin: ContentOrigin(file: file.path, slug: "kreis", language: language),
                title: title, summary: summary, reviewed: reviewed, body: body))

        case .municipalityIndex(let slug):
            let name = fields.text("name", required: true, example: "Auenstein")
            let kind = fields.choice("kind", of: MunicipalityKind.self, required: true)
            let summary = fields.text("summary", required: true)
            var population = fields.integer("population", example: "11200")
            if let value = population, value < 0 {
                collector.error("invalid-value", at: fields.location, "`population: \(value)` ist keine Einwohnerzahl.",
                    hint: "Schreibe die Zahl der Einwohnerinnen und Einwohner, z. B. `population: 11200`.")
                population = nil
            }
            let website = fields.url("website")
            let reviewed = fields.date("reviewed")
            guard let origin = origin(slug), let name, let kind, let summary else { return nil }
            return .municipality(Municipality(
                origin: origin, name: name, kind: kind, summary: summary, population: population,
                website: website, reviewed: reviewed, body: body))

        case .offer(let owner, let slug):
            let title = fields.text("title", required: true, example: "Sprachcafé")
            let category = fields.located("category", required: true, example: "Sprache")
            let summary = fields.text("summary", required: true)
            let reviewed = fields.date("reviewed", required: true)
            let contact = fields.located("contact", example: "integrationsbuero")
            let audience = fields.text("audience")
            let languages = fields.textList("languages")
            let schedule = fields.text("schedule")
            let place = fields.text("place")
            let cost = fields.text("cost")
            let accessibility = fields.text("accessibility")
            let areas = fields.locatedList("areas", example: "[auenstein, birkenfelde]")
            let recurrence = fields.map("recurrence", example: "{days: [Mo], start: \"17:00\", end: \"19:00\"}") { r in
                readRecurrence(r, collector: collector)
            }
            guard let origin = origin(slug), let title, let category, let summary, let reviewed else { return nil }
            return .offer(Offer(
                origin: origin, owner: owner, title: title, category: category, summary: summary, reviewed: reviewed,
                contact: contact, audience: audience, languages: languages, schedule: schedule, place: place,
                cost: cost, accessibility: accessibility, areas: areas, recurrence: recurrence, body: body))

        case .contactPoint(let owner, let slug):
            let name = fields.text("name", required: true, example: "Integrationsbüro")
            let organisation = fields.text("organisation", required: true, example: "Stadt Auenstein")
            let responsibilities = fields.textList("responsibilities", required: true, example: "[Erstberatung, Wohnsitz]")
            let address = fields.map("address", required: true, example: "{street: Marktplatz 1, postalCode: \"38350\", city: Auenstein}") { a -> PostalAddress? in
                let street = a.text("street", required: true, example: "Marktplatz 1")
                let postalCode = a.located("postalCode", required: true, example: "\"38350\"")
                let city = a.text("city", required: true, example: "Auenstein")
                if let postalCode, postalCode.value.utf8.count != 5 || !postalCode.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    collector.error("invalid-value", at: postalCode.location, "`\(postalCode.value)` ist keine Postleitzahl mit fünf Ziffern.",
                        hint: "Schreibe die Postleitzahl in Anführungszeichen, damit führende Nullen bleiben: `postalCode: \"01067\"`.")
                    return nil
                }
                guard let street, let postalCode, let city else { return nil }
                return PostalAddress(street: street, postalCode: postalCode.value, city: city)
            }
            let openingHours = fields.textList("openingHours", example: "[\"Mo–Fr 9–12 Uhr\"]")
            let phone = fields.located("phone", example: "05321 76-230")
            let email = fields.email("email")
            let website = fields.url("website")
            let languages = fields.textList("languages")
            let reviewed = fields.date("reviewed", required: true)
            let areas = fields.locatedList("areas", example: "[auenstein, birkenfelde]")
            if let phone, !phone.value.contains(where: \.isNumber) {
                collector.error("invalid-value", at: phone.location, "`\(phone.value)` ist keine Telefonnummer.",
                    hint: "Schreibe die Nummer mit Vorwahl, z. B. `phone: 05321 76-230`.")
            }
            if phone == nil, email == nil, !collector.hasErrors {
                collector.warning("unreachable-contact-point", at: fields.location,
                    "Die Anlaufstelle hat weder Telefonnummer noch E-Mail-Adresse.",
                    hint: "Ergänze `phone:` oder `email:`, damit Menschen sie erreichen können.")
            }
            guard let origin = origin(slug), let name, let organisation, !responsibilities.isEmpty, let address, let reviewed else { return nil }
            return .contactPoint(ContactPoint(
                origin: origin, owner: owner, name: name, organisation: organisation, responsibilities: responsibilities,
                address: address, openingHours: openingHours, phone: phone?.value, email: email, website: website,
                languages: languages, reviewed: reviewed, areas: areas, body: body))

        case .story(let owner, let slug):
            let title = fields.text("title", required: true, example: "Ein Runder Tisch für alle")
            let date = fields.date("date", required: true)
            let summary = fields.text("summary", required: true)
            let image = fields.map("image", example: "{src: fest.jpg, alt: …}") { i -> StoryImage? in
                let src = i.located("src", required: true, example: "fest.jpg")
                let alt = i.text("alt", required: true, example: "Kinder spielen beim Sommerfest Fußball")
                guard let src, let alt else { return nil }
                let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
                let path = LinkPolicy.normalise(folder + "/" + src.value)
                guard !src.value.hasPrefix("/"), !src.value.contains(".."), assets.contains(path) else {
                    collector.error("missing-image", at: src.location, "Das Bild `\(src.value)` gibt es nicht neben dieser Geschichte.",
                        hint: "Lege die Bilddatei (jpg, png, webp oder gif) in denselben Ordner und nenne ihren Dateinamen.")
                    return nil
                }
                return StoryImage(file: path, alt: alt)
            }
            guard let origin = origin(slug), let title, let date, let summary else { return nil }
            return .story(Story(origin: origin, owner: owner, title: title, date: date, summary: summary, image: image, body: body))

        case .page(let slug):
            let title = fields.text("title", required: true, example: "Impressum")
            let summary = fields.text("summary")
            let reviewed = fields.date("reviewed")
            guard let origin = origin(slug), let title else { return nil }
            return .page(Page(origin: origin, title: title, summary: summary, reviewed: reviewed, body: body))

        case .facts:
            return nil
        }
    }

    /// Splits a Markdown file and reads its front matter as YAML; nil (after reporting) when either is broken.
    static func readFrontMatter(_ file: SourceFile, collector: DiagnosticCollector) -> (document: FrontMatterDocument, fields: YAMLMapReader)? {
        guard let document = FrontMatter.split(file, into: collector) else { return nil }
        let (node, ok) = YAMLDocument.parse(document.yaml, firstLine: document.yamlFirstLine, into: collector)
        guard ok, let fields = YAMLMapReader(node, context: "Vorspann", collector: collector,
            lineOffset: document.yamlFirstLine - 1, fallback: SourceLocation(line: 1, column: 1, endColumn: 4))
        else { return nil }
        return (document, fields)
    }

    /// `recurrence: {days: [Mo, Mi], start: "16:00", end: "18:00", every: 2, from: 2026-01-05, until: 2026-12-21}`
    private static func readRecurrence(_ r: YAMLMapReader, collector: DiagnosticCollector) -> Recurrence? {
        let days = r.locatedList("days", required: true, example: "[Mo, Mi]") ?? []
        let start = r.located("start", required: true, example: "\"16:00\"")
        let end = r.located("end", required: true, example: "\"18:00\"")
        let every = r.integer("every", example: "1")
        let from = r.date("from")
        let until = r.date("until")
        var weekdays: [Int] = []
        for day in days {
            guard let number = Recurrence.dayNames[day.value.lowercased().prefix(2).description], day.value.count <= 10 else {
                collector.error("invalid-value", at: day.location, "`\(day.value)` ist kein Wochentag.",
                    hint: "Schreibe die Tage kurz: Mo, Di, Mi, Do, Fr, Sa, So.")
                return nil
            }
            if !weekdays.contains(number) { weekdays.append(number) }
        }
        func minutes(_ time: Located<String>?) -> Int? {
            guard let time else { return nil }
            let parts = time.value.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m), parts[1].count == 2 {
                return h * 60 + m
            }
            collector.error("invalid-value", at: time.location, "`\(time.value)` ist keine Uhrzeit.",
                hint: "Schreibe die Uhrzeit als SS:MM in Anführungszeichen, z. B. \"16:30\".")
            return nil
        }
        guard let startMinutes = minutes(start), let endMinutes = minutes(end), !weekdays.isEmpty else { return nil }
        guard endMinutes > startMinutes else {
            collector.error("invalid-value", at: end?.location ?? r.location, "Das Ende liegt nicht nach dem Beginn.",
                hint: "Termine über Mitternacht gibt es hier nicht; prüfe `start` und `end`.")
            return nil
        }
        if let every, !(1...52).contains(every) {
            collector.error("invalid-value", at: r.location, "`every: \(every)` muss zwischen 1 und 52 Wochen liegen.", hint: "Schreibe z. B. `every: 2` für alle zwei Wochen.")
            return nil
        }
        if let from, let until, until < from {
            collector.error("invalid-value", at: r.location, "`until` liegt vor `from`.", hint: "Prüfe die beiden Daten.")
            return nil
        }
        return Recurrence(weekdays: weekdays.sorted(), start: startMinutes, end: endMinutes, interval: every ?? 1, from: from, until: until)
    }

    /// `lintIgnore: [{rule: asylant, reason: "…"}]`: whole-file suppressions of the wording lint.
    static func readLintIgnore(_ fields: YAMLMapReader) -> [LintSuppression] {
        fields.mapList("lintIgnore", itemName: "Ausnahme") { entry -> LintSuppression? in
            guard let rule = entry.located("rule", required: true, example: "asylant") else { return nil }
            let reason = entry.text("reason", example: "Zitat, das die Geschichte zurückweist")
            return LintSuppression(rules: [rule.value], reason: reason, location: rule.location, lines: nil)
        }
    }

    private static func parseFacts(_ file: SourceFile, owner: Owner, collector: DiagnosticCollector) -> Facts? {
        let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: "zahlen.yml", collector: collector, lineOffset: 0, fallback: .start) else { return nil }
        defer { reader.finish() }
        let reviewed = reader.date("reviewed")
        var seenIDs: [String: Int] = [:]
        let indicators = reader.mapList("indicators", required: true, itemName: "Kennzahl") { item -> Indicator? in
            let id = item.located("id", example: "einwohner")
            let label = item.text("label", required: true, example: "Einwohnerinnen und Einwohner")
            let value = item.number("value", required: true)
            let unit = item.text("unit", required: true, example: "Personen")
            let year = item.integer("year", required: true, example: "2025")
            let source = item.text("source", required: true, example: "Statistisches Landesamt")
            if let id {
                if !ContentPath.isValidSlug(id.value) {
                    collector.error("invalid-slug", at: id.location, "`\(id.value)` ist kein gültiger Kurzname.",
                        hint: "Schreibe z. B. `id: \(ContentPath.suggestSlug(id.value))`.")
                } else if let line = seenIDs[id.value] {
                    collector.error("duplicate-slug", at: id.location, "Die Kennzahl `\(id.value)` gibt es schon (Zeile \(line)).",
                        hint: "Gib jeder Kennzahl eine eigene `id`.")
                } else {
                    seenIDs[id.value] = id.location.line
                }
            }
            if let year, !(1900...2200).contains(year) {
                collector.error("invalid-value", at: item.location, "`year: \(year)` ist kein plausibles Jahr.", hint: "Schreibe das Bezugsjahr, z. B. `year: 2025`.")
            }
            guard let label, let value, let unit, let year, let source else { return nil }
            return Indicator(id: id?.value, label: label, value: value, unit: unit, year: year, source: source)
        }
        return Facts(file: file.path, owner: owner, reviewed: reviewed, indicators: indicators)
    }
}
