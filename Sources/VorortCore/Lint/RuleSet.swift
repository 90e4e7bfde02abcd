import Foundation

/// The active wording rules: the built-in set, then every `lint/*.yml` of the site, which may add rules,
/// change them or switch them off (`severity: off`) by id.
public struct RuleSet: Sendable {
    public private(set) var categories: [LintCategory] = []
    public private(set) var rules: [LintRule] = []

    /// Active rules (not switched off), in definition order.
    public var activeRules: [LintRule] { rules.filter { $0.severity != nil } }

    public func rule(_ id: String) -> LintRule? { rules.first { $0.id == id } }

    static let severityWords = ["error", "warning", "info", "off"]

    /// The built-in rule files shipped inside vorort, by name.
    static func builtInFiles() -> [(name: String, text: String)] {
        guard let folder = Bundle.module.url(forResource: "Rules", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yml") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }

    /// Loads the built-in rules and the site's `lint/*.yml`; problems in site files are findings at their lines.
    public static func load(siteRoot: URL?) -> (ruleSet: RuleSet, diagnostics: [Diagnostic]) {
        var set = RuleSet()
        var diagnostics: [Diagnostic] = []
        for (name, text) in builtInFiles() {
            diagnostics += set.merge(SourceFile(path: "vorort:lint/\(name)", text: text))
        }
        if let siteRoot {
            let folder = siteRoot.appendingPathComponent("lint")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
            for name in names {
                var readDiagnostics: [Diagnostic] = []
                if let file = SiteLoader.readText(at: folder.appendingPathComponent(name), relativePath: "lint/\(name)", into: &readDiagnostics) {
                    diagnostics += set.merge(file)
                }
                diagnostics += readDiagnostics
            }
        }
        diagnostics += set.checkReferences()
        return (set, diagnostics)
    }

    /// Reads one rule file into the set.
    mutating func merge(_ file: SourceFile) -> [Diagnostic] {
        let collector = DiagnosticCollector(file: file.path)
        let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: file.path, collector: collector, lineOffset: 0, fallback: .start) else {
            return collector.diagnostics
        }
        let categories = reader.mapList("categories", itemName: "Kategorie") { item -> LintCategory? in
            let id = item.text("id", required: true, example: "metaphern")
            let title = item.text("title", required: true, example: "Naturkatastrophen-Metaphern")
            let description = item.text("description", required: true)
            guard let id, let title, let description else { return nil }
            return LintCategory(id: id, title: title, description: description)
        }
        for category in categories {
            if let existing = self.categories.firstIndex(where: { $0.id == category.id }) {
                self.categories[existing] = category
            } else {
                self.categories.append(category)
            }
        }
        _ = reader.mapList("rules", itemName: "Regel") { item -> Bool? in
            readRule(item, file: file.path, collector: collector)
            return true
        }
        reader.finish()
        return collector.diagnostics
    }

    private mutating func readRule(_ item: YAMLMapReader, file: String, collector: DiagnosticCollector) {
        guard let id = item.located("id", required: true, example: "asylant") else { return }
        let existing = rules.firstIndex { $0.id == id.value }
        let required = existing == nil
        if required, !ContentPath.isValidSlug(id.value) {
            collector.error("lint-rule-invalid", at: id.location, "`\(id.value)` ist keine gültige Regel-ID.",
                hint: "Regel-IDs bestehen aus Kleinbuchstaben a–z, Ziffern und Bindestrichen.")
            return
        }
        let category = item.text("category", required: required, example: "metaphern")
        let severityText = item.located("severity", required: required, example: "warning")
        let label = item.text("label", required: required, example: "Asylant, Asylantin")
        let termTexts = item.locatedList("terms", required: required, example: "[\"*asylant~*\"]")
        let explanation = item.text("explanation", required: required)
        let alternatives = item.locatedList("alternatives", required: required, example: "[Geflüchtete, Asylsuchende]")
        let source = item.text("source")
        let exceptionTexts = item.locatedList("exceptions", example: "[\"asylantr*\"]")
        let examples = item.map("examples", example: "{flag: […], pass: […]}") { e -> ([String], [String])? in
            (e.textList("flag"), e.textList("pass"))
        }
        var severity: Severity?? = nil
        if let severityText {
            switch severityText.value {
            case "off": severity = .some(nil)
            case let word where Severity(rawValue: word) != nil: severity = .some(Severity(rawValue: word))
            default:
                collector.error("invalid-value", at: severityText.location,
                    "`severity` muss `error`, `warning`, `info` oder `off` sein, ist aber `\(severityText.value)`.",
                    hint: "Schreibe z. B. `severity: warning`.")
                return
            }
        }
        func compile(_ texts: [Located<String>]?) -> [TermPattern]? {
            guard let texts else { return nil }
            var patterns: [TermPattern] = []
            for text in texts {
                do {
                    patterns.append(try TermPattern(text.value))
                } catch {
                    collector.error("lint-rule-invalid", at: text.location, "Das Muster `\(text.value)` ist ungültig: \(error)",
                        hint: "Siehe docs/lint.md: Buchstaben, `(a|b)` für Alternativen, `~` für Endungen, `*` für Wortzusammensetzungen.")
                    return nil
                }
            }
            return patterns
        }
        let terms = compile(termTexts)
        let exceptions = compile(exceptionTexts)
        if termTexts != nil, terms == nil { return }
        if exceptionTexts != nil, exceptions == nil { return }
        if let existing {
            var rule = rules[existing]
            if let category { rule.category = category }
            if let severity { rule.severity = severity }
            if let label { rule.label = label }
            if let terms { rule.terms = terms }
            if let explanation { rule.explanation = explanation }
            if let alternatives { rule.alternatives = alternatives.map(\.value) }
            if let source { rule.source = source }
            if let exceptions { rule.exceptions = exceptions }
            if let examples { rule.examplesFlagged = examples.0; rule.examplesClean = examples.1 }
            rule.definedIn = file
            rules[existing] = rule
            return
        }
        guard let category, let severity, let label, let terms, let explanation, let alternatives else { return }
        rules.append(LintRule(
            id: id.value, category: category, severity: severity, label: label, terms: terms, explanation: explanation,
            alternatives: alternatives.map(\.value), source: source, exceptions: exceptions ?? [],
            examplesFlagged: examples?.0 ?? [], examplesClean: examples?.1 ?? [], definedIn: file))
    }

    /// Every rule names a known category; contested words must not fail a build — that is checked in tests of the built-in set.
    private func checkReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let known = Set(categories.map(\.id))
        for rule in rules where !known.contains(rule.category) {
            diagnostics.append(Diagnostic(
                file: rule.definedIn, location: .start, severity: .error, rule: "lint-rule-invalid",
                message: "Die Regel `\(rule.id)` nennt die unbekannte Kategorie `\(rule.category)`.",
                hint: "Nenne eine Kategorie aus `categories:` (\(categories.map(\.id).joined(separator: ", ")))."))
        }
        return diagnostics
    }
}
