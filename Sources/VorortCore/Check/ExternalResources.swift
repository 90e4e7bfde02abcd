/// Data protection: nothing on a page may make the browser contact another host (a court held that loading
/// even a font from another server passes the visitor's address on unlawfully), and nothing may store data
/// in the browser. Checks the theme's templates and static files; content cannot do either, since raw HTML is
/// not published and pictures from other hosts are refused when links are checked.
enum ExternalResources {
    /// Attributes that load something, and CSS that does.
    private static let loadingAttributes = ["src=", "srcset=", "href=", "action=", "data=", "poster=", "formaction="]
    /// Browser storage and tracking APIs.
    private static let storageAPIs = ["document.cookie", "localStorage", "sessionStorage", "indexedDB", "navigator.sendBeacon"]

    /// Findings for one theme file (a template, style sheet or script) with its text.
    static func check(_ file: SourceFile) -> [Diagnostic] {
        let collector = DiagnosticCollector(file: file.path)
        for (index, line) in file.text.lines.enumerated() {
            let lower = line.lowercased()
            for api in storageAPIs where lower.contains(api.lowercased()) {
                collector.error("browser-storage", at: location(of: api.lowercased(), in: lower, line: index + 1),
                    "`\(api)` speichert Daten im Browser oder sendet sie weg; die Website setzt keine Cookies und speichert nichts.",
                    hint: "Entferne den Code; eine öffentliche Website der Verwaltung braucht dafür eine Einwilligung.")
            }
            for target in externalTargets(in: lower) {
                // `<a href>` to another site is an ordinary link, not a loaded resource.
                if target.isLink { continue }
                collector.error("external-resource", at: SourceLocation(line: index + 1, column: target.column, endColumn: target.column + target.length),
                    "Die Vorlage lädt `\(target.url)` von einem fremden Server; der Browser sendet dabei die Adresse der Besucherin oder des Besuchers dorthin.",
                    hint: "Lege Schriften, Skripte, Stile und Bilder in `static/` des Themes und verweise mit `{{assetsURL}}` darauf.")
            }
        }
        return collector.diagnostics
    }

    private static func location(of needle: String, in line: String, line number: Int) -> SourceLocation {
        guard let range = line.range(of: needle) else { return SourceLocation(line: number, column: 1) }
        let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
        return SourceLocation(line: number, column: column, endColumn: column + needle.unicodeScalars.count)
    }

    /// Marks links to other sites in rendered Markdown: a class for the arrow and words for screen readers,
    /// so readers know before they follow a link that they leave the district's site.
    /// Links into the site itself (below `baseURL`, by http or https) are not marked.
    /// `label` is the hidden note in the language of the text ("(externer Link)", "(external link)").
    static func markExternalLinks(_ html: String, baseURL: String? = nil, label: String = "(externer Link)") -> String {
        let own = baseURL.map { base in
            [base, base.replacingOccurrences(of: "https://", with: "http://"), base.replacingOccurrences(of: "http://", with: "https://")]
        } ?? []
        guard html.contains("<a href=\"http") else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<a href=\"") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard afterOpen.hasPrefix("http://") || afterOpen.hasPrefix("https://"), !own.contains(where: { afterOpen.hasPrefix($0) }),
                let close = afterOpen.range(of: "</a>")
            else {
                out += rest[open]
                rest = afterOpen
                continue
            }
            out += "<a class=\"extern\" href=\"" + afterOpen[..<close.lowerBound] + "<span class=\"visually-hidden\"> \(XML.escape(label))</span></a>"
            rest = afterOpen[close.upperBound...]
        }
        return out + rest
    }

    struct Target {
        var url: String
        var column: Int
        var length: Int
        var isLink: Bool
    }

    /// `http://`, `https://` and protocol-relative `//` addresses in loading attributes and in CSS `url(…)`/`@import`.
    static func externalTargets(in line: String) -> [Target] {
        var targets: [Target] = []
        let scalars = Array(line.unicodeScalars)
        let text = String(String.UnicodeScalarView(scalars))
        func isExternal(_ value: Substring) -> Bool {
            value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("//")
        }
        // Attribute values.
        for attribute in loadingAttributes {
            var searchStart = text.startIndex
            while let found = text.range(of: attribute, range: searchStart..<text.endIndex) {
                searchStart = found.upperBound
                guard found.lowerBound == text.startIndex || text[text.index(before: found.lowerBound)] == " " else { continue }
                var valueStart = found.upperBound
                if valueStart < text.endIndex, text[valueStart] == "\"" || text[valueStart] == "'" { valueStart = text.index(after: valueStart) }
                let value = text[valueStart...].prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != ">" }
                guard isExternal(value) else { continue }
                // An `href` on `<a>` is a link the reader chooses to follow; on `<link>` it loads a resource.
                let before = text[..<found.lowerBound]
                let tagStart = before.lastIndex(of: "<").map { text[$0...] } ?? ""
                let isLink = attribute == "href=" && tagStart.hasPrefix("<a ")
                targets.append(Target(url: String(value), column: text.unicodeScalars[..<valueStart].count + 1,
                                      length: value.unicodeScalars.count, isLink: isLink))
            }
        }
        // CSS: url(…) and @import.
        for marker in ["url(", "@import "] {
            var searchStart = text.startIndex
            while let found = text.range(of: marker, range: searchStart..<text.endIndex) {
                searchStart = found.upperBound
                let value = text[found.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                    .prefix { $0 != "\"" && $0 != "'" && $0 != ")" && $0 != " " && $0 != ";" }
                guard isExternal(value) else { continue }
                targets.append(Target(url: String(value), column: text.unicodeScalars[..<value.startIndex].count + 1,
                                      length: value.unicodeScalars.count, isLink: false))
            }
        }
        return targets
    }
}

import Foundation
