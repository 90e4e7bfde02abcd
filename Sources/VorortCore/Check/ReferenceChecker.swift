/// Checks what one file says about another: categories, contact points, served municipalities.
enum ReferenceChecker {
    static func check(_ index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ file: String, _ severity: Severity, _ rule: String, _ location: SourceLocation, _ message: String, _ hint: String) {
            diagnostics.append(Diagnostic(file: file, location: location, severity: severity, rule: rule, message: message, hint: hint))
        }
        let content = index.content
        let municipalitySlugs = content.municipalities.map(\.slug)

        func checkAreas(_ areas: [Located<String>]?, owner: Owner, file: String) {
            guard let areas else { return }
            if owner != .district {
                report(file, .error, "areas-not-allowed", areas.first?.location ?? .start,
                    "`areas` gibt es nur bei Angeboten und Anlaufstellen des Landkreises.",
                    "Entferne `areas:`; das Angebot einer Gemeinde gehört schon zu ihr.")
                return
            }
            for area in areas where index.municipality(area.value) == nil {
                var hint = "Nenne den Ordnernamen einer Gemeinde aus `content/gemeinden/`: \(municipalitySlugs.map { "`\($0)`" }.joined(separator: ", "))."
                if let nearest = EditDistance.nearest(to: area.value, in: municipalitySlugs) { hint = "Meintest du `\(nearest)`? " + hint }
                report(file, .error, "unknown-area", area.location, "Die Gemeinde `\(area.value)` gibt es nicht.", hint)
            }
        }

        for offer in content.offers {
            let file = offer.origin.file
            if let config = index.config, config.category(matching: offer.category.value) == nil {
                let labels = config.categories.map(\.label)
                var hint = "Erlaubt sind die Kategorien aus `site.yml`: \(labels.map { "`\($0)`" }.joined(separator: ", "))."
                if let nearest = EditDistance.nearest(to: offer.category.value, in: labels + config.categories.map(\.slug)) {
                    hint = "Meintest du `\(nearest)`? " + hint
                }
                report(file, .error, "unknown-category", offer.category.location, "Die Kategorie `\(offer.category.value)` gibt es nicht.", hint)
            }
            if let contact = offer.contact {
                if index.contactPoint(contact.value, for: offer.owner) == nil {
                    let candidates = Array((index.contactPointsByOwner[offer.owner]?.keys).map(Array.init) ?? [])
                        + Array(index.contactPointsByOwner[.district]?.keys.map { $0 } ?? [])
                    var hint = "Nenne den Dateinamen (ohne `.md`) einer Anlaufstelle aus `anlaufstellen/` dieser Gemeinde oder des Landkreises."
                    if let nearest = EditDistance.nearest(to: contact.value, in: candidates.sorted()) { hint = "Meintest du `\(nearest)`? " + hint }
                    report(file, .error, "dangling-contact", contact.location, "Die Anlaufstelle `\(contact.value)` gibt es nicht.", hint)
                }
            } else {
                report(file, .warning, "missing-contact", SourceLocation(line: 1, column: 1, endColumn: 4),
                    "Das Angebot nennt keine Anlaufstelle.",
                    "Ergänze `contact: <anlaufstelle>`, damit Interessierte wissen, an wen sie sich wenden.")
            }
            checkAreas(offer.areas, owner: offer.owner, file: file)
        }
        for point in content.contactPoints {
            checkAreas(point.areas, owner: point.owner, file: point.origin.file)
        }
        for page in content.pages where Routes.page(page) == Routes.guideline {
            report(page.origin.file, .error, "duplicate-slug", .start,
                "Die Adresse `\(Routes.guideline)` gehört dem Leitfaden für wertschätzende Sprache, den vorort aus den Sprachregeln erzeugt.",
                "Benenne die Datei um; eigene Regeln und Texte für den Leitfaden gehören nach `lint/*.yml`.")
        }
        return diagnostics
    }
}
