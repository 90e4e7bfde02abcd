/// An event on cards (lists, home page, municipality pages) and on its own page. A class like the other cards:
/// made once per language, shown on many pages.
final class EventCard: TemplateData, TemplateScope {
    let title: String
    let url: String
    let summary: String
    let owner: OwnerLink
    let textLang: String
    let category: CategoryLink?
    /// When, in the page's language: „12. März 2027, 18:30–20:00 Uhr“.
    let when: String
    /// The start for `<time datetime>`: `2027-03-12T18:30` or `2027-03-12`.
    let dateISO: String
    /// „Kreisvolkshochschule, Lindenbrück“ or „Online“.
    let placeText: String
    let isCancelled: Bool
    let isMoved: Bool
    /// „Abgesagt“ or „Verschoben“; nil while it takes place as planned.
    let statusText: String?
    let isForStaff: Bool
    let isPast: Bool

    init(title: String, url: String, summary: String, owner: OwnerLink, textLang: String, category: CategoryLink?, when: String,
         dateISO: String, placeText: String, isCancelled: Bool, isMoved: Bool, statusText: String?, isForStaff: Bool, isPast: Bool) {
        self.title = title
        self.url = url
        self.summary = summary
        self.owner = owner
        self.textLang = textLang
        self.category = category
        self.when = when
        self.dateISO = dateISO
        self.placeText = placeText
        self.isCancelled = isCancelled
        self.isMoved = isMoved
        self.statusText = statusText
        self.isForStaff = isForStaff
        self.isPast = isPast
    }

    static let fields = TemplateFields<EventCard>([
        .text("title") { $0.title }, .text("url") { $0.url }, .text("summary") { $0.summary }, .object("owner") { $0.owner },
        .flag("isDistrict") { $0.owner.isDistrict }, .text("textLang") { $0.textLang }, .object("category") { $0.category },
        .text("when") { $0.when }, .text("dateISO") { $0.dateISO }, .text("placeText") { $0.placeText },
        .flag("isCancelled") { $0.isCancelled }, .flag("isMoved") { $0.isMoved }, .text("statusText") { $0.statusText },
        .flag("isForStaff") { $0.isForStaff }, .flag("isPast") { $0.isPast },
    ])
}

/// The template data of an event's page: its card and what only the page shows.
struct EventPageData: PageData {
    static let template = "event"

    var card: EventCard
    /// The body's HTML as cmark wrote it (`ViewModels.body`).
    var body: [UInt8]
    var details: [OfferPageData.Detail]
    /// What changed, in a sentence: cancelled, or moved from which day.
    var statusNote: String?
    var contact: ContactCard?
    var areas: [MunicipalityCard]
    var calendarURL: String
    var eventsURL: String

    static let fields = TemplateFields<EventPageData>([
        .html("body") { $0.body }, .list("details") { $0.details }, .text("statusNote") { $0.statusNote },
        .object("contact") { $0.contact }, .list("areas") { $0.areas }, .text("calendarURL") { $0.calendarURL },
        .text("eventsURL") { $0.eventsURL },
    ] + EventCard.fields.embedded { $0.card })
}

extension Event: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.eventPage(self) }
}

extension ViewModels {
    func title(_ event: Event) -> String { translation(event.origin.file)?.title ?? event.title }
    func summary(_ event: Event) -> String { translation(event.origin.file)?.summary ?? event.summary }
    /// A translated detail of the event (`audience`, `cost` …), nil where the translation has none.
    func translated(_ event: Event, _ key: String) -> String? { translation(event.origin.file)?.fields[key] }

    /// „18:30 Uhr“, „18:30–20:00 Uhr“.
    private func times(_ start: Int?, _ end: Int?) -> String? {
        guard let start else { return nil }
        guard let end else { return strings.format("eventTime", ["time": EventTime.clock(start)]) }
        return strings.format("eventTimeRange", ["start": EventTime.clock(start), "end": EventTime.clock(end)])
    }

    /// When an event takes place, in this language: „12. März 2027, 18:30–20:00 Uhr“; over several days
    /// „8. Mai 2027 – 9. Mai 2027“ (each day with its time, where there is one).
    func when(_ event: Event) -> String { when(event.effectiveStart, event.effectiveEnd) }

    func when(_ start: EventTime, _ end: EventTime?) -> String {
        func one(_ time: EventTime) -> String {
            times(time.minutes, nil).map { strings.format("eventDateTime", ["date": date(time.date), "time": $0]) } ?? date(time.date)
        }
        guard let end, end.date != start.date else {
            let range = times(start.minutes, end?.minutes)
            return range.map { strings.format("eventDateTime", ["date": date(start.date), "time": $0]) } ?? date(start.date)
        }
        return one(start) + " – " + one(end)
    }

