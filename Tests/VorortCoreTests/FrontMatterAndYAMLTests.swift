import Testing
@testable import VorortCore

@Suite("Front matter and YAML")
struct FrontMatterAndYAMLTests {
    func split(_ text: String) -> (FrontMatterDocument?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: "x.md")
        let document = FrontMatter.split(SourceFile(path: "x.md", text: text), into: collector)
        return (document, collector.diagnostics)
    }

    @Test func splitsFrontMatterAndBodyWithFileLines() throws {
        let (document, diagnostics) = split("---\ntitle: A\nsummary: B\n---\nBody line\n")
        let doc = try #require(document)
        #expect(diagnostics.isEmpty)
        #expect(doc.yaml == "title: A\nsummary: B")
        #expect(doc.yamlFirstLine == 2)
        #expect(doc.body.firstLine == 5)
        #expect(doc.body.text == "Body line\n")
    }

    @Test func reportsMissingUnclosedAndEmpty() {
        #expect(split("title: A\n").1.map(\.rule) == ["front-matter-missing"])
        #expect(split("---\ntitle: A\nBody\n").1.map(\.rule) == ["front-matter-unclosed"])
        #expect(split("  \n\n").1.map(\.rule) == ["empty-file"])
    }

    func parse(_ yaml: String, firstLine: Int = 2) -> [Diagnostic] {
        let collector = DiagnosticCollector(file: "x.md")
        _ = YAMLDocument.parse(yaml, firstLine: firstLine, into: collector)
        return collector.diagnostics
    }

    @Test func unclosedBracketIsReportedWhereItOpens() throws {
        // File lines: 1 `---`, 2 title, 3 languages: [Deutsch, 4 Englisch, 5 summary
        let diagnostics = parse("title: A\nlanguages: [Deutsch,\n  Englisch\nsummary: B\n")
        let finding = try #require(diagnostics.first)
        #expect(finding.rule == "yaml-syntax")
        #expect(finding.location.line == 3)
        #expect(finding.location.column == 12)
        #expect(finding.hint.contains("]"))
    }

    @Test func duplicateKeysAndTabsAreFindings() throws {
        let duplicate = parse("title: A\ntitle: B\n")
        #expect(duplicate.map(\.rule) == ["duplicate-key"])
        #expect(duplicate.first?.message.contains("title") == true)
        let tabs = parse("address:\n\tstreet: X\n")
        #expect(tabs.first?.rule == "yaml-syntax")
        #expect(tabs.first?.location.line == 3)
        #expect(tabs.first?.hint.contains("Tabulator") == true)
    }

    @Test func anchorsAndAliasesAreRefused() {
        let diagnostics = parse("a: &x [1, 2]\nb: *x\n")
        #expect(diagnostics.map(\.rule) == ["yaml-alias"])
        #expect(diagnostics.first?.location.line == 2)
    }
}
