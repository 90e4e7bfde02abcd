/// The `external-resource` findings of one theme file: what was found where, said in German with a hint, each
/// place once (a style or script text in SVG is read twice, as written and decoded).
/// A reference type because the scanners report into it from their callbacks.
final class ResourceFindings {
    enum Kind {
        /// A font, script, style, picture, frame … fetched with the page.
        case load
        /// A form that sends what was typed to another host.
        case form
        /// `ping`: every click reported to another host.
        case ping
        /// `<meta http-equiv="refresh">` that sends the browser to another host by itself.
        case refresh
        /// An address of another host in a script's string.
        case scriptAddress
        /// A loading call (`fetch`, …) with an address the check cannot see.
        case scriptCall(String)
    }

    private let collector: DiagnosticCollector
    private let lines: SourceLines
    private let fileKind: ExternalResources.FileKind
    private var reported: Set<Int> = []

    init(collector: DiagnosticCollector, lines: SourceLines, fileKind: ExternalResources.FileKind) {
        self.collector = collector
        self.lines = lines
        self.fileKind = fileKind
    }

    /// Reports `address` found between file offsets `start` and `end`.
    func report(_ kind: Kind, _ address: String, _ start: Int, _ end: Int) {
        guard reported.insert(start).inserted else { return }
        // Words and place are only worked out for the findings that are listed.
        collector.error("external-resource", at: lines.location(from: start, to: end),
                        Self.wording(kind, address, fileKind).message, hint: Self.wording(kind, address, fileKind).hint)
    }

    private static func wording(_ kind: Kind, _ address: String, _ fileKind: ExternalResources.FileKind) -> (message: String, hint: String) {
        let subject = switch fileKind {
        case .template: "Die Vorlage"
        case .markup: "Die Datei"
        case .svg: "Die SVG-Datei"
        case .styleSheet: "Das Stylesheet"
        case .script: "Das Skript"
        }
        return switch kind {
        case .load: (
            "\(subject) lädt `\(address)` von einem fremden Server; der Browser sendet dabei die Adresse der Besucherin oder des Besuchers dorthin.",
            "Legen Sie Schriften, Skripte, Stile und Bilder in `static/` des Themes ab und verweisen Sie mit `{{assetsURL}}` darauf.")
        case .form: (
            "Das Formular schickt die Eingaben an `\(address)`, einen fremden Server; der erfährt dabei die Adresse der Besucherin oder des Besuchers und alles Eingegebene.",
            "Lassen Sie Formulare nur an Seiten der eigenen Website senden; auf ein fremdes Angebot verweisen Sie mit einem gewöhnlichen Link.")
        case .ping: (
            "Das Attribut `ping` meldet jeden Klick an `\(address)`, einen fremden Server.",
            "Entfernen Sie das Attribut `ping`; ein Link braucht es nicht.")
        case .refresh: (
            "`<meta http-equiv=\"refresh\">` schickt den Browser ohne Zutun der Besucherin oder des Besuchers zu `\(address)` auf einem fremden Server.",
            "Setzen Sie stattdessen einen gewöhnlichen Link, dem die Leserinnen und Leser selbst folgen können.")
        case .scriptAddress: (
            "\(subject) enthält die Adresse `\(address)` eines fremden Servers; lädt das Skript von dort, erfährt der Server die Adresse der Besucherin oder des Besuchers.",
            "Laden Sie in Skripten nur Dateien der eigenen Website mit relativer Adresse, z. B. `fetch(\"daten.json\")`, und legen Sie die Dateien in `static/` des Themes ab.")
        case .scriptCall(let api): (
            "`\(api)(…)` lädt von einer Adresse, die erst beim Ausführen feststeht; ob sie auf einem fremden Server liegt, lässt sich nicht prüfen.",
            "Geben Sie die Adresse als relativen Text in Anführungszeichen an, z. B. `fetch(\"daten.json\")`.")
        }
    }

    /// Every address a style sheet (or `style` attribute, `<style>` element) loads.
    func checkCSS(_ text: ScannedText, mustache: Bool) {
        CSSURLScanner.scan(text) { reference in
            guard ExternalURL.isExternal(reference.value, mustache: mustache) else { return }
            report(.load, ExternalURL.display(reference.value), reference.start, reference.end)
        }
    }

    /// Addresses of other hosts in a script's strings, and loading calls whose address it cannot see.
    func checkScript(_ text: ScannedText, mustache: Bool) {
        ScriptURLScanner.scan(text, mustache: mustache) { finding in
            switch finding {
            case .literal(let value, let start, let end):
                if let address = ExternalURL.embedded(in: value) { report(.scriptAddress, address, start, end) }
            case .call(let api, let start, let end):
                report(.scriptCall(api), api, start, end)
            }
        }
    }
}
