import Foundation
import Testing
@testable import VorortCore

/// The built-in rule set proves itself: every rule's examples are run, and the set covers what the guideline needs.
@Suite("Built-in wording rules")
struct LintRuleSetTests {
    static let loaded = RuleSet.load(siteRoot: nil)

    @Test func builtInRulesLoadWithoutFindings() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics.prefix(5))")
        #expect(!Self.loaded.ruleSet.rules.isEmpty)
    }

    @Test func everyRuleIsComplete() {
        var ids = Set<String>()
        for rule in Self.loaded.ruleSet.rules {
            #expect(ids.insert(rule.id).inserted, "duplicate id \(rule.id)")
            #expect(!rule.explanation.isEmpty && !rule.alternatives.isEmpty, "\(rule.id)")
            #expect(!rule.examplesFlagged.isEmpty, "\(rule.id) has no example that must be flagged")
            #expect(!rule.examplesClean.isEmpty, "\(rule.id) has no example that must not be flagged")
        }
    }

    @Test func everyRuleFlagsItsExamplesAndOnlyThose() {
        let matcher = WordingMatcher(rules: Self.loaded.ruleSet.rules)
        for rule in Self.loaded.ruleSet.rules {
            for example in rule.examplesFlagged {
                let findings = lintBody(example, rules: Self.loaded.ruleSet.rules, matcher: matcher)
                #expect(findings.contains { $0.rule == rule.id }, "\(rule.id) must flag: \(example)")
            }
            for example in rule.examplesClean {
                let findings = lintBody(example, rules: Self.loaded.ruleSet.rules, matcher: matcher)
                #expect(!findings.contains { $0.rule == rule.id }, "\(rule.id) must not flag: \(example)")
            }
        }
    }
}

func lintBody(_ text: String, rules: [LintRule], matcher: WordingMatcher) -> [Diagnostic] {
    let file = SourceFile(path: "x.md", text: "---\n---\n" + text)
    return WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []), matcher: matcher)
}

@Suite("What the built-in rules leave alone")
struct LintPrecisionTests {
    static let rules = RuleSet.load(siteRoot: nil).ruleSet.rules
    static let matcher = WordingMatcher(rules: rules)

    /// Contested but legitimate words (refugee law, citizenship law) never fail a build and never warn.
    @Test func legitimateWordsAreAtMostInfo() {
        let text = """
            Flüchtlinge, ein Flüchtling, Ausländerinnen und Ausländer, Asylbewerber, Asylbewerberinnen, Migranten,
            Migrantinnen, Zugewanderte, Geflüchtete, Asylsuchende, Einwanderer, Sinti und Roma, Schwarze Menschen.
            """
        let findings = lintBody(text, rules: Self.rules, matcher: Self.matcher)
        #expect(findings.allSatisfy { $0.severity == .info }, "\(findings.map(\.rule))")
    }

    @Test func officialNamesAndFalseFriendsAreClean() {
        let text = """
            Die Ausländerbehörde, der Ausländerbeirat und das Asylbewerberleistungsgesetz. Der Asylantrag und die Asylanträge.
            Der Flüchtlingsrat, die UNO-Flüchtlingshilfe, das Bundesamt für Migration und Flüchtlinge, die Genfer Flüchtlingskonvention.
            Hitzewelle, Grippewelle, Wellenbad, Sturmflut, Flutlicht, Fluthilfe, Stromanbieter, Stromausfall, Ökostrom.
            Mischpult, Mischwald, Möhren und Mohrrüben. Kein Mensch ist illegal. Illegale Müllentsorgung und illegales Parken.
            Ein Ansturm auf das Freibad, eine Welle der Hilfsbereitschaft, eine Flut von Anträgen, ein Strom von Besuchern.
            Der Schüleraustausch, das Kulturzentrum, die Terrasse, die Hauptstraße, der Bildungsfernsehsender.
            """
        let findings = lintBody(text, rules: Self.rules, matcher: Self.matcher)
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule) line \($0.location.line) col \($0.location.column)" })")
    }

    @Test func theDefaultSetIsLargeEnough() {
        let terms = Self.rules.reduce(0) { $0 + $1.termSources.count }
        #expect(terms >= 150)
        #expect(Set(Self.rules.map(\.category)).count >= 6)
    }
}

@Suite("Built-in rules: YAML and compiled data agree")
struct BuiltInRulesSyncTests {
    @Test func generatedDataMatchesTheYAMLFiles() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("Sources/VorortCore/Lint/Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        var fromYAML = RuleSet()
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let file = RuleSet.read(SourceFile(path: "vorort:lint/\(name)", text: text))
            #expect(file.diagnostics.isEmpty, "\(name): \(file.diagnostics)")
            _ = fromYAML.merge(file)
        }
        var compiled = RuleSet()
        for file in BuiltInRules.ruleFiles() { _ = compiled.merge(file) }
        let hint = "run scripts/generate-builtin-rules.py"
        #expect(fromYAML.categories == compiled.categories, "\(hint)")
        #expect(fromYAML.rules.map(\.id) == compiled.rules.map(\.id), "\(hint)")
        for (a, b) in zip(fromYAML.rules, compiled.rules) {
            #expect(a.termSources == b.termSources && a.exceptions.map(\.source) == b.exceptions.map(\.source), "\(a.id): \(hint)")
            #expect(a.severity == b.severity && a.category == b.category && a.label == b.label, "\(a.id): \(hint)")
            #expect(a.explanation == b.explanation && a.alternatives == b.alternatives && a.source == b.source, "\(a.id): \(hint)")
            #expect(a.examplesFlagged == b.examplesFlagged && a.examplesClean == b.examplesClean, "\(a.id): \(hint)")
        }
    }
}

@Suite("Wording matcher index")
struct WordingMatcherIndexTests {
    /// Every built-in pattern is reachable through the index, so lines without any indexed letters can be skipped.
    @Test func everyBuiltInPatternIsIndexed() {
        let matcher = WordingMatcher(rules: RuleSet.load(siteRoot: nil).ruleSet.rules)
        #expect(matcher.unindexedPatterns.isEmpty, "\(matcher.unindexedPatterns)")
    }
}
