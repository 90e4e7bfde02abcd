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
    /// The YAML keys whose values are text for residents: the file type's declared linted keys.
    var textKeys: Set<String> = ContentTypes.lintedKeys
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
        var tokens = LintTokens()
        // German text has about one word per seven bytes: growing the array step by step copied every token
        // several times.
        tokens.tokens.reserveCapacity(input.file.text.utf8.count / 8)
        let buffer = LintLineBuffer()
        var suppressions = input.fileSuppressions
        switch input.kind {
        case .yaml:
            LintSource.yamlTokens(lines, range: 1...lines.count, textKeys: input.textKeys, line: buffer, into: &tokens)
        case .markdown(let end):
            if end >= 3 { LintSource.yamlTokens(lines, range: 2...(end - 1), textKeys: input.textKeys, line: buffer, into: &tokens) }
            if end + 1 <= lines.count {
                let body = (end + 1)...lines.count
                let blocks = MarkdownBlocks.scan(lines, range: body)
                LintSource.markdownTokens(lines, range: body, codeLines: blocks.code.union(blocks.html), line: buffer, into: &tokens)
                if LintSuppression.mayHoldComments(input.file.text) {
                    suppressions += LintSuppression.comments(in: lines, range: body, codeLines: blocks.code)
                }
            }
        }
        let collector = DiagnosticCollector(file: input.file.path)
        var used = Set<Int>()
        let usable = checkSuppressions(suppressions, rules: matcher.rules, collector: collector)
        func suppression(of rule: String, at line: Int) -> Int? {
            usable.first { index in
                let s = suppressions[index]
                return s.rules.contains(rule) && (s.lines.map { $0.contains(line) } ?? true)
            }
        }
        let text = LineText(lines)
        // Disguised words that a rule of severity warning or error finds: the disguise is an evasion.
        var evasions: [Int: Int] = [:]
        for match in matcher.matches(in: tokens) {
            let rule = matcher.rules[match.rule]
            guard let severity = rule.severity else { continue }
            if severity != .info {
                for index in match.first...match.last where tokens[index].disguise >= 0 && evasions[index] == nil {
                    evasions[index] = match.rule
                }
            }
            let first = tokens[match.first], last = tokens[match.last]
            if let suppression = suppression(of: rule.id, at: first.line) {
                used.insert(suppression)
                continue
            }
            let endColumn = first.line == last.line ? last.endColumn : first.endColumn
            // The message is only built for findings that are listed (see DiagnosticCollector.report).
            collector.report(severity, rule.id, at: SourceLocation(line: first.line, column: first.startColumn, endColumn: endColumn),
                "„\(first.line == last.line ? text.quote(line: first.line, first.startColumn..<endColumn) : "…")“: \(rule.explanation)",
                hint: "Besser: \(rule.alternatives.joined(separator: "; ")).")
        }
        for index in tokens.indices where tokens[index].disguise >= 0 {
            guard let disguise = tokens.disguise(index), DisguisedWord.isLatin(tokens.folded(index)) else { continue }
            let token = tokens[index]
            if let suppression = suppression(of: DisguisedWord.rule, at: token.line) {
                used.insert(suppression)
                continue
            }
            let evaded = evasions[index].map { matcher.rules[$0] }
            collector.report(evaded == nil ? .warning : .error, DisguisedWord.rule,
                at: SourceLocation(line: token.line, column: token.startColumn, endColumn: token.endColumn),
                DisguisedWord.message(word: text.scalars(line: token.line, token.startColumn..<token.endColumn), disguise: disguise,
                                      evaded: evaded?.id),
                hint: DisguisedWord.hint)
        }
        for index in usable where !used.contains(index) {
            let suppression = suppressions[index]
            collector.warning("lint-suppression-unused", at: suppression.location,
                "Die Ausnahme für \(suppression.rules.map { "`\($0)`" }.joined(separator: ", ")) unterdrückt nichts.",
                hint: "Entfernen Sie die Ausnahme, wenn die Formulierung nicht mehr im Text steht.")
        }
        return (collector.diagnostics, tokens.count)
    }

    /// One content file of `type`, reading the keys the type declares as text for residents.
    static func lintFile(_ file: SourceFile, type: any ContentItem.Type, suppressions: [LintSuppression], matcher: WordingMatcher)
        -> (diagnostics: [Diagnostic], words: Int)
    {
        let input: LintInput
        if !type.placement.isMarkdown {
            input = LintInput(file: file, kind: .yaml, fileSuppressions: [], textKeys: type.lintedKeys)
        } else {
            // Files without complete front matter were reported by the parser already.
            guard let end = FrontMatter.closingLine(of: file.text) else { return ([], 0) }
            input = LintInput(file: file, kind: .markdown(frontMatterEnd: end), fileSuppressions: suppressions, textKeys: type.lintedKeys)
        }
        return lintCountingWords(input, matcher: matcher)
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
                    hint: "Passen Sie `terms` an oder korrigieren Sie das Beispiel unter `examples: flag:`."))
            }
            for example in rule.examplesClean where findings(example).contains(where: { $0.rule == rule.id }) {
                diagnostics.append(Diagnostic(file: rule.definedIn, location: .start, severity: .error, rule: "lint-rule-example",
                    message: "Die Regel `\(rule.id)` meldet ihr Gegenbeispiel: „\(example)“.",
                    hint: "Ergänzen Sie `exceptions` oder korrigieren Sie das Beispiel unter `examples: pass:`."))
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
                    hint: "Schreiben Sie `<!-- vorort-lint: ignore REGEL-ID -- Begründung -->`.")
                continue
            }
            let unknown = suppression.rules.filter { id in id != DisguisedWord.rule && !rules.contains { $0.id == id } }
            if !unknown.isEmpty {
                collector.error("lint-suppression-invalid", at: suppression.location,
                    "Die Regel \(unknown.map { "`\($0)`" }.joined(separator: ", ")) gibt es nicht.",
                    hint: "Nennen Sie die Regel-ID aus der Meldung, die Sie unterdrücken wollen (in eckigen Klammern am Ende).")
                continue
            }
            guard let reason = suppression.reason, !reason.isEmpty else {
                collector.warning("lint-suppression-reason", at: suppression.location,
                    "Die Ausnahme hat keine Begründung und gilt deshalb nicht.",
                    hint: "Begründen Sie sie: `<!-- vorort-lint: ignore \(suppression.rules.joined(separator: ", ")) -- Zitat, das die Geschichte zurückweist -->`.")
                continue
            }
            usable.append(index)
        }
        return usable
    }
}

