/// iCalendar files (RFC 5545) of the offers with a regular weekly schedule: one for the district and one per
/// municipality, so residents can put the dates of a language café or a sports group into their calendar.
enum Calendar {
    static func file(for owner: Owner) -> String { "kalender/\(owner.municipalitySlug ?? "landkreis").ics" }

    static let weekdayCodes = ["", "MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Text value escaping of RFC 5545 §3.3.11, on Unicode scalars: `"\r\n"` is a single `Character`, so a walk
    /// over Characters let a title carry a line break into the file and with it forged properties (an alarm, an
    /// attachment). Every line break becomes `\n`; other control characters, which RFC 5545 forbids in text, are dropped.
    static func escape(_ text: String) -> String {
        var previous: Unicode.Scalar?
        return ScalarRewriter.rewrite(text) { scalar in
            defer { previous = scalar }
            switch scalar {
            case "\\": return "\\\\"
            case ";": return "\\;"
            case ",": return "\\,"
            // CR LF is one line break, and so are a lone CR, LF, NEL and the Unicode line and paragraph separators.
            case "\n" where previous == "\r": return ""
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": return "\\n"
            case "\t": return " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): return ""
            default: return nil
            }
        }
    }

    /// Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if current + size > 75 {
                out += "\r\n "
                current = 1
            }
            out.unicodeScalars.append(scalar)
            current += size
        }
        return out + "\r\n"
    }

    static func time(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + (m < 10 ? "0" : "") + String(m) + "00"
    }

    static func compact(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    /// Europe/Berlin with its daylight-saving rules, so calendars show local times all year.
    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func ics(offers: some Collection<Offer>, ownerName: String, models: ViewModels) -> String {
        let base = models.config.baseURL
        let host = URLComponentsHost.host(of: base)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vorort//Angebote//DE", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape("Angebote: " + ownerName), "X-WR-TIMEZONE:Europe/Berlin"] + timeZone
        for offer in offers {
            guard let recurrence = offer.recurrence else { continue }
            // The first date on one of the days, on or after `from` (or the date the offer was last reviewed).
            let start = recurrence.from ?? offer.reviewed
            var first = start
            while !recurrence.weekdays.contains(first.weekday) { first = first.adding(days: 1) }
            var rule = "FREQ=WEEKLY;BYDAY=" + recurrence.weekdays.map { weekdayCodes[$0] }.joined(separator: ",")
            if recurrence.interval > 1 { rule += ";INTERVAL=\(recurrence.interval)" }
            if let until = recurrence.until { rule += ";UNTIL=\(compact(until))T235959Z" }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape(Routes.identifier(Routes.offer(offer)).replacingOccurrences(of: "/", with: ".")) + "@" + host,
                "DTSTAMP:\(compact(offer.reviewed))T000000Z",
                "DTSTART;TZID=Europe/Berlin:\(compact(first))T\(time(recurrence.start))",
                "DTEND;TZID=Europe/Berlin:\(compact(first))T\(time(recurrence.end))",
                "RRULE:" + rule,
                "SUMMARY:" + escape(offer.title),
                "DESCRIPTION:" + escape(offer.summary + (offer.schedule.map { "\n" + $0 } ?? "") + "\n" + base + Routes.offer(offer)),
                "URL:" + base + Routes.offer(offer),
            ]
            if let place = offer.place { lines.append("LOCATION:" + escape(place)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }
}

import Foundation

/// The host part of the site address, for calendar UIDs.
enum URLComponentsHost {
    static func host(of url: String) -> String { URLComponents(string: url)?.host ?? "vorort.invalid" }
}
