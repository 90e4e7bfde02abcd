import Foundation

/// Addresses of the event pages and files. Kept beside the events (rather than in `Routes`) so that the type is
/// added in files of its own; `Routes` stays the one place for everything else.
extension Routes {
    /// Every upcoming event for residents, by month.
    public static let events = "veranstaltungen/"
    /// Past events for residents, newest first.
    public static let eventsArchive = "veranstaltungen/archiv/"
    /// Events for staff of the administrations and volunteers (Runder Tisch, trainings).
    public static let eventsForStaff = "veranstaltungen/fuer-haupt-und-ehrenamt/"
    /// One municipality's upcoming events, with the district's that take place there or serve it.
    public static func municipalityEvents(_ slug: String) -> String { "gemeinden/\(slug)/veranstaltungen/" }
    /// „In den Kalender“: the iCalendar file of one event, beside its page.
    public static func eventCalendar(_ event: Event) -> String { (event.route ?? "") + "termin.ics" }
    /// The calendar residents subscribe to: the district's (every event for residents) or a municipality's.
    public static func eventsFeed(_ owner: Owner) -> String { "kalender/termine-\(owner.municipalitySlug ?? "landkreis").ics" }
    /// The calendar of the events for staff and volunteers.
    public static let eventsForStaffFeed = "kalender/termine-haupt-und-ehrenamt.ics"
    /// Every event as open data; schema in docs/veranstaltungen.schema.json.
    public static let eventsFile = "veranstaltungen.json"
}

/// The events sorted and sorted out once per site (in `SiteOrder`): upcoming and past by `today`, for residents and for staff,
/// and which ones each municipality shows. Every listing reads these, so none searches all events.
struct EventLists: Sendable {
    let today: CalendarDate
    /// Every event, by when it takes place (a moved one at its new date).
    let all: [Event]
    /// Upcoming events for residents, soonest first.
    let upcoming: [Event]
    /// Past events for residents, most recent first.
    let past: [Event]
    /// Events for staff and volunteers: upcoming soonest first, then past most recent first.
    let staffUpcoming: [Event]
    let staffPast: [Event]
    /// Upcoming events for residents that each municipality shows (its own and the district's for it), by slug.
    let upcomingByMunicipality: [String: [Event]]

    /// How long past events stay in the calendar feeds: calendar programs keep the recent past.
    static let feedMonthsBack = 6

    init(content: SiteContent, config: SiteConfig, today: CalendarDate) {
        self.today = today
        let sorted = content.events.sorted { ($0.effectiveStart, $0.title, $0.origin.file) < ($1.effectiveStart, $1.title, $1.origin.file) }
        all = sorted
        let residents = sorted.filter { !$0.isForStaff(config) }
        upcoming = residents.filter { !$0.isPast(on: today) }
        past = residents.filter { $0.isPast(on: today) }.reversed()
        let staff = sorted.filter { $0.isForStaff(config) }
        staffUpcoming = staff.filter { !$0.isPast(on: today) }
        staffPast = staff.filter { $0.isPast(on: today) }.reversed()
        var byMunicipality: [String: [Event]] = [:]
        for m in content.municipalities {
            byMunicipality[m.slug] = upcoming.filter { Self.shows($0, municipality: m) }
        }
        upcomingByMunicipality = byMunicipality
    }

    /// A municipality shows its own events and the district's that serve it (`areas`, none: all) or take place in it.
    static func shows(_ event: Event, municipality m: Municipality) -> Bool {
        switch event.owner {
        case .municipality(let slug): slug == m.slug
        case .district:
            SiteIndex.serves(event.areas, municipality: m.slug)
                || event.place.city.map { GermanSorting.key($0) == GermanSorting.key(m.name) } == true
        }
    }

    /// The events of a calendar feed: not older than `feedMonthsBack` months.
    func forFeed(_ events: [Event]) -> [Event] {
        let since = today.adding(months: -Self.feedMonthsBack)
        return events.filter { $0.lastDay >= since }
    }

    /// Events for residents that a municipality's feed holds (past ones included, see `forFeed`).
    func feed(for owner: Owner, config: SiteConfig, municipalities: [Municipality]) -> [Event] {
        let residents = all.filter { !$0.isForStaff(config) }
        guard let slug = owner.municipalitySlug else { return forFeed(residents) }
        guard let m = municipalities.first(where: { $0.slug == slug }) else { return [] }
        return forFeed(residents.filter { Self.shows($0, municipality: m) })
    }
}

extension SiteContent {
    public var events: [Event] { get { self[type: Event.self] } set { self[type: Event.self] = newValue } }
}

