/// A file to lint and what earlier stages learned about it.
struct LintInput: Sendable {
    enum Kind: Sendable {
        /// Front matter on lines 2...`frontMatterEnd`, Markdown body after it; `codeLines` are code and HTML blocks.
        case markdown(frontMatterEnd: Int, codeLines: Set<Int>)
        /// A YAML file such as `zahlen.yml`.
        case yaml
    }

    var file: SourceFile
    var kind: Kind
    /// `lintIgnore` entries of the front matter.
    var fileSuppressions: [LintSuppression]
}

/// The culture-sensitive wording lint of one file: findings are ordinary diagnostics at the offending words.
enum WordingLint {
    static func lint(_ input: LintInput, matcher: WordingMatcher) -> [Diagnostic] {
        let lines = input.file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return [] }
        var tokens: [LintToken] = []
        var suppressions = input.fileSuppressions
        switch input.kind {
        case .yaml:
            LintSource.yamlTokens(lines, range: 1...lines.count, into: &tokens)
        case .markdown(let end, let codeLines):
            if end >= 2 { LintSource.yamlTokens(lines, range: 2...end, into: &tokens) }
            if end + 2 <= lines.count {
                let body = (end + 2)...lines.count
                LintSource.markdownTokens(lines, range: body, codeLines: codeLines, into: &tokens)
                suppressions += LintSuppression.comments(in: lines, range: body, codeLines: codeLines)
            }
        }
        let collector = DiagnosticCollector(file: input.file.path)
        var used = Set<Int>()
        let usable = checkSuppressions(suppressions, rules: matcher.rules, collector: collector)
        for match in matcher.matches(in: tokens) {
            let rule = matcher.rules[match.rule]
            guard let severity = rule.severity else { continue }
            let first = tokens[match.first], last = tokens[match.last]
            if let suppression = usable.first(where: { index in
                let s = suppressions[index]
                return s.rules.contains(rule.id) && (s.lines.map { $0.contains(first.line) } ?? true)
            }) {
                used.insert(suppression)
                continue
            }
            let endColumn = first.line == last.line ? last.endColumn : first.endColumn
            let line = lines[first.line - 1]
            let text = first.line == last.line
                ? String(String.UnicodeScalarView(Array(line.unicodeScalars)[(first.startColumn - 1)..<(endColumn - 1)]))
                : "…"
            collector.report(severity, rule.id, at: SourceLocation(line: first.line, column: first.startColumn, endColumn: endColumn),
                "„\(text)“: \(rule.explanation)",
                hint: "Besser: \(rule.alternatives.joined(separator: "; ")).")
        }
        for index in usable where !used.contains(index) {
            let suppression = suppressions[index]
            collector.warning("lint-suppression-unused", at: suppression.location,
                "Die Ausnahme für \(suppression.rules.map { "`\($0)`" }.joined(separator: ", ")) unterdrückt nichts.",
                hint: "Entferne die Ausnahme, wenn die Formulierung nicht mehr im Text steht.")
        }
        return collector.diagnostics
    }

    /// Reports suppressions without a reason or with unknown rule ids; returns the indices of those that apply.
    private static func checkSuppressions(_ suppressions: [LintSuppression], rules: [LintRule], collector: DiagnosticCollector) -> [Int] {
        var usable: [Int] = []
        for (index, suppression) in suppressions.enumerated() {
            if suppression.rules.isEmpty {
                collector.warning("lint-suppression-invalid", at: suppression.location,
                    "Die Ausnahme nennt keine Regel.",
                    hint: "Schreibe `<!-- vorort-lint: ignore REGEL-ID -- Begründung -->`.")
                continue
            }
            let unknown = suppression.rules.filter { id in !rules.contains { $0.id == id } }
            if !unknown.isEmpty {
                collector.error("lint-suppression-invalid", at: suppression.location,
                    "Die Regel \(unknown.map { "`\($0)`" }.joined(separator: ", ")) gibt es nicht.",
                    hint: "Nenne die Regel-ID aus der Meldung, die du unterdrücken willst (in eckigen Klammern am Ende).")
                continue
            }
            guard let reason = suppression.reason, !reason.isEmpty else {
                collector.warning("lint-suppression-reason", at: suppression.location,
                    "Die Ausnahme hat keine Begründung und gilt deshalb nicht.",
                    hint: "Begründe sie: `<!-- vorort-lint: ignore \(suppression.rules.joined(separator: ", ")) -- Zitat, das die Geschichte zurückweist -->`.")
                continue
            }
            usable.append(index)
        }
        return usable
    }
}
