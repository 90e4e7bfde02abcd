import Foundation
import Testing
@testable import VorortCore

/// Words disguised with invisible controls or look-alike letters are folded, found by their rule and reported
/// as `disguised-word`; lines with very many findings are linted in linear time.
@Suite("Wording lint against disguised words")
struct LintDisguiseTests {
    static let matcher = WordingMatcher(rules: RuleSet.load(siteRoot: nil).ruleSet.rules)

    /// Lints a Markdown body (after an empty front matter, so the body starts on line 3) with the built-in rules.
    static func findings(_ body: String, matcher: WordingMatcher = LintDisguiseTests.matcher) -> [Diagnostic] {
        let file = SourceFile(path: "x.md", text: "---\n---\n" + body)
        return WordingLint.lint(LintInput(file: file, kind: .markdown(frontMatterEnd: 2), fileSuppressions: []), matcher: matcher)
    }

    static func tokens(_ line: String) -> LintTokens {
        var tokens = LintTokens()
        var state = LintTokenizerState()
        LintTokenizer.tokenize(Array(line.unicodeScalars), lineNumber: 1, mask: nil, into: &tokens, state: &state)
        return tokens
    }

    struct Evasion: Sendable, CustomTestStringConvertible {
        var name: String
        var word: String
        /// The rule the word must still be found by.
        var rule: String
        /// Unicode name of (one of) the disguising characters the message must give.
        var named: String
        var testDescription: String { name }

        /// A German sentence with the word at column 16 (line 3 of the file).
        var sentence: String {
            rule == "asylant" ? "Im Dorf wurden \(word) untergebracht." : "Laut Bericht: „\(word)“ ist gefallen."
        }
    }

    static let evasions: [Evasion] = [
        Evasion(name: "LRM", word: "Asyl\u{200E}anten", rule: "asylant", named: "U+200E LEFT-TO-RIGHT MARK"),
        Evasion(name: "RLM", word: "Asyl\u{200F}anten", rule: "asylant", named: "U+200F RIGHT-TO-LEFT MARK"),
        Evasion(name: "ALM", word: "Asyl\u{061C}anten", rule: "asylant", named: "U+061C ARABIC LETTER MARK"),
        Evasion(name: "LRE", word: "Asyl\u{202A}anten", rule: "asylant", named: "U+202A LEFT-TO-RIGHT EMBEDDING"),
        Evasion(name: "RLE", word: "Asyl\u{202B}anten", rule: "asylant", named: "U+202B RIGHT-TO-LEFT EMBEDDING"),
        Evasion(name: "PDF", word: "Asyl\u{202C}anten", rule: "asylant", named: "U+202C POP DIRECTIONAL FORMATTING"),
        Evasion(name: "LRO", word: "Asyl\u{202D}anten", rule: "asylant", named: "U+202D LEFT-TO-RIGHT OVERRIDE"),
        Evasion(name: "RLO", word: "Asyl\u{202E}anten", rule: "asylant", named: "U+202E RIGHT-TO-LEFT OVERRIDE"),
        Evasion(name: "LRI", word: "Asyl\u{2066}anten", rule: "asylant", named: "U+2066 LEFT-TO-RIGHT ISOLATE"),
        Evasion(name: "RLI", word: "Asyl\u{2067}anten", rule: "asylant", named: "U+2067 RIGHT-TO-LEFT ISOLATE"),
        Evasion(name: "FSI", word: "Asyl\u{2068}anten", rule: "asylant", named: "U+2068 FIRST STRONG ISOLATE"),
        Evasion(name: "PDI", word: "Asyl\u{2069}anten", rule: "asylant", named: "U+2069 POP DIRECTIONAL ISOLATE"),
        Evasion(name: "isolate pair", word: "Asyl\u{2066}an\u{2069}ten", rule: "asylant", named: "U+2069 POP DIRECTIONAL ISOLATE"),
        Evasion(name: "variation selector 16", word: "Asyl\u{FE0F}anten", rule: "asylant", named: "U+FE0F VARIATION SELECTOR-16"),
        Evasion(name: "variation selector 17", word: "Asyl\u{E0100}anten", rule: "asylant", named: "U+E0100 VARIATION SELECTOR-17"),
        Evasion(name: "Mongolian vowel separator", word: "Asyl\u{180E}anten", rule: "asylant", named: "U+180E MONGOLIAN VOWEL SEPARATOR"),
        Evasion(name: "combining grapheme joiner", word: "Asyl\u{034F}anten", rule: "asylant", named: "U+034F COMBINING GRAPHEME JOINER"),
        Evasion(name: "invisible times", word: "Asyl\u{2062}anten", rule: "asylant", named: "U+2062 INVISIBLE TIMES"),
        Evasion(name: "Hangul filler", word: "Asyl\u{3164}anten", rule: "asylant", named: "U+3164 HANGUL FILLER"),
        Evasion(name: "tag", word: "Asyl\u{E0061}anten", rule: "asylant", named: "U+E0061 TAG LATIN SMALL LETTER A"),
        Evasion(name: "fullwidth", word: "Ａｓｙｌａｎｔｅｎ", rule: "asylant", named: "U+FF21 FULLWIDTH LATIN CAPITAL LETTER A"),
        Evasion(name: "fullwidth letter among Latin", word: "Asylａnten", rule: "asylant", named: "U+FF41 FULLWIDTH LATIN SMALL LETTER A"),
        Evasion(name: "mathematical bold", word: "𝐀𝐬𝐲𝐥𝐚𝐧𝐭𝐞𝐧", rule: "asylant", named: "U+1D400 MATHEMATICAL BOLD CAPITAL A"),
        Evasion(name: "Cyrillic а", word: "Asyl\u{0430}nten", rule: "asylant", named: "U+0430 CYRILLIC SMALL LETTER A"),
        Evasion(name: "Cyrillic е", word: "Asylant\u{0435}n", rule: "asylant", named: "U+0435 CYRILLIC SMALL LETTER IE"),
        Evasion(name: "Cyrillic А", word: "\u{0410}sylanten", rule: "asylant", named: "U+0410 CYRILLIC CAPITAL LETTER A"),
        Evasion(name: "Cyrillic о", word: "Flüchtlingsstr\u{043E}m", rule: "fluechtlingsstrom", named: "U+043E CYRILLIC SMALL LETTER O"),
        Evasion(name: "Greek ο", word: "Flüchtlingsstr\u{03BF}m", rule: "fluechtlingsstrom", named: "U+03BF GREEK SMALL LETTER OMICRON"),
        Evasion(name: "Greek Α", word: "\u{0391}sylanten", rule: "asylant", named: "U+0391 GREEK CAPITAL LETTER ALPHA"),
        Evasion(name: "Cyrillic and LRM together", word: "Asyl\u{0430}\u{200E}nten", rule: "asylant", named: "U+0430 CYRILLIC SMALL LETTER A"),
    ]