/// iCalendar (RFC 5545) for events: one file per event and the feeds. The escaping, folding and time zone are the
/// offers' (`Calendar`).
enum EventCalendar {
    static func ics(_ events: [Event], name: String, models: ViewModels) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vorort//Veranstaltungen//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Calendar.escape(name), "X-WR-TIMEZONE:Europe/Berlin"]
        if events.contains(where: { $0.effectiveStart.minutes != nil }) { lines += Calendar.timeZone }
        for event in events { lines += vevent(event, models: models) }
        lines.append("END:VCALENDAR")
        return lines.map(Calendar.fold).joined()
    }

    static func vevent(_ event: Event, models: ViewModels) -> [String] {
        let base = models.config.baseURL
        let url = base + (event.route ?? "")
        let start = event.effectiveStart, end = event.effectiveEnd
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + Calendar.escape(Routes.identifier(event.route ?? "").replacingOccurrences(of: "/", with: ".")) + "@"
                + URLComponentsHost.host(of: base),
            "DTSTAMP:\(Calendar.compact(event.reviewed))T000000Z",
        ]
        // DTSTART and DTEND must be of one kind: days for an event without a time (DTEND is the day after, exclusive),
        // local times otherwise (an end without a time ends that evening).
        if let minutes = start.minutes {
            lines.append("DTSTART;TZID=Europe/Berlin:\(Calendar.compact(start.date))T\(Calendar.time(minutes))")
            if let end {
                lines.append("DTEND;TZID=Europe/Berlin:\(Calendar.compact(end.date))T\(Calendar.time(end.minutes ?? 23 * 60 + 59))")
            }
        } else {
            lines.append("DTSTART;VALUE=DATE:\(Calendar.compact(start.date))")
            lines.append("DTEND;VALUE=DATE:\(Calendar.compact(event.lastDay.adding(days: 1)))")
        }
        var description = event.summary
        switch event.status {
        case .cancelled: description = "Abgesagt. " + description
        case .moved:
            description = (event.movedTo != nil ? "Verschoben, ursprünglich am \(event.start.date.german). " : "Verschoben, neuer Termin folgt. ")
                + description
        case .scheduled: break
        }
        lines += [
            // A moved event is the same event at a new time: a calendar that has it already updates it.
            "SEQUENCE:\(event.status == .moved ? 1 : 0)",
            "STATUS:" + (event.status == .cancelled ? "CANCELLED" : event.status == .moved && event.movedTo == nil ? "TENTATIVE" : "CONFIRMED"),
            "SUMMARY:" + Calendar.escape((event.status == .cancelled ? "Abgesagt: " : "") + event.title),
            "DESCRIPTION:" + Calendar.escape(description + "\n" + url),
            "LOCATION:" + Calendar.escape(placeText(event.place)),
            "URL:" + url,
        ]
        if let category = models.config.category(matching: event.category.value) {
            lines.append("CATEGORIES:" + Calendar.escape(category.label))
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `Kreisvolkshochschule, Schulstraße 4, 38350 Lindenbrück` or `Online`, in German (open data stays German).
    static func placeText(_ place: EventPlace) -> String {
        switch place {
        case .online: "Online"
        case .venue(let name, let street, let postalCode, let city):
            ([name] + (street.map { [$0] } ?? []) + [[postalCode, city].compactMap { $0 }.joined(separator: " ")]).joined(separator: ", ")
        }
    }
}

/// schema.org `Event` for an event's page.
extension StructuredData {
    /// `2027-03-12T18:30:00+01:00` (Central European time, summer time from the last Sunday in March to the last
    /// Sunday in October), or the day alone.
    static func isoWithOffset(_ time: EventTime) -> String {
        guard let minutes = time.minutes else { return time.date.iso }
        func lastSunday(_ month: Int) -> CalendarDate {
            var day = CalendarDate(year: time.date.year, month: month, day: 31)!
            while day.weekday != 7 { day = day.adding(days: -1) }
            return day
        }
        let (springs, falls) = (lastSunday(3), lastSunday(10))
        let summer = (time.date > springs || (time.date == springs && minutes >= 180)) && (time.date < falls || (time.date == falls && minutes < 180))
        return time.date.iso + "T" + EventTime.clock(minutes) + ":00" + (summer ? "+02:00" : "+01:00")
    }

