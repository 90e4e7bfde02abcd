import Foundation
import Testing
@testable import VorortCore

/// `vorort new` through the executable, for every type it creates: where the file goes, what it says, and that
/// `vorort check` then reports exactly the fields the editor still has to fill in.
@Suite("vorort new")
struct NewContentTests {
    static let today = "2026-03-01"

    /// Every creatable type with a title, its `--in` and the path the file must get (on the minimal site).
    static let cases: [(type: String, title: String, place: String?, path: String)] = [
        ("angebot", "Sprachcafé am Markt", "dorf", "content/gemeinden/dorf/angebote/sprachcafe-am-markt.md"),
        ("offer", "Nähen für alle: Anfänger", "kreis", "content/kreis/angebote/naehen-fuer-alle-anfaenger.md"),
        ("anlaufstelle", "Büro für Teilhabe", "kreis", "content/kreis/anlaufstellen/buero-fuer-teilhabe.md"),
        ("contact-point", "Gemeindebüro", "Dorf", "content/gemeinden/dorf/anlaufstellen/gemeindebuero.md"),
        ("geschichte", "Ein Fest für alle", "dorf", "content/gemeinden/dorf/geschichten/ein-fest-fuer-alle.md"),
        ("seite", "Über uns", nil, "content/seiten/ueber-uns.md"),
        ("gemeinde", "Bad Sooden", nil, "content/gemeinden/bad-sooden/index.md"),
        ("veranstaltung", "Infoabend: Anerkennung", "dorf", "content/gemeinden/dorf/veranstaltungen/infoabend-anerkennung.md"),
    ]

    static func new(_ type: String, _ title: String, in place: String?, site: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupport.run(["new", type, title, "--site", site.path, "--today", today] + (place.map { ["--in", $0] } ?? []))
    }

    static func findings(_ site: URL) throws -> [[String: Any]] {
        let check = try TestSupport.run(["check", "--site", site.path, "--today", today, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        return try #require(object["diagnostics"] as? [[String: Any]])
    }

    @Test func everyCreatableTypeHasACase() {
        let covered = Set(Self.cases.compactMap { NewContent.type(named: $0.type).map { ContentTypeID($0) } })
        #expect(covered == Set(NewContent.creatableTypes.map(ContentTypeID.init)))
        #expect(NewContent.creatableTypes.count == 6)
    }

    @Test(arguments: NewContentTests.cases.indices)
    func newFileReportsOnlyTheFieldsLeftToFill(_ position: Int) throws {
        let (typeName, title, place, expectedPath) = Self.cases[position]
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        #expect(try Self.findings(site).isEmpty, "the minimal site is clean on \(Self.today)")

        let run = try Self.new(typeName, title, in: place, site: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == expectedPath + "\n")
        let data = try Data(contentsOf: site.appendingPathComponent(expectedPath))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "no byte order mark")
        #expect(!text.contains("\r"), "LF line ends")
        #expect(text.hasPrefix("---\n") && text.hasSuffix("---\n"))

        let type = try #require(NewContent.type(named: typeName))
        let lines = text.components(separatedBy: "\n")
        let owner: Owner = place.map { $0 == "kreis" ? .district : .municipality($0.lowercased()) } ?? .district
        var expectedMissing: Set<String> = []
        for field in type.schema {
            if case .translationOnly = field.translation {
                #expect(!text.contains("\(field.key):"), "\(field.key) belongs to translations only")
                continue
            }
            if field.districtOnly, owner != .district {
                #expect(!text.contains("\(field.key):"), "\(field.key) is the district's only")
                continue
            }
            // Every field is explained by the comment line above it.
            let line = try #require(lines.firstIndex { $0 == "\(field.key):" || $0.hasPrefix("\(field.key): ") || $0.hasPrefix("# \(field.key): ") },
                                    "\(field.key) is written")
            #expect(lines[line - 1].hasPrefix("# "), "\(field.key) has a comment")
            #expect(lines[..<line].contains { $0.contains(field.help) }, "\(field.key): its German explanation")
            switch field.prefill {
            case .title: #expect(lines[line] == "\(field.key): \(NewContent.yamlScalar(title))")
            case .today: #expect(lines[line] == "\(field.key): \(Self.today)")
            case .none where field.required:
                #expect(lines[line] == "\(field.key):")
                expectedMissing.insert(field.key)
            case .none where field.recommended: #expect(lines[line] == "\(field.key):")
            case .none: #expect(lines[line].hasPrefix("# \(field.key): \(field.example)"))
            }
        }

        // The check reports the required fields left empty, each at its line, and otherwise only the warnings of
        // recommended fields (the editorial contact of a new municipality); nothing in any other file.
        let findings = try Self.findings(site)
        #expect(findings.allSatisfy { $0["file"] as? String == expectedPath }, "\(findings)")
        let missing = findings.filter { $0["rule"] as? String == "missing-field" }
        #expect(Set(missing.compactMap { ($0["message"] as? String)?.split(separator: "`").dropFirst().first.map(String.init) }) == expectedMissing)
        for finding in missing {
            let key = try #require((finding["message"] as? String)?.split(separator: "`").dropFirst().first)
            #expect(lines[(finding["line"] as? Int ?? 0) - 1] == "\(key):")
        }
        let others = findings.filter { $0["rule"] as? String != "missing-field" }.compactMap { $0["rule"] as? String }
        #expect(others == (type.schema.contains { $0.key == "editor" } ? ["missing-editor"] : []))

        // Filled in with the declaration's examples, the file has no error: the comments break nothing.
        var filled = text
        for field in type.schema where expectedMissing.contains(field.key) {
            filled = filled.replacingOccurrences(of: "\n\(field.key):\n", with: "\n\(field.key): \(field.example)\n")
        }
        try Data(filled.utf8).write(to: site.appendingPathComponent(expectedPath))
        let after = try Self.findings(site)
        #expect(!after.contains { $0["severity"] as? String == "error" }, "\(after)")
    }

