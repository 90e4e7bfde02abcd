import Foundation
import Testing
@testable import VorortCore

/// Values that used to be published wrong without a finding (issue 12): numbers with a German thousands separator,
/// telephone numbers, `mailto:` in `email:`, the kinds of municipality.
@Suite("Values residents can trust")
struct TrustedFactsTests {
    static let pointPath = "content/kreis/anlaufstellen/beratung.md"

    /// The minimal site's contact point with `phone:` (line 7) written as given.
    func contactPoint(phone: String, email: String? = nil) throws -> (report: CheckReport, files: [String: String]) {
        let root = try TestSupport.minimalSite(replacing: [
            Self.pointPath: """
                ---
                name: Migrationsberatung
                organisation: Landkreis Test
                responsibilities: [Aufenthalt, Arbeit]
                address: {street: Kreishaus 1, postalCode: "12345", city: Teststadt}
                openingHours: [Mo 9–12 Uhr]
                phone: \(phone)
                \(email.map { "email: \($0)" } ?? "")
                reviewed: 2026-01-10
                ---

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        return (report, report.site == nil ? [:] : try TestSupport.renderedFiles(root))
    }

    // MARK: - Numbers

    @Test func thousandsSeparatorInAFactIsAnErrorWithTheNumberMeant() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/kreis/zahlen.yml": """
                indicators:
                  - id: einwohner
                    label: Einwohnerinnen und Einwohner
                    value: 3.480
                    unit: Personen
                    year: 2025
                    source: Test
                  - id: flaeche
                    label: Fläche
                    value: 1.234.567,5
                    unit: m²
                    year: 2025
                    source: Test
                  - id: quote
                    label: Quote
                    value: 3.48
                    unit: Prozent
                    year: 2025
                    source: Test

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.findings("thousands-separator")
        #expect(findings.count == 2, "\(report.diagnostics)")
        let first = try #require(findings.first)
        #expect(first.file == "content/kreis/zahlen.yml")
        #expect(first.location.line == 4)
        #expect(first.location.column == 12)
        #expect(first.hint.contains("`value: 3480`"))
        #expect(first.hint.contains("`value: 3.48`"))
        #expect(findings.last?.location.line == 10)
        #expect(findings.last?.hint.contains("`value: 1234567.5`") == true)
        // `3.48` is a decimal and stays one; nothing else is reported about the two values.
        #expect(report.findings("wrong-type").isEmpty)
        #expect(Indicator.germanGrouping("0.500") == nil)
        #expect(Indicator.germanGrouping("12.5") == nil)
        #expect(Indicator.germanGrouping("18.450") == "18450")
    }

    // MARK: - Telephone numbers

    @Test(arguments: [
        ("05351 4471-20", "+495351447120"),
        ("(05351) 447120", "+495351447120"),
        ("05351/447120", "+495351447120"),
        ("05351 / 4471-20", "+495351447120"),
        ("+49 5351 447120", "+495351447120"),
        ("+49 (0)5351 447120", "+495351447120"),
        ("+49 (0) 5351 / 4471-20", "+495351447120"),
        ("+49 05351 447120", "+495351447120"),
        ("0049 5351 447120", "+495351447120"),
        ("0151 23456789", "+4915123456789"),
        ("0800 1110111", "+498001110111"),
        ("05351 9340-0", "+49535193400"),
        ("05351\u{00A0}447120", "+495351447120"),
        ("05351 4471–20", "+495351447120"),
        ("+43 1 58801", "+43158801"),
        ("116 117", "116117"),
        ("110", "110"),
    ])
    func phoneNumbersDialTheNumberMeant(written: String, dialled: String) throws {
        let number = try PhoneNumber.read(written).get()
        #expect(number.dialled == dialled)
        #expect(number.written == written)
        #expect(number.link == "tel:" + dialled)
    }

    @Test(arguments: [
        ("447120", PhoneNumber.Problem.missingAreaCode),
        ("Tel. 05351 447120", .foreignCharacters),
        ("05351 447120 (Frau Meier)", .foreignCharacters),
        ("0535", .tooShort),
        ("0535 1234 5678 9012 34", .tooLong),
        ("+49 00 5351 447120", .malformed),
        ("05351 447120, 0151 23456789", .several(["05351 447120", "0151 23456789"])),
        ("05351 447120 oder 0151 23456789", .several(["05351 447120", "0151 23456789"])),
        ("05351 4471-20 / 0151 23456789", .several(["05351 4471-20", "0151 23456789"])),
    ])
    func textThatIsNotOnePhoneNumberIsRefused(written: String, problem: PhoneNumber.Problem) {
        #expect(throws: problem) { try PhoneNumber.read(written).get() }
    }

    @Test func thePublishedLinkIsE164AndTheTextAsWritten() throws {
        let (report, files) = try contactPoint(phone: "+49 (0) 5351 / 4471-20")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(files["kreis/anlaufstellen/beratung/index.html"])
        #expect(page.contains(#"<a href="tel:+495351447120">+49 (0) 5351 / 4471-20</a>"#))
        #expect(!page.contains("tel:+4905351"))
        #expect(page.contains(#""telephone":"+495351447120""#))
        let offer = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(offer.contains(#"<a href="tel:+495351447120">"#))
        let export = try #require(files[OpenData.offersFile])
        #expect(export.contains(#""phone" : "+49 (0) 5351 \/ 4471-20""#))
        #expect(export.contains(#""+495351447120""#))
    }

    @Test func aListOfNumbersGivesOneLinkEach() throws {
        let (report, files) = try contactPoint(phone: "[05351 4471-20, 0151 23456789]")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(files["kreis/anlaufstellen/beratung/index.html"])
        #expect(page.contains(#"<a href="tel:+495351447120">05351 4471-20</a>"#))
        #expect(page.contains(#"<a href="tel:+4915123456789">0151 23456789</a>"#))
        #expect(page.contains(#""telephone":["+495351447120","+4915123456789"]"#))
    }

    @Test func twoNumbersInOneTextAreAnErrorWithTheListAsHint() throws {
        let (report, _) = try contactPoint(phone: "05351 4471-20 oder 0151 23456789")
        let finding = try #require(report.findings("invalid-phone").first)
        #expect(finding.location.line == 7)
        #expect(finding.location.column == 8)
        #expect(finding.hint.contains("`phone: [05351 4471-20, 0151 23456789]`"))
        #expect(report.site == nil)
    }

    @Test func aNumberWithoutAreaCodeOrWithWordsIsAnError() throws {
        let (withoutArea, _) = try contactPoint(phone: "447120")
        #expect(withoutArea.findings("invalid-phone").first?.message.contains("keine Vorwahl") == true)
        let (withWords, _) = try contactPoint(phone: "Tel. 05351 447120")
        let finding = try #require(withWords.findings("invalid-phone").first)
        #expect(finding.location.line == 7)
        #expect(finding.hint.contains("`phone: 05351 447120`"))
    }

    @Test func telLinksInTheTextDialE164OrAreReported() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Sprachcafé
                category: Sprache
                summary: s
                reviewed: 2026-02-01
                contact: beratung
                ---
                Rufen Sie an: [05351 4471-20](tel:05351-4471-20) oder [116 117](tel:116117).

                Falsch: [Zentrale](tel:4471).

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let finding = try #require(report.findings("invalid-phone").first)
        #expect(finding.location.line == 10)
        #expect(finding.location.column == 20)
        #expect(report.findings("invalid-phone").count == 1)
        try TestSupport.write(["content/gemeinden/dorf/angebote/sprachcafe.md": """
            ---
            title: Sprachcafé
            category: Sprache
            summary: s
            reviewed: 2026-02-01
            contact: beratung
            ---
            Rufen Sie an: [05351 4471-20](tel:05351-4471-20) oder [116 117](tel:116117).

            """], under: root)
        let page = try #require(try TestSupport.renderedFiles(root)["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(page.contains(#"<a href="tel:+495351447120">05351 4471-20</a>"#))
        #expect(page.contains(#"<a href="tel:116117">116 117</a>"#))
    }

    // MARK: - Pictures

    @Test func aHEICPhotoIsAFormatBrowsersCannotShowNotMissing() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/geschichten/fest.md": "---\ntitle: Fest\ndate: 2026-06-01\nsummary: s\nimage: {src: IMG_0042.HEIC, alt: Kinder beim Fest}\n---\nText.\n\n![Die Bühne](buehne.heic)\n",
            "content/gemeinden/dorf/geschichten/IMG_0042.HEIC": "not really a picture",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.findings("unshowable-image")
        #expect(findings.count == 2, "\(report.diagnostics)")
        #expect(findings.first?.location.line == 5)
        #expect(findings.first?.location.column == 14)
        #expect(findings.first?.hint.contains("`IMG_0042.jpg`") == true)
        #expect(findings.last?.location.line == 9)
        #expect(findings.last?.message.contains("HEIC") == true)
        #expect(report.findings("missing-image").isEmpty)
    }

    // MARK: - E-mail

    @Test func mailtoInEmailIsTheAddressAndLinkedOnce() throws {
        let (report, files) = try contactPoint(phone: "05351 447120", email: "mailto:beratung@example.org")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(files["kreis/anlaufstellen/beratung/index.html"])
        #expect(page.contains(#"<a href="mailto:beratung@example.org">beratung@example.org</a>"#))
        #expect(!page.contains("mailto:mailto:"))
    }

    // MARK: - Kinds of municipality

    @Test func membersOfADistrictAreNamedAsTheyAreCalled() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/markt/index.md": "---\nname: Bechhofen\nkind: Markt\nsummary: Ein Markt.\neditor: {name: Marktverwaltung}\n---\nText.\n",
        ], replacing: [
            "content/gemeinden/dorf/index.md": "---\nname: Dorf\nkind: Samtgemeinde\nsummary: Ein Dorf.\neditor: {name: Gemeindebüro}\nwebsite: https://www.dorf.de\n---\nText.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let files = try TestSupport.renderedFiles(root)
        let dorf = try #require(files["gemeinden/dorf/index.html"])
        #expect(dorf.contains("Samtgemeinde Dorf"))
        #expect(dorf.contains("Website: Samtgemeinde Dorf"))
        #expect(files["gemeinden/markt/index.html"]?.contains("Markt Bechhofen") == true)
    }

    @Test func anUnknownKindSuggestsTheNearest() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/index.md": "---\nname: Dorf\nkind: Samtgemiende\nsummary: Ein Dorf.\n---\nText.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let finding = try #require(TestSupport.check(root).findings("invalid-value").first)
        #expect(finding.location.line == 3)
        #expect(finding.message.contains("`Flecken`"))
        #expect(finding.hint == "Schreiben Sie z. B. `kind: Samtgemeinde`.")
    }
}
