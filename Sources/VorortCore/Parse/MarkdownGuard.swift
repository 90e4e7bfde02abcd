/// Refuses Markdown that would make Debian's cmark-gfm (0.29.0.gfm.6) work for minutes: that version predates
/// the upstream fixes for several inputs with quadratic cost (CVE-2023-22483, CVE-2023-22484,
/// GHSA-w4qg-3vf7-m9x5). Measured here: thousands of `<![CDATA[` or `<?` without their end, and tables
/// with thousands of columns. No page a person writes comes near these limits.
enum MarkdownGuard {
    /// At most this many `<![CDATA[` or `<?` in one text (raw HTML is not published anyway).
    static let maximumProcessingMarks = 100
    /// At most this many `|` in one line, i.e. about as many table columns.
    static let maximumTableColumns = 200
    /// At most this many `![` in one text: every picture needs one, and no page has a thousand. Each one makes
    /// cmark-gfm 0.29 rescan the brackets after it (CVE-2023-22486: `![[]()` × 40,000 took 2.8 s, × 330,000 minutes).
    static let maximumImageOpeners = 1_000
    /// At most this many possible autolinks (`@`, `www.`, `://`) in one line.
    static let maximumAutolinksPerLine = 300
    /// At most this many table cells in one text: every row of a table gets as many cells as its header, so a
    /// header of 199 columns over a million one-letter lines (1.8 MB) made 200 million cells and took 23 GB.
    static let maximumTableCells = 100_000
    /// Reference links (`[a]` with `[a]: https://…` elsewhere) repeat the definition's address at every use:
    /// uses × length of the longest definition may be at most this many bytes (a 1.9 KB address used 450,000
    /// times in 1.8 MB took 5 GB).
    static let maximumReferenceExpansion = 5_000_000
    /// At most this many levels of nested lists, quotes and emphasis: no text needs more, and deeper ones made the
    /// search indexer stall for minutes (checked on the parsed document, see `Markdown.Result.depth`).
    static let maximumDepth = 32

    struct Violation {
        var line: Int
        var message: String
    }

    /// The first reason to refuse `source`, with its file line, or nil.
    static func check(_ source: MarkdownSource) -> Violation? {
        var cdata = 0, instructions = 0, imageOpeners = 0
        var lineNumber = source.firstLine
        var tableCells = 0, tableColumns = 0
        var previousHasPipe = false
        var brackets = 0, longestDefinition = 0, definitionLine = 0
        for line in source.text.lines {
            let bytes = Array(line.utf8)
            if isReferenceDefinition(bytes), bytes.count > longestDefinition {
                longestDefinition = bytes.count
                definitionLine = lineNumber
            }
            // Tables: a delimiter row (`|---|:--|`) under a line with `|` opens one; every line until a blank line is a row.
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                tableColumns = 0
            } else if tableColumns > 0 {
                tableCells += tableColumns
                if tableCells > maximumTableCells {
                    return Violation(line: lineNumber,
                        message: "Die Tabellen im Text haben zusammen mehr als \(maximumTableCells) Zellen; so große Tabellen werden nicht verarbeitet.")
                }
            } else if previousHasPipe, let columns = delimiterRowColumns(bytes) {
                tableColumns = columns
            }
            previousHasPipe = bytes.contains(0x7C)
            var pipes = 0, autolinks = 0
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x7C:  // |
                    pipes += 1
                case 0x21 where i + 1 < bytes.count && bytes[i + 1] == 0x5B:  // ![
                    imageOpeners += 1
                case 0x5B:  // [
                    brackets += 1
                case 0x40:  // @
                    autolinks += 1
                case 0x3A where i + 2 < bytes.count && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F:  // ://
                    autolinks += 1
                case 0x77 where i + 3 < bytes.count && bytes[i + 1] == 0x77 && bytes[i + 2] == 0x77 && bytes[i + 3] == 0x2E:  // www.
                    autolinks += 1
                case 0x3C where i + 1 < bytes.count && bytes[i + 1] == 0x3F:  // <?
                    instructions += 1
                case 0x3C where i + 8 < bytes.count && bytes[(i + 1)...(i + 8)].elementsEqual("![CDATA[".utf8):
                    cdata += 1
                default:
                    break
                }
                i += 1
            }
            if pipes > maximumTableColumns {
                return Violation(line: lineNumber,
                    message: "Die Zeile hat \(pipes) Zeichen `|`; Tabellen mit mehr als \(maximumTableColumns) Spalten werden nicht verarbeitet.")
            }
            if autolinks > maximumAutolinksPerLine {
                return Violation(line: lineNumber,
                    message: "Die Zeile enthält \(autolinks) E-Mail- oder Webadressen; mehr als \(maximumAutolinksPerLine) in einer Zeile werden nicht verarbeitet.")
            }
            if imageOpeners > maximumImageOpeners {
                return Violation(line: lineNumber,
                    message: "Der Text enthält mehr als \(maximumImageOpeners)-mal `![` (Bild); so viele Bilder werden nicht verarbeitet.")
            }
            if cdata > maximumProcessingMarks || instructions > maximumProcessingMarks {
                return Violation(line: lineNumber,
                    message: "Der Text enthält mehr als \(maximumProcessingMarks)-mal `\(cdata > maximumProcessingMarks ? "<![CDATA[" : "<?")`; solche Texte werden nicht verarbeitet.")
            }
            lineNumber += 1
        }
        if longestDefinition > 0, brackets * longestDefinition > maximumReferenceExpansion {
            return Violation(line: definitionLine,
                message: "Die Linkdefinition wird bis zu \(brackets)-mal verwendet und ist \(longestDefinition) Zeichen lang; so oft wiederholte Adressen werden nicht verarbeitet.")
        }
        return nil
    }

    /// `[label]: …` with at most three spaces before it: a link reference definition.
    static func isReferenceDefinition(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count, i < 3, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x5B, let close = bytes[i...].firstIndex(of: 0x5D) else { return false }
        return close + 1 < bytes.count && bytes[close + 1] == 0x3A
    }

    /// The number of columns of a GFM table delimiter row (`| --- | :-: |`), or nil when the line is none.
    static func delimiterRowColumns(_ bytes: [UInt8]) -> Int? {
        guard bytes.contains(0x2D), bytes.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 }) else { return nil }
        let cells = bytes.split(separator: 0x7C, omittingEmptySubsequences: false)
            .filter { cell in cell.contains(0x2D) }
        return cells.isEmpty ? nil : cells.count
    }
}
