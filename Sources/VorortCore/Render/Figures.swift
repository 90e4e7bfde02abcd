/// Facts and figures for people: small counts hidden, tables, bar charts drawn as inline SVG at build time
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

    /// A horizontal bar chart: one labelled bar per row, the value written beside it, so it reads without
    /// colour; the table next to it is the text alternative.
    static func barChart(id: String, title: String, rows: [(label: String, value: Double, text: String)]) -> String {
        let width = 640.0, labelWidth = 200.0, barHeight = 22.0, gap = 8.0
        let maximum = max(rows.map(\.value).max() ?? 1, 1)
        let height = Double(rows.count) * (barHeight + gap) + gap
        var svg = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        svg += "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(XML.escape(title))</title>"
        for (index, row) in rows.enumerated() {
            let y = gap + Double(index) * (barHeight + gap)
            let barWidth = max(1, (width - labelWidth - 160) * row.value / maximum)
            svg += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + barHeight * 0.7))\" text-anchor=\"end\">\(XML.escape(row.label))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y))\" width=\"\(Int(barWidth))\" height=\"\(Int(barHeight))\"></rect>"
            svg += "<text x=\"\(Int(labelWidth + barWidth + 6))\" y=\"\(Int(y + barHeight * 0.7))\">\(XML.escape(row.text))</text>"
        }
        return svg + "</svg>"
    }
}
