import Foundation
import Yams

/// Parses YAML text into a node tree with positions, turning every parser error into a located finding.
enum YAMLDocument {
    /// Yams makes a new `Constructor` (with its tables of types) for every parse unless given one; it is never
    /// changed after it is made, so one serves every parse on every thread.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Returns the root node (nil for an empty document) or nil after reporting a syntax error.
    /// `firstLine` is the file line on which `yaml` starts, so positions point into the file.
    static func parse(_ yaml: String, firstLine: Int, into collector: DiagnosticCollector) -> (node: Node?, ok: Bool) {
        let offset = firstLine - 1
        if let (line, column) = YAMLAnchorScan.firstAnchorOrAlias(in: yaml) {
            collector.error("yaml-alias", at: SourceLocation(line: line + offset, column: column, endColumn: column + 1),
                "Anker und Verweise (`&name`, `*name`) sind in vorort-Dateien nicht erlaubt.",
                hint: "Schreiben Sie den Wert an jeder Stelle aus, an der er gebraucht wird. Beginnt ein Text mit `*` oder `&`, setzen Sie ihn in Anführungszeichen.")
            return (nil, false)
        }
        // An invisible character in the structure would make libyaml complain elsewhere, about something else:
        // the character itself is the one message.
        let invisible = YAMLInvisibleCharacters.structural(in: yaml)
        for found in invisible {
            let name = YAMLInvisibleCharacters.name(found.scalar) ?? Diagnostic.unicodeLabel(found.scalar)
            collector.error("invisible-character",
                at: SourceLocation(line: found.line + offset, column: found.column, endColumn: found.column + 1),
                "Hier steht ein \(name), das YAML nicht als Leerzeichen liest; die Zeile bedeutet so etwas anderes, als sie zeigt.",
                hint: YAMLInvisibleCharacters.looksLikeSpace(found.scalar)
                    ? "Ersetzen Sie es durch ein normales Leerzeichen. Es kommt meist beim Kopieren aus Word oder PDF mit; am sichersten tippen Sie den Anfang der Zeile neu."
                    : "Löschen Sie es (es ist unsichtbar: setzen Sie den Cursor an die genannte Spalte). Es kommt meist beim Kopieren aus Word, PDF oder Webseiten mit.")
        }
        if !invisible.isEmpty { return (nil, false) }
        do {
            // Every value is read as text and typed by vorort itself, so Yams need not resolve tags
            // (`.basic`): its regular expressions for numbers and booleans were the largest cost of parsing.
            // Anchors and aliases never get here: `YAMLAnchorScan` refused them above.
            let node = try simpleTree(yaml) ?? yamsTree(yaml)
            reportLostComments(yaml, offset: offset, into: collector)
            // A tag needs a `!` in the text and a plain value in typographic quotes one of the quotes (a plain value
            // is the text as written): without either, the tree need not be walked.
            if let node, mayHoldTagOrQuotes(yaml) {
                // One walk over the values finds both.
                let (quoted, tagged) = valuesToReport(in: node)
                reportTypographicQuotes(quoted, offset: offset, into: collector)
                reportTags(tagged, offset: offset, into: collector)
            }
            return (node, true)
        } catch let error as YamlError {
            report(error, yaml: yaml, offset: offset, into: collector)
            return (nil, false)
        } catch {
            collector.error("yaml-syntax", at: SourceLocation(line: firstLine, column: 1),
                "Die Angaben können nicht gelesen werden (\(error)).", hint: "Prüfen Sie die Schreibweise der Angaben.")
            return (nil, false)
        }
    }

    /// The tree Yams reads from `yaml`, nil for an empty document.
    static func yamsTree(_ yaml: String) throws -> Node? {
        try Parser(yaml: yaml, resolver: .basic, constructor: constructor, encoding: .utf8).singleRoot()
    }

    /// The same tree for the simple front matter of most files (`SimpleYAML`), nil for any other.
    static func simpleTree(_ yaml: String) -> Node? {
        SimpleYAML.parse(yaml, resolver: .basic, constructor: constructor)
    }

