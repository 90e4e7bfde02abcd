import Foundation
import Yams

/// Parses YAML text into a node tree with positions, turning every parser error into a located finding.
enum YAMLDocument {
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
        do {
            // Every value is read as text and typed by vorort itself, so Yams need not resolve tags
            // (`.basic`): its regular expressions for numbers and booleans were the largest cost of parsing.
            // Anchors and aliases never get here: `YAMLAnchorScan` refused them above.
            let node = try Parser(yaml: yaml, resolver: .basic, encoding: .utf8).singleRoot()
            return (node, true)
        } catch let error as YamlError {
            report(error, yaml: yaml, offset: offset, into: collector)
            return (nil, false)
        } catch {
            collector.error("yaml-syntax", at: SourceLocation(line: firstLine, column: 1),
                "YAML kann nicht gelesen werden: \(error)", hint: "Prüfen Sie die Schreibweise der Angaben.")
            return (nil, false)
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
            // Report where the broken construct begins (an unclosed `[` at its opening line), not where libyaml gave up.
            let start = context?.mark ?? mark
            var message = "YAML-Fehler: \(problem)"
            if let context { message += " (\(context.text), begonnen in Zeile \(context.mark.line + offset))" }
            if context != nil, context!.mark.line != mark.line || context!.mark.column != mark.column {
                message += "; bemerkt in Zeile \(mark.line + offset), Spalte \(mark.column)"
            }
            collector.error("yaml-syntax", at: SourceLocation(line: start.line + offset, column: start.column),
                message, hint: hint(for: problem, yaml: yaml, line: mark.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            collector.error("duplicate-key", at: SourceLocation(line: context.mark.line + offset, column: context.mark.column),
                "Der Schlüssel \(keys) kommt mehrfach vor.",
                hint: "Jede Angabe darf nur einmal vorkommen; entfernen Sie die doppelte Zeile.")
        case .reader(let problem, let byteOffset, _, _):
            let line = byteOffset.map { lineNumber(ofByteOffset: $0, in: yaml) } ?? 1
            collector.error("encoding", at: SourceLocation(line: line + offset, column: 1),
                "YAML kann nicht gelesen werden: \(problem)", hint: "Speichern Sie die Datei als UTF-8 ohne Steuerzeichen.")
        default:
            collector.error("yaml-syntax", at: SourceLocation(line: offset + 1, column: 1),
                "YAML kann nicht gelesen werden: \(error)", hint: "Prüfen Sie die Schreibweise der Angaben.")
        }
    }

    private static func lineNumber(ofByteOffset byteOffset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(byteOffset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// A German hint for the parser errors editors actually make.
    private static func hint(for problem: String, yaml: String, line: Int) -> String {
        let lines = yaml.lines
        let sourceLine = line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
        if problem.contains("nesting level") {
            return "Die Angaben sind zu tief verschachtelt (höchstens 1000 Ebenen); schreiben Sie sie flacher."
        }
        if problem.contains("tab") || sourceLine.hasPrefix("\t") {
            return "Rücken Sie mit Leerzeichen ein, nicht mit Tabulatoren."
        }
        if problem.contains("flow sequence") || problem.contains("']'") {
            return "Schließen Sie die Liste mit `]` oder schreiben Sie jeden Eintrag in eine eigene Zeile mit `- `."
        }
        if problem.contains("flow mapping") || problem.contains("'}'") {
            return "Schließen Sie die Angabe mit `}`."
        }
        if problem.contains("mapping values are not allowed") {
            return "Steht im Wert ein Doppelpunkt mit Leerzeichen (`: `)? Setzen Sie den ganzen Wert in Anführungszeichen."
        }
        if problem.contains("cannot start any token") {
            return "Werte, die mit `@`, `` ` ``, `%` oder `|` beginnen, gehören in Anführungszeichen."
        }
        if problem.contains("quoted scalar") {
            return "Ein Anführungszeichen wird nicht geschlossen; ergänzen Sie das schließende Zeichen."
        }
        return "Jede Angabe steht in einer eigenen Zeile als `schlüssel: wert`; Listen beginnen mit `- `."
    }
}
