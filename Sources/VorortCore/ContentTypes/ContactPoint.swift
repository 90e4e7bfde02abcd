/// A contact point (Anlaufstelle): an office or counselling service with address, opening hours and how to reach it.
public struct ContactPoint: ContentItem {
    /// The stored fields, shared by copies and compared field by field (`SharedFields`).
    struct Fields: Equatable, Sendable {
        var origin: ContentOrigin
        var owner: Owner
        var name: String
        var organisation: String
        var responsibilities: [String]
        var address: PostalAddress
        var openingHours: [String]
        var phone: [PhoneNumber]
        var email: String?
        var website: Located<String>?
        var languages: [String]
        var reviewed: CalendarDate
        var areas: [Located<String>]?
        var topics: [Located<String>]?
        var body: MarkdownSource
        var nameLocation: SourceLocation
    }

    private var shared: SharedFields<Fields>

    init(origin: ContentOrigin, owner: Owner, name: String, organisation: String, responsibilities: [String],
        address: PostalAddress, openingHours: [String], phone: [PhoneNumber], email: String?,
        website: Located<String>?, languages: [String], reviewed: CalendarDate, areas: [Located<String>]?,
        topics: [Located<String>]?, body: MarkdownSource, nameLocation: SourceLocation = .start) {
        shared = SharedFields(Fields(origin: origin, owner: owner, name: name, organisation: organisation,
            responsibilities: responsibilities, address: address, openingHours: openingHours, phone: phone,
            email: email, website: website, languages: languages, reviewed: reviewed, areas: areas, topics: topics,
            body: body, nameLocation: nameLocation))
    }

    public var origin: ContentOrigin { get { shared.fields.origin } set { shared.fields.origin = newValue } }
    public var owner: Owner { get { shared.fields.owner } set { shared.fields.owner = newValue } }
    public var name: String { get { shared.fields.name } set { shared.fields.name = newValue } }
    public var organisation: String { get { shared.fields.organisation } set { shared.fields.organisation = newValue } }
    public var responsibilities: [String] { get { shared.fields.responsibilities } set { shared.fields.responsibilities = newValue } }
    public var address: PostalAddress { get { shared.fields.address } set { shared.fields.address = newValue } }
    public var openingHours: [String] { get { shared.fields.openingHours } set { shared.fields.openingHours = newValue } }
    /// Each number as written, with the number its link dials; usually one.
    public var phone: [PhoneNumber] { get { shared.fields.phone } set { shared.fields.phone = newValue } }
    public var email: String? { get { shared.fields.email } set { shared.fields.email = newValue } }
    /// With its place in the file: an address into this site is checked against its pages.
    public var website: Located<String>? { get { shared.fields.website } set { shared.fields.website = newValue } }
    public var languages: [String] { get { shared.fields.languages } set { shared.fields.languages = newValue } }
    public var reviewed: CalendarDate { get { shared.fields.reviewed } set { shared.fields.reviewed = newValue } }
    public var areas: [Located<String>]? { get { shared.fields.areas } set { shared.fields.areas = newValue } }
    /// The offer categories the contact point answers for: it is listed under them on „Wer ist zuständig?“.
    public var topics: [Located<String>]? { get { shared.fields.topics } set { shared.fields.topics = newValue } }
    public var body: MarkdownSource { get { shared.fields.body } set { shared.fields.body = newValue } }
    /// Where the `name` stands, for findings about names given twice.
    public var nameLocation: SourceLocation { get { shared.fields.nameLocation } set { shared.fields.nameLocation = newValue } }

    public var slug: String { origin.slug }

    public static let displayName = "Anlaufstelle"
    public static let placement = ContentPlacement.ownedItems(folder: "anlaufstellen")
    public static let template: String? = "contact-point"
    public static let commandNames = ["anlaufstelle", "contact-point"]

