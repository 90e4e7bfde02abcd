import Foundation
import Testing
@testable import VorortCore

/// iCalendar files for offers with a regular schedule, read back by the `icalendar` package (a real parser).
@Suite("Calendars")
struct CalendarTests {
    @Test func weekdaysAndDayArithmetic() throws {
        #expect(try #require(CalendarDate(year: 2026, month: 11, day: 25)).weekday == 3)  // a Wednesday
        #expect(try #require(CalendarDate(year: 1970, month: 1, day: 1)).weekday == 4)
        #expect(try #require(CalendarDate(year: 2024, month: 2, day: 28)).adding(days: 1).iso == "2024-02-29")
        #expect(try #require(CalendarDate(year: 2026, month: 12, day: 31)).adding(days: 1).iso == "2027-01-01")
    }

    @Test func textIsEscapedAndLinesAreFolded() {
        #expect(Calendar.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
        let folded = Calendar.fold("DESCRIPTION:" + String(repeating: "ü", count: 60))
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func recurrenceIsValidated() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Sprachcafé
                category: Sprache
                summary: Deutsch sprechen.
                reviewed: 2026-02-01
                contact: beratung
                recurrence:
                  days: [Mo, Funday]
                  start: "18:00"
                  end: "17:00"
                ---

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let finding = try #require(TestSupport.check(root).findings("invalid-value").first)
        #expect(finding.location.line == 8)
        #expect(finding.message.contains("Funday"))
    }

    @Test func theSampleCalendarsParseWithARealParser() throws {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        let folder = TestSupport.temporaryFolder("vorort-ics")
        defer { TestSupport.cleanUp(folder) }
        var expected: [String: Int] = [:]
        for offer in site.content.offers where offer.recurrence != nil { expected[Calendar.file(for: offer.owner), default: 0] += 1 }
        #expect(expected.count >= 3)
        // The events' calendars (`kalender/termine-…`) are read in `EventTests`.
        for file in try Pipeline.render(site) where file.path.hasPrefix("kalender/") && !file.path.hasPrefix("kalender/termine-") {
            guard case .data(let data) = file.contents else { continue }
            let url = folder.appendingPathComponent(file.path.replacingOccurrences(of: "/", with: "-"))
            try data.write(to: url)
            let result = try TestSupport.python("""
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = list(cal.walk('VEVENT'))
                for e in events:
                    assert e['RRULE']['FREQ'] == ['WEEKLY'], e
                    start = e['DTSTART'].dt
                    days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
                    assert days[start.weekday()] in e['RRULE']['BYDAY'], (start, e['RRULE'])
                    assert str(start.tzinfo) in ('Europe/Berlin', 'CET', 'CEST') or start.utcoffset() is not None
                print(len(events))
                """, [url.path])
            #expect(result.status == 0, "\(file.path): \(result.stderr)")
            #expect(Int(result.stdout.trimmed) == expected[file.path], "\(file.path)")
        }
    }
}
