/// The pages the law asks of a German public website, as content in `content/seiten/`: Impressum (§ 5 DDG,
/// § 18 MStV), Datenschutzerklärung and the Erklärung zur Barrierefreiheit (BITV 2.0: with its date, a feedback
/// contact and the Schlichtungsstelle). Every page links them in its footer. BITV 2.0 § 4 also asks for an
/// explanation of the site in Leichte Sprache and in Deutscher Gebärdensprache on the home page; not every Land
/// requires them, so `site.yml` can switch that off (`leichteSprache: false`, `gebaerdensprache: false`).
enum LegalPages {
    static let impressum = "impressum"
    static let datenschutz = "datenschutz"
    static let barrierefreiheit = "barrierefreiheit"
    static let leichteSprache = "leichte-sprache"
    static let gebaerdensprache = "gebaerdensprache"

    /// `unreadable`: a legal page that exists but could not be read has its own finding and is not also missing.
    static func check(_ content: SiteContent, config: SiteConfig, unreadable: UnreadableFiles = UnreadableFiles()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pages = Dictionary(content.pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        func require(_ slug: String, _ title: String, _ why: String) {
            guard pages[slug] == nil, !unreadable.contains(Page.self, owner: .district, slug: slug) else { return }
            diagnostics.append(Diagnostic(
                file: "content/seiten/\(slug).md", location: .start, severity: .error, rule: "legal-page-missing",
                message: "Die Seite „\(title)“ fehlt. \(why)",
                hint: "Legen Sie `content/seiten/\(slug).md` an; vorort verlinkt sie auf jeder Seite."))
        }
        require(impressum, "Impressum", "Jede Website einer Behörde braucht ein Impressum (§ 5 DDG, § 18 MStV).")
        require(datenschutz, "Datenschutzerklärung", "Die Datenschutzerklärung muss von jeder Seite aus erreichbar sein (DSGVO).")
        require(barrierefreiheit, "Erklärung zur Barrierefreiheit", "Öffentliche Stellen müssen sie veröffentlichen (BITV 2.0).")
        if config.leichteSprache {
            require(leichteSprache, "Leichte Sprache", "Die Startseite erklärt die Website in Leichter Sprache (BITV 2.0 § 4); abschalten mit `leichteSprache: false` in site.yml.")
        }
        if config.gebaerdensprache {
            require(gebaerdensprache, "Gebärdensprache", "Die Startseite erklärt die Website in Deutscher Gebärdensprache (BITV 2.0 § 4); abschalten mit `gebaerdensprache: false` in site.yml.")
        }
        if let statement = pages[barrierefreiheit] {
            let text = statement.body.text
            let file = statement.origin.file
            func missing(_ what: String, _ hint: String) {
                diagnostics.append(Diagnostic(file: file, location: .start, severity: .error, rule: "accessibility-statement",
                    message: "Der Erklärung zur Barrierefreiheit fehlt \(what).", hint: hint))
            }
            if statement.reviewed == nil {
                missing("ihr Datum", "Ergänzen Sie `reviewed: JJJJ-MM-TT` im Vorspann: wann die Erklärung erstellt oder zuletzt geprüft wurde.")
            }
            if !text.contains("mailto:") && !text.contains("tel:") && !text.contains("@") {
                missing("eine Kontaktmöglichkeit für Rückmeldungen", "Nennen Sie eine E-Mail-Adresse oder Telefonnummer, über die Barrieren gemeldet werden können.")
            }
            if !text.contains("Schlichtung") {
                missing("der Hinweis auf das Schlichtungsverfahren", "Nennen Sie die Schlichtungsstelle und wie man sie anruft.")
            }
        }
        return diagnostics
    }
}

import Foundation
