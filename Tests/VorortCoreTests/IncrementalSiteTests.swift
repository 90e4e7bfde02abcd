import Foundation
import Testing
@testable import VorortCore

/// The incremental build must give what a full build gives: random sequences of edits, additions and deletions
/// of offers, contact points, stories, municipality texts, translations, templates and theme words are applied
/// to a copy of the sample, and after each step the incremental findings and files are compared with a full
/// check and render of the same folder.
@Suite("Incremental build")
struct IncrementalSiteTests {
    typealias Generator = FuzzTests.Generator

    /// One edit of the site folder; returns the paths it touched.
    struct Editor {
        let root: URL
        var generator: Generator
        var added = 0
        /// Files an edit broke (or deleted) with their text before, restored by a later step: errors come and go.
        var broken: [String: String] = [:]

        func files(in folder: String, suffix: String, excludingTranslations: Bool = true) -> [String] {
            let url = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
            return enumerator.compactMap { $0 as? String }
                .filter { $0.hasSuffix(suffix) && (!excludingTranslations || $0.split(separator: ".").count == 2) }
                .map { folder + "/" + $0 }.sorted()
        }

        func read(_ path: String) -> String {
            (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        mutating func pick<T>(_ list: [T]) -> T? { list.isEmpty ? nil : list[Int.random(in: 0..<list.count, using: &generator)] }

        /// Replaces the value of `key:` in the front matter (the first line starting with it).
        func setting(_ key: String, to value: String, in text: String) -> String {
            var lines = text.components(separatedBy: "\n")
            if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) { lines[index] = "\(key): \(value)" }
            return lines.joined(separator: "\n")
        }

        /// Remembers a file's text before an edit that makes the site fail.
        mutating func breaking(_ path: String) {
            if broken[path] == nil { broken[path] = read(path) }
        }

        /// A step: usually one or two edits; now and then the broken files restored.
        mutating func step() throws -> [String] {
            if !broken.isEmpty, Int.random(in: 0..<3, using: &generator) == 0 {
                let restored = broken
                broken = [:]
                for (path, text) in restored { try write(path, text) }
                return Array(restored.keys)
            }
            return try edit()
        }

        mutating func edit() throws -> [String] {
            let offers = files(in: "content", suffix: ".md").filter { $0.contains("/angebote/") }
            let contacts = files(in: "content", suffix: ".md").filter { $0.contains("/anlaufstellen/") }
            let stories = files(in: "content", suffix: ".md").filter { $0.contains("/geschichten/") }
            let municipalities = files(in: "content/gemeinden", suffix: "/index.md")
            let translations = files(in: "content", suffix: ".en.md", excludingTranslations: false)
            let word = ["Neu", "Geändert", "Sprachtreff", "Beratung", "Familien", "Asylanten"][Int.random(in: 0..<6, using: &generator)]
            switch Int.random(in: 0..<17, using: &generator) {
            case 0, 1, 12, 13, 14:  // an offer's title, summary or category, or its text
                guard let path = pick(offers) else { return [] }
                var text = read(path)
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: text = setting("title", to: "\(word) \(Int.random(in: 1...99, using: &generator))", in: text)
                case 1: text = setting("summary", to: "\(word), ein Angebot für alle.", in: text)
                case 2:
                    let category = pick(["Sprache", "Beratung", "Kinder und Familie", "Sport", "Unbekannt"])!
                    if category == "Unbekannt" { breaking(path) }
                    text = setting("category", to: category, in: text)
                case 3: text = setting("reviewed", to: "2026-0\(Int.random(in: 1...9, using: &generator))-15", in: text)
                default: text += "\n\(word) im Text, mit [Link](/angebote/).\n"
                }
                try write(path, text)
                return [path]
            case 2, 15:  // a contact point
                guard let path = pick(contacts) else { return [] }
                var text = read(path)
                text = Bool.random(using: &generator) ? setting("name", to: "\(word)stelle", in: text) : text + "\n\(word).\n"
                try write(path, text)
                return [path]
            case 3:  // a story
                guard let path = pick(stories) else { return [] }
                var text = read(path)
                text = Bool.random(using: &generator) ? setting("title", to: "\(word) im Landkreis", in: text) : text + "\n\(word).\n"
                try write(path, text)
                return [path]
            case 4:  // a municipality's text
                guard let path = pick(municipalities) else { return [] }
                var text = read(path)
                text = Bool.random(using: &generator) ? setting("summary", to: "\(word) hier.", in: text) : setting("name", to: "\(word)dorf", in: text)
                try write(path, text)
                return [path]
            case 5:  // a translation
                guard let path = pick(translations) else { return [] }
                try write(path, setting("title", to: "New \(word)", in: read(path)))
                return [path]
            case 6:  // a new offer, copied from another
                guard let source = pick(offers) else { return [] }
                added += 1
                let path = source.split(separator: "/").dropLast().joined(separator: "/") + "/neu-\(added).md"
                try write(path, setting("title", to: "Neues Angebot \(added)", in: broken[source] ?? read(source)))
                return [path]
            case 7:  // an offer deleted, with or without its translations (pages may link to it: restored later)
                guard let path = pick(offers) else { return [] }
                var touched = [path]
                if Bool.random(using: &generator) {
                    touched += files(in: "content", suffix: ".md", excludingTranslations: false).filter { $0 != path && $0.hasPrefix(String(path.dropLast(3)) + ".") }
                }
                for file in touched {
                    breaking(file)
                    try FileManager.default.removeItem(at: root.appendingPathComponent(file))
                }
                return touched
            case 8:  // an error in the front matter
                guard let path = pick(offers) else { return [] }
                breaking(path)
                try write(path, read(path).replacingOccurrences(of: "title:", with: "titel:"))
                return [path]
            case 9:  // a template
                let path = "themes/standard/templates/offer.mustache"
                let text = read(path)
                let marker = "<!-- vorort-test -->"
                try write(path, text.contains(marker) ? text.replacingOccurrences(of: marker, with: "") : text + marker)
                return [path]
            case 10:  // theme words
                let path = "themes/standard/strings/de.yml"
                let text = read(path)
                try write(path, text.contains("Alle Angebote") ? text.replacingOccurrences(of: "Alle Angebote", with: "Sämtliche Angebote")
                                                                  : text.replacingOccurrences(of: "Sämtliche Angebote", with: "Alle Angebote"))
                return [path]
            case 11:  // the site's translated texts
                let path = "site.en.yml"
                try write(path, read(path).replacingOccurrences(of: "District", with: word))
                return [path]
            case 16:  // a wording finding allowed for one file, or no longer (the front matter changes, not the item)
                guard let path = pick(offers) else { return [] }
                let text = read(path)
                let line = "lintIgnore: [{rule: asylant, reason: Zitat}]\n"
                try write(path, text.contains(line) ? text.replacingOccurrences(of: line, with: "")
                                                    : "---\n" + line + text.dropFirst(4) + "\nAsylanten.\n")
                return [path]
            default:  // two edits at once
                return try edit() + edit()
            }
        }
    }

