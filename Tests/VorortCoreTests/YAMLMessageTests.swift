import Foundation
import Testing
@testable import VorortCore

/// The messages of the YAML reader: German, at the place of the mistake, one per mistake.
@Suite("YAML messages")
struct YAMLMessageTests {
    /// Findings for a front matter whose first YAML line is file line 2.
    func parse(_ yaml: String) -> [Diagnostic] {
        let collector = DiagnosticCollector(file: "x.md")
        _ = YAMLDocument.parse(yaml, firstLine: 2, into: collector)
        return collector.diagnostics
    }

    func only(_ yaml: String) throws -> Diagnostic {
        let found = parse(yaml)
        #expect(found.count == 1, "\(found)")
        return try #require(found.first)
    }

    // MARK: - Duplicate keys

    @Test func duplicateKeyIsReportedAtTheDuplicate() throws {
        let finding = try only("title: A\nsummary: B\ntitle: C\n")
        #expect(finding.rule == "duplicate-key")
        #expect(finding.location.line == 4)
        #expect(finding.location.column == 1)
        #expect(finding.message.contains("`title`"))
        #expect(finding.message.contains("Zeile 2"))
    }

    @Test func nestedDuplicateKeyIsReportedAtTheDuplicate() throws {
        let finding = try only("title: A\naddress:\n  street: A\n  city: B\n  street: C\n")
        #expect(finding.rule == "duplicate-key")
        #expect(finding.location.line == 6)
        #expect(finding.location.column == 3)
    }

    // MARK: - Invisible characters

    @Test func noBreakSpaceAfterTheColonIsNamedAtItsColumn() throws {
        let finding = try only("summary: Deutsch.\ntitle:\u{00A0}Sprachcafé\n")
        #expect(finding.rule == "invisible-character")
        #expect(finding.location.line == 3)
        #expect(finding.location.column == 7)
        #expect(finding.message.contains("geschütztes Leerzeichen (U+00A0)"))
        #expect(finding.hint.contains("normales Leerzeichen"))
        #expect(!finding.message.contains("mapping values"))
    }

    @Test func invisibleCharactersInIndentationKeyAndListMarker() throws {
        let indentation = try only("address:\n\u{00A0} street: Markt 1\n")
        #expect(indentation.rule == "invisible-character")
        #expect((indentation.location.line, indentation.location.column) == (3, 1))

        let key = try only("ti\u{200B}tle: Sprachcafé\n")
        #expect(key.rule == "invisible-character")
        #expect((key.location.line, key.location.column) == (2, 3))
        #expect(key.message.contains("breitenloses Leerzeichen (U+200B)"))

        let beforeColon = try only("title\u{202F}: Sprachcafé\n")
        #expect((beforeColon.location.line, beforeColon.location.column) == (2, 6))
        #expect(beforeColon.message.contains("schmales geschütztes Leerzeichen (U+202F)"))

        let item = try only("languages:\n  -\u{00A0}Deutsch\n")
        #expect(item.rule == "invisible-character")
        #expect((item.location.line, item.location.column) == (3, 4))

        let softHyphen = try only("sum\u{00AD}mary: Text\n")
        #expect(softHyphen.message.contains("weiches Trennzeichen") && softHyphen.message.contains("(U+00AD)"))
    }

    @Test func noBreakSpaceInsideAValueIsText() {
        #expect(parse("cost: 5\u{00A0}€ pro Termin\nsummary: \"z.\u{202F}B. montags\"\nlanguages: [Deutsch,\u{00A0}Englisch]\n").isEmpty)
    }

    // MARK: - German messages for libyaml's errors

    @Test(arguments: [
        // yaml, German words, libyaml's words, line, column
        ("title: Sprachcafé: Deutsch\n", "Doppelpunkt mit Leerzeichen", "mapping values are not allowed", 2, 18),
        ("title Sprachcafé\ncategory: sprache\n", "fehlt der Doppelpunkt", "mapping values are not allowed", 2, 1),
        ("title: Sprachcafé\n  category: sprache\n", "weiter eingerückt als `title:`", "mapping values are not allowed", 3, 1),
        ("title: \"Sprachcafé\ncategory: sprache\nsummary: \"Deutsch\"\n", "Anführungszeichen wird nicht geschlossen", "did not find expected key", 2, 8),
        ("title: \"Sprachcafé\" am Markt\n", "Nach dem schließenden Anführungszeichen", "did not find expected key", 2, 21),
        ("title: @Sprachcafé\n", "Mit `@` kann in YAML kein Wert beginnen", "cannot start any token", 2, 8),
        ("title: `Sprachcafé`\n", "Mit dem Zeichen „`“ kann", "cannot start any token", 2, 8),
        ("title: !Sprachcafé\n", "Typangabe", "tag", 2, 8),
        ("title: \"C:\\Daten\"\n", "Rückwärtsschrägstrich", "unknown escape character", 2, 11),
        ("languages: [Deutsch, Englisch\nsummary: x\n", "Liste in eckigen Klammern", "did not find expected ',' or ']'", 2, 12),
        ("address: {street: Markt 1\nsummary: x\n", "geschweiften Klammern", "did not find expected ',' or '}'", 2, 10),
        ("kind Stadt\nsummary: \"x\"\n", "fehlt der Doppelpunkt", "mapping values are not allowed", 2, 1),
        ("languages:\n  - Deutsch\n  Englisch\n", "beginnt aber nicht mit `- `", "could not find expected ':'", 4, 3),
    ])
    func libyamlErrorsAreExplainedInGerman(_ yaml: String, _ german: String, _ english: String, _ line: Int, _ column: Int) throws {
        let finding = try only(yaml)
        #expect(finding.rule == "yaml-syntax")
        #expect(finding.message.contains(german), "\(finding.message)")
        #expect(finding.message.contains("(YAML: "), "\(finding.message)")
        #expect(finding.message.contains(english), "\(finding.message)")
        #expect(!finding.message.hasPrefix("YAML"))
        #expect(finding.location.line == line, "\(finding.message)")
        #expect(finding.location.column == column, "\(finding.message)")
        #expect(!finding.hint.isEmpty)
        #expect(!finding.hint.contains("Schreibe ") && !finding.hint.contains(" du "), "\(finding.hint)")
    }