    @Test(arguments: evasions)
    func disguisedWordIsFoundByItsRuleAndReported(_ evasion: Evasion) throws {
        let findings = Self.findings(evasion.sentence)
        let place = SourceLocation(line: 3, column: 16, endColumn: 16 + evasion.word.unicodeScalars.count)
        let found = try #require(findings.first { $0.rule == evasion.rule }, "\(findings)")
        #expect(found.location == place)
        let disguise = try #require(findings.first { $0.rule == "disguised-word" }, "\(findings)")
        #expect(disguise.location == place)
        #expect(disguise.severity == .error, "a disguised word that a rule finds is an evasion")
        #expect(disguise.message.hasPrefix("Im Wort „"))
        #expect(disguise.message.contains(evasion.named), "\(disguise.message)")
        #expect(disguise.message.contains("`\(evasion.rule)`"), "\(disguise.message)")
        #expect(disguise.hint == "Löschen Sie das Wort und schreiben Sie es neu; beim Kopieren aus PDF oder Webseiten kommen solche Zeichen mit.")
        #expect(findings.count == 2, "\(findings)")
    }

    @Test func messageShowsWhereInvisibleControlsStand() throws {
        let disguise = try #require(Self.findings("Im Dorf wurden Asyl\u{200E}anten untergebracht.").first { $0.rule == "disguised-word" })
        #expect(disguise.message
            == "Im Wort „Asyl‹U+200E›anten“ stehen unsichtbare Steuerzeichen (U+200E LEFT-TO-RIGHT MARK). Diese Zeichen verdecken ein Wort, das die Regel `asylant` meldet.")
    }

    @Test func tokenizerFoldsDisguisesAndRemembersThem() {
        let tokens = Self.tokens("Asyl\u{200E}anten \u{0410}syl Ｗｏｒｔ Asylanten\u{200E} Flücht\u{00AD}linge Київ PDF-файл α-Strahlung")
        #expect(tokens.indices.map { String(decoding: tokens.folded($0), as: UTF8.self) }
            == ["asylanten", "asyl", "wort", "asylanten", "fluechtlinge", "київ", "pdfфайл", "αstrahlung"])
        #expect(tokens.indices.map { tokens.disguise($0) ?? [] } == [["\u{200E}"], ["\u{0410}"], ["Ｗ", "ｏ", "ｒ", "ｔ"], [], [], [], [], []])
        #expect(tokens[1].capitalized && tokens[2].capitalized)
        // A direction mark between two words does not separate a multi-word term.
        #expect(Self.tokens("illegale\u{200E} Migranten")[1].joinedToPrevious)
    }

    @Test func otherDisguisedWordsAreWarnings() throws {
        for word in ["Kurs\u{200E}leiterin", "Ｗｉｌｌｋｏｍｍｅｎ", "Willk\u{043E}mmen", "Anmeld\u{0435}formular", "𝐰𝐢𝐜𝐡𝐭𝐢𝐠", "Ta\u{FE0F}g"] {
            let findings = Self.findings("Die \(word) steht im Text.")
            #expect(findings.map(\.rule) == ["disguised-word"], "\(word): \(findings)")
            #expect(findings.first?.severity == .warning)
            #expect(findings.first?.location == SourceLocation(line: 3, column: 5, endColumn: 5 + word.unicodeScalars.count))
            #expect(findings.first?.message.hasSuffix("Solche Zeichen stören die Suche und Screenreader.") == true)
        }
    }

    @Test func disguisedInfoWordsAreWarningsOnly() throws {
        // Contested words are at most `info` and never fail a build; a stray mark in one does not either.
        let rule = try testRule("kulturkreis", ["kulturkreis~"], severity: .info)
        let findings = Self.findings("Aus einem anderen Kultur\u{200E}kreis.", matcher: WordingMatcher(rules: [rule]))
        #expect(findings.map(\.rule).sorted() == ["disguised-word", "kulturkreis"])
        #expect(findings.first { $0.rule == "disguised-word" }?.severity == .warning)
    }

    @Test func legitimateTextGivesNoFinding() {
        let texts = [
            // Ukrainian and Arabic words, with the direction marks Arabic uses.
            "Auf Ukrainisch heißt die Stadt „Київ“, und „Ласкаво просимо“ heißt willkommen.",
            "Auf Arabisch: مرحبا\u{200F}بكم في\u{061C} الحي\u{200E} – herzlich willkommen.",
            "Die Datei heißt PDF-файл, der Kurs Deutsch-Українська.",
            // Soft hyphens and zero-width characters are ordinary German typesetting.
            "Die Flücht\u{00AD}linge kommen am Montag, die Auf\u{200C}lage ist neu, der Zu\u{200B}strom egal.",
            "Die α-Strahlung und β-Blocker sind Fachwörter.",
            "Im Sprachcafé üben Geflüchtete und Nachbarinnen gemeinsam Deutsch; Kinderbetreuung gibt es.",
            // Emoji with variation selectors and flags with tags are not inside words.
            "Willkommen ❤\u{FE0F} und 🏴\u{E0067}\u{E0062}\u{E007F} zusammen.",
        ]
        for text in texts {
            #expect(Self.findings(text).isEmpty, "\(text): \(Self.findings(text))")
        }
    }

    @Test func sampleTextsInEveryLanguageHaveNoDisguisedWords() throws {
        // `vorort check` lints only German and Leichte Sprache; the translations are linted here as if they were
        // German, so Ukrainian, Arabic, Turkish and English text is known not to look disguised.
        let content = TestSupport.packageRoot.appendingPathComponent("content")
        let enumerator = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var files = 0
        while let url = enumerator.nextObject() as? URL {
            guard url.pathExtension == "md", let text = try? String(contentsOf: url, encoding: .utf8),
                let end = FrontMatter.closingLine(of: text) else { continue }
            let input = LintInput(file: SourceFile(path: url.lastPathComponent, text: text), kind: .markdown(frontMatterEnd: end),
                                  fileSuppressions: [])
            let disguised = WordingLint.lint(input, matcher: Self.matcher).filter { $0.rule == "disguised-word" }
            #expect(disguised.isEmpty, "\(url.path): \(disguised)")
            files += 1
        }
        #expect(files > 100)
    }

    @Test func disguisedWordCanBeSuppressedWithAReason() {
        let text = """
            <!-- vorort-lint: ignore disguised-word -- Abschrift eines Flugblatts mit Steuerzeichen -->
            Der Kurs\u{200E}leiter kommt.

            """
        #expect(Self.findings(text).isEmpty, "\(Self.findings(text))")
    }

    @Test func disguisedWordHyphenatedAcrossLines() throws {
        let findings = Self.findings("Im Dorf wurden Asyl-\n\u{0430}nten untergebracht.")
        #expect(findings.map(\.rule).sorted() == ["asylant", "disguised-word"])
        #expect(findings.allSatisfy { $0.location == SourceLocation(line: 3, column: 16, endColumn: 21) })
    }
}

