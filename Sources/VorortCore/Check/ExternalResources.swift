/// Data protection: nothing on a page may make the browser contact another host (a court held that loading
/// even a font from another server passes the visitor's address on unlawfully), and nothing may store data
/// in the browser. Checks the theme's templates and static files; content cannot do either, since raw HTML is
/// not published and pictures from other hosts are refused when links are checked.
///
/// Markup is read by `HTMLLoadingAttributes` (with `HTMLAttributeScanner`), style sheets by `CSSURLScanner`,
/// scripts by `ScriptURLScanner`; `ExternalURL` decides what is external. What a script puts together at run
/// time no check can see: the standard theme's Content-Security-Policy stops it in the browser.
enum ExternalResources {
    /// Browser storage and tracking APIs.
    private static let storageAPIs = ["document.cookie", "localStorage", "sessionStorage", "indexedDB", "navigator.sendBeacon"]

    /// What a theme file is, by its extension, and so how it is read.
    enum FileKind {
        case template, markup, svg, styleSheet, script

        init(path: String) {
            switch path.split(separator: ".").last.map({ $0.lowercased() }) {
            case "mustache": self = .template
            case "svg": self = .svg
            case "css": self = .styleSheet
            case "js", "mjs": self = .script
            default: self = .markup
            }
        }
    }

    /// Findings for one theme file (a template, style sheet, script, SVG or HTML file) with its text.
    static func check(_ file: SourceFile) -> [Diagnostic] {
        let collector = DiagnosticCollector(file: file.path)
        // Searched in the whole file's bytes first, and line by line only for what it holds: Foundation's search on
        // every line of every theme file cost 1 % of building a small district.
        let lowerText = Array(file.text.lowercased().utf8)
        let present = storageAPIs.filter { ByteSearch.firstIndex(of: Array($0.lowercased().utf8), in: lowerText) != nil }
        for (index, line) in (present.isEmpty ? [] : file.text.lines).enumerated() {
            let lower = line.lowercased()
            for api in present where lower.contains(api.lowercased()) {
                collector.error("browser-storage", at: location(of: api.lowercased(), in: lower, line: index + 1),
                    "`\(api)` speichert Daten im Browser oder sendet sie weg; die Website setzt keine Cookies und speichert nichts.",
                    hint: "Entfernen Sie den Code; eine öffentliche Website der Verwaltung braucht dafür eine Einwilligung.")
            }
        }
        let scalars = Array(file.text.unicodeScalars)
        let kind = FileKind(path: file.path)
        let findings = ResourceFindings(collector: collector, lines: SourceLines(scalars), fileKind: kind)
        let text = ScannedText(scalars)
        switch kind {
        case .styleSheet: findings.checkCSS(text, mustache: false)
        case .script: findings.checkScript(text, mustache: false)
        case .template, .markup, .svg:
            HTMLLoadingAttributes(findings: findings, dialect: kind == .svg ? .xml : .html, mustache: kind == .template).check(text)
        }
        return collector.diagnostics
    }

    private static func location(of needle: String, in line: String, line number: Int) -> SourceLocation {
        guard let range = line.range(of: needle) else { return SourceLocation(line: number, column: 1) }
        let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
        return SourceLocation(line: number, column: column, endColumn: column + needle.unicodeScalars.count)
    }
}

import Foundation
