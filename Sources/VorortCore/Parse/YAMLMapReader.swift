import Foundation
import Yams

/// Reads the typed fields of one YAML mapping and reports every problem at the line and column of the
/// offending key or value: wrong types, missing required fields, impossible dates, unknown keys.
///
/// Each getter records the key as known; `finish()` then reports every key nobody asked for,
/// with a "did you mean" for typos. This way the schema is written once, as the getter calls.
final class YAMLMapReader {
    private struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    private let entries: [Entry]
    /// Position of each key's first entry: look-ups are by hash, since a hostile file may hold 100,000 keys.
    private let entryIndex: [String: Int]
    private let collector: DiagnosticCollector
    private let lineOffset: Int
    /// Where "missing field" findings point: the mapping itself.
    let location: SourceLocation
    /// How this map is called in messages: "Vorspann", "address", "Kategorie 3" …
    private let context: String
    /// The keys asked for, in order (for hints), and as a set (for look-ups).
    private var knownKeys: [String] = []
    private var knownKeySet: Set<String> = []

    /// Returns nil (after reporting) when `node` is not a mapping. A nil node is an empty mapping.
    init?(_ node: Node?, context: String, collector: DiagnosticCollector, lineOffset: Int, fallback: SourceLocation) {
        self.collector = collector
        self.lineOffset = lineOffset
        self.context = context
        // A content type asks for a dozen keys: room for them at once, not grown three times per file.
        knownKeys.reserveCapacity(16)
        knownKeySet.reserveCapacity(16)
        guard let node else {
            entries = []
            entryIndex = [:]
            location = fallback
            return
        }
        let nodeLocation = YAMLMapReader.shift(YAMLDocument.location(of: node), lineOffset)
        guard case .mapping(let mapping) = node else {
            collector.error("wrong-type", at: nodeLocation,
                "\(context) muss aus Angaben der Form `schlüssel: wert` bestehen, ist aber \(YAMLMapReader.describe(node)).",
                hint: "Schreiben Sie jede Angabe in eine eigene Zeile, z. B. `title: Sprachcafé`.")
            return nil
        }
        location = SourceLocation(line: nodeLocation.line, column: nodeLocation.column)
        var collected: [Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                collector.error("wrong-type", at: YAMLMapReader.shift(YAMLDocument.location(of: key), lineOffset),
                    "Ein Schlüssel muss ein einfaches Wort sein.", hint: "Schreiben Sie `schlüssel: wert`.")
                continue
            }
            collected.append(Entry(key: scalar.string, keyNode: key, value: value))
        }
        entries = collected
        var index: [String: Int] = [:]
        index.reserveCapacity(collected.count)
        for (position, entry) in collected.enumerated() where index[entry.key] == nil { index[entry.key] = position }
        entryIndex = index
    }

    private static func shift(_ l: SourceLocation, _ offset: Int) -> SourceLocation {
        SourceLocation(line: l.line + offset, column: l.column, endColumn: l.endColumn)
    }

    func location(of node: Node) -> SourceLocation {
        YAMLMapReader.shift(YAMLDocument.location(of: node), lineOffset)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s) where s.tag.description == Tag.Name.null.rawValue || s.string.isEmpty: "leer"
        case .scalar(let s): "der Wert `\(s.string.prefix(40))`"
        case .mapping: "eine Gruppe von Angaben (`schlüssel: wert`)"
        case .sequence: "eine Liste"
        case .alias: "ein Verweis"
        }
    }

    /// Whether `key` is not written at all (a key with an empty or broken value was written, and has its finding).
    func isMissing(_ key: String) -> Bool { entryIndex[key] == nil }

    /// Where `key` is written, if it is.
    func keyLocation(_ key: String) -> SourceLocation? {
        entryIndex[key].map { location(of: entries[$0].keyNode) }
    }

    /// Whether `key` is written without a value (`editor:`).
    func isEmpty(_ key: String) -> Bool {
        guard let position = entryIndex[key] else { return false }
        return isNull(entries[position].value)
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.style != .plain { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value node of `key`, or nil (reporting when required) if it is missing or empty.
    private func valueNode(_ key: String, required: Bool, example: String) -> (entry: Entry, node: Node)? {
        if knownKeySet.insert(key).inserted { knownKeys.append(key) }
        guard let position = entryIndex[key] else {
            if required {
                collector.error("missing-field", at: location,
                    "Die Pflichtangabe `\(key)` fehlt\(context == "Vorspann" ? "" : " in \(context)").",
                    hint: "Ergänzen Sie eine Zeile `\(key): \(example)`.")
            }
            return nil
        }
        let entry = entries[position]
        if isNull(entry.value) {
            if required {
                collector.error("missing-field", at: location(of: entry.keyNode),
                    "Die Pflichtangabe `\(key)` hat keinen Wert.", hint: "Schreiben Sie den Wert hinter den Doppelpunkt: `\(key): \(example)`.")
            }
            return nil
        }
        return (entry, entry.value)
    }

    private func wrongType(_ key: String, _ node: Node, expected: String, example: String) {
        collector.error("wrong-type", at: location(of: node),
            "`\(key)` muss \(expected) sein, ist aber \(YAMLMapReader.describe(node)).",
            hint: "Schreiben Sie z. B. `\(key): \(example)`.")
    }

    // MARK: - Field getters

    func text(_ key: String, required: Bool = false, example: String = "…") -> String? {
        located(key, required: required, example: example)?.value
    }

    /// Text together with its position, for values checked later against other files (categories, contacts).
    func located(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
        guard let (_, node) = valueNode(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: "ein Text", example: example)
            return nil
        }
        let value = clean(scalar.string.trimmed, node)
        if value.isEmpty {
            if required {
                collector.error("missing-field", at: location(of: node), "Die Pflichtangabe `\(key)` ist leer.",
                    hint: "Schreiben Sie den Wert hinter den Doppelpunkt: `\(key): \(example)`.")
            }
            return nil
        }
        return Located(value: value, location: location(of: node))
    }

    /// Escapes such as `"\x01"` reach the value only after parsing, so control characters are looked for here too.
    private func clean(_ value: String, _ node: Node) -> String {
        ControlCharacters.clean(value: value, at: location(of: node), collector: collector)
    }

    /// Text exactly as written, spaces included: a number separator may be a no-break space.
    func untrimmed(_ key: String) -> Located<String>? {
        guard let (_, node) = valueNode(key, required: false, example: "\" \""), case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            return nil
        }
        return Located(value: clean(scalar.string, node), location: location(of: node))
    }

    /// A list of texts; a single text is taken as a list of one, since editors write `languages: Deutsch`.
    func textList(_ key: String, required: Bool = false, example: String = "[Deutsch, Englisch]") -> [String] {
        locatedList(key, required: required, example: example)?.map(\.value) ?? []
    }

    func locatedList(_ key: String, required: Bool = false, example: String = "[…]") -> [Located<String>]? {
        guard let (_, node) = valueNode(key, required: required, example: example) else { return nil }
        switch node {
        case .scalar(let scalar):
            return [Located(value: clean(scalar.string.trimmed, node), location: location(of: node))]
        case .sequence(let sequence):
            var items: [Located<String>] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !isNull(item) else {
                    wrongType(key, item, expected: "eine Liste von Texten", example: example)
                    continue
                }
                items.append(Located(value: clean(scalar.string.trimmed, item), location: location(of: item)))
            }
            if items.isEmpty, required {
                collector.error("missing-field", at: location(of: node), "Die Liste `\(key)` ist leer.",
                    hint: "Nennen Sie mindestens einen Eintrag: `\(key): \(example)`.")
                return nil
            }
            return items
        default:
            wrongType(key, node, expected: "eine Liste von Texten", example: example)
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        locatedDate(key, required: required)?.value
    }

    /// A date with its position, for findings that compare dates between files (outdated translations).
    func locatedDate(_ key: String, required: Bool = false) -> Located<CalendarDate>? {
        let example = "2026-09-14"
        guard let (_, node) = valueNode(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: "ein Datum", example: example)
            return nil
        }
        let raw = scalar.string.trimmed
        let at = location(of: node)
        let parts = raw.split(ascii: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        {
            if let date = CalendarDate(year: year, month: month, day: day) { return Located(value: date, location: at) }
            let reason: String
            if !(1...12).contains(month) {
                reason = "Einen Monat \(month) gibt es nicht."
            } else {
                reason = "Der \(CalendarDate.germanMonthNames[month - 1]) \(year) hat nur \(CalendarDate.daysIn(month: month, year: year)) Tage."
            }
            collector.error("invalid-date", at: at, "`\(raw)` ist kein gültiges Datum: \(reason)",
                hint: "Schreiben Sie ein Datum, das es gibt, im Format JJJJ-MM-TT.")
            return nil
        }
        var hint = "Schreiben Sie das Datum im Format JJJJ-MM-TT, z. B. `\(key): \(example)`."
        let german = raw.split(ascii: ".")
        if german.count == 3, let d = Int(german[0]), let m = Int(german[1]), let y = Int(german[2]),
            let date = CalendarDate(year: y < 100 ? 2000 + y : y, month: m, day: d)
        {
            hint = "Schreiben Sie das Datum im Format JJJJ-MM-TT: `\(key): \(date.iso)`."
        }
        collector.error("invalid-date", at: at, "`\(raw)` ist kein Datum im Format JJJJ-MM-TT.", hint: hint)
        return nil
    }

    func integer(_ key: String, required: Bool = false, example: String = "2025") -> Int? {
        guard let (_, node) = valueNode(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: "eine ganze Zahl", example: example)
            return nil
        }
        let raw = scalar.string.trimmed
        if let value = Int(raw) { return value }
        var hint = "Schreiben Sie eine ganze Zahl ohne Einheit und ohne Punkt, z. B. `\(key): \(example)`."
        let digits = raw.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
        if raw.contains("."), Int(digits) != nil {
            hint = "Schreiben Sie die Zahl ohne Tausenderpunkt: `\(key): \(digits)`."
        }
        collector.error("wrong-type", at: location(of: node), "`\(key)` muss eine ganze Zahl sein, ist aber `\(raw)`.", hint: hint)
        return nil
    }

    func number(_ key: String, required: Bool = false, example: String = "1250") -> Double? {
        guard let (_, node) = valueNode(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: "eine Zahl", example: example)
            return nil
        }
        let raw = scalar.string.trimmed
        if let value = Double(raw), value.isFinite, !raw.lowercased().contains("n"), !raw.lowercased().contains("i") {
            // Figures of a district stay far below this; larger values are typing errors (and would not print).
            guard abs(value) < 1e12 else {
                collector.error("invalid-value", at: location(of: node), "`\(raw)` ist als Zahl zu groß.",
                    hint: "Prüfen Sie die Zahl; Werte ab einer Billion sind nicht vorgesehen.")
                return nil
            }
            return value
        }
        var hint = "Schreiben Sie eine Zahl ohne Einheit, Dezimalstellen mit Punkt, z. B. `\(key): \(example)`."
        if raw.contains(","), Double(raw.replacingOccurrences(of: ",", with: ".")) != nil {
            hint = "Schreiben Sie Dezimalstellen mit Punkt: `\(key): \(raw.replacingOccurrences(of: ",", with: "."))`."
        }
        collector.error("wrong-type", at: location(of: node), "`\(key)` muss eine Zahl sein, ist aber `\(raw)`.", hint: hint)
        return nil
    }

    /// One of a fixed set of words, e.g. `kind: Stadt`.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, of type: T.Type, required: Bool = false) -> T? where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        guard let value = located(key, required: required, example: options.first ?? "…") else { return nil }
        if let match = T.allCases.first(where: { $0.rawValue.lowercased() == value.value.lowercased() }) { return match }
        let listed = options.map { "`\($0)`" }
        let allowed = listed.count > 1 ? listed.dropLast().joined(separator: ", ") + " oder " + listed.last! : listed.joined()
        let suggestion = EditDistance.nearest(to: value.value, in: options) ?? options.first ?? ""
        collector.error("invalid-value", at: value.location,
            "`\(key)` muss \(allowed) sein, ist aber `\(value.value)`.",
            hint: "Schreiben Sie z. B. `\(key): \(suggestion)`.")
        return nil
    }

    func url(_ key: String, required: Bool = false) -> String? {
        locatedURL(key, required: required)?.value
    }

    /// A web address with its position, for addresses checked later against the site's pages (`website:`).
    func locatedURL(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = located(key, required: required, example: "https://www.example.de") else { return nil }
        if LinkPolicy.isWebAddress(value.value) { return value }
        let suggestion = value.value.contains("://") ? "https://…" : "https://\(value.value)"
        collector.error("invalid-url", at: value.location,
            "`\(key)` muss eine Webadresse sein, die mit `https://` oder `http://` beginnt; `\(value.value)` ist keine.",
            hint: "Schreiben Sie die vollständige Adresse, z. B. `\(key): \(suggestion)`.")
        return nil
    }

    func email(_ key: String, required: Bool = false) -> String? {
        guard let written = located(key, required: required, example: "name@example.de") else { return nil }
        // Editors copy `mailto:…` from links; the address is meant, and the link adds its own `mailto:`.
        let address = written.value.lowercased().hasPrefix("mailto:") ? String(written.value.dropFirst(7)).trimmed : written.value
        let value = Located(value: address, location: written.location)
        if LinkPolicy.isEmailAddress(value.value) { return value.value }
        collector.error("invalid-email", at: value.location, "`\(value.value)` ist keine gültige E-Mail-Adresse.",
            hint: "Schreiben Sie die Adresse ohne `mailto:` und ohne Leerzeichen, z. B. `\(key): integration@example.de`.")
        return nil
    }

    /// Whether `key` holds a mapping (`place: {name: …}`) rather than a single value (`place: online`), for keys
    /// that accept both.
    func isMapping(_ key: String) -> Bool {
        guard let position = entryIndex[key], case .mapping = entries[position].value else { return false }
        return true
    }

    /// `true` or `false` (`ja`/`nein` too, since editors write German): a flag such as `forStaff: true`.
    func flag(_ key: String, example: String = "true") -> Bool? {
        guard let value = located(key, example: example) else { return nil }
        switch value.value.lowercased() {
        case "true", "ja", "yes": return true
        case "false", "nein", "no": return false
        default:
            collector.error("invalid-value", at: value.location, "`\(key)` muss `true` oder `false` sein, ist aber `\(value.value)`.",
                hint: "Schreiben Sie `\(key): true` (ja) oder lassen Sie die Zeile weg (nein).")
            return nil
        }
    }

    /// A nested mapping such as `address:`; `read` gets a reader for it.
    func map<T>(_ key: String, required: Bool = false, example: String = "…", _ read: (YAMLMapReader) -> T?) -> T? {
        guard let (entry, node) = valueNode(key, required: required, example: example) else { return nil }
        guard let reader = YAMLMapReader(node, context: "`\(key)`", collector: collector, lineOffset: lineOffset,
            fallback: location(of: entry.keyNode))
        else { return nil }
        let value = read(reader)
        reader.finish()
        return value
    }

    /// A list of mappings such as `categories:` or `indicators:`; `read` gets a reader for each item.
    func mapList<T>(_ key: String, required: Bool = false, itemName: String, _ read: (YAMLMapReader) -> T?) -> [T] {
        guard let (_, node) = valueNode(key, required: required, example: "(Liste)") else { return [] }
        guard case .sequence(let sequence) = node else {
            wrongType(key, node, expected: "eine Liste (jeder Eintrag beginnt mit `- `)", example: "\n  - …")
            return []
        }
        var items: [T] = []
        for (index, item) in sequence.enumerated() {
            guard let reader = YAMLMapReader(item, context: "\(itemName) \(index + 1)", collector: collector,
                lineOffset: lineOffset, fallback: location(of: item))
            else { continue }
            if let value = read(reader) { items.append(value) }
            reader.finish()
        }
        if items.isEmpty, required, sequence.isEmpty {
            collector.error("missing-field", at: location(of: node), "Die Liste `\(key)` ist leer.",
                hint: "Nennen Sie mindestens einen Eintrag.")
        }
        return items
    }

    /// Every key of the mapping with its position, for maps whose keys are names (category slugs) rather than fields.
    var keys: [Located<String>] {
        entries.map { Located(value: $0.key, location: location(of: $0.keyNode)) }
    }

    /// The keys as written, in order, without their places.
    var keyNames: [String] { entries.map(\.key) }

    /// Reports keys no getter asked for, suggesting the nearest known key. `explaining` gives the reason for keys
    /// that are right elsewhere but not here (a translation's `category`, which comes from the original).
    func finish(explaining: [String: (message: String, hint: String)] = [:]) {
        for entry in entries where !knownKeySet.contains(entry.key) {
            if let reason = explaining[entry.key] {
                collector.error("unknown-key", at: location(of: entry.keyNode), reason.message, hint: reason.hint)
                continue
            }
            var hint = "Erlaubt sind: \(knownKeys.map { "`\($0)`" }.joined(separator: ", "))."
            if let nearest = EditDistance.nearest(to: entry.key, in: knownKeys) {
                hint = "Meinten Sie `\(nearest)`? " + hint
            }
            collector.error("unknown-key", at: location(of: entry.keyNode),
                "Unbekannte Angabe `\(entry.key)`\(context == "Vorspann" ? "" : " in \(context)").", hint: hint)
        }
    }
}
