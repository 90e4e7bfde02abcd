import Foundation

/// Renders every page of the site from the checked content: the list of what the site contains.
struct SiteRenderer {
    let models: ViewModels
    let theme: Theme
    let assets: Set<String>
    let root: URL

    private var index: SiteIndex { models.index }
    private var config: SiteConfig { models.config }
    private var content: SiteContent { models.index.content }

    /// A rendered page, remembered for the sitemap.
    struct PageRecord {
        var route: String
        var lastModified: CalendarDate?
    }

    func render() throws -> [OutputFile] {
        var files: [OutputFile] = []
        var pages: [PageRecord] = []
        func emit(_ route: String, _ template: String, title: String, crumbs: [(String, String)], description: String? = nil,
                  stand: CalendarDate? = nil, _ context: [String: Any]) throws {
            let full = layoutContext(route: route, title: title, crumbs: crumbs, description: description, stand: stand)
                .merging(context) { _, new in new }
            files.append(OutputFile(path: Routes.outputFile(for: route), text: try theme.render(full, template: template)))
            if route != Routes.notFound { pages.append(PageRecord(route: route, lastModified: stand)) }
        }
        let home = ("Start", Routes.home)
        let sortedStories = content.stories.sorted { ($0.date, $0.title) > ($1.date, $1.title) }

        // Home page: introduction, municipalities, categories, latest stories, district contact points.
        try emit(Routes.home, "home", title: content.district?.title ?? config.title, crumbs: [], description: content.district?.summary ?? config.description,
                 stand: content.district?.reviewed, [
                    "intro": models.body(content.district?.origin.file ?? ""),
                    "summary": content.district?.summary ?? "",
                    "municipalities": content.municipalities.map(models.municipalityCard),
                    "categoryGroups": categoryGroups(),
                    "latestStories": sortedStories.prefix(4).map(models.storyCard),
                    "districtContactPoints": contactPoints(of: .district).map(models.contactCard),
                    "districtURL": models.url(Routes.district),
                 ])

        // The district's own page, built like a municipality page.
        var districtContext: [String: Any] = [
            "name": config.district,
            "offerGroups": models.offersByCategory(offers(of: .district)),
            "contactPoints": contactPoints(of: .district).map(models.contactCard),
            "stories": sortedStories.filter { $0.owner == .district }.map(models.storyCard),
        ]
        if let table = models.factsTable(facts(of: .district)) { districtContext["facts"] = table }
        try emit(Routes.district, "district", title: config.district, crumbs: [home], description: content.district?.summary,
                 stand: content.district?.reviewed, districtContext)

        try emit(Routes.municipalities, "municipalities", title: "Städte und Gemeinden", crumbs: [home], [
            "municipalities": content.municipalities.map(models.municipalityCard),
        ])

        for m in content.municipalities {
            let owner = Owner.municipality(m.slug)
            let districtOffers = offers(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            let districtContacts = contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            var context: [String: Any] = [
                "name": m.name, "kind": m.kind.rawValue, "summary": m.summary, "intro": models.body(m.origin.file),
                "offerGroups": models.offersByCategory(offers(of: owner)),
                "contactPoints": contactPoints(of: owner).map(models.contactCard),
                "stories": sortedStories.filter { $0.owner == owner }.map(models.storyCard),
                "districtOfferGroups": models.offersByCategory(districtOffers),
                "districtContactPoints": districtContacts.map(models.contactCard),
                "district": ["name": config.district, "url": models.url(Routes.district)],
            ]
            if let population = m.population { context["population"] = GermanFormat.grouped(population) }
            if let website = m.website { context["website"] = website }
            if let table = models.factsTable(facts(of: owner)) { context["facts"] = table }
            try emit(Routes.municipality(m.slug), "municipality", title: "\(m.kind.rawValue) \(m.name)",
                     crumbs: [home, ("Städte und Gemeinden", Routes.municipalities)], description: m.summary, stand: m.reviewed, context)
        }

        for offer in content.offers {
            var context: [String: Any] = models.offerCard(offer)
            context["body"] = models.body(offer.origin.file)
            var details: [[String: Any]] = []
            for (label, value) in [("Für wen", offer.audience), ("Wann", offer.schedule), ("Wo", offer.place), ("Kosten", offer.cost),
                                   ("Barrierefreiheit", offer.accessibility)] {
                if let value { details.append(["label": label, "value": value]) }
            }
            if !offer.languages.isEmpty { details.insert(["label": "Sprachen", "value": offer.languages.joined(separator: ", ")], at: 1) }
            context["details"] = details
            if let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) {
                context["contact"] = models.contactCard(point)
            }
            context["areas"] = (offer.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            try emit(Routes.offer(offer), "offer", title: offer.title, crumbs: ownerCrumbs(offer.owner, home: home) + [("Angebote", Routes.offerDirectory)],
                     description: offer.summary, stand: offer.reviewed, context)
        }

        let offersByContact = Dictionary(grouping: content.offers.compactMap { offer -> (String, Offer)? in
            guard let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) else { return nil }
            return (point.origin.file, offer)
        }, by: { $0.0 })
        for point in content.contactPoints {
            var context = models.contactCard(point)
            context["body"] = models.body(point.origin.file)
            context["responsibilityList"] = point.responsibilities
            context["openingHours"] = point.openingHours
            if !point.languages.isEmpty { context["languages"] = point.languages.joined(separator: ", ") }
            if let website = point.website { context["website"] = website }
            context["offers"] = (offersByContact[point.origin.file] ?? []).map(\.1)
                .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }.map(models.offerCard)
            context["areas"] = (point.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            try emit(Routes.contactPoint(point), "contact-point", title: point.name,
                     crumbs: ownerCrumbs(point.owner, home: home) + [("Anlaufstellen", Routes.contactPoints)],
                     description: point.responsibilities.joined(separator: ", "), stand: point.reviewed, context)
        }

        for story in content.stories {
            var context = models.storyCard(story)
            context["body"] = models.body(story.origin.file)
            if let image = story.image {
                context["image"] = ["url": models.url(Routes.asset(forContentFile: image.file)), "alt": image.alt]
            }
            try emit(Routes.story(story), "story", title: story.title, crumbs: ownerCrumbs(story.owner, home: home) + [("Geschichten", Routes.stories)],
                     description: story.summary, context)
        }

        for page in content.pages {
            try emit(Routes.page(page), "page", title: page.title, crumbs: [home], description: page.summary, stand: page.reviewed, [
                "body": models.body(page.origin.file), "summary": page.summary ?? "",
            ])
        }

        // Offer directory: all offers by category, then by municipality; one page per category.
        let allByOwner = [Owner.district] + content.municipalities.map { Owner.municipality($0.slug) }
        try emit(Routes.offerDirectory, "offer-directory", title: "Alle Angebote", crumbs: [home], description: "Alle Angebote nach Kategorie und nach Gemeinde", [
            "categoryGroups": categoryGroups(),
            "offerGroups": models.offersByCategory(content.offers),
            "owners": allByOwner.compactMap { owner -> [String: Any]? in
                let list = offers(of: owner)
                guard !list.isEmpty else { return nil }
                return models.ownerLink(owner).merging(["offers": list.map(models.offerCard), "count": list.count]) { a, _ in a }
            },
            "count": content.offers.count,
        ])
        for category in config.categories {
            let list = content.offers.filter { models.category(of: $0)?.slug == category.slug }
            let byOwner: [[String: Any]] = allByOwner.compactMap { owner in
                let own = list.filter { $0.owner == owner }.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
                guard !own.isEmpty else { return nil }
                return models.ownerLink(owner).merging(["offers": own.map(models.offerCard)]) { a, _ in a }
            }
            try emit(Routes.category(category.slug), "category", title: category.label, crumbs: [home, ("Angebote", Routes.offerDirectory)],
                     description: category.description, models.categoryLink(category).merging([
                        "owners": byOwner, "count": list.count, "isEmpty": list.isEmpty,
                     ]) { a, _ in a })
        }

        try emit(Routes.contactPoints, "contact-points", title: "Anlaufstellen", crumbs: [home], description: "Wer hilft wobei: alle Anlaufstellen", [
            "owners": allByOwner.compactMap { owner -> [String: Any]? in
                let list = contactPoints(of: owner)
                guard !list.isEmpty else { return nil }
                return models.ownerLink(owner).merging(["contactPoints": list.map(models.contactCard)]) { a, _ in a }
            },
        ])
        try emit(Routes.stories, "stories", title: "Geschichten", crumbs: [home], description: "Gute Beispiele aus dem Landkreis", [
            "stories": sortedStories.map(models.storyCard),
        ])
        try emit(Routes.notFound, "not-found", title: "Seite nicht gefunden", crumbs: [], [:])

        for asset in assets.sorted() {
            files.append(OutputFile(path: Routes.asset(forContentFile: asset), copyOf: root.appendingPathComponent(asset)))
        }
        for file in theme.staticFiles {
            files.append(OutputFile(path: Routes.assets + file.path, copyOf: file.url))
        }
        files.append(OutputFile(path: Routes.sitemap, text: Sitemap.xml(pages, baseURL: config.baseURL)))
        files.append(OutputFile(path: Routes.robots, text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(Routes.sitemap)\n"))
        return files
    }

    // MARK: - Helpers

    private func offers(of owner: Owner) -> [Offer] {
        content.offers.filter { $0.owner == owner }.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    }

    private func contactPoints(of owner: Owner) -> [ContactPoint] {
        content.contactPoints.filter { $0.owner == owner }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private func facts(of owner: Owner) -> Facts? { content.facts.first { $0.owner == owner } }

    private func ownerCrumbs(_ owner: Owner, home: (String, String)) -> [(String, String)] {
        switch owner {
        case .district: [home, (config.district, Routes.district)]
        case .municipality(let slug): [home, ("Städte und Gemeinden", Routes.municipalities), (index.ownerName(owner), Routes.municipality(slug))]
        }
    }

    private func categoryGroups() -> [[String: Any]] {
        let counts = Dictionary(grouping: content.offers.compactMap { models.category(of: $0)?.slug }, by: { $0 }).mapValues(\.count)
        return config.groups.map { group in
            ["group": group, "categories": config.categories.filter { $0.group == group }.map { category in
                models.categoryLink(category).merging(["count": counts[category.slug] ?? 0]) { a, _ in a }
            }]
        }
    }

    /// What every page's layout needs: site name, navigation, breadcrumbs, footer links, "Stand".
    private func layoutContext(route: String, title: String, crumbs: [(String, String)], description: String?, stand: CalendarDate?) -> [String: Any] {
        let navigation: [(String, String)] = [
            ("Start", Routes.home), ("Städte und Gemeinden", Routes.municipalities), ("Angebote", Routes.offerDirectory),
            ("Anlaufstellen", Routes.contactPoints), ("Geschichten", Routes.stories), (config.district, Routes.district),
        ]
        let footerOrder = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"]
        let footerPages = content.pages.sorted {
            (footerOrder.firstIndex(of: $0.slug) ?? footerOrder.count, $0.title) < (footerOrder.firstIndex(of: $1.slug) ?? footerOrder.count, $1.title)
        }
        var context: [String: Any] = [
            "site": ["title": config.title, "district": config.district, "language": config.language, "homeURL": models.url(Routes.home)],
            "title": title,
            "isHome": route == Routes.home,
            "assetsURL": models.url(Routes.assets),
            "canonicalURL": config.baseURL + (route == Routes.notFound ? "" : route),
            "navigation": navigation.map { label, target in
                ["label": label, "url": models.url(target), "current": target == route,
                 "section": target != route && !target.isEmpty && route.hasPrefix(target)]
            },
            "breadcrumbs": crumbs.map { ["label": $0.0, "url": models.url($0.1)] },
            "hasBreadcrumbs": !crumbs.isEmpty,
            "footerPages": footerPages.map { ["title": $0.title, "url": models.url(Routes.page($0))] },
        ]
        if let description { context["description"] = description }
        if let stand { context["stand"] = stand.german; context["standISO"] = stand.iso }
        return context
    }
}