    @Test func aTagWouldSilentlyDropText() throws {
        let finding = try only("summary: x\ntitle: !Neu Sprachcafé\n")
        #expect(finding.rule == "yaml-syntax")
        #expect((finding.location.line, finding.location.column) == (3, 8))
        #expect(finding.message.contains("`!Neu`"))
        #expect(parse("title: !!str 2026\n").isEmpty)
    }

    @Test func hintsShowTheEditorsOwnLineFixed() throws {
        #expect(try only("title: Sprachcafé: Deutsch\n").hint.contains("`title: \"Sprachcafé: Deutsch\"`"))
        #expect(try only("title Sprachcafé\ncategory: sprache\n").hint.contains("`title: Sprachcafé`"))
        #expect(try only("title: „Sprachcafé: Deutsch“\n").hint.contains("typografische"))
        #expect(try only("reviewed:2026-01-05\nsummary: \"x\"\n").hint.contains("`reviewed: 2026-01-05`"))
    }

    // MARK: - Text lost after ` #`

    @Test func hashAfterAnUnquotedValueWouldLoseText() throws {
        let finding = try only("summary: Deutsch.\ntitle: Deutschtreff #1 – jetzt auch dienstags\n")
        #expect(finding.rule == "comment-in-value")
        #expect(finding.severity == .error)
        #expect(finding.location.line == 3)
        #expect(finding.location.column == 21)
        #expect(finding.message.contains("„Deutschtreff“"))
        #expect(finding.hint.contains("`title: \"Deutschtreff #1 – jetzt auch dienstags\"`"))

        let item = try only("languages:\n  - Deutsch # und Englisch\n")
        #expect(item.rule == "comment-in-value")
        #expect((item.location.line, item.location.column) == (3, 13))
    }

    @Test func commentsThatLoseNothingAreFine() {
        let yaml = """
            # Angebot – so schreibt vorort new die Erklärungen
            title: "Deutschtreff #1" # Nummer aus dem Programmheft
            address:  # die Adresse des Treffpunkts
              street: Markt 1
            languages: [Deutsch] # weitere folgen
            website: https://www.example.de/#kontakt
            summary: Treff am Markt#1
            text: |
              Zeile mit # Raute
              # und noch eine

            """
        #expect(parse(yaml).isEmpty, "\(parse(yaml))")
    }

    @Test func theSampleHasNoLostComments() throws {
        let report = TestSupport.check(TestSupport.packageRoot)
        #expect(report.findings("comment-in-value").isEmpty)
        #expect(report.findings("typographic-quotes").isEmpty)
        #expect(report.findings("invisible-character").isEmpty)
    }

    @Test func aTitleCutByACommentIsNotPublished() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Deutschtreff #1 – jetzt auch dienstags
                category: Sprache
                summary: Deutsch sprechen.
                reviewed: 2026-02-01
                contact: beratung
                ---
                Jeden Montag.

                """
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("comment-in-value").map(\.location.line) == [2])
        #expect(report.site == nil)
    }

    // MARK: - Typographic quotes

    @Test func valueInTypographicQuotesIsAWarning() throws {
        let finding = try only("title: „Sprachcafé am Markt“\n")
        #expect(finding.rule == "typographic-quotes")
        #expect(finding.severity == .warning)
        #expect((finding.location.line, finding.location.column) == (2, 8))
        #expect(finding.hint.contains("`\"Sprachcafé am Markt\"`"))
        #expect(try only("languages:\n  - »Deutsch«\n").location.line == 3)
        #expect(try only("title: “Sprachcafé”\n").rule == "typographic-quotes")
    }

    @Test func quotationsInsideATextAreFine() {
        #expect(parse("summary: Das „Café am Markt“ lädt ein.\ntitle: \"„Sprachcafé“\"\nquote: „Ja“ und „Nein“\n").isEmpty)
    }
}