    static func event(_ event: Event, models: ViewModels) -> String {
        let status: String
        switch event.status {
        case .cancelled: status = "https://schema.org/EventCancelled"
        case .moved: status = event.movedTo != nil ? "https://schema.org/EventRescheduled" : "https://schema.org/EventPostponed"
        case .scheduled: status = "https://schema.org/EventScheduled"
        }
        var data: [(String, JSON)] = [
            ("@type", "Event"), ("name", .text(models.title(event))), ("description", .text(models.summary(event))),
            ("url", .text(models.absoluteURL(event.route ?? ""))), ("startDate", .text(isoWithOffset(event.effectiveStart))),
            ("eventStatus", .text(status)),
            ("organizer", .object([("@type", "GovernmentOrganization"), ("name", .text(models.ownerName(event.owner))),
                                   ("url", .text(models.absoluteURL(Routes.owner(event.owner))))])),
        ]
        if let end = event.effectiveEnd { data.append(("endDate", .text(isoWithOffset(end)))) }
        if event.status == .moved, event.movedTo != nil { data.append(("previousStartDate", .text(isoWithOffset(event.start)))) }
        switch event.place {
        case .online:
            data.append(("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode"))
            data.append(("location", .object([("@type", "VirtualLocation"), ("url", .text(models.absoluteURL(event.route ?? "")))])))
        case .venue(let name, let street, let postalCode, let city):
            data.append(("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode"))
            var address: [(String, JSON)] = [("@type", "PostalAddress"), ("addressLocality", .text(city)), ("addressCountry", "DE")]
            if let street { address.append(("streetAddress", .text(street))) }
            if let postalCode { address.append(("postalCode", .text(postalCode))) }
            data.append(("location", .object([("@type", "Place"), ("name", .text(name)), ("address", .object(address))])))
        }
        if let audience = models.translated(event, "audience") ?? event.audience {
            data.append(("audience", .object([("@type", "Audience"), ("audienceType", .text(audience))])))
        }
        return script(data)
    }
}

/// `veranstaltungen.json`: every event as open data, past ones and those for staff included (marked), so that
/// other services can show them; schema in docs/veranstaltungen.schema.json.
enum EventsExport {
    static let schemaVersion = 1

    struct Document: Encodable {
        var schemaVersion: Int
        var site: String
        var district: String
        var generated: String
        var events: [Entry]
    }

    struct Entry: Encodable {
        var id: String
        var title: String
        var summary: String
        var url: String
        var calendar: String
        var start: String
        var end: String?
        var status: String
        var movedFrom: String?
        var place: Place
        var category: OpenData.CategoryExport?
        var provider: OpenData.ProviderExport
        var areas: [String]?
        var audience: String?
        var languages: [String]
        var cost: String?
        var accessibility: String?
        var registration: Registration?
        var contactPoint: Contact?
        var forStaff: Bool
        var reviewed: String
        var language: String
    }

    struct Place: Encodable {
        var online: Bool
        var name: String?
        var street: String?
        var postalCode: String?
        var city: String?
    }

    struct Registration: Encodable {
        var until: String?
        var how: String?
    }

    struct Contact: Encodable {
        var name: String
        var url: String
    }

    static func json(_ models: ViewModels, events: [Event]) -> Data {
        let base = models.config.baseURL
        let entries = events.map { event -> Entry in
            let route = event.route ?? ""
            let place: Place = switch event.place {
            case .online: Place(online: true)
            case .venue(let name, let street, let postalCode, let city): Place(online: false, name: name, street: street, postalCode: postalCode, city: city)
            }
            let point = event.contact.flatMap { models.index.contactPoint($0.value, for: event.owner) }
            return Entry(
                id: Routes.identifier(route), title: event.title, summary: event.summary, url: base + route,
                calendar: base + Routes.eventCalendar(event), start: event.effectiveStart.iso, end: event.effectiveEnd?.iso,
                status: event.status == .cancelled ? "cancelled" : event.status == .moved ? "moved" : "scheduled",
                movedFrom: event.status == .moved && event.movedTo != nil ? event.start.iso : nil, place: place,
                category: models.config.category(matching: event.category.value).map(OpenData.CategoryExport.init),
                provider: OpenData.ProviderExport(event.owner, models: models),
                areas: event.owner == .district ? event.areas?.map { ContentPath.canonicalSlug($0.value) } : nil,
                audience: event.audience, languages: event.languages, cost: event.cost, accessibility: event.accessibility,
                registration: event.registration.map { Registration(until: $0.until?.iso, how: $0.how) },
                contactPoint: point.map { Contact(name: $0.name, url: base + Routes.contactPoint($0)) },
                forStaff: event.isForStaff(models.config), reviewed: event.reviewed.iso, language: event.origin.language)
        }
        // The export's date is the newest review date, so an unchanged site builds byte for byte the same.
        let generated = events.map(\.reviewed).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = (try? encoder.encode(Document(schemaVersion: schemaVersion, site: base, district: models.config.district,
                                                 generated: generated.iso, events: entries))) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