    @Test func neverOverwritesNorCollides() throws {
        let site = try TestSupport.minimalSite(extra: ["content/gemeinden/dorf/angebote/Nähtreff.md": "---\ntitle: x\n---\n"])
        defer { TestSupport.cleanUp(site) }
        let existing = site.appendingPathComponent("content/gemeinden/dorf/angebote/sprachcafe.md")
        let before = try Data(contentsOf: existing)

        let again = try Self.new("angebot", "Sprachcafé", in: "dorf", site: site)
        #expect(again.status == 2)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("`content/gemeinden/dorf/angebote/sprachcafe.md` gibt es schon; vorort überschreibt nichts."), "\(again.stderr)")
        #expect(try Data(contentsOf: existing) == before)

        // Another title with the same file name finds the same file.
        #expect(try Self.new("angebot", "SPRACHCAFE!", in: "dorf", site: site).status == 2)
        // `naehtreff.md` would differ from `Nähtreff.md` only in letter case and umlaut: the check's name-collision.
        let similar = try Self.new("angebot", "Nähtreff", in: "dorf", site: site)
        #expect(similar.status == 2)
        #expect(similar.stderr.contains("ergäbe dieselbe Adresse wie das vorhandene `content/gemeinden/dorf/angebote/Nähtreff.md`"), "\(similar.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/gemeinden/dorf/angebote/naehtreff.md").path))

        let municipality = try Self.new("gemeinde", "Dorf", in: nil, site: site)
        #expect(municipality.status == 2)
        #expect(municipality.stderr.contains("`content/gemeinden/dorf` gibt es schon"))
    }

