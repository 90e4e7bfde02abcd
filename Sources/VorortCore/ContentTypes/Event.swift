import Foundation

/// An event (Veranstaltung): something that happens once — an information evening, a festival, a welcome day, a
/// meeting of the „Runder Tisch Integration“. Unlike an offer it has a date, and it leaves the lists by itself
/// once that date has passed (the build's `--today`), moving to the archive.
public struct Event: ContentItem {
    public var origin: ContentOrigin
    public var owner: Owner
    public var title: String
    public var summary: String
    public var start: EventTime
    public var end: EventTime?
    public var place: EventPlace
    public var category: Located<String>
    public var contact: Located<String>?
    public var audience: String?
    public var languages: [String]
    public var cost: String?
    public var accessibility: String?
    public var registration: EventRegistration?
    public var status: EventStatus
    /// For `status: verschoben`: the new start, when it is known.
    public var movedTo: EventTime?
    /// Meant for staff of the administrations and volunteers (a Runder Tisch, a training), not for residents.
    public var forStaff: Bool
    /// For district events: the municipalities served; nil means the whole district.
    public var areas: [Located<String>]?
    public var reviewed: CalendarDate
    public var body: MarkdownSource

    public var slug: String { origin.slug }

    public static let displayName = "Veranstaltung"
    public static let placement = ContentPlacement.ownedItems(folder: "veranstaltungen")
    public static let template: String? = "event"
    public static let commandNames = ["veranstaltung", "event", "termin"]

    enum Keys {
        static let title = FieldSpec.text("title", required: true, translated: .text(required: true),
            example: "Infoabend: Deutschkurse im Frühjahr", help: "Name der Veranstaltung, kurz und verständlich", prefill: .title)
        static let summary = FieldSpec.text("summary", required: true, translated: .text(required: true),
            example: "Welche Deutschkurse im Frühjahr beginnen und wie Sie sich anmelden", help: "Ein Satz: Worum geht es?")
        static let start = FieldSpec("start", .dateTime, required: true, example: "2027-03-12 18:30",
            help: "Beginn: Datum (JJJJ-MM-TT), wenn bekannt mit Uhrzeit (SS:MM)")
        static let end = FieldSpec("end", .dateTime, example: "2027-03-12 20:00",
            help: "Ende: Datum mit Uhrzeit, nur die Uhrzeit (\"20:00\") am selben Tag oder ein späteres Datum bei mehreren Tagen")
        static let place = FieldSpec("place", .map, required: true,
            example: "{name: Kreisvolkshochschule, street: Schulstraße 4, postalCode: \"38350\", city: Lindenbrück}",
            help: "Ort: Name, Straße, Postleitzahl (in Anführungszeichen) und Ort; für Veranstaltungen im Internet `online`")
        static let category = FieldSpec("category", .reference, required: true, example: "Sprache",
            help: "Kategorie aus `site.yml` (Name oder Kurzname)")
        static let contact = FieldSpec("contact", .reference, example: "integrationsbuero",
            help: "Anlaufstelle für Fragen: Dateiname (ohne `.md`) aus `anlaufstellen/` der Gemeinde oder des Landkreises", recommended: true)
        static let audience = FieldSpec.text("audience", translated: .text(required: false), example: "Alle, die Deutsch lernen möchten",
            help: "Für wen die Veranstaltung gedacht ist")
        static let languages = FieldSpec("languages", .textList, example: "[Deutsch, Arabisch]",
            help: "Sprachen, in denen gesprochen oder übersetzt wird")
        static let cost = FieldSpec.text("cost", translated: .text(required: false), example: "kostenlos", help: "Was die Teilnahme kostet")
        static let accessibility = FieldSpec.text("accessibility", translated: .text(required: false),
            example: "Der Saal ist stufenlos erreichbar.", help: "Barrierefreiheit: Zugang, Hilfen, Gebärdensprache")
        static let registration = FieldSpec("registration", .map, lintedSubkeys: ["how"],
            example: "{until: 2027-03-05, how: \"Telefon 05351 908-230 oder E-Mail an vhs@lindenbrueck.de\"}",
            help: "Anmeldung: bis wann (`until`, JJJJ-MM-TT) und wie (`how`); ohne Angabe ist keine Anmeldung nötig")
        /// In translations: how to register, in that language.
        static let registrationHow = FieldSpec("registrationHow", .text, translation: .translationOnly, linted: true,
            example: "Phone 05351 908-230", help: "Nur in Übersetzungen: wie man sich anmeldet")
        static let status = FieldSpec("status", .choice, example: "abgesagt",
            help: "Nur wenn sich etwas ändert: `abgesagt` oder `verschoben` (mit `movedTo`); die Veranstaltung bleibt bis zu ihrem Datum sichtbar und wird markiert")
        static let movedTo = FieldSpec("movedTo", .dateTime, example: "2027-04-16 18:30",
            help: "Nur bei `status: verschoben`: der neue Beginn (Datum, wenn bekannt mit Uhrzeit)")
        static let forStaff = FieldSpec("forStaff", .flag, example: "true",
            help: "`true` für Termine nur für Mitarbeitende und Ehrenamtliche (Runder Tisch, Schulung): Sie stehen dann nicht in den Listen für Einwohnerinnen und Einwohner, sondern auf der Seite „Termine für Haupt- und Ehrenamt“. Termine in einer Kategorie mit `audience: staff` gelten immer so")
        static let areas = FieldSpec("areas", .referenceList, example: "[auenstein, birkenfelde]",
            help: "Nur beim Landkreis: Gemeinden, für die die Veranstaltung gedacht ist (ohne Angabe: der ganze Landkreis)", districtOnly: true)
        static let reviewed = FieldSpec("reviewed", .date, required: true, example: "2026-11-20",
            help: "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT)", prefill: .today)
    }

