/// Who keeps a municipality's (or the district's) content up to date: named in its `index.md` as `editor:`, read by
/// `vorort report` to say whose list of due reviews is whose. Not published: it is for the editorial team, and a
/// team mailbox is better than a person's address.
public struct EditorialContact: Sendable, Hashable, Encodable {
    public var name: String
    public var email: String?

    static let field = FieldSpec("editor", .map, example: "{name: Integrationsbüro Auenstein, email: integration@auenstein.de}",
        help: "Wer die Inhalte pflegt und geprüft hält (Stelle oder Team, am besten mit Sammel-Adresse); erscheint in `vorort report`, nicht auf der Website",
        recommended: true)

    /// Reads `editor:`; a missing one is a warning, since `vorort report` then cannot say who is responsible.
    /// `example`: a value from the editor's own place for the hint.
    static func read(_ fields: YAMLMapReader, collector: DiagnosticCollector, whose: String, example: String? = nil) -> EditorialContact? {
        let example = example ?? "{name: Stabsstelle Integration, email: …}"
        let contact = fields.map(field.with(example: example)) { map -> EditorialContact? in
            guard let name = map.text("name", required: true, example: "Bürgerbüro") else { return nil }
            return EditorialContact(name: name, email: map.email("email"))
        }
        // `editor:` without a value names no one either (and is what `vorort new` writes for the editor to fill in).
        if contact == nil, fields.isMissing(field.key) || fields.isEmpty(field.key) {
            collector.warning("missing-editor", at: fields.keyLocation(field.key) ?? fields.location,
                "\(whose) nennt keine Redaktion: niemand ist sichtbar dafür zuständig, dass die Angaben aktuell bleiben.",
                hint: "Ergänzen Sie im Vorspann `editor: \(example)` mit der Stelle, die die Inhalte pflegt; die Angabe wird nicht veröffentlicht.")
        }
        return contact
    }
}
