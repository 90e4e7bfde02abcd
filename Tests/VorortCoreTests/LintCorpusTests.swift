import Foundation
import Testing
@testable import VorortCore

/// Measures the built-in rules on a labelled corpus written independently of them
/// (Fixtures/lint-corpus: flagged.tsv with the term and its column, clean.tsv full of false friends).
@Suite("Wording lint on the labelled corpus")
struct LintCorpusTests {
    struct Sentence {
        var section: String
        var text: String
        var term: String
        /// 1-based column of the term's first character, with a line break counted as one character.
        var column: Int
    }

    static func load(_ name: String) throws -> [Sentence] {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/VorortCoreTests/Fixtures/lint-corpus/\(name)")
        var section = ""
        var sentences: [Sentence] = []
        for line in try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n") {
            if line.hasPrefix("#") { section = line; continue }
            let fields = line.components(separatedBy: "\t")
            guard fields.count == 4 else { continue }
            sentences.append(Sentence(section: section, text: fields[3].replacingOccurrences(of: "\\n", with: "\n"),
                                      term: fields[1], column: Int(fields[2]) ?? 0))
        }
        return sentences
    }

    /// Line and column of a 1-based character position in a text with line breaks.
    static func position(of column: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, current = 1
        for (index, scalar) in text.unicodeScalars.enumerated() where index < column - 1 {
            if scalar == "\n" { line += 1; current = 1 } else { current += 1 }
        }
        return (line, current)
    }

    static let matcher = WordingMatcher(rules: RuleSet.load(siteRoot: nil).ruleSet.rules)

    static func findings(_ text: String) -> [Diagnostic] {
        let file = SourceFile(path: "korpus.md", text: "---\n---\n" + text)
        return WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []), matcher: matcher)
    }

    @Test func recallAndFalsePositiveRate() throws {
        let flagged = try Self.load("flagged.tsv")
        let clean = try Self.load("clean.tsv")
        #expect(flagged.count + clean.count >= 300)

        var misses: [String] = []
        for sentence in flagged {
            let expected = Self.position(of: sentence.column, in: sentence.text)
            let found = Self.findings(sentence.text).contains { $0.location.line - 2 == expected.line && $0.location.column == expected.column }
            if !found { misses.append("\(sentence.term) @\(sentence.column): \(sentence.text)") }
        }
        var falseAlarms: [String] = []
        for sentence in clean {
            let findings = Self.findings(sentence.text)
            if let first = findings.first { falseAlarms.append("[\(first.rule)] \(sentence.text)") }
        }
        let recall = Double(flagged.count - misses.count) / Double(flagged.count)
        let falsePositiveRate = Double(falseAlarms.count) / Double(clean.count)
        print("""
            Lint corpus: recall \(String(format: "%.1f", recall * 100)) % (\(flagged.count - misses.count) of \(flagged.count) flagged at the right column), \
            false-positive rate \(String(format: "%.1f", falsePositiveRate * 100)) % (\(falseAlarms.count) of \(clean.count) clean sentences)
            """)
        for miss in misses.prefix(40) { print("  missed: \(miss)") }
        for alarm in falseAlarms.prefix(40) { print("  false alarm: \(alarm)") }
        #expect(recall >= 0.95)
        #expect(falsePositiveRate <= 0.02)
    }
}
