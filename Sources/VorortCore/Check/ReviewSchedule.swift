/// When facts are due to be checked again: the seed asks for information that is current, and an opening time or
/// a phone number nobody has looked at for years is likely wrong. `reviewed` plus the site's interval
/// (`reviewInterval` in `site.yml`, months) is the due day; past it the item gets a Hinweis, and `vorort report`
/// lists it with what falls due within `dueSoonDays`.
public struct ReviewSchedule: Sendable {
    public let today: CalendarDate
    public let months: Int
    /// How far ahead `vorort report` looks for what falls due soon.
    public static let dueSoonDays = 30

    public enum Status: String, Sendable {
        case current
        case dueSoon
        case overdue
    }

    public init(today: CalendarDate, months: Int) {
        self.today = today
        self.months = months
    }

    public func due(_ reviewed: CalendarDate) -> CalendarDate { reviewed.adding(months: months) }

    public func status(_ reviewed: CalendarDate) -> Status {
        let due = due(reviewed)
        if due < today { return .overdue }
        return due <= today.adding(days: Self.dueSoonDays) ? .dueSoon : .current
    }

    /// A Hinweis at `reviewed` when its due day has passed.
    func check(_ reviewed: Located<CalendarDate>?, collector: DiagnosticCollector) {
        guard let reviewed, status(reviewed.value) == .overdue else { return }
        let interval = switch months {
        case 1: "einem Monat"
        case 12: "einem Jahr"
        case _ where months % 12 == 0: "\(months / 12) Jahren"
        default: "\(months) Monaten"
        }
        collector.report(.info, "review-overdue", at: reviewed.location,
            "Die Angaben wurden zuletzt am \(reviewed.value.german) geprüft, vor mehr als \(interval) (fällig seit \(due(reviewed.value).german)).",
            hint: "Prüfen Sie Zeiten, Orte, Telefonnummern und Ansprechpersonen und setzen Sie danach `reviewed: \(today.iso)`.")
    }
}
