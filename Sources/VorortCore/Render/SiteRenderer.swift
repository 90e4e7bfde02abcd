import Foundation

/// Renders every page of the site from the checked content. `pages` is the list of what the site
/// contains; each page is rendered on its own, so the pages are spread over all cores.
struct SiteRenderer: Sendable {
    let models: ViewModels
    let theme: Theme
    let assets: Set<String>
    let root: URL
    let ruleSet: RuleSet
    /// Whether Pagefind indexes the site: only then is there a search page and a link to it.
    let search: Bool

    /// Content grouped once up front, so no page searches the whole site (no quadratic work).
    private let offersByOwner: [Owner: [Offer]]
    private let contactPointsByOwner: [Owner: [ContactPoint]]
    private let storiesByOwner: [Owner: [Story]]
    private let factsByOwner: [Owner: Facts]
    private let offersByCategory: [String: [Offer]]
    private let offersByContactFile: [String: [Offer]]
    /// All offers in alphabetical order.
    private let offers: [Offer]
    /// Newest first.
    private let stories: [Story]
    /// The district first, then the municipalities in alphabetical order.
    private let owners: [Owner]
    /// Links in every page's footer.
    private let footerPages: [[String: String]]

    private var index: SiteIndex { models.index }
    private var config: SiteConfig { models.config }
    private var content: SiteContent { models.index.content }

    /// One page of the site; rendered independently of every other page.
    enum PageKind: Sendable {
        case home, district, municipalities, offerDirectory, contactPoints, stories, notFound, guideline, figures, search
        case municipality(Int), offer(Int), contactPoint(Int), story(Int), page(Int), category(Int)
    }

    /// A rendered page, remembered for the sitemap.
    struct PageRecord: Sendable {
        var route: String
        var lastModified: CalendarDate?
    }

    init(models: ViewModels, theme: Theme, assets: Set<String>, root: URL, ruleSet: RuleSet, search: Bool = false) {
        self.search = search
        self.models = models
        self.theme = theme
        self.assets = assets
        self.root = root
        self.ruleSet = ruleSet
        let content = models.index.content
        // Sorted once: every list below keeps this order.
        let offers = GermanSorting.sorted(content.offers, by: \.title)
        offersByOwner = Dictionary(grouping: offers, by: \.owner)
        contactPointsByOwner = Dictionary(grouping: GermanSorting.sorted(content.contactPoints, by: \.name), by: \.owner)
        stories = content.stories.sorted { ($0.date, $0.title) > ($1.date, $1.title) }
        storiesByOwner = Dictionary(grouping: stories, by: \.owner)
        factsByOwner = Dictionary(content.facts.map { ($0.owner, $0) }, uniquingKeysWith: { first, _ in first })
        offersByCategory = Dictionary(grouping: offers.compactMap { offer in
            models.category(of: offer).map { ($0.slug, offer) }
        }, by: \.0).mapValues { $0.map(\.1) }
        offersByContactFile = Dictionary(grouping: offers.compactMap { offer -> (String, Offer)? in
            guard let slug = offer.contact?.value, let point = models.index.contactPoint(slug, for: offer.owner) else { return nil }
            return (point.origin.file, offer)
        }, by: \.0).mapValues { $0.map(\.1) }
        self.offers = offers
        owners = [.district] + content.municipalities.map { .municipality($0.slug) }
        // The legally required pages first, in the order visitors look for them.
        let footerOrder = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"]
        footerPages = content.pages
            .sorted { (footerOrder.firstIndex(of: $0.slug) ?? footerOrder.count, $0.title) < (footerOrder.firstIndex(of: $1.slug) ?? footerOrder.count, $1.title) }
            .map { ["title": $0.title, "url": models.url(Routes.page($0))] }
            + [["title": GuidelinePage.title, "url": models.url(Routes.guideline)]]
    }

    var pages: [PageKind] {
        var pages: [PageKind] = [.home, .district, .municipalities, .offerDirectory, .contactPoints, .stories, .notFound, .guideline, .figures]
        pages += content.municipalities.indices.map(PageKind.municipality)
        pages += content.offers.indices.map(PageKind.offer)
        pages += content.contactPoints.indices.map(PageKind.contactPoint)
        pages += content.stories.indices.map(PageKind.story)
        pages += content.pages.indices.map(PageKind.page)
        pages += config.categories.indices.map(PageKind.category)
        if search { pages.append(.search) }
        return pages
    }