    enum Keys {
        static let name = FieldSpec.text("name", required: true, translated: .text(required: false), example: "Integrationsbüro",
            help: "Name der Anlaufstelle", prefill: .title)
        static let organisation = FieldSpec.text("organisation", required: true, example: "Stadt Auenstein",
            help: "Wer die Stelle trägt (Verwaltung, Verein, Träger)")
        static let responsibilities = FieldSpec("responsibilities", .textList, required: true, translation: .list, linted: true,
            example: "[Erstberatung, Wohnsitz]", help: "Wofür die Stelle zuständig ist")
        static let address = FieldSpec("address", .map, required: true,
            example: "{street: Marktplatz 1, postalCode: \"38350\", city: Auenstein}", help: "Anschrift: Straße, Postleitzahl (in Anführungszeichen), Ort")
        static let openingHours = FieldSpec("openingHours", .textList, translation: .list, example: "[\"Mo–Fr 9–12 Uhr\"]",
            help: "Öffnungszeiten, eine Zeile je Eintrag")
        static let phone = FieldSpec("phone", .textList, example: "05321 76-230",
            help: "Telefonnummer mit Vorwahl; mehrere als Liste: [05321 76-230, 0151 2345678]", recommended: true)
        static let email = FieldSpec("email", .email, example: "integration@auenstein.de", help: "E-Mail-Adresse (ohne `mailto:`)", recommended: true)
        static let website = FieldSpec("website", .url, example: "https://www.auenstein.de", help: "Webseite der Stelle")
        static let languages = FieldSpec("languages", .textList, example: "[Deutsch, Englisch]", help: "Sprachen, in denen beraten wird")
        static let reviewed = FieldSpec("reviewed", .date, required: true, example: "2026-11-20",
            help: "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT)", prefill: .today)
        static let areas = FieldSpec("areas", .referenceList, example: "[auenstein, birkenfelde]",
            help: "Nur beim Landkreis: Gemeinden, für die die Stelle zuständig ist (ohne Angabe: der ganze Landkreis)", districtOnly: true)
        static let topics = FieldSpec("topics", .referenceList, example: "[Sprache, Beratung]",
            help: "Themen (Kategorien aus `site.yml`), für die die Stelle zuständig ist; sie erscheint dort auf der Seite „Wer ist zuständig?“")
    }