    /// Name and town, or the word for online, for cards.
    func placeText(_ place: EventPlace) -> String {
        switch place {
        case .online: strings.text("eventOnline")
        case .venue(let name, _, _, let city): name.contains(city) ? name : name + ", " + city
        }
    }

    func eventCard(_ event: Event) -> EventCard {
        let status: String? = switch event.status {
        case .cancelled: strings.text("eventCancelled")
        case .moved: strings.text("eventMoved")
        case .scheduled: nil
        }
        return EventCard(
            title: title(event), url: url(event.route ?? ""), summary: summary(event), owner: ownerLink(event.owner),
            textLang: textLang(event.origin.file), category: config.category(matching: event.category.value).map { categoryLink($0) },
            when: when(event), dateISO: event.effectiveStart.iso, placeText: placeText(event.place),
            isCancelled: event.status == .cancelled, isMoved: event.status == .moved, statusText: status,
            isForStaff: event.isForStaff(config), isPast: event.isPast(on: today))
    }
}

extension SiteRenderer {
    func card(_ event: Event) -> EventCard { eventCards[event.origin.file] ?? models.eventCard(event) }

    /// One event with its details, what changed, its contact point and its calendar file.
    func eventPage(_ event: Event) -> PageContent {
        let translated = models.translation(event.origin.file)
        var details: [OfferPageData.Detail] = []
        /// `german`: a value written in German only (names of places and languages), marked so on other pages.
        func add(_ key: String, _ value: String?, translatable: Bool = true, german: Bool = true) {
            guard let value else { return }
            let own = translatable ? translated?.fields[key] : nil
            details.append(OfferPageData.Detail(label: t(key), value: own ?? value, textLang: models.textLang(translated: own != nil || !german)))
        }
        let card = card(event)
        // The date and the word for online are in the page's language; names of places and languages are German.
        add("schedule", card.when, translatable: false, german: false)
        switch event.place {
        case .online: add("place", t("eventOnline"), translatable: false, german: false)
        case .venue: add("place", EventCalendar.placeText(event.place), translatable: false)
        }
        add("audience", event.audience)
        if let languages = OfferPageData.Detail.languages(event.languages, label: t("languages"), site: config.siteLanguage) {
            details.append(languages)
        }
        add("cost", event.cost)
        if let registration = event.registration {
            let how = translated?.fields["registrationHow"] ?? registration.how
            let until = registration.until.map { models.strings.format("registrationUntil", ["date": models.date($0)]) }
            let value = [until, how].compactMap { $0 }.joined(separator: ": ")
            details.append(OfferPageData.Detail(label: t("registration"), value: value,
                textLang: models.textLang(translated: registration.how == nil || translated?.fields["registrationHow"] != nil)))
        }
        add("accessibility", event.accessibility)
        let statusNote: String? = switch event.status {
        case .cancelled: t("eventCancelledNote")
        case .moved: event.movedTo != nil ? models.strings.format("eventMovedNote", ["date": models.when(event.start, event.end)]) : t("eventMovedOpen")
        case .scheduled: nil
        }
        let forStaff = event.isForStaff(config)
        let past = event.isPast(on: events.today)
        let data = EventPageData(
            card: card, body: models.body(event.origin.file), details: details, statusNote: statusNote,
            contact: event.contact.flatMap { index.contactPoint($0.value, for: event.owner) }.map { self.card($0) },
            areas: (event.areas ?? []).compactMap { index.municipality($0.value) }.map { self.card($0) },
            calendarURL: models.fileURL(Routes.eventCalendar(event)),
            eventsURL: models.url(forStaff ? Routes.eventsForStaff : past ? Routes.eventsArchive : Routes.events))
        let list: (String, String) = forStaff ? (t("eventsForStaff"), Routes.eventsForStaff)
            : past ? (t("eventsArchive"), Routes.eventsArchive) : (t("events"), Routes.events)
        // Residents' search finds upcoming events only: past ones are in the archive, staff events on their own page.
        let searchable = !forStaff && !past
        return PageContent(route: event.route ?? "", title: card.title, crumbs: [home, list], description: card.summary,
            stand: event.reviewed, data: data,
            structuredData: StructuredData.event(event, models: models),
            searchKind: searchable ? t("kindEvent") : nil,
            searchFilters: searchable
                ? [(t("filterPlace"), models.ownerName(event.owner)), (t("filterMonth"), monthLabel(event.effectiveStart.date))]
                    + (config.category(matching: event.category.value).map { [(t("filterTopic"), models.categoryLabel($0))] } ?? [])
                : [],
            file: event.origin.file)
    }

    /// „März 2027“ in this language.
    func monthLabel(_ date: CalendarDate) -> String {
        models.strings.format("monthYear", ["month": models.strings.monthName(date.month), "year": String(date.year)])
    }
}