/// The scalars of the lines that have findings, each line decoded once: a line with 200,000 findings used to be
/// decoded again for each of them.
private final class LineText {
    private let lines: [Substring]
    private var decoded: [Int: [Unicode.Scalar]] = [:]

    init(_ lines: [Substring]) {
        self.lines = lines
    }

    /// The scalars of `columns` (1-based) on `line`.
    func scalars(line: Int, _ columns: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        let all: [Unicode.Scalar]
        if let known = decoded[line] {
            all = known
        } else {
            all = Array(lines[line - 1].unicodeScalars)
            decoded[line] = all
        }
        let lower = min(max(columns.lowerBound - 1, 0), all.count)
        return all[lower..<min(max(columns.upperBound - 1, lower), all.count)]
    }

    /// The text of `columns` for a message, shortened when a hostile file has a word of thousands of letters.
    func quote(line: Int, _ columns: Range<Int>) -> String {
        DisguisedWord.shortened(scalars(line: line, columns), visible: false)
    }
}

/// The `disguised-word` finding: a word whose letters were disguised by invisible controls or look-alike letters.
enum DisguisedWord {
    static let rule = "disguised-word"
    static let hint = "Löschen Sie das Wort und schreiben Sie es neu; beim Kopieren aus PDF oder Webseiten kommen solche Zeichen mit."
    /// Words longer than this are shortened in messages.
    static let maximumQuoted = 80

    /// Words written wholly in another script (Arabic with direction marks, a Ukrainian word) are not reported.
    static func isLatin(_ folded: [UInt8]) -> Bool {
        folded.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    static func named(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.name.map { "\(Diagnostic.unicodeLabel(scalar)) \($0)" } ?? Diagnostic.unicodeLabel(scalar)
    }

    /// The word as text; with `visible`, hidden controls are shown as `‹U+200E›` so the message shows where they are.
    static func shortened(_ scalars: ArraySlice<Unicode.Scalar>, visible: Bool) -> String {
        var out = ""
        var count = 0
        for scalar in scalars {
            if count == maximumQuoted { out += "…"; break }
            if visible, LintTokenizer.isHiddenControl(scalar) {
                out += "‹\(Diagnostic.unicodeLabel(scalar))›"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    static func message(word: ArraySlice<Unicode.Scalar>, disguise: [Unicode.Scalar], evaded rule: String?) -> String {
        let hidden = disguise.filter(LintTokenizer.isHiddenControl)
        let compatibility = disguise.filter { GermanFolding.compatibilityLatin($0.value) != nil }
        let lookalikes = disguise.filter { GermanFolding.latinLookalike($0.value) != nil }
        func list(_ scalars: [Unicode.Scalar]) -> String { scalars.map(named).joined(separator: ", ") }
        var kinds: [String] = []
        if !hidden.isEmpty { kinds.append("unsichtbare Steuerzeichen (\(list(hidden)))") }
        if !lookalikes.isEmpty { kinds.append("Buchstaben einer anderen Schrift, die wie lateinische aussehen (\(list(lookalikes)))") }
        if !compatibility.isEmpty { kinds.append("Sonderformen lateinischer Buchstaben (\(list(compatibility)))") }
        let what = kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " und " + kinds[kinds.count - 1] : kinds.joined()
        let consequence = rule.map { "Diese Zeichen verdecken ein Wort, das die Regel `\($0)` meldet." }
            ?? "Solche Zeichen stören die Suche und Screenreader."
        return "Im Wort „\(shortened(word, visible: true))“ stehen \(what). \(consequence)"
    }
}
