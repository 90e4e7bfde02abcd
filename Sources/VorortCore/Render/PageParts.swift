/// Pieces several pages use: the grouped content by owner, breadcrumbs, the category overview.
extension SiteRenderer {
    func offers(of owner: Owner) -> Picked<Offer> { offersByOwner[owner] ?? [] }

    func hasCalendar(_ owner: Owner) -> Bool { offers(of: owner).contains { $0.recurrence != nil } }

    func contactPoints(of owner: Owner) -> Picked<ContactPoint> { contactPointsByOwner[owner] ?? [] }

    func t(_ key: String) -> String { models.strings.text(key) }

    var home: (String, String) { (t("home"), Routes.home) }

    func ownerCrumbs(_ owner: Owner) -> [(String, String)] {
        switch owner {
        case .district: [home, (models.districtName, Routes.district)]
        case .municipality(let slug): [home, (t("municipalities"), Routes.municipalities), (models.ownerName(owner), Routes.municipality(slug))]
        }
    }

    // The cards are made for every content file up front; the fallbacks only serve content added since.
    func card(_ offer: Offer) -> OfferCard { offerCards[offer.origin.file] ?? models.offerCard(offer) }
    func card(_ point: ContactPoint) -> ContactCard { contactCards[point.origin.file] ?? models.contactCard(point) }
    func card(_ story: Story) -> StoryCard { storyCards[story.origin.file] ?? models.storyCard(story) }
    func card(_ m: Municipality) -> MunicipalityCard { municipalityCards[m.origin.file] ?? models.municipalityCard(m) }

    /// Residents' categories by group with their number of offers (the offer directory).
    func categoryGroups() -> [CategoryGroup] {
        config.residentGroups.map { group in
            CategoryGroup(group: models.groupName(group), categories: config.residentCategories.filter { $0.group == group }.map { category in
                CategoryGroup.Entry(category: models.categoryLink(category), count: offersByCategory[category.slug]?.count ?? 0)
            })
        }
    }

    /// Offers grouped by category in the order of `site.yml`, keeping the order of `offers` within a category;
    /// empty categories are left out.
    func offerGroups(_ offers: some Collection<Offer>) -> [OfferGroup] {
        // The cards are grouped, not the offers: a copy of an offer retains each of its fields.
        var byCategory: [String: [OfferCard]] = [:]
        for offer in offers {
            if let category = models.category(of: offer) { byCategory[category.slug, default: []].append(card(offer)) }
        }
        return config.categories.compactMap { category in
            guard let cards = byCategory[category.slug] else { return nil }
            return OfferGroup(category: models.categoryLink(category), offers: cards)
        }
    }
}
