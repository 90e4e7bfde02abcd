/// A file to lint and what earlier stages learned about it.
struct LintInput: Sendable {
    enum Kind: Sendable {
        /// `frontMatterEnd` is the line of the closing `---`: front matter on the lines before it, the Markdown body after it.
        case markdown(frontMatterEnd: Int)
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
        lintCountingWords(input, matcher: matcher).diagnostics
    }

    /// The findings and the number of words read (for the throughput figure of `vorort check --timings`).
    static func lintCountingWords(_ input: LintInput, matcher: WordingMatcher) -> (diagnostics: [Diagnostic], words: Int) {
        let lines = input.file.text.lines
        guard !lines.isEmpty else { return ([], 0) }
        var tokens: [LintToken] = []
        var suppressions = input.fileSuppressions
        switch input.kind {
        case .yaml:
            LintSource.yamlTokens(lines, range: 1...lines.count, into: &tokens)
        case .markdown(let end):
            if end >= 3 { LintSource.yamlTokens(lines, range: 2...(end - 1), into: &tokens) }
            if end + 1 <= lines.count {
                let body = (end + 1)...lines.count
                let blocks = MarkdownBlocks.scan(lines, range: body)
                LintSource.markdownTokens(lines, range: body, codeLines: blocks.code.union(blocks.html), into: &tokens)
                suppressions += LintSuppression.comments(in: lines, range: body, codeLines: blocks.code)
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
        return (collector.diagnostics, tokens.count)
    }

    /// Lints every content file of the site in parallel, and the translations into German varieties such as
    /// Leichte Sprache (`germanTranslations`: their language codes); the rules are about German words.
    static func lintSite(_ loaded: LoadedSite, content: SiteContent, matcher: WordingMatcher, germanTranslations: Set<String> = [])
        -> (diagnostics: [Diagnostic], words: Int)
    {
        let jobs = loaded.content.map { (role: $0.role, file: $0.file) }
            + loaded.translations.filter { germanTranslations.contains($0.language) }.map { (role: $0.role, file: $0.file) }
        let suppressions = content.lintSuppressions
        let results = Parallel.map(jobs) { job -> (diagnostics: [Diagnostic], words: Int) in
            let input: LintInput
            if case .facts = job.role {
                input = LintInput(file: job.file, kind: .yaml, fileSuppressions: [])
            } else {
                // Files without complete front matter were reported by the parser already.
                guard let end = FrontMatter.closingLine(of: job.file.text) else { return ([], 0) }
                input = LintInput(file: job.file, kind: .markdown(frontMatterEnd: end),
                                  fileSuppressions: suppressions[job.file.path] ?? [])
            }
            return lintCountingWords(input, matcher: matcher)
        }
        return (results.flatMap(\.diagnostics), results.reduce(0) { $0 + $1.words })
    }

    /// Runs the examples of rules a site defined or changed in `lint/*.yml`: every rule proves itself there too.
    static func checkSiteRuleExamples(_ ruleSet: RuleSet, matcher: WordingMatcher) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in ruleSet.rules where rule.definedIn.hasPrefix("lint/") && rule.severity != nil {
            func findings(_ example: String) -> [Diagnostic] {
                let file = SourceFile(path: rule.definedIn, text: "---\n---\n" + example)
                return lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []), matcher: matcher)
            }
            for example in rule.examplesFlagged where !findings(example).contains(where: { $0.rule == rule.id }) {
                diagnostics.append(Diagnostic(file: rule.definedIn, location: .start, severity: .error, rule: "lint-rule-example",
                    message: "Die Regel `\(rule.id)` erkennt ihr eigenes Beispiel nicht: „\(example)“.",
                    hint: "Passe `terms` an oder korrigiere das Beispiel unter `examples: flag:`."))
            }
            for example in rule.examplesClean where findings(example).contains(where: { $0.rule == rule.id }) {
                diagnostics.append(Diagnostic(file: rule.definedIn, location: .start, severity: .error, rule: "lint-rule-example",
                    message: "Die Regel `\(rule.id)` meldet ihr Gegenbeispiel: „\(example)“.",
                    hint: "Ergänze `exceptions` oder korrigiere das Beispiel unter `examples: pass:`."))
            }
        }
        return diagnostics
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
