import Foundation
import Testing
@testable import VorortCore

/// Lints a text as a Markdown body (no front matter) and returns the findings.
func lintBody(_ text: String, rules: [LintRule]) -> [Diagnostic] {
    let file = SourceFile(path: "x.md", text: "---\n---\n" + text)
    return WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []),
                            matcher: WordingMatcher(rules: rules))
}

func testRule(_ id: String, _ terms: [String], exceptions: [String] = [], severity: Severity = .warning) throws -> LintRule {
    LintRule(id: id, category: "test", severity: severity, label: id, terms: try terms.map(TermPattern.init), explanation: "Erklärung.",
             alternatives: ["Alternative"], source: nil, exceptions: try exceptions.map(TermPattern.init),
             examplesFlagged: [], examplesClean: [], definedIn: "test")
}

@Suite("Wording lint engine")
struct LintEngineTests {
    @Test func foldingHandlesUmlautsSharpSAndNFD() {
        #expect(GermanFolding.foldedString("Flüchtlingsstraße") == "fluechtlingsstrasse")
        #expect(GermanFolding.foldedString("Flu\u{0308}chtling") == "fluechtling")
        #expect(GermanFolding.foldedString("ÜBERFREMDUNG") == "ueberfremdung")
        #expect(GermanFolding.foldedString("GROẞE") == "grosse")
    }

    @Test func tokensJoinCompoundsGenderFormsAndInvisibleCharacters() {
        var tokens = LintTokens()
        var state = LintTokenizerState()
        let line = "Die Asylant*innen, Flücht\u{00AD}lings-Welle und Migrant:innen; Zu\u{200B}strom."
        LintTokenizer.tokenize(Array(line.unicodeScalars), lineNumber: 3, mask: nil, into: &tokens, state: &state)
        #expect(tokens.indices.map { String(decoding: tokens.folded($0), as: UTF8.self) } == ["die", "asylantinnen", "fluechtlingswelle", "und", "migrantinnen", "zustrom"])
        #expect(tokens[2].startColumn == 20)
        #expect(tokens[2].endColumn == 38)
        #expect(tokens[1].joinedToPrevious && !tokens[2].joinedToPrevious)
    }

    @Test func patternsInflectAndFindCompounds() throws {
        let rule = try testRule("asylant", ["*asylant~*"], exceptions: ["asylantr*"])
        let text = "Asylanten, die Asylantin, ein Asylantenheim, Scheinasylanten. Der Asylantrag und die Asylanträge."
        let findings = lintBody(text, rules: [rule])
        #expect(findings.map(\.location.column) == [1, 16, 31, 46])
        #expect(findings.first?.location.line == 3)
        #expect(findings.first?.message.hasPrefix("„Asylanten“") == true)
    }

    @Test func multiWordTermsNeedAdjacentWords() throws {
        let rule = try testRule("illegal", ["illegal~ (migrant|einwanderer|flüchtling)~"])
        let findings = lintBody("Illegale\nMigranten kamen. Kein Mensch ist illegal. Migranten sind illegal. Illegale, Migranten.", rules: [rule])
        #expect(findings.count == 1)
        #expect(findings.first?.location == SourceLocation(line: 3, column: 1, endColumn: 9))
    }

    @Test func codeURLsAndLinkTargetsAreNotLinted() throws {
        let rule = try testRule("asylant", ["*asylant~*"])
        let text = "`Asylant` und [Link](https://example.org/asylanten) und https://asylant.example und <asylant@example.org>\n"
        #expect(lintBody(text, rules: [rule]).isEmpty)
        let file = SourceFile(path: "x.md", text: "---\n---\n```\nAsylant\n```\nAsylant\n")
        let findings = WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []),
                                        matcher: WordingMatcher(rules: [rule]))
        #expect(findings.map(\.location.line) == [6])
    }

    @Test func frontMatterTextFieldsAreLintedKeysAndAddressesAreNot() throws {
        let rule = try testRule("asylant", ["*asylant~*"])
        let text = "---\ntitle: Hilfe für Asylanten\ncontact: asylanten-hilfe\nwebsite: https://asylant.example\nresponsibilities:\n  - Asylanten\n---\nText\n"
        let file = SourceFile(path: "x.md", text: text)
        let findings = WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 7), fileSuppressions: []),
                                        matcher: WordingMatcher(rules: [rule]))
        #expect(findings.map(\.location.line) == [2, 6])
        #expect(findings.first?.location.column == 18)
    }

    @Test func suppressionsNeedAReasonAndMustSuppressSomething() throws {
        let rule = try testRule("asylant", ["*asylant~*"])
        let text = """
            <!-- vorort-lint: ignore asylant -- Zitat, das die Geschichte zurückweist -->
            „Asylanten raus“, stand an der Wand.

            <!-- vorort-lint: ignore asylant -->
            Asylanten!

            <!-- vorort-lint: ignore asylant -- nichts mehr da -->
            Ein freundlicher Satz.
            """
        let findings = lintBody(text, rules: [rule])
        #expect(findings.map(\.rule).sorted() == ["asylant", "lint-suppression-reason", "lint-suppression-unused"])
        #expect(findings.first { $0.rule == "asylant" }?.location.line == 7)
    }
}
