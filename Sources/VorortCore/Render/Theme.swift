import Foundation
import Mustache

/// A theme folder: Mustache templates in `templates/`, files copied as they are from `static/`, the words of each
/// language in `strings/`, and small SVG symbols in `icons/` that pages write into their HTML (`icons/<slug>.svg`
/// for a category, `icons/default.svg` for every category without its own).
public struct Theme: Sendable {
    /// The layout and the template of every page kind: a theme copied before a page kind was added gets a finding
    /// for the missing template, not a failed render.
    public static let requiredTemplates = ["layout"] + SiteRenderer.pageDataTypes.map { $0.template }

    /// The templates per language, with the theme's plain words put in (see `localised`), for swift-mustache, which
    /// renders a theme that uses what vorort's engine does not do: only for the languages whose templates the engine
    /// cannot read (swift-mustache reads every template once anyway; its errors are the theme's syntax findings).
    let libraries: [String: MustacheLibrary]
    /// The same templates as text, which the tests also render with swift-mustache to compare both engines.
    let localisedSources: [String: [String: String]]
    /// The same templates for vorort's engine (`TemplateRendering`), which renders the pages when it can read the theme.
    let engines: [String: TemplateLibrary]
    /// The theme's own words by language code, gaps of translations filled with the site language's words.
    let strings: [String: ThemeStrings]
    /// Static files by path relative to `static/`, with their location on disk.
    let staticFiles: [(path: String, url: URL)]
    /// The SVG symbols of `icons/` by name (the file name without `.svg`), as they are written into pages.
    let icons: [String: String]

    /// The symbol for a category: its own, else the theme's `default`, else none.
    func icon(for slug: String) -> String? { icons[slug] ?? icons["default"] }

