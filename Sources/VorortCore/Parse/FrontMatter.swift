/// A Markdown content file split into its YAML front matter and its Markdown body.
struct FrontMatterDocument {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: MarkdownSource
}

enum FrontMatter {
    /// Splits `---\n<yaml>\n---\n<markdown>`; a file without front matter or with an unclosed one is a finding.
    static func split(_ file: SourceFile, into collector: DiagnosticCollector) -> FrontMatterDocument? {
        let text = file.text
        if text.allSatisfy(\.isWhitespace) {
            collector.error("empty-file", at: .start, "Die Datei ist leer.",
                hint: "Beginnen Sie mit einem Vorspann zwischen zwei Zeilen `---`, z. B. `title: …`, oder entfernen Sie die Datei.")
            return nil
        }
        // Line by line from the top, stopping at the closing line: the body is not split into lines for this.
        let (first, second) = line(in: text, from: text.startIndex)
        guard isDelimiter(first) else {
            collector.error("front-matter-missing", at: SourceLocation(line: 1, column: 1, endColumn: 1 + first.count),
                "Die Datei beginnt nicht mit einem Vorspann (`---`).",
                hint: "Schreiben Sie in die erste Zeile `---`, darunter die Angaben wie `title: …` und danach wieder eine Zeile `---`.")
            return nil
        }
        // The YAML is the lines between the delimiters, as they stand in the file.
        var yamlEnd: String.Index?
        var next = second
        var lineNumber = 1
        while let start = next {
            let (current, after) = line(in: text, from: start)
            next = after
            lineNumber += 1
            if isDelimiter(current) || isDelimiter(current, marker: "...") {
                // The rest of the file from the line after the delimiter, without a copy.
                let body = text[(after ?? text.endIndex)...]
                let yaml = yamlEnd.map { String(text[(second ?? text.endIndex)..<$0]) } ?? ""
                return FrontMatterDocument(yaml: yaml, yamlFirstLine: 2, body: MarkdownSource(text: body, firstLine: lineNumber + 1))
            }
            yamlEnd = current.endIndex
        }
        collector.error("front-matter-unclosed", at: SourceLocation(line: 1, column: 1, endColumn: 4),
            "Der Vorspann wird nie geschlossen: Nach dem `---` in Zeile 1 fehlt die schließende Zeile `---`.",
            hint: "Fügen Sie nach der letzten Angabe des Vorspanns eine Zeile mit genau `---` ein.")
        return nil
    }

    /// The file line of the closing `---`, or nil when the file has no complete front matter.
    static func closingLine(of text: String) -> Int? {
        // Line by line as `split` reads them, stopping at the closing line: the body is not split into lines for this.
        let (first, second) = line(in: text, from: text.startIndex)
        guard isDelimiter(first) else { return nil }
        var next = second
        var number = 1
        while let start = next {
            let (current, after) = line(in: text, from: start)
            next = after
            number += 1
            if isDelimiter(current) || isDelimiter(current, marker: "...") { return number }
        }
        return nil
    }

    /// The line that begins at `start` (without its line feed) and where the next one begins; nil after the last.
    private static func line(in text: String, from start: String.Index) -> (line: Substring, next: String.Index?) {
        guard let newline = text.lineFeed(from: start) else { return (text[start...], nil) }
        return (text[start..<newline], text.utf8.index(after: newline))
    }

    /// `---` (or `marker`) with nothing but white space after it. The marker is compared on the bytes (a `Character`
    /// comparison of every front-matter line showed in profiles): when they match, the Characters match too, as no
    /// white space joins the marker's last character.
    static func isDelimiter(_ line: Substring, marker: String = "---") -> Bool {
        line.utf8.starts(with: marker.utf8) && line[line.utf8.dropFirst(marker.utf8.count).startIndex...].allSatisfy(\.isWhitespace)
    }
}

import Foundation
