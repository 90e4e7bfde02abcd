import Foundation

/// The active wording rules: the built-in set, then every `lint/*.yml` of the site, which may add rules,
/// change them or switch them off (`severity: off`) by id.
public struct RuleSet: Sendable {
    public private(set) var categories: [LintCategory] = []
    public private(set) var rules: [LintRule] = []

    /// Active rules (not switched off), in definition order.
    public var activeRules: [LintRule] { rules.filter { $0.severity != nil } }

    /// One rule as a file states it: new rules give every field, changes to an existing rule only some.
    struct Entry: Sendable {
        var id: Located<String>
        var category: String?
        /// `.some(nil)`: switched off.
        var severity: Severity??
        var label: String?
        var terms: [TermPattern]?
        var explanation: String?
        var alternatives: [String]?
        var source: String?
        var exceptions: [TermPattern]?
        var examples: (flag: [String], pass: [String])?
    }

    /// What one rule file says, read on its own (files are read in parallel, merged in order).
    struct RuleFile: Sendable {
        var path: String
        var categories: [LintCategory] = []
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Loads the built-in rules and the site's `lint/*.yml`; problems in site files are findings at their lines.
    public static func load(siteRoot: URL?) -> (ruleSet: RuleSet, diagnostics: [Diagnostic]) {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        if let siteRoot {
            let folder = siteRoot.appendingPathComponent("lint")
            var names: [String] = []
            var isDirectory: ObjCBool = false
            if SiteLoader.isSymbolicLink(folder) {
                // Silently skipped, the site's own rules (and switched-off ones) would be lost without a word.
                diagnostics.append(Diagnostic(
                    file: "lint", location: .start, severity: .error, rule: "symlink",
                    message: "Der Ordner `lint/` ist ein symbolischer Link; die Sprachregeln der Website darin werden nicht gelesen.",
                    hint: "Legen Sie den Ordner mit den Regeldateien selbst in den Ordner der Website."))
            } else if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
                } catch {
                    diagnostics.append(SiteLoader.unlistable("lint"))
                }
            }
            for name in names {
                if let file = SiteLoader.readText(at: folder.appendingPathComponent(name), relativePath: "lint/\(name)", into: &diagnostics) {
                    files.append(file)
                }
            }
        }
        var set = RuleSet()
        for file in BuiltInRules.ruleFiles() + files.map(read) {
            diagnostics += file.diagnostics
            diagnostics += set.merge(file)
        }
        diagnostics += set.checkCategories()
        return (set, diagnostics)
    }

    /// Reads one rule file into categories and entries, checking its syntax and patterns.
    static func read(_ file: SourceFile) -> RuleFile {
        var result = RuleFile(path: file.path)
        let collector = DiagnosticCollector(file: file.path)
        let (node, ok) = YAMLDocument.parse(file.text, firstLine: 1, into: collector)
        guard ok, let reader = YAMLMapReader(node, context: file.path, collector: collector, lineOffset: 0, fallback: .start) else {
            result.diagnostics = collector.diagnostics
            return result
        }
        result.categories = reader.mapList("categories", itemName: "Kategorie") { item -> LintCategory? in
            let id = item.text("id", required: true, example: "metaphern")
            let title = item.text("title", required: true, example: "Naturkatastrophen-Metaphern")
            let description = item.text("description", required: true)
            guard let id, let title, let description else { return nil }
            return LintCategory(id: id, title: title, description: description)
        }
        result.entries = reader.mapList("rules", itemName: "Regel") { readEntry($0, collector: collector) }
        reader.finish()
        result.diagnostics = collector.diagnostics
        return result
    }

    private static func readEntry(_ item: YAMLMapReader, collector: DiagnosticCollector) -> Entry? {
        guard let id = item.located("id", required: true, example: "asylant") else { return nil }
        var entry = Entry(id: id)
        entry.category = item.text("category", example: "metaphern")
        let severityText = item.located("severity", example: "warning")
        entry.label = item.text("label", example: "Asylant, Asylantin")
        let termTexts = item.locatedList("terms", example: "[\"*asylant~*\"]")
        entry.explanation = item.text("explanation")
        entry.alternatives = item.locatedList("alternatives", example: "[Geflüchtete, Asylsuchende]")?.map(\.value)
        entry.source = item.text("source")
        let exceptionTexts = item.locatedList("exceptions", example: "[\"asylantr*\"]")
        entry.examples = item.map("examples", example: "{flag: […], pass: […]}") { e -> (flag: [String], pass: [String])? in
            (e.textList("flag"), e.textList("pass"))
        }
        if let severityText {
            if severityText.value == "off" {
                entry.severity = .some(nil)
            } else if let severity = Severity(rawValue: severityText.value) {
                entry.severity = .some(severity)
            } else {
                collector.error("invalid-value", at: severityText.location,
                    "`severity` muss `error`, `warning`, `info` oder `off` sein, ist aber `\(severityText.value)`.",
                    hint: "Schreiben Sie z. B. `severity: warning`.")
                return nil
            }
        }
        func compile(_ texts: [Located<String>]?) -> [TermPattern]?? {
            guard let texts else { return .some(nil) }
            var patterns: [TermPattern] = []
            for text in texts {
                do {
                    patterns.append(try TermPattern(text.value))
                } catch {
                    collector.error("lint-rule-invalid", at: text.location, "Das Muster `\(text.value)` ist ungültig: \(error)",
                        hint: "Siehe docs/redaktion.md, „Eigene Sprachregeln“: Buchstaben, `(a|b)` für Alternativen, `~` für Endungen, `*` für Wortzusammensetzungen.")
                    return nil
                }
            }
            return .some(patterns)
        }
        guard let terms = compile(termTexts), let exceptions = compile(exceptionTexts) else { return nil }
        entry.terms = terms
        entry.exceptions = exceptions
        return entry
    }

    /// Adds a file's categories and rules; an entry with a known id changes only the fields it gives.
    mutating func merge(_ file: RuleFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for category in file.categories {
            if let existing = categories.firstIndex(where: { $0.id == category.id }) {
                categories[existing] = category
            } else {
                categories.append(category)
            }
        }
        for entry in file.entries {
            if let existing = rules.firstIndex(where: { $0.id == entry.id.value }) {
                var rule = rules[existing]
                if let category = entry.category { rule.category = category }
                if let severity = entry.severity { rule.severity = severity }
                if let label = entry.label { rule.label = label }
                if let terms = entry.terms { rule.terms = terms }
                if let explanation = entry.explanation { rule.explanation = explanation }
                if let alternatives = entry.alternatives { rule.alternatives = alternatives }
                if let source = entry.source { rule.source = source }
                if let exceptions = entry.exceptions { rule.exceptions = exceptions }
                if let examples = entry.examples { rule.examplesFlagged = examples.flag; rule.examplesClean = examples.pass }
                rule.definedIn = file.path
                rules[existing] = rule
                continue
            }
            guard ContentPath.isValidSlug(entry.id.value) else {
                diagnostics.append(Diagnostic(file: file.path, location: entry.id.location, severity: .error, rule: "lint-rule-invalid",
                    message: "`\(entry.id.value)` ist keine gültige Regel-ID.",
                    hint: "Regel-IDs bestehen aus Kleinbuchstaben a–z, Ziffern und Bindestrichen."))
                continue
            }
            let missing = [("category", entry.category == nil), ("severity", entry.severity == nil), ("label", entry.label == nil),
                           ("terms", entry.terms == nil), ("explanation", entry.explanation == nil), ("alternatives", entry.alternatives == nil)]
                .filter(\.1).map(\.0)
            guard missing.isEmpty, let category = entry.category, let severity = entry.severity, let label = entry.label,
                let terms = entry.terms, let explanation = entry.explanation, let alternatives = entry.alternatives
            else {
                diagnostics.append(Diagnostic(file: file.path, location: entry.id.location, severity: .error, rule: "missing-field",
                    message: "Die neue Regel `\(entry.id.value)` braucht noch: \(missing.map { "`\($0)`" }.joined(separator: ", ")).",
                    hint: "Eine neue Regel nennt category, severity, label, terms, explanation und alternatives (siehe docs/redaktion.md, „Eigene Sprachregeln“)."))
                continue
            }
            rules.append(LintRule(
                id: entry.id.value, category: category, severity: severity, label: label, terms: terms, explanation: explanation,
                alternatives: alternatives, source: entry.source, exceptions: entry.exceptions ?? [],
                examplesFlagged: entry.examples?.flag ?? [], examplesClean: entry.examples?.pass ?? [], definedIn: file.path))
        }
        return diagnostics
    }

    /// Every rule names a known category.
    private func checkCategories() -> [Diagnostic] {
        let known = Set(categories.map(\.id))
        return rules.filter { !known.contains($0.category) }.map { rule in
            Diagnostic(
                file: rule.definedIn, location: .start, severity: .error, rule: "lint-rule-invalid",
                message: "Die Regel `\(rule.id)` nennt die unbekannte Kategorie `\(rule.category)`.",
                hint: "Nennen Sie eine Kategorie aus `categories:` (\(categories.map(\.id).joined(separator: ", "))).")
        }
    }
}
