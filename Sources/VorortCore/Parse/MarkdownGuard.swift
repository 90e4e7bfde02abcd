/// Refuses Markdown that would make Debian's cmark-gfm (0.29.0.gfm.6) work for minutes: that version predates
/// the upstream fixes for several inputs with quadratic cost (CVE-2023-22483, CVE-2023-22484,
/// GHSA-w4qg-3vf7-m9x5). Measured here: thousands of `<![CDATA[` or `<?` without their end, and tables
/// with thousands of columns. No page a person writes comes near these limits.
enum MarkdownGuard {
    /// At most this many `<![CDATA[` or `<?` in one text (raw HTML is not published anyway).
    static let maximumProcessingMarks = 100
    /// At most this many `|` in one line, i.e. about as many table columns.
    static let maximumTableColumns = 200

    struct Violation {
        var line: Int
        var message: String
    }

    /// The first reason to refuse `source`, with its file line, or nil.
    static func check(_ source: MarkdownSource) -> Violation? {
        var cdata = 0, instructions = 0
        var lineNumber = source.firstLine
        for line in source.text.lines {
            let bytes = Array(line.utf8)
            var pipes = 0
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x7C:  // |
                    pipes += 1
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
            if cdata > maximumProcessingMarks || instructions > maximumProcessingMarks {
                return Violation(line: lineNumber,
                    message: "Der Text enthält mehr als \(maximumProcessingMarks)-mal `\(cdata > maximumProcessingMarks ? "<![CDATA[" : "<?")`; solche Texte werden nicht verarbeitet.")
            }
            lineNumber += 1
        }
        return nil
    }
}
