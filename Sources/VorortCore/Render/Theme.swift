import Foundation
import Mustache

/// A theme folder: Mustache templates in `templates/`, files copied as they are from `static/`.
public struct Theme: Sendable {
    public static let requiredTemplates = [
        "layout", "home", "district", "municipalities", "municipality", "offer", "contact-point", "story", "page",
        "offer-directory", "category", "contact-points", "stories", "not-found", "guideline",
    ]

    let library: MustacheLibrary
    /// Static files by path relative to `static/`, with their location on disk.
    let staticFiles: [(path: String, url: URL)]

    /// Loads and parses every template, reporting problems as findings of the template file.
    static func load(root: URL, name: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let themeFolder = "themes/\(name)"
        let templatesURL = root.appendingPathComponent(themeFolder).appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        let themeURL = root.appendingPathComponent("themes").appendingPathComponent(name)
        for folder in [root.appendingPathComponent("themes"), themeURL, templatesURL, themeURL.appendingPathComponent("static")]
        where SiteLoader.isSymbolicLink(folder) {
            diagnostics.append(Diagnostic(
                file: String(folder.path.dropFirst(root.path.count + 1)), location: .start, severity: .error, rule: "symlink",
                message: "Der Ordner ist ein symbolischer Link; vorort liest nichts außerhalb des Ordners der Website.",
                hint: "Lege das Theme selbst in `themes/`."))
            return (nil, diagnostics)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(
                file: "site.yml", location: .start, severity: .error, rule: "theme-missing",
                message: "Das Theme `\(name)` gibt es nicht: `\(themeFolder)/templates/` fehlt.",
                hint: "Nenne in `site.yml` unter `theme:` einen Ordner aus `themes/`, z. B. `standard`."))
            return (nil, diagnostics)
        }
        var library = MustacheLibrary()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: templatesURL.path)) ?? []).sorted()
        for fileName in names where fileName.hasSuffix(".mustache") {
            let templateName = String(fileName.dropLast(".mustache".count))
            let relative = "\(themeFolder)/templates/\(fileName)"
            var fileDiagnostics: [Diagnostic] = []
            guard let source = SiteLoader.readText(at: templatesURL.appendingPathComponent(fileName), relativePath: relative, into: &fileDiagnostics) else {
                diagnostics += fileDiagnostics
                continue
            }
            do {
                try library.register(source.text, named: templateName)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    file: relative, location: SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber),
                    severity: .error, rule: "template-syntax", message: "Fehler in der Vorlage: \(error.error)",
                    hint: "Prüfe, ob jede Mustache-Sektion `{{#…}}` mit `{{/…}}` geschlossen wird."))
            } catch {
                diagnostics.append(Diagnostic(
                    file: relative, location: .start, severity: .error, rule: "template-syntax",
                    message: "Fehler in der Vorlage: \(error)", hint: "Prüfe die Mustache-Syntax der Vorlage."))
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            if diagnostics.contains(where: { $0.file.hasSuffix("/\(required).mustache") }) { continue }
            diagnostics.append(Diagnostic(
                file: "\(themeFolder)/templates/\(required).mustache", location: .start, severity: .error, rule: "template-missing",
                message: "Dem Theme fehlt die Vorlage `\(required).mustache`.",
                hint: "Lege die Vorlage an; das Theme `standard` enthält alle nötigen Vorlagen."))
        }
        let staticURL = root.appendingPathComponent(themeFolder).appendingPathComponent("static")
        var files: [(String, URL)] = []
        if let enumerator = FileManager.default.enumerator(at: staticURL, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) {
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                guard values?.isRegularFile == true, values?.isSymbolicLink != true, !url.lastPathComponent.hasPrefix(".") else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(staticURL.standardizedFileURL.path.count + 1))
                files.append((relative, url))
            }
        }
        return (Theme(library: library, staticFiles: files.sorted { $0.0 < $1.0 }), diagnostics)
    }

    /// Renders a template; the required templates were checked at load time, so a miss is a programming error reported as such.
    func render(_ context: [String: Any], template: String) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw BuildError.internalError("Die Vorlage `\(template)` fehlt im Theme.")
        }
        return html
    }
}
