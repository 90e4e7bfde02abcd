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

    /// The lint finds the closing line on its own (`closingLine`); it must be the line `split` closes the front matter at.
    @Test func theClosingLineIsTheOneSplitFinds() {
        let pieces = ["---", "...", "--- ", "---\u{301}", "title: A", "", " ", "\r", "x", "---x", "\u{FEFF}---"]
        var generator = FuzzTests.Generator(state: 17)
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = (Bool.random(using: &generator) ? ["---"] : []) + lines
            let joined = text.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            let expected = split(joined).0.map { $0.body.firstLine - 1 }
            #expect(FrontMatter.closingLine(of: joined) == expected, "\(joined.debugDescription)")
        }
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

@Suite("YAML anchors and aliases")
struct YAMLAnchorScanTests {
    @Test func findsAnchorsAndAliasesWhereNodesBegin() {
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "a: &x 1\nb: *x\n")! == (1, 4))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "list:\n  - *x\n")! == (2, 5))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "a: [1, *x]\n")! == (1, 8))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "? *x\n: 1\n")! == (1, 3))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "*x : 1\n")! == (1, 1))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "a: !!seq &x [1]\nb: !!seq *x\n")! == (1, 10))
    }

    /// The scan reads bytes, but columns count characters, as every other finding's do.
    @Test func columnsCountCharactersNotBytes() {
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "grüße: &x 1\n")! == (1, 8))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "„ä“: [ö, *x]\n")! == (1, 10))
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: "a: \"ü \\\" *x\"\nb: *y\n")! == (2, 4))
    }

    @Test func textThatMerelyContainsAsterisksIsFine() {
        let fine = """
            title: Migrant*innen & Freund:innen
            summary: "*wichtig* und &amp;"
            quote: 'Es ist *so*'
            text: |
              *Markdown* in a block
            cost: 5 € * 2
            long: eine lange Zeile
              *die* weitergeht
            multi: "Anfang
              *mitte* Ende"
            # *kommentar*
            list: [a, "b*", c]

            """
        #expect(YAMLAnchorScan.firstAnchorOrAlias(in: fine) == nil)
    }

    @Test func aliasBombNeverReachesTheParser() throws {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<40 { bomb += "\(Character(UnicodeScalar(97 + level % 26)!))\(level): &l\(level) [*\(level == 1 ? "a" : "l\(level - 1)"), *\(level == 1 ? "a" : "l\(level - 1)")]\n" }
        let clock = ContinuousClock.now
        let collector = DiagnosticCollector(file: "x.md")
        _ = YAMLDocument.parse(bomb, firstLine: 2, into: collector)
        #expect(collector.diagnostics.map(\.rule) == ["yaml-alias"])
        #expect(collector.diagnostics.first?.location.line == 2)
        #expect(ContinuousClock.now - clock < .seconds(1))
    }
}
