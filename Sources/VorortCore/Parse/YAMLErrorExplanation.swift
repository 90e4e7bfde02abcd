/// libyaml's English error messages ("did not find expected key") turned into a German message and a hint for
/// each kind of error editors make. The parser's own words stay at the end of the message in parentheses, for
/// whoever helps the editor.
struct YAMLErrorExplanation {
    /// What is wrong, in German, without the parser's words.
    var message: String
    var hint: String
    /// Whether the finding points where the broken construct begins (an unclosed `[` or quote, a key without colon)
    /// rather than where libyaml gave up.
    var pointsAtStart: Bool
    /// A place found by looking at the lines before the error (the key without colon, the unclosed quote), which
    /// is where the mistake is; 1-based line and column in the YAML text.
    var place: (line: Int, column: Int)? = nil

    /// As `explain(problem:context:line:column:startLine:)`, but first looks for the mistakes libyaml only notices a
    /// line later: a key without colon, a key indented too far, a quote that is never closed.
    static func explain(problem: String, context: String?, lines: [Substring], line: Int, column: Int, startLine: Int) -> YAMLErrorExplanation {
        func text(_ number: Int) -> Substring { number >= 1 && number <= lines.count ? lines[number - 1] : "" }
        let noticedLate = problem.contains("mapping values are not allowed") || problem.contains("did not find expected key")
            || problem.contains("could not find expected ':'")
        if noticedLate, let open = unclosedQuote(lines, before: line) {
            return YAMLErrorExplanation(message: "Ein Anführungszeichen wird nicht geschlossen.",
                hint: "Ergänzen Sie das schließende Anführungszeichen am Ende des Werts. Steht im Text selbst ein `\"`, setzen Sie den Wert in einfache Anführungszeichen `'…'`.",
                pointsAtStart: false, place: open)
        }
        if problem.contains("could not find expected ':'"), let previous = previousContentLine(lines, before: startLine),
            text(previous).trimmed.hasPrefix("- "), indentation(text(previous)) == indentation(text(startLine))
        {
            let entry = text(startLine).trimmed
            return YAMLErrorExplanation(message: "Diese Zeile steht in einer Liste, beginnt aber nicht mit `- `.",
                hint: "Beginnen Sie jeden Eintrag der Liste mit `- `: `- \(entry)`. Gehört die Zeile zum Eintrag darüber, schreiben Sie beide in eine Zeile.",
                pointsAtStart: false, place: (startLine, indentation(text(startLine)) + 1))
        }
        if problem.contains("mapping values are not allowed"), let previous = previousContentLine(lines, before: line) {
            let here = text(line), before = text(previous)
            let indentHere = indentation(here), indentBefore = indentation(before)
            let beforeText = before.trimmed
            let isItemOrComment = beforeText.hasPrefix("- ") || beforeText.hasPrefix("#")
            if indentHere == indentBefore, !isItemOrComment, !beforeText.contains(": "), !beforeText.hasSuffix(":") {
                return YAMLErrorExplanation(message: "In dieser Zeile fehlt der Doppelpunkt nach dem Namen der Angabe.",
                    hint: missingColonHint(before), pointsAtStart: false, place: (previous, indentBefore + 1))
            }
            if indentHere > indentBefore, let key = keyAndValue(before)?.key, !key.hasPrefix("- "),
                let value = keyAndValue(before)?.value, !value.hasPrefix("\""), !value.hasPrefix("'"), !value.hasPrefix("[")
            {
                let thisKey = here.trimmed.prefix { $0 != ":" }
                return YAMLErrorExplanation(
                    message: "Die Zeile ist weiter eingerückt als `\(key):` darüber; YAML liest sie deshalb als Fortsetzung des Werts von `\(key)`.",
                    hint: "Rücken Sie `\(thisKey):` genau so weit ein wie `\(key):` (\(indentBefore == 0 ? "ganz am Zeilenanfang" : "\(indentBefore) Leerzeichen")).",
                    pointsAtStart: false, place: (line, 1))
            }
        }
        return explain(problem: problem, context: context, line: text(line), column: column, startLine: text(startLine))
    }

