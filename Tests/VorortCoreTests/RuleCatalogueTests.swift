import Foundation
import Testing
@testable import VorortCore

/// The rule catalogue against what vorort really emits: every id in an emitting position of the sources has an
/// entry with the severities it is emitted with, every entry is emitted somewhere, every finding of real and broken
/// sites is catalogued, and the README's rule table and SARIF's rule descriptors come from the catalogue.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    // MARK: - Emitting positions in the sources

    /// A rule id where the sources make a finding, with the severities that place states (nil: not stated there).
    struct Emission: CustomStringConvertible {
        var id: String
        var file: String
        var line: Int
        var severities: Set<Severity>?

        var description: String { "\(file):\(line) `\(id)`" }
    }

    /// Helpers that take a rule id as their first argument, with the severity they always report.
    static let idHelpers: [String: Severity] = ["fail": .error]

    static let sourceFolders = ["Sources/VorortCore", "Sources/vorort"]

    /// Every emission in the Swift files of vorort, found by the call shapes that make findings:
    /// `collector.error("id", …)` / `.warning(` / `.info(`, `report(…, "id", …)`, `Diagnostic(…, rule: "id", …)`,
    /// the helpers in `idHelpers`, and ids kept in a constant (`static let rule = "id"`).
    static func emissions() throws -> [Emission] {
        var result: [Emission] = []
        for folder in sourceFolders {
            let base = TestSupport.packageRoot.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                result += SourceScanner(text: text, file: folder + String(url.path.dropFirst(base.path.count))).emissions()
            }
        }
        return result
    }

    /// A small reader of Swift source: enough to find call arguments and the string literals in them.
    struct SourceScanner {
        let u: [UInt16]
        let file: String

        init(text: String, file: String) {
            // Comment lines may quote calls (`{rule: asylant, …}`); they emit nothing. The lines stay for line numbers.
            let code = text.components(separatedBy: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : $0 }
                .joined(separator: "\n")
            u = Array(code.utf16)
            self.file = file
        }

        static let quote = UInt16(UInt8(ascii: "\"")), backslash = UInt16(UInt8(ascii: "\\")), newline = UInt16(UInt8(ascii: "\n"))
        static let opening: Set<UInt16> = Set("([{".utf16), closing: Set<UInt16> = Set(")]}".utf16)
        static let comma = UInt16(UInt8(ascii: ",")), lparen = UInt16(UInt8(ascii: "("))

        /// `i` at an opening quote: the index after the closing one (interpolations skipped as a whole).
        func skipString(_ i: Int) -> Int {
            var j = i + 1
            while j < u.count {
                if u[j] == Self.backslash {
                    if j + 1 < u.count, u[j + 1] == Self.lparen { j = skipBalanced(j + 1); continue }
                    j += 2
                    continue
                }
                if u[j] == Self.quote { return j + 1 }
                if u[j] == Self.newline { return j }
                j += 1
            }
            return j
        }

        /// `i` at an opening bracket: the index after its closing bracket.
        func skipBalanced(_ i: Int) -> Int {
            var depth = 0
            var j = i
            while j < u.count {
                if u[j] == Self.quote { j = skipString(j); continue }
                if Self.opening.contains(u[j]) { depth += 1 }
                if Self.closing.contains(u[j]) {
                    depth -= 1
                    if depth == 0 { return j + 1 }
                }
                j += 1
            }
            return j
        }

        /// The argument (or expression) starting at `start`: up to the next top-level comma or closing bracket.
        func argument(from start: Int, stopAtNewline: Bool = false) -> Range<Int> {
            var j = start
            while j < u.count {
                let c = u[j]
                if c == Self.quote { j = skipString(j); continue }
                if Self.opening.contains(c) { j = skipBalanced(j); continue }
                if Self.closing.contains(c) || c == Self.comma || (stopAtNewline && c == Self.newline) { break }
                j += 1
            }
            return start..<j
        }

        func string(_ range: Range<Int>) -> String { String(decoding: u[range], as: UTF16.self) }

        /// The plain string literals of a range (interpolated ones are messages, not ids).
        func literals(in range: Range<Int>) -> [String] {
            var found: [String] = []
            var j = range.lowerBound
            while j < range.upperBound {
                if u[j] == Self.quote {
                    let end = skipString(j)
                    let content = string((j + 1)..<max(j + 1, end - 1))
                    if !content.contains("\\") { found.append(content) }
                    j = end
                } else {
                    j += 1
                }
            }
            return found
        }

        static func severities(in text: String) -> Set<Severity>? {
            let found = Set(Severity.allCases.filter { text.range(of: "\\.\($0.rawValue)\\b", options: .regularExpression) != nil })
            return found.isEmpty ? nil : found
        }

        static func looksLikeID(_ text: String) -> Bool {
            text.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil
        }

        func line(at offset: Int) -> Int { 1 + u[..<offset].reduce(0) { $0 + ($1 == Self.newline ? 1 : 0) } }

        /// Ranges just after each match of `pattern`, with the match's first capture group (if any).
        func matches(_ pattern: String) -> [(end: Int, group: String?)] {
            let text = string(0..<u.count)
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            return regex.matches(in: text, range: NSRange(location: 0, length: u.count)).map { match in
                let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
                    ? string(match.range(at: 1).location..<(match.range(at: 1).location + match.range(at: 1).length)) : nil
                return (match.range.location + match.range.length, group)
            }
        }

        func emissions() -> [Emission] {
            var result: [Emission] = []
            func add(_ ids: [String], at offset: Int, _ severities: Set<Severity>?) {
                result += ids.map { Emission(id: $0, file: file, line: line(at: offset), severities: severities) }
            }
            // collector.error("id", …), .warning(, .info(
            for (end, severity) in matches("\\.(error|warning|info)\\(\\s*") {
                add(literals(in: argument(from: end)), at: end, severity.flatMap(Severity.init(rawValue:)).map { Set([$0]) })
            }
            // report(.warning, "id", …) and report(file, .error, "id", …): the id follows the severity.
            for (end, _) in matches("\\breport\\(\\s*") {
                var start = end
                var before = ""
                for _ in 0..<3 {
                    let range = argument(from: start)
                    let ids = literals(in: range).filter(Self.looksLikeID)
                    if !ids.isEmpty { add(ids, at: range.lowerBound, Self.severities(in: before)) }
                    before += string(range)
                    guard range.upperBound < u.count, u[range.upperBound] == Self.comma else { break }
                    start = range.upperBound + 1
                }
            }
            // Diagnostic(…, severity: …, rule: "id", …): the severity is an argument of the same call.
            for (end, _) in matches("\\brule:\\s*") {
                let ids = literals(in: argument(from: end))
                guard !ids.isEmpty else { continue }
                let head = string(max(0, end - 800)..<end)
                var severities: Set<Severity>?
                if let call = head.range(of: "Diagnostic(", options: .backwards),
                   let label = head[call.upperBound...].range(of: "severity:") {
                    let offset = end - head[label.upperBound...].utf16.count
                    severities = Self.severities(in: string(argument(from: offset)))
                }
                add(ids, at: end, severities)
            }
            // fail("id", …) and other helpers that take the id first.
            for (end, helper) in matches("\\b(\(RuleCatalogueTests.idHelpers.keys.sorted().joined(separator: "|")))\\(\\s*") {
                add(literals(in: argument(from: end)), at: end, helper.flatMap { RuleCatalogueTests.idHelpers[$0] }.map { Set([$0]) })
            }
            // static let rule = "id": an id kept in a constant; where it is reported, the severity is worked out.
            for (end, _) in matches("\\bstatic\\s+let\\s+rule\\s*=\\s*") {
                add(literals(in: argument(from: end, stopAtNewline: true)), at: end, nil)
            }
            return result
        }
    }

    @Test func scannerFindsEveryEmittingShape() {
        let snippet = #"""
            collector.error("a-one", at: .start, "Text, mit Komma", hint: "…")
            collector.warning(flag ? "b-two" : "c-three", at: x, "m", hint: "h")
            report(file, .warning, "d-four", location, "Die Gemeinde `\(area)`, leider", "h")
            collector.report(evaded == nil ? .warning : .error, "e-five", at: x, "m", hint: "h")
            diagnostics.append(Diagnostic(file: f, location: .start,
                severity: required ? .error : .info, rule: "f-six", message: "\(x.map { "`\($0)`" })", hint: ""))
            return fail("g-seven", 1, "m", "h")
            static let rule = "h-eight"
            // collector.error("not-me", …)
            var rule = "FREQ=WEEKLY"
            guard let rule = entry.located("rule", required: true) else { return nil }
            """#
        let found = SourceScanner(text: snippet, file: "x.swift").emissions()
        let byID = Dictionary(found.map { ($0.id, $0.severities) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byID.keys) == ["a-one", "b-two", "c-three", "d-four", "e-five", "f-six", "g-seven", "h-eight"], "\(found)")
        #expect(byID["a-one"] == [.error] && byID["b-two"] == [.warning] && byID["c-three"] == [.warning])
        #expect(byID["d-four"] == [.warning] && byID["e-five"] == [.warning, .error] && byID["f-six"] == [.error, .info])
        #expect(byID["g-seven"] == [.error] && byID["h-eight"] == .some(nil))
        #expect(found.first { $0.id == "f-six" }?.line == 6)
    }

    // MARK: - (a) Sources against the catalogue

    @Test func everyEmittedRuleIdIsInTheCatalogue() throws {
        let emissions = try Self.emissions()
        // The scanner must see the emitting calls at all, or the test would pass on nothing.
        #expect(emissions.count > 100, "\(emissions.count) emissions found")
        let unknown = emissions.filter { RuleCatalogue.entry($0.id) == nil }
        #expect(unknown.isEmpty, """
            Rule ids without an entry in Sources/VorortCore/Diagnostics/RuleCatalogue.swift: \
            \(unknown.map(\.description).joined(separator: ", ")). Add an entry with severity, German title and \
            explanation, then run `VORORT_UPDATE_DOCS=1 swift test --filter RuleCatalogue` for the README.
            """)
    }

    @Test func everyCatalogueEntryIsEmitted() throws {
        let emitted = Set(try Self.emissions().map(\.id))
        let dead = RuleCatalogue.entries.map(\.id).filter { !emitted.contains($0) }
        #expect(dead.isEmpty, "Catalogue entries that no source emits: \(dead.joined(separator: ", "))")
    }

    @Test func emittedSeveritiesAreTheCataloguedOnes() throws {
        let byID = Dictionary(grouping: try Self.emissions(), by: \.id)
        for entry in RuleCatalogue.entries {
            let emissions = byID[entry.id] ?? []
            let stated = emissions.compactMap(\.severities)
            let catalogued = Set(entry.severities)
            for emission in emissions {
                if let severities = emission.severities {
                    #expect(severities.isSubset(of: catalogued), "\(emission) is emitted as \(severities.map(\.rawValue).sorted()), catalogued as \(entry.severities.map(\.rawValue))")
                }
            }
            // Where every emission states its severity, the catalogue lists no severity that never occurs.
            if !emissions.isEmpty, stated.count == emissions.count {
                let used = stated.reduce(into: Set<Severity>()) { $0.formUnion($1) }
                #expect(used == catalogued, "`\(entry.id)` is emitted as \(used.map(\.rawValue).sorted()), catalogued as \(entry.severities.map(\.rawValue))")
            }
        }
    }

    @Test func entriesAreWellFormed() {
        let entries = RuleCatalogue.entries + [RuleCatalogue.wordingRules]
        #expect(Set(entries.map(\.id)).count == entries.count, "duplicate ids")
        #expect(Set(entries.map(\.helpAnchor)).count == entries.count, "duplicate anchors")
        for entry in entries {
            #expect(SourceScanner.looksLikeID(entry.id), "\(entry.id)")
            #expect(!entry.severities.isEmpty && Set(entry.severities).count == entry.severities.count, "\(entry.id)")
            #expect(!entry.title.isEmpty && entry.title.count <= 60 && !entry.title.hasSuffix("."), "\(entry.id): \(entry.title)")
            // A sentence ends with a word's last letter and a full stop; `30. Februar` and `z. B.` end none.
            let sentences = 1 + entry.explanation.matches(of: /[a-zäöüß)`“]\. [A-ZÄÖÜ]/).count
            #expect(entry.explanation.hasSuffix(".") && (1...3).contains(sentences), "\(entry.id): \(sentences) sentences")
            // Editors are addressed with „Sie“, as in every hint of vorort.
            let words = Set(entry.explanation.lowercased().components(separatedBy: CharacterSet.letters.inverted))
            #expect(words.isDisjoint(with: ["du", "dein", "deine", "dir", "dich"]), "\(entry.id) says „du“")
            let tokens = Set(entry.explanation.components(separatedBy: CharacterSet.letters.inverted))
            #expect(tokens.contains("Sie"), "\(entry.id) tells no one what to do")
        }
        let builtIn = Set(BuiltInRules.files.flatMap(\.rules).map(\.id))
        for example in RuleCatalogue.wordingRuleExamples {
            #expect(builtIn.contains(example), "README example `\(example)` is no built-in wording rule")
            #expect(RuleCatalogue.entry(example) == nil)
        }
    }

    // MARK: - (b) What real and broken sites report

    /// The findings whose rule is neither catalogued nor a wording rule of the site's active rule set.
    static func uncatalogued(_ report: CheckReport, site root: URL) -> [Diagnostic] {
        let wording = Set(RuleSet.load(siteRoot: root).ruleSet.rules.map(\.id))
        return report.diagnostics.filter { RuleCatalogue.entry($0.rule) == nil && !wording.contains($0.rule) }
    }

    /// A minimal site with many mistakes: unknown keys and references, translations, theme words, wording.
    static let brokenSiteFiles: [String: String] = [
        "site.yml": TestSupport.minimalFiles["site.yml", default: ""] + "languages:\n  - code: fr\n    name: Français\n",
        "site.fr.yml": "title: Arriver\ncategories:\n  kochen: {label: Cuisine}\n",
        "site.en.yml": "title: Arriving\n",
        "lint/eigene.yml": """
            rules:
              - id: kaputt
                category: gibtsnicht
                severity: warning
                label: kaputt
                terms: ["kaputt~"]
                explanation: "x"
                alternatives: [heil]
                examples:
                  flag: ["Das ist heil."]
              - id: halb
                category: metaphern

            """,
        "content/gemeinden/dorf/angebote/fehler.md": """
            ---
            title: Hilfe für Asylanten
            category: Sprachen
            summary: Ein Angebot mit Fehlern.
            reviewed: 2026-02-30
            contact: niemand
            farbe: blau
            ---
            <b>Fett</b> und [weg](gibtsnicht.md) und [böse](javascript:alert(1)).
            <!-- vorort-lint: ignore asylant -->
            <!-- vorort-lint: ignore gibtsnicht -- Zitat -->
            Ein Wort mit Tarnung: Asyl\u{200B}ant und Hallo\u{200E}welt.

            """,
        "content/gemeinden/dorf/angebote/sprachcafe.fr.md": "---\ntitle: Café\nsummary: Parler.\nreviewed: 2026-01-01\n---\nLe texte.\n",
        "content/gemeinden/dorf/angebote/waise.fr.md": "---\ntitle: Orphelin\nsummary: Rien.\nreviewed: 2026-03-01\n---\n",
        "content/gemeinden/dorf/notizen.txt": "Notizen\n",
        "content/kreis/geschichten/foto.jpg": "kein Bild",
    ]

    @Test func findingsOfTheSampleAndOfBrokenSitesAreCatalogued() throws {
        let sample = TestSupport.packageRoot
        let sampleReport = TestSupport.check(sample)
        #expect(Self.uncatalogued(sampleReport, site: sample).isEmpty, "\(Self.uncatalogued(sampleReport, site: sample))")

        let root = try TestSupport.minimalSite(extra: Self.brokenSiteFiles)
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let uncatalogued = Self.uncatalogued(report, site: root)
        #expect(uncatalogued.isEmpty, "\(uncatalogued.map { "\($0.file):\($0.location.line) [\($0.rule)]" })")
        let rules = Set(report.diagnostics.map(\.rule))
        // The broken site must really show many kinds of finding, the formerly undocumented one among them.
        #expect(rules.filter { RuleCatalogue.entry($0) != nil }.count >= 15, "\(rules.sorted())")
        #expect(rules.contains("unknown-reference") && rules.contains("asylant"), "\(rules.sorted())")

        let wording = Set(RuleSet.load(siteRoot: nil).ruleSet.rules.map(\.id))
        for hostile in try HostileInputTests.cases() {
            let data = try Data(contentsOf: HostileInputTests.folder.appendingPathComponent(hostile.file))
            let (hostileReport, _) = try HostileInputTests.check(data, at: hostile.place)
            let unknown = hostileReport.diagnostics.filter { RuleCatalogue.entry($0.rule) == nil && !wording.contains($0.rule) }
            #expect(unknown.isEmpty, "\(hostile.file): \(unknown.map(\.rule))")
        }
    }

    // MARK: - (c) The README's table

    static let readme = TestSupport.packageRoot.appendingPathComponent("README.md")

    /// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens.
    static func headingAnchor(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            if scalar == " " { return "-" }
            return CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : nil
        })
    }

    /// Fails while the README's rule table differs from the catalogue's, printing the table to paste;
    /// `VORORT_UPDATE_DOCS=1` writes it into the README instead.
    @Test func readmeRuleTableIsTheCatalogue() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: RuleCatalogue.readmeStartMarker), "README.md lacks \(RuleCatalogue.readmeStartMarker)")
        let end = try #require(text.range(of: RuleCatalogue.readmeEndMarker, range: start.upperBound..<text.endIndex),
                               "README.md lacks \(RuleCatalogue.readmeEndMarker)")
        let expected = "\n" + RuleCatalogue.readmeTable() + "\n"
        let current = String(text[start.upperBound..<end.lowerBound])
        if current != expected {
            if ProcessInfo.processInfo.environment["VORORT_UPDATE_DOCS"] == "1" {
                try (String(text[..<start.upperBound]) + expected + String(text[end.lowerBound...]))
                    .write(to: Self.readme, atomically: true, encoding: .utf8)
            } else {
                Issue.record("""
                    README.md's rule table is not the catalogue's. Run \
                    `VORORT_UPDATE_DOCS=1 swift test --filter RuleCatalogue`, or put this between the markers:
                    \(expected)
                    """)
            }
        }
        // A row's anchor must not be taken by a heading, or the help link would land there.
        let headings = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("#") }
            .map { Self.headingAnchor($0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)) })
        for entry in RuleCatalogue.entries + [RuleCatalogue.wordingRules] {
            #expect(!headings.contains(entry.helpAnchor), "`\(entry.helpAnchor)` is also a heading's anchor")
        }
        #expect(headings.contains("culture-sensitive-wording-lint"), "the wording row links to this heading")
    }

    // MARK: - SARIF

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static let sarifFindings = [
        Diagnostic(file: "content/a.md", location: SourceLocation(line: 2, column: 1, endColumn: 6), severity: .error,
                   rule: "unknown-key", message: "Unbekannte Angabe `farbe`.", hint: "Erlaubt sind: …"),
        Diagnostic(file: "content/a.md", location: SourceLocation(line: 7, column: 3, endColumn: 10), severity: .warning,
                   rule: "asylant", message: "„Asylant“: …", hint: "Besser: Geflüchtete."),
        Diagnostic(file: "themes/standard/strings/de.yml", location: .start, severity: .error,
                   rule: "theme-strings-missing", message: "Es fehlen Wörter.", hint: ""),
        Diagnostic(file: "content/b.md", location: SourceLocation(line: 4, column: 1), severity: .info,
                   rule: "wortwolke", message: "„Wortwolke“: …", hint: "Besser: Begriffe."),
    ]

    /// The descriptors by id, after checking the fields SARIF 2.1.0 requires and that each result points at its rule.
    static func sarifRules(_ sarif: String) throws -> [String: [String: Any]] {
        let log = try json(sarif)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "vorort")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules.indices.contains(index) && rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        for rule in rules {
            #expect((rule["id"] as? String)?.isEmpty == false)
            for key in ["shortDescription", "fullDescription"] {
                #expect(((rule[key] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(rule["id"] ?? "?") \(key)")
            }
            #expect(["none", "note", "warning", "error"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count, "one descriptor per rule")
        return Dictionary(rules.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func text(_ rule: [String: Any]?, _ key: String) -> String? { (rule?[key] as? [String: Any])?["text"] as? String }
    static func level(_ rule: [String: Any]?) -> String? { (rule?["defaultConfiguration"] as? [String: Any])?["level"] as? String }

    @Test func sarifDescribesEachRuleFromTheCatalogue() throws {
        let sarif = DiagnosticFormatter.format(Self.sarifFindings, as: .sarif, filesChecked: 3)
        let rules = try Self.sarifRules(sarif)
        #expect(rules.count == 4)

        let unknownKey = try #require(rules["unknown-key"])
        let entry = try #require(RuleCatalogue.entry("unknown-key"))
        #expect(unknownKey["name"] as? String == "UnknownKey")
        #expect(Self.text(unknownKey, "shortDescription") == entry.title)
        #expect(Self.text(unknownKey, "fullDescription") == entry.explanation)
        #expect(Self.level(unknownKey) == "error")
        #expect(unknownKey["helpUri"] == nil, "SARIF needs an absolute helpUri; none is configured")
        // The default level is the usual severity, whatever the first finding's was.
        #expect(Self.level(rules["theme-strings-missing"]) == "warning")

        // Built-in wording rules describe themselves; a site's own rule unknown here gets the generic entry.
        let asylant = try #require(BuiltInRules.files.flatMap(\.rules).first { $0.id == "asylant" })
        #expect(Self.text(rules["asylant"], "shortDescription") == "Sprachhinweis: \(asylant.label)")
        #expect(Self.text(rules["asylant"], "fullDescription") == asylant.explanation)
        #expect(Self.level(rules["asylant"]) == asylant.severity.replacingOccurrences(of: "info", with: "note"))
        #expect(Self.text(rules["wortwolke"], "shortDescription") == RuleCatalogue.wordingRules.title)
        #expect(Self.text(rules["wortwolke"], "fullDescription") == RuleCatalogue.wordingRules.explanation)
        #expect(Self.level(rules["wortwolke"]) == "note")
    }

    @Test func sarifHelpLinksAndSiteRulesWhenGiven() throws {
        let root = TestSupport.temporaryFolder("vorort-sarif")
        defer { TestSupport.cleanUp(root) }
        try TestSupport.write(["lint/test.yml": LintIntegrationTests.siteRules], under: root)
        let ruleSet = RuleSet.load(siteRoot: root).ruleSet
        let sarif = DiagnosticFormatter.format(Self.sarifFindings, as: .sarif, filesChecked: 3,
                                               helpBaseURL: "https://intranet.example.de/vorort/README.md#old", wordingRules: ruleSet)
        let rules = try Self.sarifRules(sarif)
        #expect(rules["unknown-key"]?["helpUri"] as? String == "https://intranet.example.de/vorort/README.md#unknown-key")
        #expect(rules["asylant"]?["helpUri"] as? String == "https://intranet.example.de/vorort/README.md#wording-rules")
        #expect(Self.text(rules["wortwolke"], "shortDescription") == "Sprachhinweis: Wortwolke")
        #expect(Self.text(rules["wortwolke"], "fullDescription") == "Wortwolken sind hier verboten.")
        #expect(Self.level(rules["wortwolke"]) == "error")

        // With the official schema at hand (it is not shipped), the whole log is validated against it.
        if let schema = ProcessInfo.processInfo.environment["VORORT_SARIF_SCHEMA"] {
            let file = root.appendingPathComponent("check.sarif")
            try Data(sarif.utf8).write(to: file)
            let run = try TestSupport.python("""
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
                """, [schema, file.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
    }
}