    public static let schema: [FieldSpec] = [
        Keys.name, Keys.organisation, Keys.responsibilities, Keys.address, Keys.openingHours, Keys.phone, Keys.email,
        Keys.website, Keys.languages, Keys.reviewed, Keys.areas, Keys.topics,
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
        topics: [Sprache]
        ---
        Das Integrationsbüro berät Sie zu allen Fragen des Ankommens.

        """

    public var markdownBody: MarkdownSource? {
        get { body }
        set { if let newValue { body = newValue } }
    }
    public var route: String? { Routes.owner(owner) + "anlaufstellen/\(slug)/" }
    public var translationBaseline: CalendarDate? { reviewed }
    public var heading: String { name }
    public var responsibleOwner: Owner { owner }

    public static func parse(_ input: ParseInput) -> ContactPoint? {
        guard let fields = input.fields else { return nil }
        let collector = input.collector
        let nameLocated = fields.located(Keys.name)
        let name = nameLocated?.value
        let organisation = fields.text(Keys.organisation)
        let responsibilities = fields.textList(Keys.responsibilities)
        let town = input.ownerNameFromFolder ?? "Musterstadt"
        let address = fields.map(Keys.address.with(example: "{street: Marktplatz 1, postalCode: \"12345\", city: \(town)}")) { a -> PostalAddress? in
            let street = a.text("street", required: true, example: "Marktplatz 1")
            let postalCode = a.located("postalCode", required: true, example: "\"38350\"")
            let city = a.text("city", required: true, example: town)
            if let postalCode, postalCode.value.utf8.count != 5 || !postalCode.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                collector.error("invalid-value", at: postalCode.location, "`\(postalCode.value)` ist keine Postleitzahl mit fünf Ziffern.",
                    hint: "Schreiben Sie die Postleitzahl in Anführungszeichen, damit führende Nullen bleiben: `postalCode: \"01067\"`.")
                return nil
            }
            guard let street, let postalCode, let city else { return nil }
            return PostalAddress(street: street, postalCode: postalCode.value, city: city)
        }
        let openingHours = fields.textList(Keys.openingHours)
        let phone = (fields.locatedList(Keys.phone) ?? []).compactMap { readPhone($0, collector: collector) }
        let email = fields.email(Keys.email)
        let website = fields.locatedURL(Keys.website)
        let languages = fields.textList(Keys.languages)
        let reviewed = input.pastDate(fields, Keys.reviewed)
        let areas = fields.locatedList(Keys.areas)
        let topics = fields.locatedList(Keys.topics)
        if phone.isEmpty, email == nil, !collector.hasErrors {
            collector.warning("unreachable-contact-point", at: fields.location,
                "Die Anlaufstelle hat weder Telefonnummer noch E-Mail-Adresse.",
                hint: "Ergänzen Sie `phone:` oder `email:`, damit Menschen sie erreichen können.")
        }
        guard let origin = input.origin(), let name, let organisation, !responsibilities.isEmpty, let address, let reviewed else { return nil }
        return ContactPoint(
            origin: origin, owner: input.owner, name: name, organisation: organisation, responsibilities: responsibilities,
            address: address, openingHours: openingHours, phone: phone, email: email, website: website,
            languages: languages, reviewed: reviewed, areas: areas, topics: topics, body: input.body,
            nameLocation: nameLocated?.location ?? .start)
    }

    /// One number of `phone:`, or nil after a finding that says why it is none.
    static func readPhone(_ value: Located<String>, collector: DiagnosticCollector) -> PhoneNumber? {
        let number: PhoneNumber
        switch PhoneNumber.read(value.value) {
        case .success(let read): number = read
        case .failure(let problem):
            let (reason, hint): (String, String)
            switch problem {
            case .several(let parts):
                reason = "enthält \(parts.count) Telefonnummern; als eine verlinkt, wählte der Link eine falsche Nummer"
                hint = "Schreiben Sie jede Nummer einzeln in eine Liste: `phone: [\(parts.joined(separator: ", "))]`."
            case .foreignCharacters:
                reason = "enthält Buchstaben oder Zeichen, die zu keiner Telefonnummer gehören"
                let digits = value.value.filter { $0.isASCII && ($0.isNumber || " +-/()".contains($0)) }.trimmed
                hint = digits.count >= 6 && digits.contains(where: \.isNumber)
                    ? "Schreiben Sie nur die Nummer, z. B. `phone: \(digits)`; Hinweise wie Zuständigkeiten gehören in den Text."
                    : "Schreiben Sie nur die Nummer mit Vorwahl, z. B. `phone: 05321 76-230`."
            case .missingAreaCode:
                reason = "hat keine Vorwahl; wer von außerhalb anruft, erreicht so niemanden"
                hint = "Schreiben Sie die Vorwahl davor, z. B. `phone: 05321 \(value.value)`."
            case .tooShort:
                reason = "hat zu wenige Ziffern für eine Telefonnummer"
                hint = "Prüfen Sie die Nummer und schreiben Sie sie mit Vorwahl, z. B. `phone: 05321 76-230`."
            case .tooLong:
                reason = "hat zu viele Ziffern für eine Telefonnummer"
                hint = "Prüfen Sie die Nummer; mehrere Nummern schreiben Sie als Liste: `phone: [05321 76-230, 0151 2345678]`."
            case .malformed:
                reason = "ist keine wählbare Telefonnummer"
                hint = "Schreiben Sie die Nummer mit Vorwahl (`05321 76-230`) oder mit Ländervorwahl ohne die 0 der Vorwahl (`+49 5321 76-230`)."
            }
            collector.error("invalid-phone", at: value.location, "`\(value.value)` \(reason).", hint: hint)
            return nil
        }
        return number
    }

    public static func checkReferences(_ points: [ContactPoint], in index: SiteIndex) -> [Diagnostic] {
        let routes = SiteAddress.knownRoutes(for: points.lazy.map(\.website), in: index)
        let names = UniqueNames.ofOwner(
            points.map { .init(file: $0.origin.file, name: $0.name, location: $0.nameLocation, scope: $0.owner.municipalitySlug ?? "") },
            thing: "Die Anlaufstelle", key: "name", in: index)
        return names + points.flatMap { point in
            ReferenceChecker.areas(point.areas, owner: point.owner, file: point.origin.file, in: index)
                + [SiteAddress.check(website: point.website, file: point.origin.file, in: index, knownRoutes: routes)].compactMap { $0 }
                + (point.topics ?? []).compactMap { ReferenceChecker.category($0, file: point.origin.file, in: index) }
        }
    }
}

public struct PostalAddress: Sendable, Hashable {
    public var street: String
    public var postalCode: String
    public var city: String
}
