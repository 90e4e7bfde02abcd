/// The template data of the offer directory: every offer for residents by category and by place, and the choices of
/// its filter (`filter.js`): the towns, the topics, the languages the offers are held in, and „kostenlos“.
struct OfferDirectoryPageData: PageData {
    static let template = "offer-directory"

    /// A language in the filter, with the number of offers held in it.
    struct LanguageOption: TemplateData {
        var language: SpokenLanguageData
        var count: Int

        static let fields = TemplateFields<LanguageOption>(
            [.number("count") { $0.count }] + SpokenLanguageData.fields.embedded { $0.language })
    }

    var categoryGroups: [CategoryGroup]
    var offerGroups: [OfferGroup]
    var owners: [OwnerGroup]
    /// The municipalities for the place filter: a district offer is shown for each town it serves.
    var towns: [OwnerLink]
    var languageOptions: [LanguageOption]
    var count: Int

    static let fields = TemplateFields<OfferDirectoryPageData>([
        .list("categoryGroups") { $0.categoryGroups }, .list("offerGroups") { $0.offerGroups }, .list("owners") { $0.owners },
        .list("towns") { $0.towns }, .list("languageOptions") { $0.languageOptions }, .number("count") { $0.count },
    ])
}

extension SiteRenderer {
    /// All offers for residents by category, then by place. Offers of staff categories (`audience: staff`, trainings
    /// for the administration) are left out of the lists, the topics, the filter and the count: they have a page
    /// for staff of their own.
    func offerDirectoryPage() -> PageContent {
        // The renderer's `offers` are residents' offers already (`SiteIndex.isForResidents`), and
        // `config.residentCategories` is the one list of residents' categories.
        let residents = offers
        let residentCategories = Set(config.residentCategories.map(\.slug))
        let byOwner = Dictionary(grouping: residents, by: \.owner)
        var languageCounts: [String: (language: SpokenLanguage, count: Int)] = [:]
        for offer in residents {
            for language in SpokenLanguage.of(offer.languages, site: config.siteLanguage) {
                languageCounts[language.code, default: (language, 0)].count += 1
            }
        }
        // Most offers first: German, then the languages most offers are held in; equal counts by code, so the order
        // does not change between builds.
        let languageOptions = languageCounts.values.sorted { ($1.count, $0.language.code) < ($0.count, $1.language.code) }
            .map { OfferDirectoryPageData.LanguageOption(language: SpokenLanguageData($0.language), count: $0.count) }
        return PageContent(route: Routes.offerDirectory, title: t("allOffers"), crumbs: [home],
            description: t("allOffersDescription"), data: OfferDirectoryPageData(
                categoryGroups: categoryGroups().compactMap { group in
                    let entries = group.categories.filter { residentCategories.contains($0.category.slug) }
                    return entries.isEmpty ? nil : CategoryGroup(group: group.group, categories: entries)
                },
                offerGroups: offerGroups(residents),
                owners: owners.compactMap { owner in
                    guard let list = byOwner[owner], !list.isEmpty else { return nil }
                    return OwnerGroup(owner: models.ownerLink(owner), offers: list.map { card($0) }, count: list.count)
                },
                towns: owners.filter { $0 != .district }.map { models.ownerLink($0) },
                languageOptions: languageOptions,
                count: residents.count))
    }
}