/// One page whose single line holds hundreds of thousands of findings, through `vorort check`: each finding
/// used to decode the whole line again (and to be compared with all earlier ones), which took more than ten
/// minutes. One test at a time: each keeps a core busy for seconds in a debug build.
extension LintDisguiseTests {
    @Suite("Wording lint on very long lines", .serialized)
    struct LongLines {
        static let front = "---\ntitle: Eine lange Zeile\n---\n"

        /// `vorort check` on a minimal site with one more page.
        static func checkPage(_ body: String) throws -> CheckReport {
            let text = front + body + "\n"
            #expect(text.utf8.count < 2 * 1024 * 1024, "under the file size limit, so the file is linted")
            let root = try TestSupport.minimalSite(extra: ["content/seiten/lang.md": text])
            defer { TestSupport.cleanUp(root) }
            return TestSupport.check(root)
        }

        /// 50 findings are listed; one more counts the rest.
        static func expectCapped(_ findings: [Diagnostic], total: Int) {
            #expect(findings.count == DiagnosticCollector.maximumPerRule + 1)
            let summary = findings.filter { $0.message.hasPrefix("Weitere ") }
            #expect(summary.count == 1)
            #expect(summary.first?.message.contains("Weitere \(total - DiagnosticCollector.maximumPerRule) Meldungen") == true, "\(summary)")
        }