    /// Loads and parses every template, reporting problems as findings of the template file.
    static func load(root: URL, name: String, site: Language, translations: [Language] = []) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let themeFolder = "themes/\(name)"
        let templatesURL = root.appendingPathComponent(themeFolder).appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        let themeURL = root.appendingPathComponent("themes").appendingPathComponent(name)
        for folder in [root.appendingPathComponent("themes"), themeURL, templatesURL, themeURL.appendingPathComponent("static"),
                       themeURL.appendingPathComponent("strings")]
        where SiteLoader.isSymbolicLink(folder) {
            diagnostics.append(Diagnostic(
                file: String(folder.path.dropFirst(root.path.count + 1)), location: .start, severity: .error, rule: "symlink",
                message: "Der Ordner ist ein symbolischer Link; vorort liest nichts außerhalb des Ordners der Website.",
                hint: "Legen Sie das Theme selbst in `themes/`."))
            return (nil, diagnostics)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(
                file: "site.yml", location: .start, severity: .error, rule: "theme-missing",
                message: "Das Theme `\(name)` gibt es nicht: `\(themeFolder)/templates/` fehlt.",
                hint: "Nennen Sie in `site.yml` unter `theme:` einen Ordner aus `themes/`, z. B. `standard`."))
            return (nil, diagnostics)
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: templatesURL.path).sorted()
        } catch {
            diagnostics.append(SiteLoader.unlistable("\(themeFolder)/templates"))
            names = []
        }
        for fileName in names where fileName.hasSuffix(".mustache") {
            let templateName = String(fileName.dropLast(".mustache".count))
            let relative = "\(themeFolder)/templates/\(fileName)"
            var fileDiagnostics: [Diagnostic] = []
            guard let source = SiteLoader.readText(at: templatesURL.appendingPathComponent(fileName), relativePath: relative, into: &fileDiagnostics) else {
                diagnostics += fileDiagnostics
                continue
            }
            sources[templateName] = source.text
            diagnostics += ExternalResources.check(source)
            do {
                try library.register(source.text, named: templateName)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    file: relative, location: SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber),
                    severity: .error, rule: "template-syntax", message: "Fehler in der Vorlage: \(error.error)",
                    hint: "Prüfen Sie, ob jede Mustache-Sektion `{{#…}}` mit `{{/…}}` geschlossen wird."))
            } catch {
                diagnostics.append(Diagnostic(
                    file: relative, location: .start, severity: .error, rule: "template-syntax",
                    message: "Fehler in der Vorlage: \(error)", hint: "Prüfen Sie die Mustache-Syntax der Vorlage."))
            }
        }
        diagnostics += cycles(in: sources, folder: "\(themeFolder)/templates")
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            if diagnostics.contains(where: { $0.file.hasSuffix("/\(required).mustache") }) { continue }
            diagnostics.append(Diagnostic(
                file: "\(themeFolder)/templates/\(required).mustache", location: .start, severity: .error, rule: "template-missing",
                message: "Dem Theme fehlt die Vorlage `\(required).mustache`.",
                hint: "Legen Sie die Vorlage an; das Theme `standard` enthält alle nötigen Vorlagen."))
        }
        let staticURL = root.appendingPathComponent(themeFolder).appendingPathComponent("static")
        var files: [(String, URL)] = []
        // A folder that cannot be listed would silently drop the style sheet from the next site: a finding instead.
        var unlistable: [String] = []
        let enumerator = FileManager.default.enumerator(at: staticURL, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) { url, _ in
            unlistable.append(url.path)
            return true
        }
        if let enumerator {
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                let relative = String(url.standardizedFileURL.path.dropFirst(staticURL.standardizedFileURL.path.count + 1))
                if values?.isSymbolicLink == true {
                    diagnostics.append(Diagnostic(
                        file: "\(themeFolder)/static/\(relative)", location: .start, severity: .error, rule: "symlink",
                        message: "Symbolische Links werden nicht gelesen.",
                        hint: "Legen Sie die Datei selbst an diese Stelle, keinen Link auf sie."))
                    continue
                }
                guard values?.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") else { continue }
                files.append((relative, url))
                // Style sheets and scripts may load from other hosts or store data in the browser too.
                if ["css", "js", "mjs", "html", "htm", "svg"].contains(url.pathExtension.lowercased()) {
                    var readDiagnostics: [Diagnostic] = []
                    if let text = SiteLoader.readText(at: url, relativePath: "\(themeFolder)/static/\(relative)", into: &readDiagnostics) {
                        diagnostics += ExternalResources.check(text)
                    }
                    diagnostics += readDiagnostics
                }
            }
        }
        for path in unlistable where path != staticURL.path || FileManager.default.fileExists(atPath: path) {
            let relative = path.hasPrefix(root.standardizedFileURL.path + "/") ? String(path.dropFirst(root.standardizedFileURL.path.count + 1)) : path
            diagnostics.append(SiteLoader.unlistable(relative))
        }
        let icons = loadIcons(themeURL.appendingPathComponent("icons"), folder: "\(themeFolder)/icons", into: &diagnostics)
        let strings = ThemeStrings.load(folder: themeURL.appendingPathComponent("strings"), themeFolder: themeFolder,
                                        site: site, translations: translations)
        diagnostics += strings.diagnostics
        if let words = strings.strings[site.code] {
            diagnostics += unknownWords(in: sources, words: words, folder: "\(themeFolder)/templates", stringsFile: "\(themeFolder)/strings/\(site.code).yml")
        }
        // Keys are only checked in templates the engine could read; syntax errors are reported above.
        if !diagnostics.contains(where: { $0.rule == "template-syntax" && $0.file.hasPrefix("\(themeFolder)/templates/") }) {
            diagnostics += TemplateKeyCheck.check(
                sources: sources, pages: SiteRenderer.pageDataTypes.map { ($0.template, $0.pageKeys) },
                folder: "\(themeFolder)/templates", words: placeholders(strings.strings, site: site, themeFolder: themeFolder))
        }
        var libraries: [String: MustacheLibrary] = [:]
        var engines: [String: TemplateLibrary] = [:]
        var localisedSources: [String: [String: String]] = [:]
        if !diagnostics.hasErrors {
            for (code, words) in strings.strings {
                let sources = localised(sources, words: words)
                localisedSources[code] = sources
                engines[code] = TemplateLibrary(sources: sources)
                if engines[code] == nil { libraries[code] = mustacheLibrary(sources) }
            }
        }
        return (Theme(libraries: libraries, localisedSources: localisedSources, engines: engines, strings: strings.strings,
                      staticFiles: files.sorted { $0.0 < $1.0 }, icons: icons),
                diagnostics)
    }

    /// swift-mustache's library of `sources` (already read once without errors).
    static func mustacheLibrary(_ sources: [String: String]) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources { try? library.register(source, named: name) }
        return library
    }

    /// The SVG symbols of the theme's `icons/` folder (which may be missing: tiles then have no symbol). Each is
    /// written into every page that shows it, so it must be one `<svg>` element and load nothing from anywhere.
    static func loadIcons(_ url: URL, folder: String, into diagnostics: inout [Diagnostic]) -> [String: String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        if SiteLoader.isSymbolicLink(url) {
            diagnostics.append(Diagnostic(
                file: folder, location: .start, severity: .error, rule: "symlink",
                message: "Der Ordner ist ein symbolischer Link; vorort liest nichts außerhalb des Ordners der Website.",
                hint: "Legen Sie die Symbole selbst in `\(folder)/`."))
            return [:]
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            diagnostics.append(SiteLoader.unlistable(folder))
            return [:]
        }
        var icons: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".svg") && !name.hasPrefix(".") {
            let relative = "\(folder)/\(name)"
            var fileDiagnostics: [Diagnostic] = []
            guard let source = SiteLoader.readText(at: url.appendingPathComponent(name), relativePath: relative, into: &fileDiagnostics) else {
                diagnostics += fileDiagnostics
                continue
            }
            diagnostics += fileDiagnostics + ExternalResources.check(source)
            let text = source.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let lower = text.lowercased()
            // Scripts in a symbol would run on every page that shows it (the Content-Security-Policy would stop
            // them in the browser, but the page would still carry them).
            guard lower.hasPrefix("<svg"), lower.hasSuffix("</svg>"), !lower.contains("<script"), !lower.contains("<!doctype"),
                  !lower.contains("<?xml") else {
                diagnostics.append(Diagnostic(
                    file: relative, location: .start, severity: .error, rule: "template-syntax",
                    message: "Das Symbol ist kein einzelnes SVG-Element; es wird in jede Seite geschrieben, die es zeigt.",
                    hint: "Die Datei beginnt mit `<svg` und endet mit `</svg>`, ohne XML-Kopfzeile, DOCTYPE und Skript."))
                continue
            }
            icons[String(name.dropLast(".svg".count))] = text
        }
        return icons
    }

    /// Names a template includes or extends: `{{> partial}}` and `{{< parent}}`.
    static func references(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let marker = rest.first, marker == ">" || marker == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmed
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// A template that includes itself, directly or through others, would recurse until the stack overflows
    /// while rendering; such cycles are findings at load time.
    static func cycles(in sources: [String: String], folder: String) -> [Diagnostic] {
        let graph = sources.mapValues(references)
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        func visit(_ name: String, path: [String]) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = path[(path.firstIndex(of: name) ?? 0)...] + [name]
                if reported.insert(name).inserted {
                    diagnostics.append(Diagnostic(
                        file: "\(folder)/\(name).mustache", location: .start, severity: .error, rule: "template-syntax",
                        message: "Die Vorlagen binden sich im Kreis ein: \(cycle.joined(separator: " → ")).",
                        hint: "Eine Vorlage darf sich weder selbst noch über andere Vorlagen wieder einbinden."))
                }
                return
            }
            state[name] = 1
            for next in graph[name] ?? [] where graph[next] != nil { visit(next, path: path + [name]) }
            state[name] = 2
        }
        for name in graph.keys.sorted() { visit(name, path: []) }
        return diagnostics
    }

    /// A `{{t.key}}` tag in a template: where it stands and which word it asks for.
    struct WordTag {
        var range: Range<String.Index>
        var key: String
        /// `{{{t.key}}}` asks for the word unescaped.
        var isTriple: Bool
    }

    /// Every `{{t.key}}` (spaces inside the braces allowed, as the template engine allows them) in a template.
    static func wordTags(in source: String) -> [WordTag] {
        var tags: [WordTag] = []
        var rest = source[...]
        while let open = rest.firstRange(of: "{{") {
            rest = rest[open.upperBound...]
            let isTriple = rest.first == "{"
            var name = rest.dropFirst(isTriple ? 1 : 0)
            name = name.drop { $0 == " " }
            guard name.hasPrefix("t."), let close = name.firstRange(of: "}}") else { continue }
            let key = String(name[name.index(name.startIndex, offsetBy: 2)..<close.lowerBound]).trimmed
            guard !key.isEmpty, !key.contains(where: { $0 == "{" || $0 == "}" || $0.isWhitespace }) else { continue }
            let end = isTriple && name[close.upperBound...].first == "}" ? name.index(after: close.upperBound) : close.upperBound
            tags.append(WordTag(range: open.lowerBound..<end, key: key, isTriple: isTriple))
            rest = source[end...]
        }
        return tags
    }

    /// The templates with every `{{t.key}}` whose word has no placeholder replaced by the word, HTML-escaped, once per
    /// language: looking the words up while rendering cost a third of the render time.
    static func localised(_ sources: [String: String], words: ThemeStrings) -> [String: String] {
        HTMLEscaping.registered
        var localised: [String: String] = [:]
        for (name, source) in sources {
            var out = ""
            var done = source.startIndex
            // `{{{t.key}}}` asks for the unescaped word: left to the template engine.
            for tag in wordTags(in: source) where !tag.isTriple {
                guard let word = words.plainText(tag.key) else { continue }
                out += source[done..<tag.range.lowerBound]
                out += XML.escape(word)
                done = tag.range.upperBound
            }
            out += source[done...]
            localised[name] = HTMLEscaping.pragma + out
        }
        return localised
    }

    /// A `{{t.key}}` without an entry in the strings file would render as nothing: reported at its line.
    static func unknownWords(in sources: [String: String], words: ThemeStrings, folder: String, stringsFile: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in wordTags(in: source) where !words.keys.contains(tag.key) {
                let before = source[..<tag.range.lowerBound]
                let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
                let location = SourceLocation(line: before.utf8.filter { $0 == 0x0A }.count + 1,
                                              column: source.distance(from: lineStart, to: tag.range.lowerBound) + 1)
                diagnostics.append(Diagnostic(
                    file: "\(folder)/\(name).mustache", location: location, severity: .error,
                    rule: "template-syntax", message: "Das Wort `t.\(tag.key)` gibt es in `\(stringsFile)` nicht; an seiner Stelle stünde nichts.",
                    hint: "Prüfen Sie die Schreibweise oder ergänzen Sie `\(tag.key): …` in `\(stringsFile)` und den Dateien der anderen Sprachen."))
            }
        }
        return diagnostics
    }

    /// The placeholders of the words that have some, by strings file: the site language's words, and a translation's
    /// where it differs from them (its gaps are filled with the site language's words).
    static func placeholders(_ strings: [String: ThemeStrings], site: Language, themeFolder: String)
        -> [(file: String, placeholders: [String: [String]])]
    {
        let base = strings[site.code]?.wordsWithPlaceholders ?? [:]
        return ([site.code] + strings.keys.filter { $0 != site.code }.sorted()).map { code in
            let own = (strings[code]?.wordsWithPlaceholders ?? [:]).filter { code == site.code || base[$0.key] != $0.value }
            return ("\(themeFolder)/strings/\(code).yml", own.mapValues { text in
                TemplateKeyCheck.parse(text).compactMap { node in
                    if case .variable(let name, _, _) = node { name } else { nil }
                }
            })
        }
    }

    /// Renders a template in a language; the required templates were checked at load time, so a miss is a
    /// programming error reported as such.
    func render(_ context: some TemplateScope & MustacheParent, template: String, language: String) throws -> String {
        switch try rendered(context, template: template, language: language) {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .text(let text): text
        }
    }

    /// The page as the bytes of its file.
    func renderData(_ context: some TemplateScope & MustacheParent, template: String, language: String) throws -> Data {
        switch try rendered(context, template: template, language: language) {
        case .bytes(let bytes): Data(bytes)
        case .text(let text): Data(text.utf8)
        }
    }

    /// What vorort's engine writes (bytes) or, for a theme it cannot read, swift-mustache (a String).
    private enum Rendered {
        case bytes([UInt8])
        case text(String)
    }

    private func rendered(_ context: some TemplateScope & MustacheParent, template: String, language: String) throws -> Rendered {
        guard let engine = engines[language] else { return .text(try renderWithMustache(context, template: template, language: language)) }
        guard let bytes = engine.renderBytes(context, template: template) else {
            throw BuildError.internalError("Die Vorlage `\(template)` fehlt im Theme (Sprache `\(language)`).")
        }
        return .bytes(bytes)
    }

    /// The same page rendered by swift-mustache: for themes vorort's engine cannot read, and for the tests that
    /// compare both engines.
    func renderWithMustache(_ context: some MustacheParent, template: String, language: String) throws -> String {
        let library = libraries[language] ?? localisedSources[language].map(Theme.mustacheLibrary)
        guard let html = library?.render(context, withTemplate: template) else {
            throw BuildError.internalError("Die Vorlage `\(template)` fehlt im Theme (Sprache `\(language)`).")
        }
        return html
    }
}
