import Foundation
import Testing
@testable import VorortCore

@Suite("Small parts")
struct SmallPartsTests {
    @Test func calendarDates() {
        #expect(CalendarDate(year: 2026, month: 2, day: 30) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2026, month: 9, day: 4)?.german == "4. September 2026")
        #expect(CalendarDate(year: 2026, month: 9, day: 4)?.iso == "2026-09-04")
    }

    /// `ByteSearch.firstIndex` jumps with `memchr`: it must find what a byte-by-byte search finds, at every start,
    /// including a match at the very end and patterns longer than what is left.
    @Test func byteSearchFindsWhatAPlainSearchFinds() {
        func plain(_ pattern: [UInt8], _ bytes: [UInt8], _ start: Int) -> Int? {
            guard !pattern.isEmpty, start >= 0 else { return nil }
            var index = start
            while index + pattern.count <= bytes.count {
                if Array(bytes[index..<index + pattern.count]) == pattern { return index }
                index += 1
            }
            return nil
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0x61...0x63, using: &generator) }
            let pattern = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 0x61...0x63, using: &generator) }
            let start = Int.random(in: 0...42, using: &generator)
            #expect(ByteSearch.firstIndex(of: pattern, in: bytes, from: start) == plain(pattern, bytes, start), "\(pattern) in \(bytes) from \(start)")
        }
        #expect(ByteSearch.firstIndex(of: Array("</a>".utf8), in: Array("x</a".utf8)) == nil)
        #expect(ByteSearch.firstIndex(of: Array("</a>".utf8), in: Array("x</a></a>".utf8), from: 2) == 5)
    }

    @Test func linesSplitAtLineFeedsOnly() {
        #expect("".lines == [""])
        #expect("a".lines == ["a"])
        #expect("a\n".lines == ["a", ""])
        #expect("\n\n".lines == ["", "", ""])
        #expect("Grüße\r\nÄrger\n😀 ok".lines == ["Grüße\r", "Ärger", "😀 ok"])
        // A slice of a longer text: the lines of the slice only.
        let text = "vorher\nerste\nzweite\nnachher"
        let slice = text[text.range(of: "erste")!.lowerBound..<text.range(of: "\nnachher")!.lowerBound]
        #expect(slice.lines == ["erste", "zweite"])
    }

    @Test func germanAlphabeticalOrder() {
        // DIN 5007 variant 1: umlauts as their base letter, ß as ss, case ignored; ties keep their order.
        let names = ["Zuckerfest", "Ölmühle", "Obstgarten", "äpfel", "Apfelbaum", "Straße", "Strasse", "Ärztehaus", "Élan", "eigen", "Ünal"]
        #expect(GermanSorting.sorted(names, by: { $0 }) == ["äpfel", "Apfelbaum", "Ärztehaus", "eigen", "Élan", "Obstgarten", "Ölmühle",
                                                               "Straße", "Strasse", "Ünal", "Zuckerfest"])
        // An umlaut written as a letter and a combining mark (as some Mac programs save it) sorts like the umlaut.
        #expect(GermanSorting.key("O\u{308}lmu\u{308}hle") == GermanSorting.key("Ölmühle"))
        #expect(GermanSorting.key("ÖLMÜHLE Straße") == "olmuhle strasse")
        #expect(GermanSorting.key("Київ") == "київ")
    }

    @Test func germanNumbers() {
        #expect(GermanFormat.number(18450) == "18.450")
        #expect(GermanFormat.number(119840) == "119.840")
        #expect(GermanFormat.number(3.5) == "3,5")
        #expect(GermanFormat.number(12.25) == "12,25")
        #expect(GermanFormat.number(999) == "999")
    }

    @Test func slugsAndLanguages() {
        #expect(ContentPath.isValidSlug("sprachcafe-montag"))
        #expect(!ContentPath.isValidSlug("Sprachcafé"))
        #expect(!ContentPath.isValidSlug("a--b"))
        #expect(!ContentPath.isValidSlug("-a"))
        #expect(ContentPath.suggestSlug("Straße der Vielfalt") == "strasse-der-vielfalt")
        #expect(ContentPath.isLanguageCode("ar"))
        #expect(!ContentPath.isLanguageCode("EN"))
    }

    @Test func pathsAreClassifiedByFolder() {
        #expect(ContentPath.classify(["kreis", "index.md"]) == .content(ContentRole(DistrictIntro.self, owner: .district, slug: "kreis")))
        #expect(ContentPath.classify(["gemeinden", "dorf", "angebote", "x.md"]) == .content(ContentRole(Offer.self, owner: .municipality("dorf"), slug: "x")))
        #expect(ContentPath.classify(["kreis", "zahlen.yml"]) == .content(ContentRole(Facts.self, owner: .district, slug: "zahlen")))
        #expect(ContentPath.classify(["gemeinden", "dorf", "angebote", "x.en.md"]) == .translation(ContentRole(Offer.self, owner: .municipality("dorf"), slug: "x"), language: "en"))
        #expect(ContentPath.classify(["gemeinden", "dorf", "geschichten", "fest.JPG"]) == .picture)
        if case .unexpected = ContentPath.classify(["gemeinden", "dorf", "termine", "x.md"]) {} else {
            Issue.record("an unknown folder must be reported")
        }
    }

    @Test func nearestSuggestion() {
        #expect(EditDistance.nearest(to: "summry", in: ["title", "summary"]) == "summary")
        #expect(EditDistance.nearest(to: "xyz", in: ["title", "summary"]) == nil)
    }

    @Test func textFormatLooksLikeACompiler() {
        let d = Diagnostic(file: "content/a.md", location: SourceLocation(line: 3, column: 11, endColumn: 19), severity: .error,
                           rule: "unknown-category", message: "Die Kategorie `Sprachen` gibt es nicht.", hint: "Meinten Sie `Sprache`?")
        let text = DiagnosticFormatter.format([d], as: .text, filesChecked: 4)
        #expect(text.hasPrefix("content/a.md:3:11: Fehler: Die Kategorie `Sprachen` gibt es nicht. [unknown-category]\n    Meinten Sie `Sprache`?\n"))
        #expect(text.contains("4 Dateien geprüft: 1 Fehler"))
    }

    @Test func jsonFormatHasTheDocumentedShape() throws {
        let d = Diagnostic(file: "site.yml", location: SourceLocation(line: 2, column: 1, endColumn: 6), severity: .warning,
                           rule: "r", message: "m", hint: "h")
        let json = DiagnosticFormatter.format([d], as: .json, filesChecked: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(Set(list[0].keys) == ["file", "line", "column", "endColumn", "severity", "rule", "message", "hint"])
        #expect(list[0]["endColumn"] as? Int == 6)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["warnings"] == 1)
        #expect(summary["errors"] == 0)
    }

    @Test("the content hash changes with every byte and with the length, and not without a change")
    func contentHashSeesEveryByte() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ContentHash.hash($0) } }
        // Long enough for the four lanes of 32 bytes, the steps of eight after them and a tail.
        let bytes = (0..<109).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let original = hash(bytes)
        #expect(hash(bytes) == original)
        var seen: Set<UInt64> = [original]
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x01
            #expect(seen.insert(hash(changed)).inserted, "a changed byte at \(position) changes the hash")
        }
        // Trailing zero bytes are content too: the length is part of the hash.
        #expect(hash(bytes + [0]) != original)
        #expect(hash([]) != hash([0]))
        // Swapped words of two lanes are another text.
        #expect(hash(Array(bytes[8..<16] + bytes[0..<8] + bytes[16...])) != original)
    }

    /// Categories are found by slug or by their label in any case, with spaces around ignored; the lowered label
    /// made once must find what lowering both sides at every look-up finds, also beyond ASCII.
    @Test func categoriesAreFoundByLabelInAnyCase() {
        let labels = ["Sprache", "Arbeit & Ausbildung", "ÄRZTE", "İstanbul", "Straße", "a"]
        var config = FuzzTests.config
        config.categories = labels.enumerated().map { Category(slug: "k\($0.offset)", label: $0.element, group: "G") }
        let references = ["sprache", "SPRACHE", " Sprache ", "arbeit & ausbildung", "ärzte", "Ärzte", "i̇stanbul", "istanbul", "straße",
                          "STRASSE", "", "a", "A", "b", "sprach", "k3", "K3", " k3"]
        for reference in references {
            let wanted = reference.trimmed.lowercased()
            let expected = config.categories.first { $0.slug == wanted || $0.label.lowercased() == wanted }
            #expect(config.category(matching: reference)?.slug == expected?.slug, "\(reference)")
        }
        #expect(config.category(matching: "ärzte")?.slug == "k2")
        #expect(config.category(matching: " K3 ")?.slug == "k3")
    }

    /// Dates are written from `dateFormat` split once; `format`, which fills placeholders generally, is the oracle.
    @Test func datesAreWrittenAsTheFormatSays() {
        let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        for template in ["{{day}}. {{month}} {{year}}", "{{year}}-{{month}}-{{day}}", "{{month}} {{day}}, {{year}} {{weekday}}", "{{day}} {{", "ohne", "", "{{day}}}}{{year}}"] {
            for monthNames in [months, []] {
                let strings = ThemeStrings(values: ["dateFormat": template], months: monthNames)
                for date in [CalendarDate(year: 2026, month: 3, day: 1)!, CalendarDate(year: 1999, month: 12, day: 31)!] {
                    let expected = strings.format("dateFormat", ["day": String(date.day), "month": monthNames.isEmpty ? String(date.month) : monthNames[date.month - 1],
                                                                 "year": String(date.year)])
                    #expect(strings.date(date) == expected, "\(template)")
                }
            }
        }
    }
}
