import Foundation
import Testing
@testable import VorortCore

/// Events: their checks (each at the value that is wrong), and the sample built on a fixed day — which events are
/// listed, archived or kept for staff, their calendars read back by a real parser, their JSON against its schema.
/// The sample is built with `today` fixed, so that no test changes its mind when an event of the sample passes.
@Suite("Events")
struct EventTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 26)!
    static let path = "content/gemeinden/dorf/veranstaltungen/fest.md"

    /// The type's example with `key` set to `value` (or removed when nil), naming the minimal site's contact point.
    static func event(_ changes: [(String, String?)]) -> String {
        var text = Event.example.replacingOccurrences(of: "contact: integrationsbuero", with: "contact: beratung")
        for (key, value) in changes {
            text = value.map { ContentTypeDeclarationTests.example(of: Event.self, setting: key, to: $0, in: text) }
                ?? ContentTypeDeclarationTests.example(of: Event.self, removing: key, in: text)
        }
        return text
    }

    static func check(_ text: String) throws -> CheckReport {
        let root = try TestSupport.minimalSite(extra: [path: text])
        defer { TestSupport.cleanUp(root) }
        return Pipeline.check(siteRoot: root, today: today)
    }

    @Test func theExampleIsClean() throws {
        let report = try Self.check(Self.event([]))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let event = try #require(report.site?.content.events.first)
        #expect(event.start == EventTime(date: CalendarDate(year: 2027, month: 3, day: 12)!, minutes: 18 * 60 + 30))
        #expect(event.end == EventTime(date: CalendarDate(year: 2027, month: 3, day: 12)!, minutes: 20 * 60))
        #expect(event.place.city == "Dorf")
    }

    /// Each mistake: the rule, the key whose line it must stand on, and words of the German message.
    static let mistakes: [(change: (String, String?), rule: String, line: String, words: String)] = [
        (("end", "2027-03-11 20:00"), "invalid-value", "end", "vor dem Beginn"),
        (("end", "\"17:00\""), "invalid-value", "end", "vor dem Beginn"),
        (("start", "2027-03-12 25:00"), "invalid-value", "start", "keine Uhrzeit"),
        (("start", "2027-03-12 18:75"), "invalid-value", "start", "keine Uhrzeit"),
        (("start", "2027-02-30 18:00"), "invalid-date", "start", "28 Tage"),
        (("start", "12.03.2027"), "invalid-date", "start", "JJJJ-MM-TT"),
        (("place", "{name: Bürgerhaus, street: Markt 1}"), "missing-field", "place", "`city`"),
        (("place", "Bürgerhaus am Markt"), "wrong-type", "place", "online"),
        (("place", "{name: Bürgerhaus, postalCode: \"383\", city: Dorf}"), "invalid-value", "place", "fünf Ziffern"),
        (("registration", "{until: 2027-03-20, how: Telefon}"), "invalid-value", "registration", "nach dem Beginn"),
        (("registration", "{}"), "missing-field", "registration", "weder"),
        (("contact", "gibtsnicht"), "dangling-contact", "contact", "gibt es nicht"),
        (("category", "Sprachen"), "unknown-category", "category", "Sprachen"),
        (("movedTo", "2027-04-16 18:30"), "invalid-value", "movedTo", "verschobenen"),
        (("status", "ausgefallen"), "invalid-value", "status", "abgesagt"),
        (("forStaff", "vielleicht"), "invalid-value", "forStaff", "true"),
        (("areas", "[auenstein]"), "areas-not-allowed", "areas", "Landkreises"),
    ]

    @Test(arguments: EventTests.mistakes.indices)
    func eachMistakeIsOneLocatedGermanFinding(_ position: Int) throws {
        let mistake = Self.mistakes[position]
        let text = Self.event([mistake.change])
        let report = try Self.check(text)
        let findings = report.diagnostics.filter { $0.severity == .error }
        #expect(findings.count == 1, "\(mistake.change): \(findings.map { "\($0.rule) \($0.message)" })")
        let finding = try #require(findings.first)
        #expect(finding.rule == mistake.rule, "\(mistake.change): \(finding.rule) \(finding.message)")
        #expect(finding.file == Self.path)
        #expect(finding.location.line == ContentTypeDeclarationTests.line(of: mistake.line, in: text), "\(mistake.change): line")
        #expect(finding.message.contains(mistake.words), "\(mistake.change): \(finding.message)")
        #expect(!finding.hint.isEmpty)
        #expect(report.site == nil, "an error stops the build")
    }

    @Test func timesDaysAndMovesAreReadAsWritten() throws {
        let allDay = try #require(try Self.check(Self.event([("start", "2027-05-08"), ("end", "2027-05-09")])).site?.content.events.first)
        #expect(allDay.start.minutes == nil && allDay.lastDay.iso == "2027-05-09")
        let moved = try #require(try Self.check(Self.event([("status", "verschoben"), ("movedTo", "2027-03-19 19:00")])).site?.content.events.first)
        #expect(moved.effectiveStart.iso == "2027-03-19T19:00")
        #expect(moved.effectiveEnd?.iso == "2027-03-19T20:30", "the end moves with the start")
        #expect(!moved.isPast(on: CalendarDate(year: 2027, month: 3, day: 15)!), "listed until its new date")
        let online = try #require(try Self.check(Self.event([("place", "online")])).site?.content.events.first)
        #expect(online.place == .online)
        // An event in the past is no finding: it moves to the archive by itself.
        #expect(try Self.check(Self.event([("start", "2026-10-01 18:00"), ("registration", nil)])).diagnostics.isEmpty)
    }

    // MARK: - The sample, built on 26 November 2026

    static func sample(today: CalendarDate = EventTests.today) throws -> (site: CheckedSite, files: [String: String]) {
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot, today: today)
        let site = try #require(report.site, "\(report.diagnostics)")
        var files: [String: String] = [:]
        for file in try Pipeline.render(site, search: true) {
            if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) }
        }
        return (site, files)
    }

    @Test func theSampleHasWhatTheIssueAsksFor() throws {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot, today: Self.today).site)
        let events = site.content.events
        #expect(events.count >= 20)
        #expect(events.filter { $0.isPast(on: Self.today) }.count >= 3)
        #expect(events.contains { $0.status == .cancelled } && events.contains { $0.status == .moved && $0.movedTo != nil })
        #expect(events.contains { $0.forStaff } && events.contains { !$0.forStaff && $0.isForStaff(site.config) })
        #expect(Set(events.map(\.owner)).count >= 6)
        let translated = events.map { site.content.translations[$0.origin.file] ?? [:] }
        for language in ["en", "ar", "uk", "tr", "ls"] { #expect(translated.contains { $0[language] != nil }, "\(language)") }
    }

    @Test func listsArchiveAndStaffFollowTheBuildDay() throws {
        let (_, files) = try Self.sample()
        let list = try #require(files["veranstaltungen/index.html"])
        #expect(list.contains("Willkommenstag in der Kreisvolkshochschule"))
        #expect(list.contains("Dezember 2026") && list.contains("Juni 2027"), "by month")
        #expect(!list.contains("Kochabend"), "past events leave the list")
        #expect(!list.contains("Runder Tisch Integration"), "staff events are not for residents")
        #expect(!list.contains("Bescheide und Briefe"), "nor are events in a staff category")
        let archive = try #require(files["veranstaltungen/archiv/index.html"])
        #expect(archive.contains("Kochabend") && archive.contains("Elternabend"))
        #expect(!archive.contains("Willkommenstag") && !archive.contains("Runder Tisch"))
        let staff = try #require(files["veranstaltungen/fuer-haupt-und-ehrenamt/index.html"])
        #expect(staff.contains("Runder Tisch Integration im Frühjahr") && staff.contains("Bescheide und Briefe"))
        #expect(staff.contains("Runder Tisch Integration im Herbst"), "past staff events under „Schon vorbei“")

        let home = try #require(files["index.html"])
        #expect(home.contains("id=\"termine\"") && home.contains("Spielenachmittag für Familien"))
        #expect(!home.contains("Runder Tisch Integration im Frühjahr"))
        // Auenstein: its own cancelled reception, marked; the district's events for all; not Falkenried's.
        let auenstein = try #require(files["gemeinden/auenstein/index.html"])
        #expect(auenstein.contains("Abgesagt") && auenstein.contains("Neujahrsempfang"))
        #expect(auenstein.contains("Willkommenstag in der Kreisvolkshochschule"))
        let auensteinEvents = try #require(files["gemeinden/auenstein/veranstaltungen/index.html"])
        #expect(auensteinEvents.contains("Fahrradkurs für Frauen") && !auensteinEvents.contains("Wohnungssuche in Falkenried"))
        #expect(try #require(files["gemeinden/falkenried/veranstaltungen/index.html"]).contains("Wohnungssuche in Falkenried"))

        // Two months later the welcome day and the cancelled reception have passed by themselves.
        let later = try Self.sample(today: CalendarDate(year: 2027, month: 1, day: 20)!).files
        let laterList = try #require(later["veranstaltungen/index.html"])
        #expect(!laterList.contains("Willkommenstag") && !laterList.contains("Neujahrsempfang"))
        #expect(try #require(later["veranstaltungen/archiv/index.html"]).contains("Willkommenstag"))
        #expect(try #require(later["kreis/veranstaltungen/willkommenstag-kvhs/index.html"]).contains("Diese Veranstaltung ist vorbei."))
    }

    @Test func cancelledAndMovedAreMarkedEverywhere() throws {
        let (_, files) = try Self.sample()
        func jsonLD(_ path: String) throws -> [String: Any] {
            let html = try #require(files[path])
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        }
        let moved = try jsonLD("kreis/veranstaltungen/infoabend-ausbildung/index.html")
        #expect(moved["@type"] as? String == "Event")
        #expect(moved["eventStatus"] as? String == "https://schema.org/EventRescheduled")
        #expect(moved["startDate"] as? String == "2027-02-04T17:00:00+01:00")
        #expect(moved["previousStartDate"] as? String == "2027-01-28T17:00:00+01:00")
        let movedPage = try #require(files["kreis/veranstaltungen/infoabend-ausbildung/index.html"])
        #expect(movedPage.contains("Neuer Termin:") && movedPage.contains("28. Januar 2027"))
        let cancelled = try jsonLD("gemeinden/auenstein/veranstaltungen/neujahrsempfang/index.html")
        #expect(cancelled["eventStatus"] as? String == "https://schema.org/EventCancelled")
        #expect(try #require(files["gemeinden/auenstein/veranstaltungen/neujahrsempfang/index.html"]).contains("Diese Veranstaltung fällt aus."))
        let online = try jsonLD("kreis/veranstaltungen/online-infoabend-einbuergerung/index.html")
        #expect(online["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        // Summer time in June: +02:00.
        #expect(try jsonLD("gemeinden/lindenbrueck/veranstaltungen/interkulturelles-fest/index.html")["startDate"] as? String
                == "2027-06-12T11:00:00+02:00")
    }

    @Test func searchFindsUpcomingEventsForResidentsByMonth() throws {
        let (_, files) = try Self.sample()
        let upcoming = try #require(files["kreis/veranstaltungen/willkommenstag-kvhs/index.html"])
        #expect(upcoming.contains("data-pagefind-body"))
        #expect(upcoming.contains("<p hidden data-pagefind-filter=\"Monat\">Januar 2027</p>"))
        #expect(upcoming.contains("<p hidden data-pagefind-filter=\"Art\">Veranstaltung</p>"))
        let english = try #require(files["en/kreis/veranstaltungen/willkommenstag-kvhs/index.html"])
        #expect(english.contains("<p hidden data-pagefind-filter=\"Month\">January 2027</p>"))
        #expect(!(try #require(files["gemeinden/weidental/veranstaltungen/kochabend/index.html"])).contains("data-pagefind-body"), "past")
        #expect(!(try #require(files["kreis/veranstaltungen/runder-tisch-integration-maerz/index.html"])).contains("data-pagefind-body"), "staff")
    }

    @Test func calendarsParseWithARealParser() throws {
        let (site, files) = try Self.sample()
        let lists = EventLists(content: site.content, config: site.config, today: Self.today)
        let folder = TestSupport.temporaryFolder("vorort-event-ics")
        defer { TestSupport.cleanUp(folder) }
        var expected: [String: Int] = [Routes.eventsForStaffFeed: lists.forFeed(lists.staffUpcoming + lists.staffPast).count]
        for owner in [Owner.district] + site.content.municipalities.map({ .municipality($0.slug) }) {
            expected[Routes.eventsFeed(owner)] = lists.feed(for: owner, config: site.config, municipalities: site.content.municipalities).count
        }
        for event in site.content.events { expected[Routes.eventCalendar(event)] = 1 }
        #expect(expected[Routes.eventsFeed(.district)]! >= 15)
        for (path, count) in expected {
            let url = folder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "-"))
            try Data(try #require(files[path], "\(path)").utf8).write(to: url)
            let result = try TestSupport.python("""
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = list(cal.walk('VEVENT'))
                for e in events:
                    start, end = e['DTSTART'].dt, e.get('DTEND')
                    assert end is None or end.dt > start, (e['SUMMARY'], start, end.dt)
                    assert type(end.dt) is type(start) if end else True
                    assert e['STATUS'] in ('CONFIRMED', 'CANCELLED', 'TENTATIVE')
                    assert (e['STATUS'] == 'CANCELLED') == str(e['SUMMARY']).startswith('Abgesagt: ')
                    assert str(e['URL']).startswith('https://www.landkreis-lindenbrueck.de/integration/')
                print(len(events))
                """, [url.path])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            #expect(Int(result.stdout.trimmed) == count, "\(path)")
        }
        let cancelled = try #require(files["gemeinden/auenstein/veranstaltungen/neujahrsempfang/termin.ics"])
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(!(try #require(files[Routes.eventsFeed(.district)])).contains("Runder Tisch"), "the residents' feed")
    }

    @Test func theExportFollowsItsSchema() throws {
        let (site, files) = try Self.sample()
        let json = try #require(files[Routes.eventsFile])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == site.content.events.count)
        #expect(events.contains { $0["status"] as? String == "cancelled" } && events.contains { $0["movedFrom"] != nil })
        #expect(events.contains { $0["forStaff"] as? Bool == true })
        let folder = TestSupport.temporaryFolder("vorort-events-json")
        defer { TestSupport.cleanUp(folder) }
        let file = folder.appendingPathComponent("veranstaltungen.json")
        try Data(json.utf8).write(to: file)
        let schema = TestSupport.packageRoot.appendingPathComponent("docs/veranstaltungen.schema.json").path
        let result = try TestSupport.python("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), format_checker=jsonschema.FormatChecker())
            """, [schema, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The export does not depend on the day it was built: past events are in it, marked by their dates.
        #expect(try Self.sample(today: CalendarDate(year: 2027, month: 8, day: 1)!).files[Routes.eventsFile] == json)
    }
}
