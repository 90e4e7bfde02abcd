/// Facts and figures for people: small counts hidden, tables, bar charts drawn at build time (HTML with SVG bars)
/// (no chart script) and CSV downloads with source, year and licence.
enum Figures {
    /// A whole-number count of people below the threshold would let readers identify someone: shown as "< N".
    static func display(_ indicator: Indicator, minimumCount: Int, grouping: String = ".", decimal: String = ",") -> String {
        if isSmallCount(indicator, minimumCount: minimumCount) { return "< \(minimumCount)" }
        return GermanFormat.number(indicator.value, grouping: grouping, decimal: decimal)
    }

    static func isSmallCount(_ indicator: Indicator, minimumCount: Int) -> Bool {
        indicator.value == indicator.value.rounded() && indicator.value >= 0 && indicator.value < Double(minimumCount)
            && !indicator.unit.contains("%")
    }

    /// The CSV of one facts file: semicolon-separated (as German spreadsheets expect), every field quoted.
    static func csv(_ facts: Facts, ownerName: String, minimumCount: Int, licence: String) -> String {
        var out = ["Gebiet", "Kennzahl", "Wert", "Einheit", "Jahr", "Quelle", "Lizenz"].map { CSV.field($0) }.joined(separator: ";") + "\r\n"
        for indicator in facts.indicators {
            let value = isSmallCount(indicator, minimumCount: minimumCount) ? "< \(minimumCount)" : GermanFormat.number(indicator.value)
            // The figure itself is written by vorort (digits, a sign, separators): it stays a number in spreadsheets.
            out += [CSV.field(ownerName), CSV.field(indicator.label), CSV.field(value, isNumber: true), CSV.field(indicator.unit),
                    CSV.field(String(indicator.year), isNumber: true), CSV.field(indicator.source), CSV.field(licence)]
                .joined(separator: ";") + "\r\n"
        }
        return out
    }

    /// A horizontal bar chart: one labelled bar per row, the value written beside each label, so it reads without
    /// colour; the table next to it is the text alternative. Labels and values are HTML text at the page's size —
    /// one SVG scaled to a phone's width shrank them to about 6 px — and only the bars are drawn, each a small SVG
    /// that stretches over the line's width (sizes in attributes: the Content-Security-Policy allows no inline
    /// styles).
    static func barChart(id: String, title: String, rows: [(label: String, value: Double, text: String)]) -> String {
        let maximum = max(rows.map(\.value).max() ?? 1, 1)
        var html = "<div class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        html += "<p class=\"visually-hidden\" id=\"\(id)-title\">\(HTMLEscaping.escape(title))</p>"
        for row in rows {
            // A bar of at least 0.5 % shows that the row is there even for a hidden small count.
            let length = max(5, Int((1000 * row.value / maximum).rounded()))
            html += "<p class=\"chart-row\"><span class=\"chart-label\">\(HTMLEscaping.escape(row.label))</span> "
            html += "<span class=\"chart-value\">\(HTMLEscaping.escape(row.text))</span>"
            html += "<svg class=\"chart-bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            html += "<rect width=\"\(length)\" height=\"10\"></rect></svg></p>"
        }
        return html + "</div>"
    }
}
