import Foundation
import Testing
@testable import VorortCore

/// Walks every declared content type through parse → lint → links → render → translation with the type's own
/// example file, so a type whose declaration is incomplete (or a stage that forgets to read the declarations)
/// fails here instead of publishing an empty body or dropping a translation.
@Suite("Content type declarations")
struct ContentTypeDeclarationTests {
    static let types = ContentTypes.all.map(ContentTypeID.init)

    /// Where the walk-through puts the example of a type in the minimal site.
    static func path(for type: any ContentItem.Type) -> String {
        switch type.placement {
        case .districtIndex: "content/kreis/index.md"
        case .municipalityIndex: "content/gemeinden/neu/index.md"
        case .ownedItems(let folder): "content/gemeinden/dorf/\(folder)/beispiel.md"
        case .sitePages(let folder): "content/\(folder)/beispiel.md"
        case .ownerData(let file): "content/gemeinden/dorf/\(file)"
        }
    }

    /// The minimal site with the example of `type` in its place (and the contact point the offer example names).
    static func site(with type: any ContentItem.Type, text: String? = nil, extra: [String: String] = [:]) throws -> URL {
        var files = extra
        // Named apart from the examples of offers and contact points: the same title twice in one municipality is a
        // finding (`duplicate-name`).
        files["content/gemeinden/dorf/anlaufstellen/integrationsbuero.md"] = ContactPoint.example
            .replacingOccurrences(of: "name: Integrationsbüro", with: "name: Integrationsbüro im Rathaus")
        files["content/gemeinden/dorf/angebote/sprachcafe.md"] = TestSupport.minimalFiles["content/gemeinden/dorf/angebote/sprachcafe.md"]!
            .replacingOccurrences(of: "title: Sprachcafé", with: "title: Sprachcafé am Montag")
        files[path(for: type)] = text ?? type.example
        return try TestSupport.minimalSite(extra: files)
    }

