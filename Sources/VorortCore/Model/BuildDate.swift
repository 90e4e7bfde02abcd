import Foundation

/// The day a check or build takes as today: from `--today`, else from `SOURCE_DATE_EPOCH` (so that builds of the
/// same files give the same findings, as reproducible builds expect), else from the clock. It is worked out once,
/// at the command line, and passed down as a value.
public enum BuildDate {
    /// Dates up to this many days after today are not yet in the future: a story written on Friday for Monday, and
    /// the hours between time zones.
    public static let futureTolerance = 3

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case invalidOption(String)
        case invalidEpoch(String)

        public var description: String {
            switch self {
            case .invalidOption(let value): "--today muss ein Datum der Form JJJJ-MM-TT sein, ist aber '\(value)'."
            case .invalidEpoch(let value): "SOURCE_DATE_EPOCH muss eine Zahl von Sekunden seit 1970 sein, ist aber '\(value)'."
            }
        }
    }

    /// `option` (`2026-11-20`) wins over `SOURCE_DATE_EPOCH` in `environment`, which wins over `now`. Days are UTC days.
    public static func resolve(option: String?, environment: [String: String], now: Date = Date()) throws -> CalendarDate {
        if let option {
            guard let date = CalendarDate(iso: option) else { throw Problem.invalidOption(option) }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else { throw Problem.invalidEpoch(epoch) }
            return day(ofSecondsSince1970: seconds)
        }
        return day(ofSecondsSince1970: Int(now.timeIntervalSince1970.rounded(.down)))
    }

    /// Today by the clock (UTC), for callers that were given no date.
    public static func clock() -> CalendarDate { day(ofSecondsSince1970: Int(Date().timeIntervalSince1970.rounded(.down))) }

    static func day(ofSecondsSince1970 seconds: Int) -> CalendarDate {
        CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}

extension CalendarDate {
    /// `2026-09-14` exactly, or nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
