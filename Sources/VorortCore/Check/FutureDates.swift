/// Dates written for the past (`date:` of a story, `reviewed:` of anything) that lie in the future: a story dated
/// years ahead is the newest on the home page for years, and „Stand: 20. November 2062“ tells residents nothing
/// true. A few days ahead are allowed (`BuildDate.futureTolerance`). Recurrences (`from`, `until`) plan ahead and
/// are not asked.
struct FutureDates {
    let today: CalendarDate

    /// Reports `date` when it lies too far ahead; the date is kept either way, so nothing else is reported about it.
    func check(_ date: Located<CalendarDate>?, key: String, story: Bool = false, collector: DiagnosticCollector) {
        guard let date, date.value > today.adding(days: BuildDate.futureTolerance) else { return }
        let written = "`\(key): \(date.value.iso)`"
        let meaning = story ? "das Datum, an dem die Geschichte erschienen ist" : "das Datum, an dem Sie die Angaben zuletzt geprüft haben"
        var hint = "Schreiben Sie \(meaning), z. B. `\(key): \(today.iso)`."
        if let typo = Self.swappedYear(date.value), typo <= today {
            hint = "Meinen Sie `\(key): \(typo.iso)`? " + hint
        }
        collector.error("future-date", at: date.location,
            "\(written) liegt in der Zukunft (heute ist der \(today.german)); veröffentlicht stünde \(story ? "die Geschichte als neueste vor allen anderen" : "„Stand: \(date.value.german)“").",
            hint: hint)
    }

    /// `2062` for `2026` (the last two digits swapped), the usual slip.
    static func swappedYear(_ date: CalendarDate) -> CalendarDate? {
        let year = date.year
        let swapped = year / 100 * 100 + (year % 10) * 10 + (year / 10 % 10)
        guard swapped != year else { return nil }
        return CalendarDate(year: swapped, month: date.month, day: date.day)
    }
}
