/// The outline of a body as screen readers announce it and list it for jumping: the page's title is its only h1,
/// the body's sections start at `##` (h2), and each heading goes at most one level deeper than the one before
/// (`####` after `##` leaves out h3, and those who navigate by headings think they missed a part). Warnings: the
/// page reads all the same.
enum HeadingOrder {
    static func check(_ headings: [(level: Int, line: Int)], in body: MarkdownSource, collector: DiagnosticCollector) {
        var previous = 1  // the page title
        for heading in headings {
            // Only a finding needs the words: reading them splits the whole body, which for every heading of every
            // page was half of the check's time.
            func text() -> String { headingText(line: heading.line, in: body) }
            let at = SourceLocation(line: heading.line, column: 1, endColumn: 1 + heading.level)
            if heading.level == 1 {
                collector.warning("heading-level", at: at,
                    "`# \(text())` ist eine zweite Hauptüberschrift (h1); die Hauptüberschrift der Seite ist ihr Titel.",
                    hint: "Schreiben Sie Zwischenüberschriften mit zwei Rauten: `## \(text())`.")
                previous = 2
                continue
            }
            if heading.level > previous + 1 {
                let fitting = String(repeating: "#", count: previous + 1)
                let after = previous == 1 ? "auf den Titel der Seite (h1)" : "auf eine Überschrift der Ebene \(previous)"
                collector.warning("heading-level", at: at,
                    "`\(String(repeating: "#", count: heading.level)) \(text())` folgt \(after) und überspringt Ebene \(previous + 1); wer die Seite nach Überschriften liest, vermisst einen Teil.",
                    hint: "Schreiben Sie `\(fitting) \(text())`\(previous == 1 ? "; Abschnitte beginnen mit `##`" : ", eine Ebene unter der vorigen Überschrift").")
            }
            previous = heading.level
        }
    }

    /// The heading's words as written on its line: `## Kosten` → `Kosten` (for a setext heading, the line itself).
    static func headingText(line: Int, in body: MarkdownSource) -> String {
        let lines = body.text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = line - body.firstLine
        guard lines.indices.contains(index) else { return "…" }
        var text = lines[index].trimmed.drop { $0 == "#" }.trimmed
        while text.hasSuffix("#") { text = String(text.dropLast()).trimmed }
        return text.isEmpty ? "…" : String(text.prefix(80))
    }
}
