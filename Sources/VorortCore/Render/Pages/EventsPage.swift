/// The events of one month on a list page.
final class EventMonth: TemplateData, TemplateScope {
    /// „März 2027“
    let label: String
    /// `2027-03`, for the heading's id.
    let id: String
    let events: [EventCard]

    init(label: String, id: String, events: [EventCard]) {
        self.label = label
        self.id = id
        self.events = events
    }

    static let fields = TemplateFields<EventMonth>([
        .text("label") { $0.label }, .text("id") { $0.id }, .list("events") { $0.events },
    ])
}

/// The template data of the lists of events: all upcoming ones, a municipality's, the archive, the staff's.
struct EventsPageData: PageData {
    static let template = "events"

    var lead: String
    var months: [EventMonth]
    /// The calendar to subscribe to; nil on the archive.
    var feedURL: String?
    /// Past events on the staff's page, most recent first.
    var past: [EventCard]
    /// The other event lists.
    var links: [LinkData]

    static let fields = TemplateFields<EventsPageData>([
        .text("lead") { $0.lead }, .list("months") { $0.months }, .text("feedURL") { $0.feedURL }, .list("past") { $0.past },
        .list("links") { $0.links },
    ])
}

/// „Termine“ on the home page and on each municipality page (`partial-events.mustache`): the next events and the
/// way to all of them. One field of those pages, so the event part stays apart from the rest of their data.
struct EventsTeaser: TemplateData {
    var heading: String
    var items: [EventCard]
    var allURL: String
    var allLabel: String
    var feedURL: String

    static let fields = TemplateFields<EventsTeaser>([
        .text("heading") { $0.heading }, .list("items") { $0.items }, .text("allURL") { $0.allURL }, .text("allLabel") { $0.allLabel },
        .text("feedURL") { $0.feedURL },
    ])
}

extension SiteRenderer {
    /// How many events the home page and a municipality page show.
    static let teaserCount = 5

    /// Events grouped by the month they take place in, in the order given.
    func eventMonths(_ list: [Event]) -> [EventMonth] {
        var months: [EventMonth] = []
        var current: (key: String, date: CalendarDate, cards: [EventCard])?
        for event in list {
            let date = event.effectiveStart.date
            let key = String(date.iso.prefix(7))
            if current?.key != key {
                if let done = current { months.append(EventMonth(label: monthLabel(done.date), id: done.key, events: done.cards)) }
                current = (key, date, [])
            }
            current?.cards.append(card(event))
        }
        if let done = current { months.append(EventMonth(label: monthLabel(done.date), id: done.key, events: done.cards)) }
        return months
    }

    private func eventLinks(except route: String) -> [LinkData] {
        [(t("allEvents"), Routes.events), (t("eventsArchiveLink"), Routes.eventsArchive), (t("eventsForStaff"), Routes.eventsForStaff)]
            .filter { $0.1 != route }.map { LinkData(label: $0.0, url: models.url($0.1)) }
    }

    /// Every upcoming event for residents in the district and its municipalities, by month.
    func eventsPage() -> PageContent {
        PageContent(route: Routes.events, title: t("events"), crumbs: [home], description: t("eventsDescription"),
            data: EventsPageData(lead: t("eventsLead"), months: eventMonths(events.upcoming),
                                 feedURL: models.fileURL(Routes.eventsFeed(.district)), past: [], links: eventLinks(except: Routes.events)))
    }

    /// Past events for residents, the most recent first.
    func eventsArchivePage() -> PageContent {
        PageContent(route: Routes.eventsArchive, title: t("eventsArchive"), crumbs: [home, (t("events"), Routes.events)],
            description: t("eventsArchiveLead"),
            data: EventsPageData(lead: t("eventsArchiveLead"), months: eventMonths(events.past), feedURL: nil, past: [],
                                 links: eventLinks(except: Routes.eventsArchive)))
    }

    /// Events for staff of the administrations and volunteers: upcoming by month, then the past ones.
    func eventsForStaffPage() -> PageContent {
        PageContent(route: Routes.eventsForStaff, title: t("eventsForStaff"), crumbs: [home, (t("events"), Routes.events)],
            description: t("eventsForStaffLead"),
            data: EventsPageData(lead: t("eventsForStaffLead"), months: eventMonths(events.staffUpcoming),
                                 feedURL: models.fileURL(Routes.eventsForStaffFeed), past: events.staffPast.map { card($0) },
                                 // The staff's offers (trainings) belong with their events.
                                 links: eventLinks(except: Routes.eventsForStaff) + [LinkData(label: t("staffPage"), url: models.url(Routes.staff))]))
    }

    /// One municipality's upcoming events with the district's for it, by month.
    func municipalityEventsPage(_ m: Municipality) -> PageContent {
        // „Termine in Auenstein“, as the municipality's page says „Angebote in Auenstein“; the breadcrumb names the
        // place as every breadcrumb does („Stadt Auenstein“).
        let name = m.name
        return PageContent(route: Routes.municipalityEvents(m.slug), title: models.strings.format("eventsIn", ["name": name]),
            crumbs: [home, (t("municipalities"), Routes.municipalities), (models.placeName(m), Routes.municipality(m.slug))],
            description: models.strings.format("eventsInLead", ["name": name]),
            data: EventsPageData(lead: models.strings.format("eventsInLead", ["name": name]),
                                 months: eventMonths(events.upcomingByMunicipality[m.slug] ?? []),
                                 feedURL: models.fileURL(Routes.eventsFeed(.municipality(m.slug))), past: [],
                                 links: [LinkData(label: t("allEvents"), url: models.url(Routes.events)),
                                         LinkData(label: t("eventsArchiveLink"), url: models.url(Routes.eventsArchive))]))
    }

    /// The next events for the home page.
    func homeEventsTeaser() -> EventsTeaser {
        EventsTeaser(heading: t("events"), items: events.upcoming.prefix(Self.teaserCount).map { card($0) },
                     allURL: models.url(Routes.events), allLabel: t("allEvents"), feedURL: models.fileURL(Routes.eventsFeed(.district)))
    }

    /// The next events for a municipality's page: its own and the district's for it.
    func municipalityEventsTeaser(_ m: Municipality) -> EventsTeaser {
        let name = m.name
        return EventsTeaser(heading: models.strings.format("eventsIn", ["name": name]),
                            items: (events.upcomingByMunicipality[m.slug] ?? []).prefix(Self.teaserCount).map { card($0) },
                            allURL: models.url(Routes.municipalityEvents(m.slug)), allLabel: models.strings.format("allEventsIn", ["name": name]),
                            feedURL: models.fileURL(Routes.eventsFeed(.municipality(m.slug))))
    }
}
