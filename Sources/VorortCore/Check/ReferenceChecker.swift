/// Checks what one file says about another: each type declares its references (`checkReferences`); the
/// checks they share — a contact point by name, the municipalities an item serves — are here.
enum ReferenceChecker {
    static func check(_ index: SiteIndex) -> [Diagnostic] {
        ContentTypes.all.flatMap { type in references(of: type, in: index) }
    }

    private static func references<T: ContentItem>(of type: T.Type, in index: SiteIndex) -> [Diagnostic] {
        T.checkReferences(index.content[type: T.self], in: index)
    }

    /// `category: Sprache` or a contact point's `topics`: a category of `site.yml`, by label or slug.
    static func category(_ category: Located<String>, file: String, in index: SiteIndex) -> Diagnostic? {
        guard let config = index.config, config.category(matching: category.value) == nil else { return nil }
        let labels = config.categories.map(\.label)
        var hint = "Erlaubt sind die Kategorien aus `site.yml`: \(labels.map { "`\($0)`" }.joined(separator: ", "))."
        if let nearest = EditDistance.nearest(to: category.value, in: labels + config.categories.map(\.slug)) {
            hint = "Meinten Sie `\(nearest)`? " + hint
        }
        return Diagnostic(file: file, location: category.location, severity: .error, rule: "unknown-category",
            message: "Die Kategorie `\(category.value)` gibt es nicht.", hint: hint)
    }

    /// `contact: <slug>`: the owner's own contact point or the district's. A contact point that exists but could not
    /// be read has its own finding; one of another municipality is named with where it is.
    static func contactPoint(_ contact: Located<String>, for owner: Owner, file: String, in index: SiteIndex,
                             thing: String = "ein Angebot") -> Diagnostic? {
        guard index.contactPoint(contact.value, for: owner) == nil else { return nil }
        let unreadable = index.unreadable
        if unreadable.contains(ContactPoint.self, owner: owner, slug: contact.value)
            || unreadable.contains(ContactPoint.self, owner: .district, slug: contact.value)
        {
            return nil
        }
        if let elsewhere = index.contactPointOfAnotherOwner(contact.value, than: owner) {
            let holder = index.municipality(elsewhere.owner.municipalitySlug ?? "").map { "der \($0.kind.rawValue) \($0.name)" }
                ?? "einer anderen Gemeinde"
            let rule = owner == .district
                ? "\(thing) des Landkreises kann unter `contact:` nur Anlaufstellen des Landkreises nennen."
                : "\(thing) kann unter `contact:` nur Anlaufstellen der eigenen Gemeinde oder des Landkreises nennen."
            let link = "/" + elsewhere.origin.file.dropFirst("content/".count)
            return Diagnostic(file: file, location: contact.location, severity: .error, rule: "dangling-contact",
                message: "Die Anlaufstelle `\(contact.value)` gehört \(holder) (`\(elsewhere.origin.file)`); \(rule)",
                hint: "Nennen Sie eine Anlaufstelle aus `\(ownFolder(owner))` oder legen Sie die Anlaufstelle dort an. "
                    + "Auf „\(elsewhere.name)“ können Sie im Text verlinken: `[\(elsewhere.name)](\(link))`.")
        }
        let candidates = Array((index.contactPointsByOwner[owner]?.keys).map(Array.init) ?? [])
            + Array(index.contactPointsByOwner[.district]?.keys.map { $0 } ?? [])
        var hint = "Nennen Sie den Dateinamen (ohne `.md`) einer Anlaufstelle aus `anlaufstellen/` dieser Gemeinde oder des Landkreises."
        if let nearest = EditDistance.nearest(to: contact.value, in: candidates.sorted()) { hint = "Meinten Sie `\(nearest)`? " + hint }
        return Diagnostic(file: file, location: contact.location, severity: .error, rule: "dangling-contact",
                          message: "Die Anlaufstelle `\(contact.value)` gibt es nicht.", hint: hint)
    }

    /// The folder an owner's contact points are in, as editors see it.
    private static func ownFolder(_ owner: Owner) -> String {
        switch owner {
        case .district: "content/kreis/anlaufstellen/"
        case .municipality(let slug): "content/gemeinden/\(slug)/anlaufstellen/` oder `content/kreis/anlaufstellen/"
        }
    }

    /// `areas: [auenstein, …]`: only the district's items name the municipalities they serve, and those must exist.
    /// What offers and events both name: their category, their contact point (a warning when there is none, since
    /// residents then do not know whom to ask; `missingContact` says it of the item) and, for the district, the
    /// municipalities they serve.
    static func categoryContactAndAreas(category: Located<String>, contact: Located<String>?, areas: [Located<String>]?,
                                        owner: Owner, file: String, in index: SiteIndex, thing: String,
                                        missingContact: String, hint: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let finding = Self.category(category, file: file, in: index) { diagnostics.append(finding) }
        if let contact {
            if let finding = contactPoint(contact, for: owner, file: file, in: index, thing: thing) { diagnostics.append(finding) }
        } else {
            diagnostics.append(Diagnostic(file: file, location: SourceLocation(line: 1, column: 1, endColumn: 4), severity: .warning,
                rule: "missing-contact", message: missingContact, hint: hint))
        }
        return diagnostics + Self.areas(areas, owner: owner, file: file, in: index)
    }

    static func areas(_ areas: [Located<String>]?, owner: Owner, file: String, in index: SiteIndex) -> [Diagnostic] {
        guard let areas else { return [] }
        if owner != .district {
            return [Diagnostic(file: file, location: areas.first?.location ?? .start, severity: .error, rule: "areas-not-allowed",
                message: "`areas` gibt es nur bei Angeboten, Anlaufstellen und Veranstaltungen des Landkreises.",
                hint: "Entfernen Sie `areas:`; das Angebot einer Gemeinde gehört schon zu ihr.")]
        }
        let municipalitySlugs = index.content.municipalities.map(\.slug)
        // A municipality whose `index.md` could not be read (or is missing) exists: its own finding is enough.
        let unknown = areas.filter { area in
            index.municipality(area.value) == nil
                && !index.unreadable.contains(Municipality.self, owner: .municipality(ContentPath.canonicalSlug(area.value)), slug: area.value)
        }
        return unknown.map { area in
            var hint = "Nennen Sie den Ordnernamen einer Gemeinde aus `content/gemeinden/`: \(municipalitySlugs.map { "`\($0)`" }.joined(separator: ", "))."
            if let nearest = EditDistance.nearest(to: area.value, in: municipalitySlugs) { hint = "Meinten Sie `\(nearest)`? " + hint }
            return Diagnostic(file: file, location: area.location, severity: .error, rule: "unknown-area",
                              message: "Die Gemeinde `\(area.value)` gibt es nicht.", hint: hint)
        }
    }
}
