/// Checks what one file says about another: each type declares its references (`checkReferences`); the
/// checks they share — a contact point by name, the municipalities an item serves — are here.
enum ReferenceChecker {
    static func check(_ index: SiteIndex) -> [Diagnostic] {
        ContentTypes.all.flatMap { type in references(of: type, in: index) }
    }

    private static func references<T: ContentItem>(of type: T.Type, in index: SiteIndex) -> [Diagnostic] {
        T.checkReferences(index.content[type: T.self], in: index)
    }

    /// `contact: <slug>`: the owner's own contact point or the district's.
    static func contactPoint(_ contact: Located<String>, for owner: Owner, file: String, in index: SiteIndex) -> Diagnostic? {
        guard index.contactPoint(contact.value, for: owner) == nil else { return nil }
        let candidates = Array((index.contactPointsByOwner[owner]?.keys).map(Array.init) ?? [])
            + Array(index.contactPointsByOwner[.district]?.keys.map { $0 } ?? [])
        var hint = "Nennen Sie den Dateinamen (ohne `.md`) einer Anlaufstelle aus `anlaufstellen/` dieser Gemeinde oder des Landkreises."
        if let nearest = EditDistance.nearest(to: contact.value, in: candidates.sorted()) { hint = "Meinten Sie `\(nearest)`? " + hint }
        return Diagnostic(file: file, location: contact.location, severity: .error, rule: "dangling-contact",
                          message: "Die Anlaufstelle `\(contact.value)` gibt es nicht.", hint: hint)
    }

    /// `areas: [auenstein, …]`: only the district's items name the municipalities they serve, and those must exist.
    static func areas(_ areas: [Located<String>]?, owner: Owner, file: String, in index: SiteIndex) -> [Diagnostic] {
        guard let areas else { return [] }
        if owner != .district {
            return [Diagnostic(file: file, location: areas.first?.location ?? .start, severity: .error, rule: "areas-not-allowed",
                message: "`areas` gibt es nur bei Angeboten und Anlaufstellen des Landkreises.",
                hint: "Entfernen Sie `areas:`; das Angebot einer Gemeinde gehört schon zu ihr.")]
        }
        let municipalitySlugs = index.content.municipalities.map(\.slug)
        return areas.filter { index.municipality($0.value) == nil }.map { area in
            var hint = "Nennen Sie den Ordnernamen einer Gemeinde aus `content/gemeinden/`: \(municipalitySlugs.map { "`\($0)`" }.joined(separator: ", "))."
            if let nearest = EditDistance.nearest(to: area.value, in: municipalitySlugs) { hint = "Meinten Sie `\(nearest)`? " + hint }
            return Diagnostic(file: file, location: area.location, severity: .error, rule: "unknown-area",
                              message: "Die Gemeinde `\(area.value)` gibt es nicht.", hint: hint)
        }
    }
}