    public static let schema: [FieldSpec] = [
        Keys.title, Keys.summary, Keys.start, Keys.end, Keys.place, Keys.category, Keys.contact, Keys.audience, Keys.languages,
        Keys.cost, Keys.accessibility, Keys.registration, Keys.registrationHow, Keys.status, Keys.movedTo, Keys.forStaff, Keys.areas,
        Keys.reviewed,
    ]

    public static let example = """
        ---
        title: "Infoabend: Deutschkurse im Frühjahr"
        summary: Welche Deutschkurse im Frühjahr beginnen und wie Sie sich anmelden.
        start: 2027-03-12 18:30
        end: "20:00"
        place: {name: Dorfgemeinschaftshaus, street: Lindenweg 2, postalCode: "38350", city: Dorf}
        category: Sprache
        contact: integrationsbuero
        audience: Alle, die Deutsch lernen möchten
        languages: [Deutsch, Arabisch]
        cost: kostenlos
        accessibility: Der Saal ist stufenlos erreichbar.
        registration: {until: 2027-03-05, how: "Telefon 05321 76-230"}
        reviewed: 2026-11-20
        ---
        Am Infoabend stellen die Kursträger ihre Deutschkurse vor.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.owner(owner) + "veranstaltungen/\(slug)/" }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { title }
    public var responsibleOwner: Owner { owner }

    /// When it takes place: the new date of a moved event, otherwise the one written.
    public var effectiveStart: EventTime { status == .moved ? movedTo ?? start : start }

    /// Its end, moved by as much as its start was.
    public var effectiveEnd: EventTime? {
        guard let end else { return nil }
        guard status == .moved, let movedTo else { return end }
        return end.shifted(by: movedTo.minutesSinceEpoch - start.minutesSinceEpoch)
    }

    /// The last day it takes place on.
    public var lastDay: CalendarDate { effectiveEnd?.date ?? effectiveStart.date }

    /// Whether it is over on `today`: an event of today is still listed. A moved event without a new date keeps its
    /// old one, so it stays visible, marked, until that day has passed.
    public func isPast(on today: CalendarDate) -> Bool { lastDay < today }

    /// Whether it is meant for staff and volunteers only: marked so, or in a staff category.
    public func isForStaff(_ config: SiteConfig) -> Bool {
        forStaff || config.category(matching: category.value)?.isForStaff == true
    }

    public static func parse(_ input: ParseInput) -> Event? {
        guard let fields = input.fields else { return nil }
        let collector = input.collector
        let title = fields.text(Keys.title)
        let summary = fields.text(Keys.summary)
        let startWritten = fields.located(Keys.start)
        let start = startWritten.flatMap { EventTime.read($0, key: "start", collector: collector) }
        let endWritten = fields.located(Keys.end)
        // A time alone belongs to the start's day; when the start could not be read, that has its finding already.
        let end = endWritten.flatMap { written -> EventTime? in
            if start == nil, !written.value.contains("-") { return nil }
            return EventTime.read(written, key: "end", sameDayAs: start?.date, collector: collector)
        }
        let place = readPlace(fields, town: input.ownerNameFromFolder ?? "Musterstadt", collector: collector)
        let category = fields.located(Keys.category)
        let contact = fields.located(Keys.contact)
        let audience = fields.text(Keys.audience)
        let languages = fields.textList(Keys.languages)
        let cost = fields.text(Keys.cost)
        let accessibility = fields.text(Keys.accessibility)
        var registrationUntil: Located<CalendarDate>?
        let registration = fields.map(Keys.registration) { r -> EventRegistration? in
            registrationUntil = r.locatedDate("until")
            let how = r.text("how", example: "Telefon 05321 76-230")
            if registrationUntil == nil, how == nil {
                collector.error("missing-field", at: r.location, "`registration` nennt weder `until` noch `how`.",
                    hint: "Schreiben Sie, bis wann und wie man sich anmeldet: `registration: {until: 2027-03-05, how: \"Telefon …\"}`, oder löschen Sie die Zeile.")
                return nil
            }
            return EventRegistration(until: registrationUntil?.value, how: how)
        }
        let status = fields.choice(Keys.status, of: EventStatus.self) ?? .scheduled
        let movedToWritten = fields.located(Keys.movedTo)
        let movedTo = movedToWritten.flatMap { EventTime.read($0, key: "movedTo", collector: collector) }
        let forStaff = fields.flag(Keys.forStaff.key) ?? false
        let areas = fields.locatedList(Keys.areas)
        let reviewedLocated = fields.locatedDate(Keys.reviewed)
        if let today = input.today { FutureDates(today: today).check(reviewedLocated, key: "reviewed", collector: collector) }

        // The checks between the dates, each at the value that is wrong.
        if let start, let end, let endWritten, end <= start, !(end.date == start.date && (end.minutes == nil || start.minutes == nil)) {
            collector.error("invalid-value", at: endWritten.location,
                "Das Ende (`\(endWritten.value)`) liegt \(end == start ? "gleichauf mit dem" : "vor dem") Beginn (`\(startWritten!.value)`).",
                hint: end.date == start.date
                    ? "Prüfen Sie die Uhrzeiten; Veranstaltungen über Mitternacht enden mit Datum: `end: \(start.date.adding(days: 1).iso) 01:00`."
                    : "Prüfen Sie die Daten; meist ist nur der Tag oder das Jahr vertippt.")
        }
        if let until = registrationUntil, let start, until.value > start.date {
            collector.error("invalid-value", at: until.location,
                "Die Anmeldefrist (`\(until.value.iso)`) endet nach dem Beginn der Veranstaltung (`\(start.date.iso)`).",
                hint: "Schreiben Sie einen Tag vor oder am Tag der Veranstaltung, z. B. `until: \(start.date.adding(days: -7).iso)`.")
        }
        if let movedToWritten, status != .moved {
            collector.error("invalid-value", at: movedToWritten.location, "`movedTo` gibt es nur bei verschobenen Veranstaltungen.",
                hint: "Schreiben Sie `status: verschoben` dazu, oder tragen Sie das neue Datum gleich unter `start` ein und löschen Sie `movedTo`.")
        }
        // A past event is not asked to be reviewed again: nobody will change it any more.
        if let today = input.today, let start, let reviewedLocated {
            let lastDay = max(end?.date ?? start.date, movedTo?.date ?? start.date)
            if lastDay >= today { input.reviewSchedule?.check(reviewedLocated, collector: collector) }
        }

        guard let origin = input.origin(), let title, let summary, let start, let place, let category, let reviewed = reviewedLocated?.value,
              !collector.hasErrors else { return nil }
        return Event(
            origin: origin, owner: input.owner, title: title, summary: summary, start: start, end: end, place: place,
            category: category, contact: contact, audience: audience, languages: languages, cost: cost, accessibility: accessibility,
            registration: registration, status: status, movedTo: status == .moved ? movedTo : nil, forStaff: forStaff, areas: areas,
            reviewed: reviewed, body: input.body)
    }

    /// `place: online`, or `place: {name: …, street: …, postalCode: "…", city: …}` — the town is required, since a
    /// street without it leaves newcomers guessing which of seven places is meant.
    private static func readPlace(_ fields: YAMLMapReader, town: String, collector: DiagnosticCollector) -> EventPlace? {
        let key = Keys.place.key
        guard fields.isMapping(key) else {
            guard let written = fields.located(Keys.place) else { return nil }
            if written.value.lowercased() == "online" { return .online }
            collector.error("wrong-type", at: written.location,
                "`place` muss `online` sein oder Name und Anschrift nennen; `\(written.value.prefix(60))` ist nur ein Text.",
                hint: "Schreiben Sie `place: {name: \(written.value.split(separator: ",").first.map(String.init) ?? "Bürgerhaus"), street: …, postalCode: \"…\", city: \(town)}`.")
            return nil
        }
        return fields.map(Keys.place.with(example: "{name: Bürgerhaus, street: Marktplatz 1, postalCode: \"12345\", city: \(town)}")) { p -> EventPlace? in
            let name = p.text("name", required: true, example: "Bürgerhaus")
            let street = p.text("street", example: "Marktplatz 1")
            let postalCode = p.located("postalCode", example: "\"12345\"")
            let city = p.text("city", required: true, example: town)
            if let postalCode, postalCode.value.utf8.count != 5 || !postalCode.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                collector.error("invalid-value", at: postalCode.location, "`\(postalCode.value)` ist keine Postleitzahl mit fünf Ziffern.",
                    hint: "Schreiben Sie die Postleitzahl in Anführungszeichen, damit führende Nullen bleiben: `postalCode: \"01067\"`.")
                return nil
            }
            guard let name, let city else { return nil }
            return .venue(name: name, street: street, postalCode: postalCode?.value, city: city)
        }
    }

    public static func checkReferences(_ events: [Event], in index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for event in events {
            diagnostics += ReferenceChecker.categoryContactAndAreas(
                category: event.category, contact: event.contact, areas: event.areas, owner: event.owner, file: event.origin.file,
                in: index, thing: "eine Veranstaltung", missingContact: "Die Veranstaltung nennt keine Anlaufstelle.",
                hint: "Ergänzen Sie `contact: <anlaufstelle>`, damit Interessierte wissen, an wen sie sich mit Fragen wenden.")
        }
        return diagnostics
    }
}

/// A day, with the time of day when it is known: `2027-03-12 18:30` or `2027-03-12`.
public struct EventTime: Sendable, Hashable, Comparable {
    public var date: CalendarDate
    /// Minutes after midnight; nil for a day without a time (an all-day festival).
    public var minutes: Int?

    /// Minutes since 1970 (a day without time counts from midnight), for comparing and shifting.
    var minutesSinceEpoch: Int { date.dayNumber * 1440 + (minutes ?? 0) }

    func shifted(by delta: Int) -> EventTime {
        let total = minutesSinceEpoch + delta
        let day = CalendarDate(dayNumber: total >= 0 ? total / 1440 : (total - 1439) / 1440)
        return EventTime(date: day, minutes: minutes.map { _ in ((total % 1440) + 1440) % 1440 })
    }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        (lhs.date, lhs.minutes ?? -1) < (rhs.date, rhs.minutes ?? -1)
    }

    /// `18:30`
    public var timeText: String? { minutes.map(Self.clock) }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// `2027-03-12T18:30` or `2027-03-12`.
    public var iso: String { date.iso + (timeText.map { "T" + $0 } ?? "") }

    /// `2027-03-12`, `2027-03-12 18:30` (also with `T`), and — for the end, when `sameDayAs` is given — `20:00` alone.
    /// Reports an impossible date or time at the value and returns nil.
    static func read(_ written: Located<String>, key: String, sameDayAs day: CalendarDate? = nil, collector: DiagnosticCollector) -> EventTime? {
        let text = written.value
        let parts = text.replacingOccurrences(of: "T", with: " ").split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var date: CalendarDate?
        var timeText: String?
        if parts.count == 1, parts[0].contains(":"), let day {
            date = day
            timeText = parts[0]
        } else if (1...2).contains(parts.count) {
            let d = parts[0].split(separator: "-", omittingEmptySubsequences: false)
            guard d.count == 3, d[0].count == 4, d[1].count == 2, d[2].count == 2, let y = Int(d[0]), let m = Int(d[1]), let dd = Int(d[2]) else {
                // `12.03.2027` as Germans write it: the hint spells it the way it is meant.
                let german = parts[0].split(separator: ".").compactMap { Int($0) }
                let meant = german.count == 3 ? CalendarDate(year: german[2] < 100 ? 2000 + german[2] : german[2], month: german[1], day: german[0]) : nil
                collector.error("invalid-date", at: written.location, "`\(text)` ist kein Datum im Format JJJJ-MM-TT.",
                    hint: meant.map { "Schreiben Sie das Datum als JJJJ-MM-TT: `\(key): \($0.iso)\(parts.count == 2 ? " " + parts[1] : "")`." }
                        ?? "Schreiben Sie das Datum als JJJJ-MM-TT und die Uhrzeit dahinter, z. B. `\(key): 2027-03-12 18:30`.")
                return nil
            }
            guard let valid = CalendarDate(year: y, month: m, day: dd) else {
                let reason = (1...12).contains(m)
                    ? "Der \(CalendarDate.germanMonthNames[m - 1]) \(y) hat nur \(CalendarDate.daysIn(month: m, year: y)) Tage."
                    : "Einen Monat \(m) gibt es nicht."
                collector.error("invalid-date", at: written.location, "`\(parts[0])` ist kein gültiges Datum: \(reason)",
                    hint: "Schreiben Sie ein Datum, das es gibt, im Format JJJJ-MM-TT.")
                return nil
            }
            date = valid
            timeText = parts.count == 2 ? parts[1] : nil
        } else {
            collector.error("invalid-date", at: written.location, "`\(text)` ist kein Datum mit Uhrzeit.",
                hint: "Schreiben Sie das Datum als JJJJ-MM-TT und die Uhrzeit als SS:MM, z. B. `\(key): 2027-03-12 18:30`.")
            return nil
        }
        guard let timeText else { return EventTime(date: date!, minutes: nil) }
        let t = timeText.split(separator: ":", omittingEmptySubsequences: false)
        guard t.count == 2, (1...2).contains(t[0].count), t[1].count == 2, let h = Int(t[0]), let m = Int(t[1]), (0...23).contains(h), (0...59).contains(m) else {
            collector.error("invalid-value", at: written.location, "`\(timeText)` ist keine Uhrzeit.",
                hint: "Schreiben Sie die Uhrzeit als SS:MM zwischen 00:00 und 23:59, z. B. `18:30`; Veranstaltungen bis Mitternacht enden um `23:59`.")
            return nil
        }
        return EventTime(date: date!, minutes: h * 60 + m)
    }
}

/// Where an event takes place.
public enum EventPlace: Sendable, Hashable {
    case online
    case venue(name: String, street: String?, postalCode: String?, city: String)

    public var city: String? {
        if case .venue(_, _, _, let city) = self { return city }
        return nil
    }
}

/// `registration: {until: 2027-03-05, how: "…"}`.
public struct EventRegistration: Sendable, Hashable {
    public var until: CalendarDate?
    public var how: String?
}

/// `status:` as editors write it; without it the event takes place as planned.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
    case cancelled = "abgesagt"
    case moved = "verschoben"
    /// Never written: the default.
    case scheduled = "findet statt"
}
