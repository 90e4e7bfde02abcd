/// The built-in wording rules, compiled into vorort from `Lint/Rules/*.yml` by
/// `scripts/generate-builtin-rules.py` (see BuiltInRules.generated.swift). The YAML files are the source of
/// truth; a test fails while the generated data and the YAML disagree.
enum BuiltInRules {}

/// One built-in rule file.
struct BuiltInRuleFile: Sendable {
    var path: String
    var categories: [LintCategory]
    var rules: [BuiltInRule]
}

/// One built-in rule as its YAML states it.
struct BuiltInRule: Sendable {
    var id: String
    var category: String
    var severity: String
    var label: String
    var terms: [String]
    var explanation: String
    var alternatives: [String]
    var source: String?
    var exceptions: [String]
    var flag: [String]
    var pass: [String]
}

extension BuiltInRules {
    /// The built-in files as the rule set reads them. Patterns were checked by the tests, so none fails here;
    /// should one fail all the same, it is reported like a site rule's.
    static func ruleFiles() -> [RuleSet.RuleFile] {
        files.map { file in
            var result = RuleSet.RuleFile(path: file.path, categories: file.categories)
            for rule in file.rules {
                do {
                    result.entries.append(RuleSet.Entry(
                        id: Located(value: rule.id, location: .start), category: rule.category,
                        severity: rule.severity == "off" ? .some(nil) : Severity(rawValue: rule.severity).map { .some($0) },
                        label: rule.label, terms: try rule.terms.map(TermPattern.init), explanation: rule.explanation,
                        alternatives: rule.alternatives, source: rule.source, exceptions: try rule.exceptions.map(TermPattern.init),
                        examples: (rule.flag, rule.pass)))
                } catch {
                    result.diagnostics.append(Diagnostic(
                        file: file.path, location: .start, severity: .error, rule: "lint-rule-invalid",
                        message: "Die eingebaute Regel `\(rule.id)` hat ein ungültiges Muster: \(error)",
                        hint: "Korrigieren Sie die Regel in Lint/Rules und führen Sie scripts/generate-builtin-rules.py aus."))
                }
            }
            return result
        }
    }
}
