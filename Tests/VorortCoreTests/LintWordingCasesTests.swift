import Foundation
import Testing
@testable import VorortCore

/// The cases of issue 12 ("The wording lint, sharper"): Unwörter des Jahres on migration, „Rasse“ about people,
/// metaphors of masses and pressure, the capitalised adverb at a sentence start, and deficit framing as warnings.
@Suite("Wording lint: Unwörter, Rasse, masses and pressure, deficit framing")
struct LintWordingCasesTests {
    static let rules = RuleSet.load(siteRoot: nil).ruleSet.rules
    static let matcher = WordingMatcher(rules: rules)

    static func findings(_ text: String) -> [Diagnostic] {
        lintBody(text, rules: rules, matcher: matcher)
    }

    /// The sentence is flagged by `rule` at warning or error (never only a hint).
    static func expectWarned(_ text: String, _ rule: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = findings(text).filter { $0.rule == rule }
        #expect(!found.isEmpty, "\(rule) must flag: \(text) — found \(findings(text).map(\.rule))", sourceLocation: sourceLocation)
        #expect(found.allSatisfy { $0.severity == .warning || $0.severity == .error }, "\(rule) only at info: \(text)",
                sourceLocation: sourceLocation)
    }

    static func expectClean(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = findings(text)
        #expect(found.isEmpty, "must pass: \(text) — \(found.map { "\($0.rule) col \($0.location.column)" })",
                sourceLocation: sourceLocation)
    }

    @Test func unwoerterOfMigrationDebatesAreWarnedWithTheirYear() {
        let cases: [(String, String, String)] = [
            ("Nach den Krawallen nannten Neonazis die Stadt ausländerfrei.", "auslaenderfrei", "1991"),
            ("Sie träumen von einer ausländerfreien Siedlung.", "auslaenderfrei", "1991"),
            ("Berichte über ethnische Säuberungen erreichten Europa.", "ethnische-saeuberung", "1992"),
            ("Die Partei warnt vor Überfremdung.", "ueberfremdung", "1993"),
            ("In der Region gab es „national befreite Zonen“.", "national-befreite-zone", "2000"),
            ("In der Rede fiel das Wort Tätervolk.", "taetervolk", "2003"),
            ("Die Zeitung schrieb von den Döner-Morden.", "doenermorde", "2011"),
            ("Das sei Sozialtourismus, sagte der Politiker.", "asyltourismus", "2013"),
            ("Die Gutmenschen sollten schweigen, hieß es.", "gutmensch", "2015"),
            ("Volksverräter! riefen einige.", "volksverraeter", "2016"),
            ("Er kritisierte die Anti-Abschiebe-Industrie.", "anti-abschiebe-industrie", "2018"),
            ("Vorgeschlagen wurden Rückführungspatenschaften.", "rueckfuehrungspatenschaft", "2020"),
            ("Die Pushbacks an der Grenze gehen weiter.", "pushback", "2021"),
            ("Die Partei fordert Remigration.", "remigration", "2023"),
            ("In der Klasse sind nur wenige Biodeutsche.", "biodeutsch", "2024"),
        ]
        for (text, rule, year) in cases {
            Self.expectWarned(text, rule)
            let source = Self.rules.first { $0.id == rule }?.source ?? ""
            #expect(source.contains("Unwort des Jahres \(year)"), "\(rule): \(source)")
        }
    }

    /// Words the law uses stay hints: the Aufenthaltsgesetz speaks of „freiwillige Ausreise“.
    @Test func freiwilligeAusreiseIsAHint() {
        let found = Self.findings("Die Familie entschied sich zur freiwilligen Ausreise.")
        #expect(found.map(\.rule) == ["freiwillige-ausreise"])
        #expect(found.first?.severity == .info)
    }

    @Test func rasseAboutPeopleIsWarned() {
        Self.expectWarned("Im Verein spielen Kinder aller Rassen zusammen.", "rasse")
        Self.expectWarned("Die Wohnung bekam er wegen seiner Rasse nicht.", "rasse")
        Self.expectWarned("Es gibt verschiedene Rassen von Menschen, behauptete er.", "rasse")
        Self.expectWarned("Rassische Merkmale sagen nichts über einen Menschen.", "rasse")
        Self.expectWarned("Im Schulbuch standen die Menschenrassen.", "rasse")
        // One finding for `weiße Rasse`, not a second one for `Rasse`.
        #expect(Self.findings("Er glaubt an die weiße Rasse.").filter { $0.rule == "rasse" }.count == 1)
        let message = Self.findings("Die Rasse eines Menschen zählt nicht.").first { $0.rule == "rasse" }
        #expect(message?.hint.contains("rassistische Zuschreibung") == true)
        #expect(message?.message.contains("Grundgesetz") == true)
    }

    @Test func lawQuotationsAnimalsAndTheWordItselfPass() {
        Self.expectClean("Art. 3 Abs. 3 GG: Niemand darf wegen seines Geschlechtes, seiner Abstammung, seiner Rasse, seiner Sprache benachteiligt werden.")
        Self.expectClean("„Niemand darf wegen seines Geschlechtes, seiner Abstammung, seiner Rasse, seiner Sprache, seiner Heimat und Herkunft benachteiligt werden.“")
        Self.expectClean("Das Grundgesetz verbietet eine Benachteiligung wegen der Rasse.")
        Self.expectClean("Nach Art. 3 darf niemand wegen seiner Rasse benachteiligt werden.")
        Self.expectClean("Das Allgemeine Gleichbehandlungsgesetz schützt vor Benachteiligung aus Gründen der Rasse.")
        Self.expectClean("Welche Rasse hat Ihr Hund? Die Rasse des Hundes steht im Impfpass.")
        Self.expectClean("Die Rasse der Katze ist für die Tierärztin wichtig.")
        Self.expectClean("Auf dem Hof stehen Rinder der Rasse Angus; die Pferderasse ist alt.")
        Self.expectClean("Hunderassen, Katzenrassen und Pferderassen werden auf der Ausstellung gezeigt.")
        Self.expectClean("Der Begriff Rasse wird im Bundestag diskutiert.")
        Self.expectClean("Menschliche Rassen gibt es nicht; es gibt Rassismus.")
        Self.expectClean("Die Terrasse und die Bahntrasse sind neu, die Beratung gegen Rassismus auch.")
    }

    @Test func metaphorsOfMassesAndPressureAreWarned() {
        Self.expectWarned("Der Migrationsdruck auf Europa steigt.", "migrationsdruck")
        Self.expectWarned("Die Kommunen leiden unter dem Zuwanderungsdruck.", "migrationsdruck")
        Self.expectWarned("Der Flüchtlingsdruck an den Grenzen nimmt zu.", "migrationsdruck")
        Self.expectWarned("Der Druck durch Migration überfordere die Dörfer.", "migrationsdruck")
        Self.expectWarned("Es drohe ein Massenansturm von Flüchtlingen.", "ansturm-invasion")
        Self.expectWarned("Der Ansturm Hunderttausender Migranten sei nicht aufzuhalten.", "ansturm-invasion")
        Self.expectWarned("Der Zustrom tausender Asylbewerber hält an.", "fluechtlingsstrom")
        Self.expectWarned("Die Flüchtlingsmassen kamen über den Balkan.", "menschenmassen")
        Self.expectWarned("Heerscharen von Migranten warten auf die Überfahrt.", "menschenmassen")
        Self.expectWarned("Menschenmassen von Geflüchteten drängten sich am Bahnhof.", "menschenmassen")
        Self.expectWarned("Er sprach von einer Invasion; gemeint waren Geflüchtete aus Afrika.", "ansturm-invasion")
        Self.expectWarned("Die Gemeinde werde von Hunderten Asylbewerbern überrannt.", "stroemen-ueberschwemmen")
        Self.expectWarned("Die Überlastung durch Flüchtlinge sei zu groß.", "fluechtlingslast")
    }

    @Test func massesAndPressureFalseFriendsPass() {
        Self.expectClean("Am ersten warmen Tag gab es einen Ansturm auf die Eisdiele.")
        Self.expectClean("Der Ansturm auf den Deutschkurs für Geflüchtete war groß, ein zweiter Kurs beginnt im Mai.")
        Self.expectClean("Der Stromanbieter erhöht die Preise; die Unterkunft für Geflüchtete bekommt Ökostrom.")
        Self.expectClean("Der Druck der Eltern auf die Schule wächst, und die Druckerei liefert die Flyer.")
        Self.expectClean("Der Abwanderungsdruck auf die Dörfer ist groß.")
        Self.expectClean("Beim Stadtfest waren Menschenmassen unterwegs.")
        Self.expectClean("Seit der russischen Invasion sind 1.100 Geflüchtete aus der Ukraine in den Landkreis gekommen.")
        Self.expectClean("Das Hochwasser hat den Keller der Unterkunft für Geflüchtete überflutet.")
        Self.expectClean("Der Zustrom an Spenden für Geflüchtete war überwältigend.")
        Self.expectClean("Im Jahr 2023 stieg die Zahl der Asylanträge; der Landkreis nahm 420 Menschen auf.")
    }

    /// A capitalised adverb or predicative adjective at a sentence start is not the noun („die Illegalen“).
    @Test func capitalisedAdverbAtSentenceStartIsNotANoun() {
        Self.expectClean("Illegal abgeladen wurde der Müll am Waldrand, nicht von der Familie.")
        Self.expectClean("Illegal ist kein Mensch.")
        Self.expectClean("Farbig gedruckt werden nur die Titelseiten.")
        Self.expectClean("Farbiger wird der Marktplatz im Frühling.")
        Self.expectClean("Die Familie hat nichts Illegales getan. Ziehen Sie gern etwas Farbiges an.")
        // The nouns are still found.
        Self.expectWarned("Illegale arbeiten oft ohne Vertrag.", "die-illegalen")
        Self.expectWarned("Illegalen droht die Abschiebung.", "die-illegalen")
        Self.expectWarned("Er sei ein Illegaler, sagte der Nachbar.", "die-illegalen")
        Self.expectWarned("Im Chor singen auch zwei Farbige.", "die-farbigen")
    }

    @Test func deficitFramingIsAWarning() {
        Self.expectWarned("Das Angebot richtet sich an bildungsferne Familien.", "bildungsfern")
        Self.expectWarned("Kinder aus bildungsschwachen Elternhäusern lernen hier.", "bildungsfern")
        Self.expectWarned("Die Siedlung gilt als sozialer Brennpunkt.", "brennpunkt")
        Self.expectWarned("Sie unterrichtet an einer Brennpunktschule.", "brennpunkt")
        Self.expectWarned("Kinder aus sozial schwachen Familien zahlen nichts.", "sozial-schwach")
        Self.expectWarned("Sozial Schwache bekommen einen Zuschuss.", "sozial-schwach")
        Self.expectWarned("Die Familie wohnt in einem Problemviertel.", "problemviertel")
        Self.expectWarned("Die Schule hat viele Problemfamilien.", "fluechtlingsproblem")
        Self.expectWarned("Unter den Geflüchteten seien viele Glücksritter.", "gluecksritter")
        Self.expectClean("Die Landesarbeitsgemeinschaft Soziale Brennpunkte Hessen berät Kommunen.")
        Self.expectClean("Im Goldrausch zogen Glücksritter nach Kalifornien.")
    }

    /// Words that official statistics, names and the law use stay hints.
    @Test func officialAndLegalWordsStayHints() {
        for (text, rule) in [
            ("Ein Drittel der Kinder hat einen Migrationshintergrund.", "migrationshintergrund"),
            ("Der Prozess wegen fremdenfeindlicher Beleidigung beginnt.", "fremdenfeindlichkeit"),
            ("Im Jahr 2015, während der Flüchtlingskrise, öffnete die Turnhalle.", "fluechtlingskrise"),
        ] {
            let found = Self.findings(text).filter { $0.rule == rule }
            #expect(!found.isEmpty && found.allSatisfy { $0.severity == .info }, "\(rule): \(text)")
        }
    }
}

