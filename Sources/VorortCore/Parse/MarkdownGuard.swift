#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // One pass over the body's own bytes: copying every line into an array was most of this check's time.
        if let result = source.text.utf8.withContiguousStorageIfAvailable({ check($0, firstLine: source.firstLine) }) {
            return result
        }
        return Array(source.text.utf8).withUnsafeBufferPointer { check($0, firstLine: source.firstLine) }
    }

    private static func check(_ text: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Violation? {
        var cdata = 0, instructions = 0, imageOpeners = 0
        var lineNumber = firstLine
        var tableCells = 0, tableColumns = 0
        var previousHasPipe = false
        var brackets = 0, longestDefinition = 0, definitionLine = 0
        var lineStart = 0
        while true {
            // Lines as `String.lines` gives them: split at `\n`, the last one after the last `\n` (maybe empty).
            var lineEnd = text.count
            if let base = text.baseAddress, lineStart < text.count,
               let found = memchr(base + lineStart, 0x0A, text.count - lineStart) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let line = text[lineStart..<lineEnd]
            if isReferenceDefinition(line), line.count > longestDefinition {
                longestDefinition = line.count
                definitionLine = lineNumber
            }
            var pipes = 0, autolinks = 0
            var i = lineStart
            while i < lineEnd, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
            let isBlank = i == lineEnd
            while i < lineEnd {
                let byte = text[i]
                // Most bytes are none of those counted: a bit in a set of the ASCII bytes says so without the switch.
                guard (byte < 0x40 ? countedBelow40 : byte < 0x80 ? countedFrom40 : 0) >> UInt64(byte & 0x3F) & 1 != 0 else {
                    i += 1
                    continue
                }
                switch byte {
                case 0x7C:  // |
                    pipes += 1
                case 0x21 where i + 1 < lineEnd && text[i + 1] == 0x5B:  // ![
                    imageOpeners += 1
                case 0x5B:  // [
                    brackets += 1
                case 0x40:  // @
                    autolinks += 1
                case 0x3A where i + 2 < lineEnd && text[i + 1] == 0x2F && text[i + 2] == 0x2F:  // ://
                    autolinks += 1
                case 0x77 where i + 3 < lineEnd && text[i + 1] == 0x77 && text[i + 2] == 0x77 && text[i + 3] == 0x2E:  // www.
                    autolinks += 1
                case 0x3C where i + 1 < lineEnd && text[i + 1] == 0x3F:  // <?
                    instructions += 1
                case 0x3C where i + 8 < lineEnd && text[(i + 1)...(i + 8)].elementsEqual("![CDATA[".utf8):
                    cdata += 1
                default:
                    break
                }
                i += 1
            }
            // Tables: a delimiter row (`|---|:--|`) under a line with `|` opens one; every line until a blank line is a row.
            if isBlank {
                tableColumns = 0
            } else if tableColumns > 0 {
                tableCells += tableColumns
                if tableCells > maximumTableCells {
                    return Violation(line: lineNumber,
                        message: "Die Tabellen im Text haben zusammen mehr als \(maximumTableCells) Zellen; so große Tabellen werden nicht verarbeitet.")
                }
            } else if previousHasPipe, let columns = delimiterRowColumns(line) {
                tableColumns = columns
            }
            previousHasPipe = pipes > 0
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
            if lineEnd == text.count { break }
            lineStart = lineEnd + 1
        }
        if longestDefinition > 0, brackets * longestDefinition > maximumReferenceExpansion {
            return Violation(line: definitionLine,
                message: "Die Linkdefinition wird bis zu \(brackets)-mal verwendet und ist \(longestDefinition) Zeichen lang; so oft wiederholte Adressen werden nicht verarbeitet.")
        }
        return nil
    }

    /// The bytes the check counts, as bits: `!` `:` `<` below 0x40, `@` `[` `w` `|` from 0x40.
    private static let countedBelow40: UInt64 = 1 << 0x21 | 1 << 0x3A | 1 << 0x3C
    private static let countedFrom40: UInt64 = 1 << (0x40 - 0x40) | 1 << (0x5B - 0x40) | 1 << (0x77 - 0x40) | 1 << (0x7C - 0x40)

    /// `[label]: …` with at most three spaces before it: a link reference definition.
    private static func isReferenceDefinition(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, i - line.startIndex < 3, line[i] == 0x20 { i += 1 }
        guard i < line.endIndex, line[i] == 0x5B, let close = line[i...].firstIndex(of: 0x5D) else { return false }
        return close + 1 < line.endIndex && line[close + 1] == 0x3A
    }

    /// The number of columns of a GFM table delimiter row (`| --- | :-: |`), or nil when the line is none.
    private static func delimiterRowColumns(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard line.contains(0x2D), line.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 }) else { return nil }
        // The cells between the `|`, counted where they hold a `-`.
        var cells = 0, cellHasDash = false
        for byte in line {
            if byte == 0x7C {
                if cellHasDash { cells += 1 }
                cellHasDash = false
            } else if byte == 0x2D {
                cellHasDash = true
            }
        }
        if cellHasDash { cells += 1 }
        return cells == 0 ? nil : cells
    }
}