    @Test func usageProblemsAreExplainedInGerman() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let before = try TestSupport.snapshot(site)
        let problems: [([String], String)] = [
            (["new", "kurs", "Nähen"], "Eine Art von Inhalt `kurs` gibt es nicht. Möglich sind: gemeinde|municipality, angebot|offer"),
            (["new", "angebot", "Nähen"], "Geben Sie mit `--in` an, wem der neue Inhalt (Angebot) gehört: `--in kreis` für den Landkreis oder der Ordner einer Gemeinde (`dorf`)."),
            (["new", "angebot", "Nähen", "--in", "stadt"], "Eine Gemeinde `stadt` gibt es nicht. Möglich sind `kreis` (der Landkreis) und die Ordner in `content/gemeinden/`: `dorf`."),
            (["new", "seite", "Nähen", "--in", "kreis"], "`--in` gilt nur für „Angebot“, „Anlaufstelle“, „Geschichte“, „Veranstaltung“; für „Seite“ lassen Sie `--in` weg."),
            (["new", "seite", "  "], "Der Titel ist leer."),
            (["new", "seite", "!!!"], "Aus dem Titel „!!!“ lässt sich kein Dateiname bilden"),
            (["new", "seite"], "Der Titel ist leer."),
        ]
        for (arguments, message) in problems {
            let run = try TestSupport.run(arguments + ["--site", site.path, "--today", Self.today])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try TestSupport.snapshot(site) == before, "nothing was written")
    }

    @Test func titleWithoutQuotesAndYAMLSpecialCharacters() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        let run = try TestSupport.run(["new", "seite", "Deutschtreff", "#1:", "jetzt", "auch", "dienstags", "--site", site.path, "--today", Self.today])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/seiten/deutschtreff-1-jetzt-auch-dienstags.md\n")
        let text = try String(contentsOf: site.appendingPathComponent("content/seiten/deutschtreff-1-jetzt-auch-dienstags.md"), encoding: .utf8)
        #expect(text.contains("\ntitle: \"Deutschtreff #1: jetzt auch dienstags\"\n"))
        #expect(try Self.findings(site).isEmpty)
        #expect(NewContent.yamlScalar("Sprachcafé") == "Sprachcafé")
        #expect(NewContent.yamlScalar("[Neu] \"Treff\"") == "\"[Neu] \\\"Treff\\\"\"")
        #expect(NewContent.yamlScalar("Ja") == "Ja")
        #expect(NewContent.yamlScalar("yes") == "\"yes\"")
    }

    @Test func todayComesFromSourceDateEpoch() throws {
        let site = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(site) }
        // 2026-02-15 00:00 UTC
        let run = try TestSupport.run(["new", "geschichte", "Sommerfest", "--in", "kreis", "--site", site.path],
                                      environment: ["SOURCE_DATE_EPOCH": "1771113600"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: site.appendingPathComponent("content/kreis/geschichten/sommerfest.md"), encoding: .utf8)
        #expect(text.contains("\ndate: 2026-02-15\n"))
    }

    @Test func helpNamesEveryType() throws {
        let help = try TestSupport.run(["new", "--help"])
        #expect(help.status == 0)
        for type in NewContent.creatableTypes {
            #expect(help.stdout.contains(type.commandNames.joined(separator: "|")), "\(type.displayName)")
        }
        #expect(help.stdout.contains("Examples:"))
    }

    @Test func slugsFollowTheChecksTransliteration() {
        #expect(ContentPath.suggestSlug("Sprachcafé am Markt") == "sprachcafe-am-markt")
        #expect(ContentPath.suggestSlug("Türkçe für Anfänger") == "tuerkce-fuer-anfaenger")
        #expect(ContentPath.suggestSlug("  Große Straße – 2. Stock ") == "grosse-strasse-2-stock")
        #expect(ContentPath.suggestSlug("!!!") == "")
        let long = ContentPath.suggestSlug(String(repeating: "Wort ", count: 40))
        #expect(ContentPath.isValidSlug(long) && long.count <= 100)
        // The name the check derives from a file named like the title, with umlauts, is the same.
        #expect(ContentPath.canonicalSlug("grüße") == ContentPath.suggestSlug("Grüße"))
    }
}