@Suite("Wording patterns: words in the same sentence")
struct LintSentenceTermTests {
    @Test func bracesParseAndRefuseWhatTheyCannotMean() throws {
        let pattern = try TermPattern("ansturm~ {(flüchtling|migrant)~} {!kurs~} {!art 3}")
        #expect(pattern.words.count == 1)
        #expect(pattern.sentenceTerms.map(\.negated) == [false, true, true])
        #expect(pattern.sentenceTerms[2].pattern.words.count == 2)
        #expect(try TermPattern("ansturm~ {a|b}").sentenceTerms.first?.pattern.source == "(a|b)")
        #expect(throws: TermPattern.ParseError.self) { try TermPattern("{flüchtling~}") }
        #expect(throws: TermPattern.ParseError.self) { try TermPattern("ansturm~ {flüchtling~") }
        #expect(throws: TermPattern.ParseError.self) { try TermPattern("ansturm~ {^flüchtling~}") }
    }

    @Test func sentenceWordsLookAtTheWholeSentenceOnly() throws {
        let rule = try testRule("ansturm", ["ansturm~ {*(flüchtling|migrant)~} {!kurs~}"])
        #expect(lintBody("Der Ansturm tausender Migranten hält an.", rules: [rule]).count == 1)
        #expect(lintBody("Migranten kamen. Der Ansturm ist vorbei.", rules: [rule]).map(\.location.column) == [])
        #expect(lintBody("Der Ansturm auf den Kurs für Flüchtlinge war groß.", rules: [rule]).isEmpty)
        #expect(lintBody("Ansturm auf den Kurs.\n\nAnsturm der Flüchtlinge.", rules: [rule]).map(\.location.line) == [5])
        // A full stop before a digit or a lowercase word does not end the sentence: `Art. 3`, `z. B. bei`.
        let law = try testRule("rasse", ["rasse~ {!art 3}"])
        #expect(lintBody("Nach Art. 3 darf niemand wegen seiner Rasse benachteiligt werden.", rules: [law]).isEmpty)
        #expect(lintBody("Siehe Art. 3. Die Rasse zählt nicht.", rules: [law]).count == 1)
    }

    /// A sentence of many matches is searched for its `{…}` words once, not once per match.
    @Test func longSentencesStayLinear() throws {
        let rule = try testRule("ansturm", ["ansturm~ {*(flüchtling|migrant)~} {!kurs~}"])
        let text = String(repeating: "Ansturm ", count: 60_000) + "Migranten"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let findings = lintBody(text, rules: [rule])
            #expect(findings.filter { $0.rule == "ansturm" }.count == 51)
        }
        #expect(elapsed < .seconds(20))
    }
}