    private static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    private static func previousContentLine(_ lines: [Substring], before line: Int) -> Int? {
        var number = line - 1
        while number >= 1 {
            let text = lines[number - 1].trimmed
            if !text.isEmpty, !text.hasPrefix("#") { return number }
            number -= 1
        }
        return nil
    }

    /// The first line before `line` whose value opens a quote that the line does not close: `title: "Sprachcafé`.
    private static func unclosedQuote(_ lines: [Substring], before line: Int) -> (line: Int, column: Int)? {
        for number in stride(from: 1, to: min(line, lines.count + 1), by: 1) {
            let scalars = Array(lines[number - 1].unicodeScalars)
            // The value begins after the first `: ` of a `key: value` line.
            guard let colon = (0..<max(0, scalars.count - 1)).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == " " }) else { continue }
            var start = colon + 1
            while start < scalars.count, scalars[start] == " " { start += 1 }
            guard start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" else { continue }
            let quote = scalars[start]
            var index = start + 1
            var closed = false
            while index < scalars.count {
                if scalars[index] == "\\", quote == "\"" {
                    index += 2
                    continue
                }
                if scalars[index] == quote {
                    closed = true
                    break
                }
                index += 1
            }
            if !closed { return (number, start + 1) }
        }
        return nil
    }

    /// `problem` and `context` are libyaml's texts; `line` is the YAML line at the problem, `column` its 1-based column
    /// there; `startLine` the line where the context began (the key line of a missing colon).
    static func explain(problem: String, context: String?, line: Substring, column: Int, startLine: Substring) -> YAMLErrorExplanation {
        let context = context ?? ""
        let character = line.unicodeScalars.dropFirst(max(0, column - 1)).first
        func at(_ message: String, _ hint: String, start: Bool = false) -> YAMLErrorExplanation {
            YAMLErrorExplanation(message: message, hint: hint, pointsAtStart: start)
        }
        if problem.contains("nesting level") {
            return at("Die Angaben sind zu tief verschachtelt.", "Schreiben Sie sie flacher; erlaubt sind höchstens 1000 Ebenen.")
        }
        if problem.contains("tab character") || character == "\t" || (problem.contains("cannot start any token") && line.hasPrefix("\t")) {
            return at("Hier steht ein Tabulator; YAML erlaubt zum Einrücken nur Leerzeichen.",
                      "Rücken Sie mit Leerzeichen ein, nicht mit der Tabulatortaste. Viele Editoren ersetzen Tabulatoren auf Wunsch durch Leerzeichen.")
        }
        if context.contains("quoted scalar") || problem.contains("document indicator") {
            if problem.contains("escape") || problem.contains("hexdecimal") {
                return at("In doppelten Anführungszeichen steht ein Rückwärtsschrägstrich `\\`, den YAML als Sonderzeichen liest.",
                          "Schreiben Sie `\\\\` für einen Rückwärtsschrägstrich, oder setzen Sie den Wert in einfache Anführungszeichen `'…'`.")
            }
            return at("Ein Anführungszeichen wird nicht geschlossen.",
                      "Ergänzen Sie das schließende Anführungszeichen am Ende des Werts. Steht im Text selbst ein `\"`, setzen Sie den Wert in einfache Anführungszeichen `'…'`.",
                      start: true)
        }
        if context.contains("flow sequence") || problem.contains("']'") {
            return at("Die Liste in eckigen Klammern `[…]` wird nicht richtig geschlossen.",
                      "Schließen Sie die Liste mit `]` und trennen Sie die Einträge mit Kommas, oder schreiben Sie jeden Eintrag in eine eigene Zeile mit `- `. Einträge mit Komma oder Doppelpunkt gehören in Anführungszeichen.",
                      start: true)
        }
        if context.contains("flow mapping") || problem.contains("'}'") {
            return at("Die Angaben in geschweiften Klammern `{…}` werden nicht richtig geschlossen.",
                      "Schließen Sie sie mit `}` und trennen Sie die Angaben mit Kommas, z. B. `{street: Markt 1, city: Lindenbrück}`. Werte mit Komma gehören in Anführungszeichen.",
                      start: true)
        }
        if context.contains("block scalar") {
            return at("Der Text über mehrere Zeilen (nach `|` oder `>`) ist falsch geschrieben.",
                      "Schreiben Sie nach `|` oder `>` nichts mehr in dieselbe Zeile und rücken Sie alle Textzeilen darunter gleich weit ein.")
        }
        if problem.contains("tag") || context.contains("tag") || problem.contains("'!'") {
            return at("Der Wert beginnt mit `!`; YAML liest das als Typangabe, nicht als Text.",
                      "Setzen Sie den ganzen Wert in Anführungszeichen, z. B. `title: \"!Neu: Sprachcafé\"`.", start: true)
        }
        if context.contains("anchor") || context.contains("alias") {
            return at("Der Wert beginnt mit `&` oder `*`; YAML liest das als Anker oder Verweis.",
                      "Setzen Sie den ganzen Wert in Anführungszeichen.")
        }
        if context.contains("directive") || problem.contains("directive") || problem.contains("YAML document") {
            return at("Die Zeile beginnt mit `%`; YAML liest das als Anweisung, nicht als Angabe.",
                      "Setzen Sie den Wert in Anführungszeichen, z. B. `cost: \"% ermäßigt\"`.")
        }
        if problem.contains("could not find expected ':'") {
            return at("In dieser Zeile fehlt der Doppelpunkt nach dem Namen der Angabe.", missingColonHint(startLine), start: true)
        }
        if problem.contains("mapping values are not allowed") {
            return at("Hier steht ein Doppelpunkt mit Leerzeichen (`: `) an einer Stelle, an der keine neue Angabe beginnen kann.",
                      colonInValueHint(line))
        }
        if problem.contains("cannot start any token") {
            let shown = character.map { $0 == "`" ? "dem Zeichen „`“" : "`\($0)`" } ?? "diesem Zeichen"
            return at("Mit \(shown) kann in YAML kein Wert beginnen.", quoteHint(line, "Setzen Sie den ganzen Wert in Anführungszeichen"))
        }
        if problem.contains("did not find expected key") {
            if afterClosingQuote(line) {
                return at("Nach dem schließenden Anführungszeichen steht noch Text.",
                          quoteHint(line, "Setzen Sie den ganzen Wert in Anführungszeichen; ein Anführungszeichen im Text schreiben Sie in einfachen Anführungszeichen `'…'` oder als `\\\"`"))
            }
            return at("Hier erwartet vorort eine neue Angabe (`schlüssel: wert`) auf derselben Ebene, aber die Zeile passt nicht dazu.",
                      "Prüfen Sie die Einrückung: Angaben derselben Ebene beginnen genau untereinander, Listeneinträge (`- `) und Unterangaben sind unter ihrer Angabe eingerückt.")
        }
        if problem.contains("'-' indicator") {
            return at("Hier erwartet vorort einen weiteren Listeneintrag (`- …`).",
                      "Beginnen Sie jeden Eintrag der Liste mit `- ` genau unter den anderen, oder rücken Sie die Zeile wie die Angaben vor der Liste ein.")
        }
        if problem.contains("block sequence entries are not allowed") {
            return at("Ein Listeneintrag (`- `) steht an einer Stelle, an der keine Liste beginnen kann.",
                      "Schreiben Sie die Liste in die Zeilen unter ihrer Angabe (`languages:` und darunter `  - Deutsch`). Beginnt ein Text mit `- `, setzen Sie ihn in Anführungszeichen.")
        }
        if problem.contains("mapping keys are not allowed") || problem.contains("found unexpected ':'") {
            return at("Hier steht ein Doppelpunkt oder Fragezeichen, das YAML als Beginn einer Angabe liest.",
                      "Setzen Sie den Wert in Anführungszeichen.")
        }
        if problem.contains("node content") {
            return at("Hier fehlt ein Wert, oder er beginnt mit einem Zeichen, das YAML als Satzzeichen liest (`,`, `]`, `}`, `?`).",
                      "Schreiben Sie den Wert, und setzen Sie ihn in Anführungszeichen, wenn er mit einem Satzzeichen beginnt.")
        }
        if problem.contains("document start") {
            return at("Hier steht etwas, das YAML keiner Angabe zuordnen kann.",
                      "Prüfen Sie die Einrückung der Zeile; jede Angabe beginnt am Zeilenanfang oder unter ihrer übergeordneten Angabe.")
        }
        if problem.contains("end of stream") {
            return at("Die Angaben enden mitten in einem Wert.", "Schließen Sie den Wert ab (Anführungszeichen, Klammern).")
        }
        return at("Die Angaben können an dieser Stelle nicht gelesen werden.",
                  "Schreiben Sie jede Angabe in eine eigene Zeile als `schlüssel: wert`; Listen beginnen mit `- `.")
    }

    private static let typographicQuotes: Set<Character> = ["„", "“", "”", "‚", "‘", "’", "»", "«"]

    private static func hasTypographicQuotes(_ line: Substring) -> Bool { line.contains { typographicQuotes.contains($0) } }

    /// `key: value` split at the first `: ` of the line, for examples built from the editor's own line.
    private static func keyAndValue(_ line: Substring) -> (key: String, value: String)? {
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound].trimmed
        let value = line[colon.upperBound...].trimmed
        guard !key.isEmpty, !value.isEmpty, !key.contains(" ") || key.hasPrefix("- ") else { return nil }
        return (key, value)
    }

    /// The editor's line with its value in straight double quotes, when the line has the form `key: value`.
    private static func quoteHint(_ line: Substring, _ advice: String) -> String {
        guard let (key, value) = keyAndValue(line) else { return advice + "." }
        var inner = value
        if let first = inner.first, let last = inner.last, inner.count >= 2,
            (first == "\"" || typographicQuotes.contains(first)), (last == "\"" || typographicQuotes.contains(last)) {
            inner = String(inner.dropFirst().dropLast())
        }
        let escaped = inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return advice + ": `\(key): \"\(escaped)\"`."
    }

    private static func colonInValueHint(_ line: Substring) -> String {
        if hasTypographicQuotes(line) {
            return quoteHint(line, "Die Anführungszeichen „…“ oder “…” sind typografische; YAML erkennt nur gerade Anführungszeichen. Schreiben Sie")
        }
        return quoteHint(line, "Enthält der Wert einen Doppelpunkt mit Leerzeichen, setzen Sie den ganzen Wert in Anführungszeichen")
            + " Sonst prüfen Sie die Einrückung: Angaben derselben Ebene beginnen genau untereinander."
    }

    private static func missingColonHint(_ line: Substring) -> String {
        let text = line.trimmed
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex,
            !text[text.index(after: colon)].isWhitespace {
            return "Nach dem Doppelpunkt fehlt ein Leerzeichen: `\(text[..<colon]): \(text[text.index(after: colon)...])`."
        }
        let words = text.split(separator: " ", maxSplits: 1)
        if words.count == 2, words[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return "Schreiben Sie `\(words[0]): \(words[1])` — mit Doppelpunkt und Leerzeichen. Geht ein Wert über mehrere Zeilen, rücken Sie die Folgezeilen ein."
        }
        return "Schreiben Sie jede Angabe als `schlüssel: wert` mit Doppelpunkt und Leerzeichen. Geht ein Wert über mehrere Zeilen, rücken Sie die Folgezeilen ein."
    }

    /// `title: "Sprachcafé" am Markt`: a quoted value followed by more text.
    private static func afterClosingQuote(_ line: Substring) -> Bool {
        guard let (_, value) = keyAndValue(line), let quote = value.first, quote == "\"" || quote == "'" else { return false }
        guard let closing = value.dropFirst().firstIndex(of: quote) else { return false }
        return !value[value.index(after: closing)...].trimmed.isEmpty
    }
}
