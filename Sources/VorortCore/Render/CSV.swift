/// Fields of the CSV downloads, safe to open in a spreadsheet.
enum CSV {
    /// Quoted, with quotes doubled. Text that a spreadsheet would run as a formula (beginning with `=`, `+`, `-`,
    /// `@`, tab or carriage return, also after leading spaces) gets a leading apostrophe, as OWASP recommends for
    /// CSV exports; spreadsheets show it as text. Numbers written by vorort (`isNumber`) stay numbers.
    /// Control characters other than line breaks are dropped; they have no place in a table cell.
    static func field(_ text: String, isNumber: Bool = false) -> String {
        // On Unicode scalars: `"` followed by a combining mark is one Character, which a replacement of `"` by
        // Characters leaves alone, and the field would end early.
        let cleaned = ScalarRewriter.rewrite(text) { scalar in
            switch scalar {
            case "\"": "\"\""
            case "\n", "\r", "\t": nil
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): ""
            default: nil
            }
        }
        return "\"" + (!isNumber && startsFormula(text) ? "'" : "") + cleaned + "\""
    }

    static func startsFormula(_ text: String) -> Bool {
        // Spreadsheets skip leading spaces (also no-break and full-width ones) before they look for `=`.
        guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{A0}" && $0 != "\u{3000}" }) else { return false }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return true
        default: return false
        }
    }
}
