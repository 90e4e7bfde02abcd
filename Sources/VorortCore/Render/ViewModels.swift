/// Turns typed content into the plain dictionaries the Mustache templates read, for one language: texts come
/// from the translation where there is one and from the German original otherwise, and every piece of German
/// text on a page in another language is marked with `lang`, so screen readers switch voice.
/// Every URL placed here was built by `Routes` or passed `LinkPolicy`; text is escaped by the template engine.
struct ViewModels {
    let index: SiteIndex
    let config: SiteConfig
    /// The checked bodies, rendered to HTML when a page shows them.
    var bodies: BodyHTML
    /// The language the pages are rendered in.
    let language: Language
    let strings: ThemeStrings
    /// The build's day: which events are past.
    let today: CalendarDate

    init(index: SiteIndex, config: SiteConfig, bodies: BodyHTML, language: Language, strings: ThemeStrings, today: CalendarDate) {
        self.today = today
        self.index = index
        self.config = config
        self.bodies = bodies
        self.language = language
        self.strings = strings
        prefix = Routes.languagePrefix(language, site: config.siteLanguage)
        siteTexts = index.content.siteTexts[language.code]
        originalMark = " lang=\"\(config.siteLanguage.tag)\" dir=\"\(config.siteLanguage.direction.rawValue)\""
        placeNames = Dictionary(index.content.municipalities.map { m in
            (m.slug, strings.format("placeName", ["kind": Self.kindName(m.kind, strings, language: language), "name": m.name]))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// "Stadt Auenstein" in this language, by slug: worked out once, used on nearly every page.
    private let placeNames: [String: String]

    /// `""` for the site language, `en/` for English.
    let prefix: String
    /// `site.<lang>.yml`, when there is one for this language.
    let siteTexts: SiteTexts?
    /// The attributes that mark German text on a page in another language.
    private let originalMark: String

    var isSiteLanguage: Bool { prefix.isEmpty }

    /// The address of a page in this language.
    func url(_ route: String) -> String { config.basePath + prefix + route }

    /// The address of a file every language shares: pictures, style sheet, downloads.
    func fileURL(_ path: String) -> String { config.basePath + path }

    func absoluteURL(_ route: String) -> String { config.baseURL + prefix + route }

    // MARK: - Translated text

    /// The translation of a content file into this language, if there is one.
    func translation(_ file: String) -> Translation? {
        isSiteLanguage ? nil : index.content.translations[file]?[language.code]
    }

    /// Whether the text of a content file is shown in this language (always for the site language).
    func isTranslated(_ file: String) -> Bool { isSiteLanguage || translation(file) != nil }

    /// `lang`/`dir` attributes for text that is in German on a page in another language; empty otherwise.
    func textLang(translated: Bool) -> String { translated || isSiteLanguage ? "" : originalMark }

    func textLang(_ file: String) -> String { textLang(translated: isTranslated(file)) }

    /// The rendered body in this language, its page links leading to pages in this language, as UTF-8 bytes.
    /// `reuse`: for a story's body, which its page and its feed both show (see `BodyHTML.Reuse`).
    func body(_ file: String, reuse: BodyHTML.Reuse = .none) -> [UInt8] {
        if let translation = translation(file), bodies.hasBody(translation.origin.file) {
            return bodies.html(file: translation.origin.file, textLanguage: translation.language, languagePrefix: prefix, reuse: reuse)
        }
        return bodies.html(file: file, textLanguage: config.language, languagePrefix: prefix, reuse: reuse)
    }

    func date(_ date: CalendarDate) -> String { strings.date(date) }

    /// `18.450` in German, `18,450` in English …
    func number(_ value: Int) -> String { GermanFormat.grouped(value, separator: strings.text("thousandsSeparator")) }

    /// A figure as readers of this language write numbers; small counts as "< 3".
    func figure(_ indicator: Indicator) -> String {
        Figures.display(indicator, minimumCount: config.minimumCount, grouping: strings.text("thousandsSeparator"),
                        decimal: strings.text("decimalSeparator"))
    }

    var siteTitle: String { siteTexts?.title ?? config.title }
    var siteDescription: String? { siteTexts?.description ?? config.description }
    var districtName: String { siteTexts?.district ?? config.district }

    func kindName(_ kind: MunicipalityKind) -> String { Self.kindName(kind, strings, language: language) }

    /// German pages (and Leichte Sprache) name the kind as the municipality does („Samtgemeinde“); the theme's
    /// other languages know a town and a municipality.
    private static func kindName(_ kind: MunicipalityKind, _ strings: ThemeStrings, language: Language) -> String {
        if kind != .stadt, kind != .gemeinde, language.tag.split(separator: "-").first == "de" { return kind.rawValue }
        return strings.text(kind.isTown ? "town" : "municipality")
    }

    /// "Stadt Auenstein", "Town of Auenstein" …; the district's name as `site.<lang>.yml` translates it.
    func ownerName(_ owner: Owner) -> String {
        switch owner {
        case .district: districtName
        case .municipality(let slug):
            placeNames[slug] ?? slug
        }
    }

    func placeName(_ m: Municipality) -> String { placeNames[m.slug] ?? m.name }

    func title(_ offer: Offer) -> String { translation(offer.origin.file)?.title ?? offer.title }
    func summary(_ offer: Offer) -> String { translation(offer.origin.file)?.summary ?? offer.summary }
    func title(_ story: Story) -> String { translation(story.origin.file)?.title ?? story.title }
    func summary(_ story: Story) -> String { translation(story.origin.file)?.summary ?? story.summary }
    func summary(_ m: Municipality) -> String { translation(m.origin.file)?.summary ?? m.summary }
    func title(_ district: DistrictIntro) -> String { translation(district.origin.file)?.title ?? district.title }
    func summary(_ district: DistrictIntro) -> String { translation(district.origin.file)?.summary ?? district.summary }
    func title(_ page: Page) -> String { translation(page.origin.file)?.title ?? page.title }
    /// A translated page without summary has none: the German one is not mixed into it.
    func summary(_ page: Page) -> String? { translation(page.origin.file).map { $0.summary } ?? page.summary }

    // MARK: - Cards and links

    func ownerLink(_ owner: Owner) -> OwnerLink {
        OwnerLink(name: ownerName(owner), url: url(Routes.owner(owner)), isDistrict: owner == .district,
                  id: owner.municipalitySlug ?? "landkreis")
    }

    func category(of offer: Offer) -> Category? { config.category(matching: offer.category.value) }

    func offerCard(_ offer: Offer) -> OfferCard {
        OfferCard(title: title(offer), url: url(Routes.offer(offer)), summary: summary(offer), owner: ownerLink(offer.owner),
                         textLang: textLang(offer.origin.file), category: category(of: offer).map { categoryLink($0) },
                         facts: cardFacts(offer),
                         spokenLanguages: SpokenLanguage.of(offer.languages, site: config.siteLanguage).map(SpokenLanguageData.init),
                         towns: (offer.owner.municipalitySlug.map { [$0] } ?? offer.areas?.map { index.municipality($0.value)?.slug ?? $0.value } ?? []).joined(separator: " "),
                         districtWide: offer.owner == .district && offer.areas == nil, isFree: FreeOfCharge.decide(offer.cost))
    }

    /// When, where (with the town of a municipality's offer, unless the place names it), whom a district offer
    /// serves, and the cost: each in this language where the translation has it, else German marked as German.
    func cardFacts(_ offer: Offer) -> [CardFact] {
        let translated = translation(offer.origin.file)
        func fact(_ key: String, _ original: String?, addition: String? = nil) -> CardFact? {
            guard let original else { return nil }
            let own = translated?.fields[key]
            let mark = textLang(translated: own != nil)
            return CardFact(label: strings.text(key), value: own ?? original, textLang: mark, addition: addition,
                            additionLang: mark.isEmpty ? "" : " lang=\"\(language.tag)\" dir=\"\(language.direction.rawValue)\"")
        }
        var town: String?
        if let slug = offer.owner.municipalitySlug, let m = index.municipality(slug),
           !(offer.place ?? "").localizedCaseInsensitiveContains(m.name) {
            town = ownerName(offer.owner)
        }
        var facts = [fact("schedule", offer.schedule)]
        facts.append(offer.place == nil ? town.map { CardFact(label: strings.text("place"), value: $0, textLang: "") }
                                        : fact("place", offer.place, addition: town))
        if let areas = offer.areas, !areas.isEmpty {
            facts.append(CardFact(label: strings.text("servesPlaces"),
                                  value: areas.map { ownerName(.municipality($0.value)) }.joined(separator: ", "), textLang: ""))
        }
        facts.append(fact("cost", offer.cost))
        return facts.compactMap { $0 }
    }

    /// The words a category's offers are found by in this language's search: this language's own (`site.<lang>.yml`)
    /// and the site language's, since newcomers often know the German word for what they look for („Integrationskurs“).
    /// None for staff categories, whose offers are not in residents' search.
    func searchWords(_ category: Category) -> [String] {
        guard !category.isForStaff else { return [] }
        var seen = Set<String>()
        return ((siteTexts?.categorySearchWords[category.slug] ?? []) + category.searchWords).filter { seen.insert($0.lowercased()).inserted }
    }

    func categoryLabel(_ category: Category) -> String { siteTexts?.categories[category.slug]?.label ?? category.label }

    func groupName(_ group: String) -> String { siteTexts?.groups[group] ?? group }

    func categoryLink(_ category: Category) -> CategoryLink {
        // A staff category has no category page: its link leads to its section of the staff page.
        CategoryLink(label: categoryLabel(category), slug: category.slug,
                     url: url(category.isForStaff ? Routes.staffCategory(category.slug) : Routes.category(category.slug)),
                     group: groupName(category.group),
                     description: siteTexts?.categories[category.slug]?.description ?? category.description)
    }

    func contactName(_ point: ContactPoint) -> String { translation(point.origin.file)?.fields["name"] ?? point.name }

    func contactCard(_ point: ContactPoint) -> ContactCard {
        let translated = translation(point.origin.file)
        return ContactCard(
            name: contactName(point), url: url(Routes.contactPoint(point)), organisation: point.organisation,
            owner: ownerLink(point.owner),
            responsibilities: (translated?.lists["responsibilities"] ?? point.responsibilities).joined(separator: ", "),
            address: AddressData(street: point.address.street, postalCode: point.address.postalCode, city: point.address.city),
            textLang: textLang(point.origin.file),
            phone: point.phone.map { ContactLink(text: $0.written, url: $0.link) },
            email: point.email.map { ContactLink(text: $0, url: "mailto:" + $0) },
            openingHours: translated?.lists["openingHours"] ?? point.openingHours,
            areaNames: point.areas.map { $0.map { ownerName(.municipality($0.value)) }.joined(separator: ", ") })
    }

    func storyCard(_ story: Story) -> StoryCard {
        StoryCard(title: title(story), url: url(Routes.story(story)), summary: summary(story), date: date(story.date),
                  dateISO: story.date.iso, owner: ownerLink(story.owner), textLang: textLang(story.origin.file))
    }

    func municipalityCard(_ m: Municipality) -> MunicipalityCard {
        MunicipalityCard(name: m.name, kind: kindName(m.kind), placeName: placeName(m), url: url(Routes.municipality(m.slug)),
                         summary: summary(m), textLang: textLang(m.origin.file), population: m.population.map { number($0) })
    }

    func factsTable(_ facts: Facts?) -> FactsTable? {
        guard let facts, !facts.indicators.isEmpty else { return nil }
        return FactsTable(
            caption: strings.format("factsCaption", ["place": ownerName(facts.owner)]),
            rows: facts.indicators.map { indicator in
                FactsTable.Row(label: indicator.label, value: figure(indicator), unit: indicator.unit, year: String(indicator.year),
                               source: indicator.source)
            },
            csvURL: fileURL(Routes.factsCSV(facts.owner)), licence: config.dataLicence, comparisonURL: url(Routes.figures),
            stand: facts.reviewed.map { date($0) }, standISO: facts.reviewed?.iso)
    }
}
