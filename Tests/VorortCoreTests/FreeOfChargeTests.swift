import Testing
@testable import VorortCore

/// „kostenlos“ in the offer directory: decided once from the German `cost:` text (`FreeOfCharge`).
@Suite("Free of charge")
struct FreeOfChargeTests {
    @Test("free", arguments: [
        "kostenlos", "Kostenlos", "kostenfrei", "gebührenfrei", "Die Beratung ist kostenlos.", "0 €", "0,00 Euro", "€ 0",
        "Eintritt frei", "Die Teilnahme ist frei.", "Das Sprach-Café kostet nichts.", "Die Beratung kostet nichts.", "gratis",
        "kostenlos; Spende für das Frühstück willkommen", "kostenlos, Spenden willkommen", "kostenlos, Kaffee und Kuchen gegen Spende",
        "kostenlos, inklusive Mittagessen und Fahrtkostenerstattung", "Kosten-los", "beitragsfrei", "unentgeltlich",
        // The offer is free; fees of another procedure without an amount do not make it cost something.
        "Die Beratung ist kostenlos. Für das Anerkennungsverfahren selbst können Gebühren anfallen; das Jobcenter oder der Anerkennungszuschuss können sie übernehmen.",
        // Newcomers pay nothing; what institutions pay is not the resident's bill.
        "Für Zugewanderte kostenlos; Einrichtungen der Städte und Gemeinden zahlen einen geringen Stundensatz",
    ])
    func free(_ cost: String) {
        #expect(FreeOfCharge.decide(cost), "\(cost)")
    }

    @Test("not free", arguments: [
        "15 Euro im Monat", "5 €", "€ 10", "2,29 € pro Stunde", "50 Cent", "Probetraining kostenlos; Beitrag ab 6 Euro im Monat",
        "Probetraining kostenlos, danach Vereinsbeitrag ab 5 Euro im Monat",
        "kostenlos für die ersten vier Male, danach Mitgliedschaft im TuS Dornhagen (Familienbeitrag 9 Euro im Monat)",
        "kostenlos für Menschen, die Leistungen vom Jobcenter bekommen; für Berufstätige mit geringem Eigenanteil",
        "Reparatur kostenlos, Ersatzteile zum Selbstkostenpreis", "20 Euro für zehn Termine; kostenlos mit Lindenbrück-Pass",
        "Eigenbeitrag nach den Vorgaben des Bundesamts (zurzeit 2,29 Euro pro Unterrichtsstunde); kostenlos mit Kostenbefreiung",
        "Mitgliedsbeitrag", "Freie Plätze", "nach Absprache", "", "   ",
    ])
    func notFree(_ cost: String) {
        #expect(!FreeOfCharge.decide(cost), "\(cost)")
    }

    @Test func noCostGivenIsNotFree() {
        // Without `cost:` nobody knows; the filter for free offers must not promise it.
        #expect(!FreeOfCharge.decide(nil))
    }

    @Test func theSampleMarksTheCardsItShould() throws {
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot)
        let offers = try #require(report.site?.content.offers)
        let free = Set(offers.filter { FreeOfCharge.decide($0.cost) }.map(\.slug))
        #expect(free.isSuperset(of: ["sprachcafe", "anerkennungsberatung", "dolmetscherpool"]))
        #expect(free.isDisjoint(with: ["integrationskurse", "berufssprachkurse"]))
    }
}

/// Languages an offer is held in, shown in their own names (`SpokenLanguage`).
@Suite("Spoken languages")
struct SpokenLanguageTests {
    let site = Language(code: "de", tag: "de", name: "Deutsch", direction: .ltr)

    @Test func knownLanguagesHaveTheirOwnNameAndDirection() {
        let arabic = SpokenLanguage.named("Arabisch", site: site)
        #expect(arabic.code == "ar" && arabic.name == "العربية" && arabic.direction == .rtl)
        #expect(SpokenLanguage.named(" ukrainisch ", site: site).name == "Українська")
        // Kurmanji is written in Latin letters, although Kurdish as a whole is listed as right to left.
        #expect(SpokenLanguage.named("Kurdisch (Kurmandschi)", site: site).direction == .ltr)
    }

    @Test func unknownLanguagesKeepTheGermanNameMarkedAsGerman() {
        let unknown = SpokenLanguage.named("Plattdüütsch", site: site)
        #expect(unknown.code == SpokenLanguage.slug("Plattdüütsch") && unknown.name == "Plattdüütsch" && unknown.tag == "de")
        // A sign language has no written name of its own: the German name, marked German, but its code.
        let sign = SpokenLanguage.named("Deutsche Gebärdensprache", site: site)
        #expect(sign.code == "gsg" && sign.name == "Deutsche Gebärdensprache" && sign.tag == "de")
    }

    @Test func oneTableNamesEveryLanguageForPagesAndForMachines() {
        // The own name shown on pages and the code in JSON-LD come from the same entry of `LanguageNames`.
        for name in ["Arabisch", "Dari", "Tigrinya", "Kurdisch (Sorani)", "Farsi", "Polnisch"] {
            let entry = LanguageNames.entry(for: name)
            #expect(entry != nil && SpokenLanguage.named(name, site: site).tag == LanguageNames.code(for: name), "\(name)")
        }
        #expect(LanguageNames.table.allSatisfy { $0.ownName != "" && $0.names.first != nil })
    }

    @Test func variantsOfOneLanguageAreOneFilterValue() {
        #expect(SpokenLanguage.of(["Deutsch", "Kurdisch", "Kurdisch (Kurmandschi)", "Deutsch"], site: site).map(\.code) == ["de", "ku"])
    }
}
