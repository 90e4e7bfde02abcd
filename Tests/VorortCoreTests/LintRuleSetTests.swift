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
    return WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2, codeLines: []), fileSuppressions: []), matcher: matcher)
}