    /// The example with the front-matter line of `key` replaced (or added when the example has none).
    static func example(of type: any ContentItem.Type, setting key: String, to value: String, in text: String? = nil) -> String {
        var lines = (text ?? type.example).components(separatedBy: "\n")
        let isMarkdown = type.placement.isMarkdown
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[index] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: isMarkdown ? 1 : 0)
        }
        return lines.joined(separator: "\n")
    }

    static func text(_ file: OutputFile) -> String {
        if case .data(let data) = file.contents { return String(decoding: data, as: UTF8.self) }
        return ""
    }

    /// The example without the line of `key` and the indented lines of its value.
    static func example(of type: any ContentItem.Type, removing key: String, in text: String? = nil) -> String {
        var lines: [String] = []
        var inValue = false
        for line in (text ?? type.example).components(separatedBy: "\n") {
            if line.hasPrefix(key + ":") { inValue = true; continue }
            if inValue, line.hasPrefix(" ") { continue }
            inValue = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func line(of key: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(key + ":") }.map { $0 + 1 }
    }

    @Test("the example parses without any finding and becomes an item", arguments: types)
    func exampleParsesClean(_ id: ContentTypeID) throws {
        let type = id.type
        let root = try Self.site(with: type)
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.file):\($0.location.line) \($0.rule) \($0.message)" })")
        let site = try #require(report.site)
        #expect(site.content.items(of: type).contains { $0.origin.file == Self.path(for: type) })
    }

    @Test("parsing reads every declared key and only those", arguments: types)
    func schemaIsWhatParsingReads(_ id: ContentTypeID) throws {
        let type = id.type
        for field in type.schema where field.translation != .translationOnly {
            // A key the parser never asks for is reported as unknown; areas are only allowed for the district.
            guard field.key != "areas" else { continue }
            guard Self.line(of: field.key, in: type.example) == nil else { continue }
            let root = try Self.site(with: type, text: Self.example(of: type, setting: field.key, to: field.example))
            defer { TestSupport.cleanUp(root) }
            let unknown = TestSupport.check(root).findings("unknown-key").filter { $0.file == Self.path(for: type) }
            #expect(unknown.isEmpty, "\(type.displayName): `\(field.key)` is declared but not read: \(unknown.map(\.message))")
        }
        for field in type.schema where field.required {
            let text = Self.example(of: type, removing: field.key)
            let root = try Self.site(with: type, text: text)
            defer { TestSupport.cleanUp(root) }
            let missing = TestSupport.check(root).findings("missing-field").filter { $0.file == Self.path(for: type) }
            #expect(missing.contains { $0.message.contains(field.key) }, "\(type.displayName): required `\(field.key)` missing gives no finding")
        }
        let root = try Self.site(with: type, text: Self.example(of: type, setting: "zzzunbekannt", to: "x"))
        defer { TestSupport.cleanUp(root) }
        #expect(!TestSupport.check(root).findings("unknown-key").isEmpty)
    }

    @Test("every linted key and the body are read by the wording lint", arguments: types)
    func lintReadsDeclaredFields(_ id: ContentTypeID) throws {
        let type = id.type
        for field in type.schema where field.linted && field.translation != .translationOnly {
            let value = field.kind == .textList ? "[Asylanten]" : "Hilfe für Asylanten"
            let text = Self.example(of: type, setting: field.key, to: value)
            let root = try Self.site(with: type, text: text)
            defer { TestSupport.cleanUp(root) }
            let found = TestSupport.check(root).findings("asylant").filter { $0.file == Self.path(for: type) }
            #expect(found.contains { $0.location.line == Self.line(of: field.key, in: text) }, "\(type.displayName): `\(field.key)` is not linted")
        }
        guard type.placement.isMarkdown else { return }
        let root = try Self.site(with: type, text: type.example + "\nEin Heim für Asylanten.\n")
        defer { TestSupport.cleanUp(root) }
        #expect(!TestSupport.check(root).findings("asylant").filter { $0.file == Self.path(for: type) }.isEmpty, "\(type.displayName): body not linted")
    }

    @Test("links in the body are checked", arguments: types.filter { $0.type.placement.isMarkdown })
    func bodyLinksAreChecked(_ id: ContentTypeID) throws {
        let type = id.type
        let root = try Self.site(with: type, text: type.example + "\n[Weiter](gibt-es-nicht.md)\n")
        defer { TestSupport.cleanUp(root) }
        let broken = TestSupport.check(root).findings("broken-link").filter { $0.file == Self.path(for: type) }
        #expect(broken.count == 1, "\(type.displayName): a link to a missing file is not reported")
    }

    @Test("the page renders with its text, in German and in a translation", arguments: types.filter { $0.type.template != nil })
    func pageAndTranslationRender(_ id: ContentTypeID) throws {
        let type = id.type
        let path = Self.path(for: type)
        let translationPath = String(path.dropLast(3)) + ".en.md"
        // The translation carries every translatable key with a recognisable value, and a body.
        var translation = "---\n"
        for field in type.schema {
            switch field.translation {
            case .text, .translationOnly: translation += "\(field.key): EN \(field.key)\n"
            case .list: translation += "\(field.key): [EN \(field.key)]\n"
            case .none: break
            }
        }
        translation += "reviewed: 2026-11-21\n---\nEnglish body text.\n"
        let siteYML = TestSupport.minimalFiles["site.yml"]! + "languages:\n  - code: en\n    name: English\n"
        let root = try Self.site(with: type, extra: ["site.yml": siteYML, translationPath: translation])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics.map(\.message))")
        let site = try #require(report.site)
        let item = try #require(site.content.items(of: type).first { $0.origin.file == path })
        let route = try #require(item.textRoute, "\(type.displayName) has a template but no route")
        #expect(site.content.translations[path]?["en"] != nil, "\(type.displayName): translation dropped")

        let german = Self.text(try #require(try Pipeline.renderPage(site, route: route)))
        let firstBodyLine = type.example.components(separatedBy: "\n").last { !$0.isEmpty }!
        #expect(german.contains(firstBodyLine), "\(type.displayName): body missing on its page")
        let english = Self.text(try #require(try Pipeline.renderPage(site, route: route, language: "en")))
        #expect(english.contains("English body text."), "\(type.displayName): translated body missing")
        for field in type.schema where field.translation != .none && field.key != "imageAlt" {
            if case .text(required: true) = field.translation {
                #expect(english.contains("EN \(field.key)"), "\(type.displayName): translated `\(field.key)` not on the English page")
            }
        }
    }
}