    /// Renders all pages in parallel, then adds pictures, theme files, sitemap and robots.txt.
    func render() throws -> [OutputFile] {
        let rendered = try Parallel.map(pages) { try render($0) }
        var files = rendered.map(\.file)
        for asset in assets.sorted() {
            files.append(OutputFile(path: Routes.asset(forContentFile: asset), copyOf: root.appendingPathComponent(asset)))
        }
        for file in theme.staticFiles {
            files.append(OutputFile(path: Routes.assets + file.path, copyOf: file.url))
        }
        files.append(OutputFile(path: Routes.sitemap, text: Sitemap.xml(rendered.compactMap(\.record), baseURL: config.baseURL)))
        // The export's date is the newest review date, so an unchanged site builds byte for byte the same.
        let generated = offers.map(\.reviewed).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        files.append(OutputFile(path: OpenData.offersFile, text: OpenData.offersJSON(models, offers: offers, generated: generated)))
        files.append(OutputFile(path: OpenData.storiesFeed, text: OpenData.storiesFeed(models, stories: stories)))
        for owner in owners where hasCalendar(owner) {
            files.append(OutputFile(path: Calendar.file(for: owner),
                                    text: Calendar.ics(offers: offers(of: owner), ownerName: index.ownerName(owner), models: models)))
        }
        for facts in content.facts {
            files.append(OutputFile(path: Routes.factsCSV(facts.owner), text: Figures.csv(
                facts, ownerName: index.ownerName(facts.owner), minimumCount: config.minimumCount, licence: config.dataLicence)))
        }
        files.append(OutputFile(path: Routes.robots, text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(Routes.sitemap)\n"))
        return files
    }

    /// What one page shows: its route, template, title, breadcrumbs and the template's data.
    private struct PageContent {
        var route: String
        var template: String
        var title: String
        var crumbs: [(String, String)] = []
        var description: String?
        var stand: CalendarDate?
        var context: [String: Any] = [:]
        /// For the search index: what the page is ("Angebot" …), and the filters it can be found by.
        var searchKind: String?
        var searchFilters: [(String, String)] = []
    }

    func render(_ kind: PageKind) throws -> (file: OutputFile, record: PageRecord?) {
        let page = pageContent(kind)
        let full = layoutContext(page).merging(page.context) { _, new in new }
        let html = try theme.render(full, template: page.template)
        let record = page.route == Routes.notFound ? nil : PageRecord(route: page.route, lastModified: page.stand)
        return (OutputFile(path: Routes.outputFile(for: page.route), text: html), record)
    }

    private var home: (String, String) { ("Start", Routes.home) }

    private func pageContent(_ kind: PageKind) -> PageContent {
        switch kind {
        case .home:
            // Introduction, municipalities, categories, latest stories, the district's contact points.
            let district = content.district
            return PageContent(route: Routes.home, template: "home", title: district?.title ?? config.title,
                description: district?.summary ?? config.description, stand: district?.reviewed, context: [
                    "intro": models.body(district?.origin.file ?? ""),
                    "summary": district?.summary ?? "",
                    "municipalities": content.municipalities.map(models.municipalityCard),
                    "categoryGroups": categoryGroups(),
                    "latestStories": stories.prefix(4).map(models.storyCard),
                    "districtContactPoints": contactPoints(of: .district).map(models.contactCard),
                    "districtURL": models.url(Routes.district),
                    "accessPages": accessPages(),
                ])

        case .district:
            var context: [String: Any] = [
                "name": config.district,
                "offerGroups": models.offersByCategory(offers(of: .district)),
                "contactPoints": contactPoints(of: .district).map(models.contactCard),
                "stories": (storiesByOwner[.district] ?? []).map(models.storyCard),
            ]
            if let table = models.factsTable(factsByOwner[.district]) { context["facts"] = table }
            if hasCalendar(.district) { context["calendarURL"] = models.url(Calendar.file(for: .district)) }
            return PageContent(route: Routes.district, template: "district", title: config.district, crumbs: [home],
                description: content.district?.summary, stand: content.district?.reviewed, context: context)

        case .municipalities:
            return PageContent(route: Routes.municipalities, template: "municipalities", title: "Städte und Gemeinden", crumbs: [home],
                context: ["municipalities": content.municipalities.map(models.municipalityCard)])

        case .municipality(let position):
            let m = content.municipalities[position]
            let owner = Owner.municipality(m.slug)
            let districtOffers = offers(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            let districtContacts = contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            var context: [String: Any] = [
                "name": m.name, "kind": m.kind.rawValue, "summary": m.summary, "intro": models.body(m.origin.file),
                "offerGroups": models.offersByCategory(offers(of: owner)),
                "contactPoints": contactPoints(of: owner).map(models.contactCard),
                "stories": (storiesByOwner[owner] ?? []).map(models.storyCard),
                "districtOfferGroups": models.offersByCategory(districtOffers),
                "districtContactPoints": districtContacts.map(models.contactCard),
                "district": ["name": config.district, "url": models.url(Routes.district)],
            ]
            if let population = m.population { context["population"] = GermanFormat.grouped(population) }
            if let website = m.website { context["website"] = website }
            if let table = models.factsTable(factsByOwner[owner]) { context["facts"] = table }
            if hasCalendar(owner) { context["calendarURL"] = models.url(Calendar.file(for: owner)) }
            return PageContent(route: Routes.municipality(m.slug), template: "municipality", title: "\(m.kind.rawValue) \(m.name)",
                crumbs: [home, ("Städte und Gemeinden", Routes.municipalities)], description: m.summary, stand: m.reviewed, context: context,
                searchKind: m.kind.rawValue, searchFilters: [("Ort", "\(m.kind.rawValue) \(m.name)")])

        case .offer(let position):
            let offer = content.offers[position]
            var context = models.offerCard(offer)
            context["body"] = models.body(offer.origin.file)
            var details: [[String: Any]] = []
            let fields: [(String, String?)] = [
                ("Für wen", offer.audience), ("Sprachen", offer.languages.isEmpty ? nil : offer.languages.joined(separator: ", ")),
                ("Wann", offer.schedule), ("Wo", offer.place), ("Kosten", offer.cost), ("Barrierefreiheit", offer.accessibility),
            ]
            for (label, value) in fields {
                if let value { details.append(["label": label, "value": value]) }
            }
            context["details"] = details
            if let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) {
                context["contact"] = models.contactCard(point)
            }
            context["areas"] = (offer.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            context["structuredData"] = StructuredData.offer(offer, models: models)
            if offer.recurrence != nil { context["calendarURL"] = models.url(Calendar.file(for: offer.owner)) }
            return PageContent(route: Routes.offer(offer), template: "offer", title: offer.title,
                crumbs: ownerCrumbs(offer.owner) + [("Angebote", Routes.offerDirectory)],
                description: offer.summary, stand: offer.reviewed, context: context, searchKind: "Angebot",
                searchFilters: [("Ort", index.ownerName(offer.owner))] + (models.category(of: offer).map { [("Thema", $0.label)] } ?? []))

        case .contactPoint(let position):
            let point = content.contactPoints[position]
            var context = models.contactCard(point)
            context["body"] = models.body(point.origin.file)
            context["responsibilityList"] = point.responsibilities
            context["openingHours"] = point.openingHours
            if !point.languages.isEmpty { context["languages"] = point.languages.joined(separator: ", ") }
            if let website = point.website { context["website"] = website }
            context["offers"] = (offersByContactFile[point.origin.file] ?? []).map(models.offerCard)
            context["areas"] = (point.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            context["structuredData"] = StructuredData.contactPoint(point, models: models)
            return PageContent(route: Routes.contactPoint(point), template: "contact-point", title: point.name,
                crumbs: ownerCrumbs(point.owner) + [("Anlaufstellen", Routes.contactPoints)],
                description: point.responsibilities.joined(separator: ", "), stand: point.reviewed, context: context,
                searchKind: "Anlaufstelle", searchFilters: [("Ort", index.ownerName(point.owner))])

        case .story(let position):
            let story = content.stories[position]
            var context = models.storyCard(story)
            context["body"] = models.body(story.origin.file)
            if let image = story.image {
                context["image"] = ["url": models.url(Routes.asset(forContentFile: image.file)), "alt": image.alt]
            }
            context["structuredData"] = StructuredData.story(story, models: models)
            return PageContent(route: Routes.story(story), template: "story", title: story.title,
                crumbs: ownerCrumbs(story.owner) + [("Geschichten", Routes.stories)], description: story.summary, context: context,
                searchKind: "Geschichte", searchFilters: [("Ort", index.ownerName(story.owner))])

        case .page(let position):
            let page = content.pages[position]
            return PageContent(route: Routes.page(page), template: "page", title: page.title, crumbs: [home],
                description: page.summary, stand: page.reviewed,
                context: ["body": models.body(page.origin.file), "summary": page.summary ?? ""], searchKind: "Seite")

        case .offerDirectory:
            // All offers by category, then by place.
            return PageContent(route: Routes.offerDirectory, template: "offer-directory", title: "Alle Angebote", crumbs: [home],
                description: "Alle Angebote nach Thema und nach Ort", context: [
                    "categoryGroups": categoryGroups(),
                    "offerGroups": models.offersByCategory(offers),
                    "owners": owners.compactMap { owner -> [String: Any]? in
                        let list = offers(of: owner)
                        guard !list.isEmpty else { return nil }
                        return models.ownerLink(owner).merging(["offers": list.map(models.offerCard), "count": list.count]) { a, _ in a }
                    },
                    "count": content.offers.count,
                ])

        case .category(let position):
            let category = config.categories[position]
            let list = offersByCategory[category.slug] ?? []
            let byOwner = Dictionary(grouping: list, by: \.owner)
            let groups: [[String: Any]] = owners.compactMap { owner in
                guard let own = byOwner[owner] else { return nil }
                return models.ownerLink(owner).merging(["offers": own.map(models.offerCard)]) { a, _ in a }
            }
            return PageContent(route: Routes.category(category.slug), template: "category", title: category.label,
                crumbs: [home, ("Angebote", Routes.offerDirectory)], description: category.description,
                context: models.categoryLink(category).merging(["owners": groups, "count": list.count, "isEmpty": list.isEmpty]) { a, _ in a })

        case .contactPoints:
            return PageContent(route: Routes.contactPoints, template: "contact-points", title: "Anlaufstellen", crumbs: [home],
                description: "Wer hilft wobei: alle Anlaufstellen", context: [
                    "owners": owners.compactMap { owner -> [String: Any]? in
                        let list = contactPoints(of: owner)
                        guard !list.isEmpty else { return nil }
                        return models.ownerLink(owner).merging(["contactPoints": list.map(models.contactCard)]) { a, _ in a }
                    },
                ])

        case .stories:
            return PageContent(route: Routes.stories, template: "stories", title: "Geschichten", crumbs: [home],
                description: "Gute Beispiele aus dem Landkreis", context: ["stories": stories.map(models.storyCard)])

        case .notFound:
            return PageContent(route: Routes.notFound, template: "not-found", title: "Seite nicht gefunden")

        case .figures:
            return PageContent(route: Routes.figures, template: "figures", title: "Zahlen und Fakten im Vergleich", crumbs: [home],
                description: "Kennzahlen des Landkreises und seiner Städte und Gemeinden im Vergleich", context: figuresContext())

        case .search:
            return PageContent(route: Routes.search, template: "search", title: "Suche", crumbs: [home],
                description: "Alle Angebote, Anlaufstellen, Geschichten und Seiten durchsuchen",
                context: ["pagefindURL": models.url("pagefind/")])

        case .guideline:
            return PageContent(route: Routes.guideline, template: "guideline", title: GuidelinePage.title, crumbs: [home],
                description: GuidelinePage.summary, context: GuidelinePage.context(ruleSet, district: config.district))
        }
    }

    // MARK: - Helpers

    private func offers(of owner: Owner) -> [Offer] { offersByOwner[owner] ?? [] }

    private func hasCalendar(_ owner: Owner) -> Bool { offers(of: owner).contains { $0.recurrence != nil } }

    private func contactPoints(of owner: Owner) -> [ContactPoint] { contactPointsByOwner[owner] ?? [] }

    private func ownerCrumbs(_ owner: Owner) -> [(String, String)] {
        switch owner {
        case .district: [home, (config.district, Routes.district)]
        case .municipality(let slug): [home, ("Städte und Gemeinden", Routes.municipalities), (index.ownerName(owner), Routes.municipality(slug))]
        }
    }

    /// One section per indicator id that several places report: a table (the text alternative) and a bar chart.
    private func figuresContext() -> [String: Any] {
        var order: [String] = []
        var byID: [String: [(owner: Owner, indicator: Indicator)]] = [:]
        for owner in owners {
            for indicator in factsByOwner[owner]?.indicators ?? [] {
                guard let id = indicator.id else { continue }
                if byID[id] == nil { order.append(id) }
                byID[id, default: []].append((owner, indicator))
            }
        }
        let minimum = config.minimumCount
        let sections: [[String: Any]] = order.compactMap { id in
            let entries = byID[id] ?? []
            let municipalities = entries.filter { $0.owner != .district }
            guard let first = entries.first, municipalities.count >= 2 else { return nil }
            let label = first.indicator.label
            let rows: [[String: Any]] = entries.map { entry in
                ["place": index.ownerName(entry.owner), "url": models.url(Routes.owner(entry.owner)), "isDistrict": entry.owner == .district,
                 "value": Figures.display(entry.indicator, minimumCount: minimum), "unit": entry.indicator.unit,
                 "year": String(entry.indicator.year), "source": entry.indicator.source]
            }
            let chart = Figures.barChart(id: "diagramm-\(id)", title: "\(label): Städte und Gemeinden im Vergleich", rows: municipalities.map { entry in
                let hidden = Figures.isSmallCount(entry.indicator, minimumCount: minimum)
                return (index.ownerName(entry.owner), hidden ? 0 : entry.indicator.value,
                        Figures.display(entry.indicator, minimumCount: minimum) + " " + entry.indicator.unit)
            })
            return ["id": id, "label": label, "rows": rows, "chart": chart]
        }
        return ["sections": sections, "minimumCount": minimum, "licence": config.dataLicence,
                "downloads": owners.filter { factsByOwner[$0] != nil }.map { ["name": index.ownerName($0), "url": models.url(Routes.factsCSV($0))] }]
    }

    /// The home page's links to the site explained in Leichte Sprache and in Gebärdensprache (BITV 2.0 § 4).
    private func accessPages() -> [[String: String]] {
        [(LegalPages.leichteSprache, "Leichte Sprache: Was auf dieser Website steht"),
         (LegalPages.gebaerdensprache, "Deutsche Gebärdensprache: Informationen zu dieser Website")]
            .compactMap { slug, label in
                content.pages.first { $0.slug == slug }.map { ["url": models.url(Routes.page($0)), "label": label] }
            }
    }

    private func categoryGroups() -> [[String: Any]] {
        config.groups.map { group in
            ["group": group, "categories": config.categories.filter { $0.group == group }.map { category in
                models.categoryLink(category).merging(["count": offersByCategory[category.slug]?.count ?? 0]) { a, _ in a }
            }]
        }
    }

    /// What every page's layout needs: site name, navigation, breadcrumbs, footer links, "Stand".
    private func layoutContext(_ page: PageContent) -> [String: Any] {
        let route = page.route
        let navigation: [(String, String)] = [
            ("Start", Routes.home), ("Städte und Gemeinden", Routes.municipalities), ("Angebote", Routes.offerDirectory),
            ("Anlaufstellen", Routes.contactPoints), ("Geschichten", Routes.stories), (config.district, Routes.district),
        ] + (search ? [("Suche", Routes.search)] : [])
        var context: [String: Any] = [
            "site": ["title": config.title, "district": config.district, "language": config.language, "homeURL": models.url(Routes.home),
                     "feedURL": models.url(OpenData.storiesFeed), "offersURL": models.url(OpenData.offersFile)],
            "title": page.title,
            "isHome": route == Routes.home,
            "assetsURL": models.url(Routes.assets),
            "canonicalURL": config.baseURL + (route == Routes.notFound ? "" : route),
            "navigation": navigation.map { label, target in
                ["label": label, "url": models.url(target), "current": target == route,
                 "section": target != route && !target.isEmpty && route.hasPrefix(target)]
            },
            "breadcrumbs": page.crumbs.map { ["label": $0.0, "url": models.url($0.1)] },
            "hasBreadcrumbs": !page.crumbs.isEmpty,
            "footerPages": footerPages,
        ]
        if let description = page.description { context["description"] = description }
        if search, let kind = page.searchKind {
            context["searchable"] = true
            context["searchFilters"] = ([("Art", kind)] + page.searchFilters).map { ["name": $0.0, "value": $0.1] }
        }
        if let stand = page.stand { context["stand"] = stand.german; context["standISO"] = stand.iso }
        return context
    }
}
