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
        for line in source.text.lines {
            let bytes = Array(line.utf8)
            var pipes = 0, autolinks = 0
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x7C:  // |
                    pipes += 1
                case 0x21 where i + 1 < bytes.count && bytes[i + 1] == 0x5B:  // ![
                    imageOpeners += 1
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
        return nil
    }
}