    /// `title: Deutschtreff #1`: the text after ` #` would be lost as a comment.
    private static func reportLostComments(_ yaml: String, offset: Int, into collector: DiagnosticCollector) {
        for found in YAMLCommentAfterValue.find(in: yaml) {
            let escaped = found.intended.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let lost = found.intended.unicodeScalars.count > 60 ? String(found.intended.prefix(60)) + "…" : found.intended
            collector.error("comment-in-value", at: SourceLocation(line: found.line + offset, column: found.column, endColumn: found.column + 1),
                "Ab ` #` liest YAML den Rest der Zeile als Kommentar: Veröffentlicht würde nur „\(found.kept)“ statt „\(lost)“.",
                hint: "Setzen Sie den ganzen Wert in Anführungszeichen: `\(found.prefix.trimmed.isEmpty ? "" : found.prefix.trimmed + " ")\"\(escaped)\"`. "
                    + "Ist es ein Kommentar, schreiben Sie ihn in eine eigene Zeile, die mit `#` beginnt.")
        }
    }

    /// Whether `yaml` has a `!` or the UTF-8 of an opening typographic quote (`TypographicQuotes.openers`:
    /// U+00AB, U+00BB, and U+2018 to U+201E and U+2039, U+203A, which start with E2 80).
    private static func mayHoldTagOrQuotes(_ yaml: String) -> Bool {
        yaml.withUTF8Bytes { bytes in
            var previous: UInt8 = 0, beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "!") { return true }
                if previous == 0xC2, byte == 0xAB || byte == 0xBB { return true }
                if beforePrevious == 0xE2, previous == 0x80, (0x98...0x9E).contains(byte) || byte == 0xB9 || byte == 0xBA { return true }
                beforePrevious = previous
                previous = byte
            }
            return false
        }
    }

    /// The values in typographic quotes (with their text inside them) and the values with a tag, each in document
    /// order: keys are names and are not looked at.
    private static func valuesToReport(in root: Node) -> (quoted: [(node: Node, inner: String)], tagged: [Node]) {
        var quoted: [(Node, String)] = []
        var tagged: [Node] = []
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            if !YAMLTags.isStandard(node.tag) { tagged.append(node) }
            switch node {
            case .scalar(let scalar):
                guard scalar.style == .plain, let inner = TypographicQuotes.enclosedText(scalar.string) else { continue }
                quoted.append((node, inner))
            case .mapping(let mapping):
                pending += mapping.map(\.value).reversed()
            case .sequence(let sequence):
                pending += sequence.reversed()
            case .alias:
                continue
            }
        }
        return (quoted, tagged)
    }

    /// `title: !Neu Sprachcafé`: YAML reads `!Neu` as a type and publishes only „Sprachcafé“.
    private static func reportTags(_ tagged: [Node], offset: Int, into collector: DiagnosticCollector) {
        for node in tagged {
            var location = YAMLDocument.location(of: node)
            location.line += offset
            collector.error("yaml-syntax", at: location,
                "Der Wert beginnt mit `\(node.tag.rawValue)`; YAML liest das als Typangabe, nicht als Text, und ließe es weg.",
                hint: "Setzen Sie den ganzen Wert in Anführungszeichen, z. B. `title: \"!Neu: Sprachcafé\"`.")
        }
    }

    /// `title: „Sprachcafé“`: the quotes would be published as part of the text.
    private static func reportTypographicQuotes(_ quoted: [(node: Node, inner: String)], offset: Int, into collector: DiagnosticCollector) {
        for (node, inner) in quoted {
            var location = YAMLDocument.location(of: node)
            location.line += offset
            collector.warning("typographic-quotes", at: location,
                "Der Wert steht in typografischen Anführungszeichen; YAML liest sie als Text, die Seite zeigt sie also mit an.",
                hint: "Schreiben Sie gerade Anführungszeichen `\"\(inner)\"` oder gar keine: `\(inner)`.")
        }
    }

    /// Position of a node within the YAML text (not yet shifted to file lines).
    static func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .start }
        var length = 0
        if case .scalar(let scalar) = node {
            length = scalar.string.unicodeScalars.count
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { length += 2 }
            if scalar.string.utf8.contains(0x0A) { length = 0 }
        }
        return SourceLocation(line: mark.line, column: mark.column, endColumn: mark.column + length)
    }

    private static func report(_ error: YamlError, yaml: String, offset: Int, into collector: DiagnosticCollector) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let explained = YAMLErrorExplanation.explain(problem: problem, context: context?.text, lines: yaml.lines, line: mark.line,
                                                         column: mark.column, startLine: context?.mark.line ?? mark.line)
            // An unclosed `[` or quote is reported where it opens, other errors where libyaml noticed them.
            let contextStart = explained.pointsAtStart ? (context?.mark ?? mark) : mark
            let start = explained.place ?? (contextStart.line, contextStart.column)
            var message = explained.message
            if start.line != mark.line {
                message += " Bemerkt in Zeile \(mark.line + offset), Spalte \(mark.column)."
            }
            message += " (YAML: \(problem)\(context.map { ", \($0.text)" } ?? ""))"
            collector.error("yaml-syntax", at: SourceLocation(line: start.line + offset, column: start.column),
                message, hint: explained.hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let first = context.mark
            let repeated = repetition(of: duplicates.first ?? "", after: first, in: yaml)
            let at = repeated.map { SourceLocation(line: $0.line + offset, column: $0.column, endColumn: $0.column + (duplicates.first ?? "").unicodeScalars.count) }
                ?? SourceLocation(line: first.line + offset, column: first.column)
            collector.error("duplicate-key", at: at,
                "Die Angabe \(keys) steht hier ein zweites Mal; sie steht schon in Zeile \(first.line + offset).",
                hint: "Jede Angabe darf nur einmal vorkommen. Löschen Sie eine der beiden Zeilen oder führen Sie die Werte zusammen.")
        case .reader(let problem, let byteOffset, _, _):
            let line = byteOffset.map { lineNumber(ofByteOffset: $0, in: yaml) } ?? 1
            collector.error("encoding", at: SourceLocation(line: line + offset, column: 1),
                "Die Angaben enthalten ein Zeichen, das nicht gelesen werden kann (YAML: \(problem)).",
                hint: "Speichern Sie die Datei als UTF-8 ohne Steuerzeichen.")
        default:
            collector.error("yaml-syntax", at: SourceLocation(line: offset + 1, column: 1),
                "Die Angaben können nicht gelesen werden (YAML: \(error)).", hint: "Prüfen Sie die Schreibweise der Angaben.")
        }
    }

    /// Where `key` is written again after its first place `first` (1-based line and column), at the same column
    /// and within the same mapping: libyaml only tells where the first one is, but the editor added the second.
    static func repetition(of key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.lines
        guard first.line >= 1, first.line <= lines.count, !key.isEmpty else { return nil }
        let column = first.column
        for number in (first.line + 1)...max(first.line + 1, lines.count) where number <= lines.count {
            let s = Array(lines[number - 1].unicodeScalars)
            var indent = 0
            while indent < s.count, s[indent] == " " { indent += 1 }
            if indent == s.count || s[indent] == "#" { continue }
            // A line less indented than the key ends its mapping (a list's `- ` counts as indentation).
            var start = indent
            while start + 1 < s.count, s[start] == "-", s[start + 1] == " " {
                start += 2
                while start < s.count, s[start] == " " { start += 1 }
            }
            if start < column - 1 { return nil }
            guard start == column - 1 else { continue }
            let rest = String(String.UnicodeScalarView(s[start...]))
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                let after = rest.dropFirst(written.count).drop { $0 == " " }
                if after.hasPrefix(":") { return (number, column) }
            }
        }
        return nil
    }

    private static func lineNumber(ofByteOffset byteOffset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(byteOffset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
