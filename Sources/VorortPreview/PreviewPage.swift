import Foundation
import VorortCore

/// Turns a page of the site into its preview: a bar that names the content file to edit and switches the wording
/// marks, the findings over the last good render while the site has errors, the marks themselves, and the script
/// that reloads the page when it changes. Only the preview gets these; the published site never does.
struct PreviewPage {
    /// A word the wording lint found, with what the finding says about it.
    struct Mark: Equatable {
        var text: String
        var rule: String
        var message: String
        var hint: String
    }

    var outputPath: String
    var generation: Int
    var sourceFile: String?
    /// Findings with severity error: the site is not published until they are fixed.
    var errors: [Diagnostic]
    var marks: [Mark]
    /// Whether the marks are shown (`?sprachhinweise=an`).
    var marksShown: Bool

    static let marksParameter = "sprachhinweise"

    func decorate(_ html: String) -> String {
        var page = html
        if let head = page.range(of: "</head>") {
            page.insert(contentsOf: "<link rel=\"stylesheet\" href=\"/__vorort/vorschau.css\">\n", at: head.lowerBound)
        }
        if let body = page.range(of: "<body"), let end = page.range(of: ">", range: body.upperBound..<page.endIndex) {
            page.insert(contentsOf: "\n" + bar() + overlay(), at: end.upperBound)
        }
        if marksShown { page = Self.mark(marks, in: page) }
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: "<script src=\"/__vorort/live.js\" data-seite=\"\(Self.escape(outputPath))\" data-stand=\"\(generation)\" defer></script>\n",
                        at: end.lowerBound)
        }
        return page
    }

    private func bar() -> String {
        var parts = ["<strong>Vorschau</strong>"]
        if let sourceFile {
            parts.append("Bearbeiten: <a href=\"/__vorort/quelle?datei=\(Self.escape(Self.queryValue(sourceFile)))\"><code>\(Self.escape(sourceFile))</code></a>")
        }
        if !marks.isEmpty || marksShown {
            let count = marks.count == 1 ? "1 Sprachhinweis" : "\(marks.count) Sprachhinweise"
            parts.append(marksShown
                ? "<a href=\"?\(Self.marksParameter)=aus\">Sprachhinweise ausblenden</a> (\(count))"
                : "<a href=\"?\(Self.marksParameter)=an\">Sprachhinweise anzeigen</a> (\(count))")
        }
        return "<div class=\"vorort-vorschau\" role=\"region\" aria-label=\"Vorschau\"><p>\(parts.joined(separator: " · "))</p></div>\n"
    }

    private func overlay() -> String {
        guard !errors.isEmpty else { return "" }
        let title = errors.count == 1 ? "Die Website hat 1 Fehler" : "Die Website hat \(errors.count) Fehler"
        var out = "<section class=\"vorort-fehler\" role=\"alert\" aria-labelledby=\"vorort-fehler-titel\">\n"
        out += "<p id=\"vorort-fehler-titel\" class=\"vorort-fehler-titel\"><strong>\(title).</strong> Veröffentlicht wird erst, wenn er behoben ist; darunter steht der letzte fehlerfreie Stand. Die Seite lädt neu, sobald Sie die Datei speichern.</p>\n<ol>\n"
        for finding in errors.prefix(50) {
            out += "<li><code>\(Self.escape("\(finding.file):\(finding.location.line):\(finding.location.column)"))</code> "
                + "\(Self.escape(finding.message)) <span class=\"vorort-regel\">[\(Self.escape(finding.rule))]</span>"
                + (finding.hint.isEmpty ? "" : "<br><span class=\"vorort-tipp\">\(Self.escape(finding.hint))</span>") + "</li>\n"
        }
        if errors.count > 50 { out += "<li>… und \(errors.count - 50) weitere (alle im Terminal)</li>\n" }
        return out + "</ol>\n</section>\n"
    }

    /// Wraps the first occurrence of each marked word in `<main>` (in text, not inside a tag) in a focusable `<mark>`
    /// whose explanation appears on hover and focus and is its accessible description. Places are found in the
    /// page as rendered, so nothing inserted is searched again.
    static func mark(_ marks: [Mark], in html: String) -> String {
        guard let mainStart = html.range(of: "<main"), let mainEnd = html.range(of: "</main>", range: mainStart.upperBound..<html.endIndex)
        else { return html }
        let main = html[mainStart.lowerBound..<mainEnd.lowerBound]
        var places: [(range: Range<String.Index>, mark: Mark)] = []
        var taken = Set<String>()
        for mark in marks where taken.insert(mark.text).inserted {
            var from = main.startIndex
            while let found = main.range(of: escape(mark.text), range: from..<main.endIndex) {
                let before = main[main.startIndex..<found.lowerBound]
                let insideTag = before.lastIndex(of: "<").map { open in before.lastIndex(of: ">").map { $0 < open } ?? true } ?? false
                if !insideTag, !places.contains(where: { $0.range.overlaps(found) }) {
                    places.append((found, mark))
                    break
                }
                from = found.upperBound
            }
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = String(html[..<mainStart.lowerBound])
        var position = main.startIndex
        for (number, place) in places.enumerated() {
            let id = "vorort-hinweis-\(number + 1)"
            out += main[position..<place.range.lowerBound]
            out += "<mark class=\"vorort-hinweis\" tabindex=\"0\" aria-describedby=\"\(id)\">\(main[place.range])</mark>"
            out += "<span class=\"vorort-hinweis-text\" role=\"tooltip\" id=\"\(id)\">\(escape(place.mark.message))"
                + (place.mark.hint.isEmpty ? "" : " \(escape(place.mark.hint))") + " [\(escape(place.mark.rule))]</span>"
            position = place.range.upperBound
        }
        out += main[position...]
        return out + String(html[mainEnd.lowerBound...])
    }

    /// On Unicode scalars, as the site's templates escape (a quote followed by a combining mark is escaped too).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