    /// Output files as bytes (copied files by their source), for comparison.
    static func contents(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(files.map { file in
            switch file.contents {
            case .data(let data): (file.path, data)
            case .copy(let url): (file.path, Data(("copy:" + url.standardizedFileURL.path).utf8) + ((try? Data(contentsOf: url)) ?? Data()))
            }
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test func randomEditsGiveWhatAFullBuildGives() throws {
        let environment = ProcessInfo.processInfo.environment
        let sequences = environment["VORORT_INCREMENTAL_SEQUENCES"].flatMap(Int.init) ?? 50
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        var site = try IncrementalSite(siteRoot: root)
        var mirror = Self.contents(Array(site.files.values))
        var editor = Editor(root: root, generator: Generator(state: environment["VORORT_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_126))
        var partial = 0, refused = 0
        for sequence in 0..<sequences {
            for step in 0..<2 {
                let touched = try editor.step()
                let update = try site.update(changed: touched)
                if !update.wasFull { partial += 1 }
                for file in update.changedFiles { mirror.merge(Self.contents([file])) { _, new in new } }
                for path in update.removedFiles { mirror[path] = nil }

                let full = Pipeline.check(siteRoot: root)
                let label = "sequence \(sequence) step \(step) (\(touched.joined(separator: ", ")))"
                #expect(update.findings == full.diagnostics, "\(label): findings differ")
                guard let checked = full.site else {
                    refused += 1
                    if environment["VORORT_DEBUG"] != nil { print("refused:", Set(full.diagnostics.filter { $0.severity == .error }.map { "\($0.rule) \($0.file)" })) }
                    continue
                }
                let expected = Self.contents(try Pipeline.render(checked))
                let differing = Set(expected.keys).symmetricDifference(mirror.keys).sorted()
                    + expected.filter { mirror[$0.key] != nil && mirror[$0.key] != $0.value }.map(\.key).sorted()
                #expect(differing.isEmpty, "\(label): \(differing.prefix(5))")
                if !differing.isEmpty { return }
            }
        }
        print("Incremental build: \(sequences * 2) steps, \(partial) rendered in part, \(refused) refused for an error")
        // The edits must exercise both ways: pages re-rendered in part, and sites refused for an error.
        #expect(partial > sequences / 4)
        #expect(refused > 0)
    }

    /// Events: edits of their title, date, status and text re-render only the pages that show them (`PageDependencies`),
    /// and those pages are what a full build on the same day gives.
    @Test func editedEventsGiveWhatAFullBuildGives() throws {
        let today = CalendarDate(year: 2026, month: 11, day: 26)!
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        var site = try IncrementalSite(siteRoot: root, today: today)
        var mirror = Self.contents(Array(site.files.values))
        let edits: [(path: String, from: String, to: String)] = [
            ("content/kreis/veranstaltungen/jobboerse.md", "title: Jobbörse für Zugewanderte", "title: Jobmesse für alle"),
            ("content/kreis/veranstaltungen/jobboerse.md", "start: 2027-04-22 10:00", "start: 2026-11-02 10:00"),
            ("content/gemeinden/weidental/veranstaltungen/fussballturnier.md", "reviewed: 2026-11-17", "status: abgesagt\nreviewed: 2026-11-17"),
            ("content/gemeinden/dornhagen/veranstaltungen/erzaehlcafe-winter.md", "Wer möchte,", "Wer mag,"),
            ("content/kreis/veranstaltungen/gesundheitstag.md", "contact: gesundheitsamt", "contact: gesundheitsamt\nforStaff: true"),
        ]
        var partial = 0
        for edit in edits {
            let url = root.appendingPathComponent(edit.path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(edit.from), "\(edit.path)")
            try Data(text.replacingOccurrences(of: edit.from, with: edit.to).utf8).write(to: url)
            let update = try site.update(changed: [edit.path])
            if !update.wasFull { partial += 1 }
            for file in update.changedFiles { mirror.merge(Self.contents([file])) { _, new in new } }
            for path in update.removedFiles { mirror[path] = nil }
            let full = try #require(Pipeline.check(siteRoot: root, today: today).site)
            let expected = Self.contents(try Pipeline.render(full))
            let differing = Set(expected.keys).symmetricDifference(mirror.keys).sorted()
                + expected.filter { mirror[$0.key] != nil && mirror[$0.key] != $0.value }.map(\.key).sorted()
            #expect(differing.isEmpty, "\(edit.to): \(differing.prefix(5))")
        }
        #expect(partial == edits.count, "every edit was rendered in part")
    }
}
