/// The template data of an offer's page: its card and what only the page shows.
struct OfferPageData: PageData {
    static let template = "offer"

    /// One line of the offer's details (audience, languages, schedule …).
    struct Detail: TemplateData {
        var label: String
        var value: String
        var textLang: String
        /// For the languages an offer or event is held in: each in its own name and script, as on the cards, so that
        /// whoever speaks it recognises it on a page in any language (instead of `value`).
        var spoken: [SpokenLanguageData] = []

        static let fields = TemplateFields<Detail>([
            .text("label") { $0.label }, .text("value") { $0.value }, .text("textLang") { $0.textLang }, .list("spoken") { $0.spoken },
        ])

        static func languages(_ names: [String], label: String, site: Language) -> Detail? {
            let spoken = SpokenLanguage.of(names, site: site)
            return spoken.isEmpty ? nil : Detail(label: label, value: "", textLang: "", spoken: spoken.map(SpokenLanguageData.init))
        }
    }

    var card: OfferCard
    /// The body's HTML as cmark wrote it (`ViewModels.body`).
    var body: [UInt8]
    var details: [Detail]
    var contact: ContactCard?
    var areas: [MunicipalityCard]
    var calendarURL: String?
    /// Only for an offer of a staff category: the page for staff, which the offer's page names.
    var staffPage: LinkData?

    static let fields = TemplateFields<OfferPageData>([
        .html("body") { $0.body }, .list("details") { $0.details }, .object("contact") { $0.contact }, .list("areas") { $0.areas },
        .text("calendarURL") { $0.calendarURL }, .object("staffPage") { $0.staffPage },
    ] + OfferCard.fields.embedded { $0.card })
}

extension SiteRenderer {
    /// One offer with its details, contact point, areas and calendar.
    func offerPage(_ offer: Offer) -> PageContent {
        let translated = models.translation(offer.origin.file)
        var details: [OfferPageData.Detail] = []
        let fields: [(String, String?)] = [
            ("audience", offer.audience), ("languages", nil), ("schedule", offer.schedule), ("place", offer.place), ("cost", offer.cost), ("accessibility", offer.accessibility),
        ]
        for (key, value) in fields {
            if key == "languages", let languages = OfferPageData.Detail.languages(offer.languages, label: t(key), site: config.siteLanguage) {
                details.append(languages)
            }
            guard let value else { continue }
            // Languages are named in German in the original; other details may be translated one by one.
            let own = translated?.fields[key]
            details.append(OfferPageData.Detail(label: t(key), value: own ?? value, textLang: models.textLang(translated: own != nil)))
        }
        let forStaff = !index.isForResidents(offer)
        let data = OfferPageData(
            card: card(offer), body: models.body(offer.origin.file), details: details,
            contact: offer.contact.flatMap { index.contactPoint($0.value, for: offer.owner) }.map { card($0) },
            areas: (offer.areas ?? []).compactMap { index.municipality($0.value) }.map { card($0) },
            // The calendars are residents' (linked from their places' pages): staff offers are not in them.
            calendarURL: offer.recurrence != nil && !forStaff ? models.fileURL(Calendar.file(for: offer.owner)) : nil,
            staffPage: forStaff ? LinkData(label: t("staffPage"), url: models.url(Routes.staff)) : nil)
        return PageContent(route: Routes.offer(offer), title: data.card.title,
            crumbs: forStaff ? [home, (t("staffPage"), Routes.staff)] : ownerCrumbs(offer.owner) + [(t("offers"), Routes.offerDirectory)],
            description: data.card.summary, stand: offer.reviewed, data: data, structuredData: StructuredData.offer(offer, models: models),
            // Staff offers stay out of residents' search: without a kind the page is not marked for Pagefind's index.
            searchKind: forStaff ? nil : t("kindOffer"),
            searchFilters: [(t("filterPlace"), models.ownerName(offer.owner))]
                + (models.category(of: offer).map { [(t("filterTopic"), models.categoryLabel($0))] } ?? []),
            searchWords: models.category(of: offer).map { models.searchWords($0) } ?? [],
            file: offer.origin.file)
    }
}