        @Test(.timeLimit(.minutes(1)))
        func oneLineWithVeryManyFindings() throws {
            let report = try Self.checkPage(String(repeating: "Asylanten ", count: 190_000))
            Self.expectCapped(report.findings("asylant"), total: 190_000)
            #expect(report.findings("asylant").first?.location == SourceLocation(line: 4, column: 1, endColumn: 10))
            #expect(report.findings("asylant")[49].location == SourceLocation(line: 4, column: 491, endColumn: 500))
        }

        @Test(.timeLimit(.minutes(1)))
        func oneLineWithVeryManyDifferentFindings() throws {
            // 160,000 different words (`Asylantaaaa`, `Asylantaaab`, …; no `r`, which would make `Asylantr…` clean).
            let letters = Array("abcdefghijklmnopqstuvwxyz")
            var words: [String] = []
            words.reserveCapacity(160_000)
            for n in 0..<160_000 {
                var suffix = ""
                var rest = n
                for _ in 0..<4 { suffix.append(letters[rest % 25]); rest /= 25 }
                words.append("Asylant" + suffix)
            }
            #expect(Set(words).count == 160_000)
            let report = try Self.checkPage(words.joined(separator: " "))
            Self.expectCapped(report.findings("asylant"), total: 160_000)
        }

        @Test(.timeLimit(.minutes(1)))
        func oneLineOfDisguisedWords() throws {
            let report = try Self.checkPage(String(repeating: "Asyl\u{200E}anten ", count: 50_000))
            Self.expectCapped(report.findings("asylant"), total: 50_000)
            Self.expectCapped(report.findings("disguised-word"), total: 50_000)
        }

        @Test(.timeLimit(.minutes(1)))
        func oneWordOfTwoMegabytes() throws {
            let report = try Self.checkPage(String(repeating: "Asylanten", count: 230_000))
            let findings = report.findings("asylant")
            #expect(findings.count == 1)
            #expect(findings.first?.location == SourceLocation(line: 4, column: 1, endColumn: 1 + 9 * 230_000))
            // The message quotes the beginning of the word, not two megabytes.
            #expect((findings.first?.message.count ?? .max) < 1_000)
        }

        @Test(.timeLimit(.minutes(1)))
        func oneLongDisguisedWord() throws {
            // Every ninth letter a Cyrillic look-alike: the word is folded in one pass.
            let report = try Self.checkPage(String(repeating: "Asyl\u{0430}nten", count: 60_000))
            #expect(report.findings("asylant").count == 1)
            let disguise = try #require(report.findings("disguised-word").first)
            #expect(disguise.severity == .error)
            #expect(disguise.message.count < 1_000)
        }
    }
}
