/// A contact point (Anlaufstelle): an office or counselling service with address, opening hours and how to reach it.
public struct ContactPoint: ContentItem {
    public var origin: ContentOrigin
    public var owner: Owner
    public var name: String
    public var organisation: String
    public var responsibilities: [String]
    public var address: PostalAddress
    public var openingHours: [String]
    public var phone: String?
    public var email: String?
    public var website: String?
    public var languages: [String]
    public var reviewed: CalendarDate
    public var areas: [Located<String>]?
    public var body: MarkdownSource

    public var slug: String { origin.slug }

    public static let displayName = "Anlaufstelle"
    public static let placement = ContentPlacement.ownedItems(folder: "anlaufstellen", pictures: false)
    public static let template: String? = "contact-point"

    enum Keys {
        static let name = FieldSpec.text("name", required: true, translated: .text(required: false), example: "Integrationsbüro",
            help: "Name der Anlaufstelle")
        static let organisation = FieldSpec.text("organisation", required: true, example: "Stadt Auenstein",
            help: "Wer die Stelle trägt (Verwaltung, Verein, Träger)")
        static let responsibilities = FieldSpec("responsibilities", .textList, required: true, translation: .list, linted: true,
            example: "[Erstberatung, Wohnsitz]", help: "Wofür die Stelle zuständig ist")
        static let address = FieldSpec("address", .map, required: true,
            example: "{street: Marktplatz 1, postalCode: \"38350\", city: Auenstein}", help: "Anschrift: Straße, Postleitzahl (in Anführungszeichen), Ort")
        static let openingHours = FieldSpec("openingHours", .textList, translation: .list, example: "[\"Mo–Fr 9–12 Uhr\"]",
            help: "Öffnungszeiten, eine Zeile je Eintrag")
        static let phone = FieldSpec("phone", .text, example: "05321 76-230", help: "Telefonnummer mit Vorwahl")
        static let email = FieldSpec("email", .email, example: "integration@auenstein.de", help: "E-Mail-Adresse (ohne `mailto:`)")
        static let website = FieldSpec("website", .url, example: "https://www.auenstein.de", help: "Webseite der Stelle")
        static let languages = FieldSpec("languages", .textList, example: "[Deutsch, Englisch]", help: "Sprachen, in denen beraten wird")
        static let reviewed = FieldSpec("reviewed", .date, required: true, example: "2026-11-20",
            help: "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT)")
        static let areas = FieldSpec("areas", .referenceList, example: "[auenstein, birkenfelde]",
            help: "Nur beim Landkreis: Gemeinden, für die die Stelle zuständig ist (ohne Angabe: der ganze Landkreis)")
    }

    public static let schema: [FieldSpec] = [
        Keys.name, Keys.organisation, Keys.responsibilities, Keys.address, Keys.openingHours, Keys.phone, Keys.email,
        Keys.website, Keys.languages, Keys.reviewed, Keys.areas,
    ]

    public static let example = """
        ---
        name: Integrationsbüro
        organisation: Stadt Auenstein
        responsibilities: [Erstberatung, Wohnsitz]
        address: {street: Marktplatz 1, postalCode: "38350", city: Auenstein}
        openingHours: ["Mo–Fr 9–12 Uhr"]
        phone: 05321 76-230
        email: integration@auenstein.de
        website: https://www.auenstein.de
        languages: [Deutsch, Englisch]
        reviewed: 2026-11-20
        ---
        Das Integrationsbüro berät Sie zu allen Fragen des Ankommens.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.owner(owner) + "anlaufstellen/\(slug)/" }
    public var translationBaseline: CalendarDate? { reviewed }

    public static func parse(_ input: ParseInput) -> ContactPoint? {
        guard let fields = input.fields else { return nil }
        let collector = input.collector
        let name = fields.text(Keys.name)
        let organisation = fields.text(Keys.organisation)
        let responsibilities = fields.textList(Keys.responsibilities)
        let address = fields.map(Keys.address) { a -> PostalAddress? in
            let street = a.text("street", required: true, example: "Marktplatz 1")
            let postalCode = a.located("postalCode", required: true, example: "\"38350\"")
            let city = a.text("city", required: true, example: "Auenstein")
            if let postalCode, postalCode.value.utf8.count != 5 || !postalCode.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                collector.error("invalid-value", at: postalCode.location, "`\(postalCode.value)` ist keine Postleitzahl mit fünf Ziffern.",
                    hint: "Schreiben Sie die Postleitzahl in Anführungszeichen, damit führende Nullen bleiben: `postalCode: \"01067\"`.")
                return nil
            }
            guard let street, let postalCode, let city else { return nil }
            return PostalAddress(street: street, postalCode: postalCode.value, city: city)
        }
        let openingHours = fields.textList(Keys.openingHours)
        let phone = fields.located(Keys.phone)
        let email = fields.email(Keys.email)
        let website = fields.url(Keys.website)
        let languages = fields.textList(Keys.languages)
        let reviewed = fields.date(Keys.reviewed)
        let areas = fields.locatedList(Keys.areas)
        if let phone, !phone.value.contains(where: \.isNumber) {
            collector.error("invalid-value", at: phone.location, "`\(phone.value)` ist keine Telefonnummer.",
                hint: "Schreiben Sie die Nummer mit Vorwahl, z. B. `phone: 05321 76-230`.")
        }
        if phone == nil, email == nil, !collector.hasErrors {
            collector.warning("unreachable-contact-point", at: fields.location,
                "Die Anlaufstelle hat weder Telefonnummer noch E-Mail-Adresse.",
                hint: "Ergänzen Sie `phone:` oder `email:`, damit Menschen sie erreichen können.")
        }
        guard let origin = input.origin(), let name, let organisation, !responsibilities.isEmpty, let address, let reviewed else { return nil }
        return ContactPoint(
            origin: origin, owner: input.owner, name: name, organisation: organisation, responsibilities: responsibilities,
            address: address, openingHours: openingHours, phone: phone?.value, email: email, website: website,
            languages: languages, reviewed: reviewed, areas: areas, body: input.body)
    }

    public static func checkReferences(_ points: [ContactPoint], in index: SiteIndex) -> [Diagnostic] {
        points.flatMap { ReferenceChecker.areas($0.areas, owner: $0.owner, file: $0.origin.file, in: index) }
    }
}

public struct PostalAddress: Sendable, Hashable {
    public var street: String
    public var postalCode: String
    public var city: String
}
