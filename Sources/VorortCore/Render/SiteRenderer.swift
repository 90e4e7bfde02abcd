import Foundation

/// Renders every page of the site in one language from the checked content. `pages` is the list of what the
/// site contains; each page is rendered on its own, so the pages of all languages are spread over all cores.
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

    /// A rendered page, remembered for the sitemap: its address including the language folder.
    struct PageRecord: Sendable {
        var route: String
        var lastModified: CalendarDate?
    }

    /// Renders the site in every language: the site language at the root, each translation language in its
    /// folder. Shared files (pictures, downloads, open data, sitemap) are written once. Pages are handed to `emit`
    /// in batches of `batchSize` as they are rendered (on all cores), so memory does not grow with the site.
    static func renderAll(_ renderers: [SiteRenderer], batchSize: Int = 2_000, emit: ([OutputFile]) throws -> Void) throws {
        guard let main = renderers.first else { return }
        let jobs = renderers.indices.flatMap { index in renderers[index].pages.map { (index, $0) } }
        var records: [PageRecord] = []
        var start = 0
        while start < jobs.count {
            let batch = Array(jobs[start..<min(start + batchSize, jobs.count)])
            let rendered = try Parallel.map(batch) { job in try renderers[job.0].render(job.1) }
            records += rendered.compactMap(\.record)
            try emit(rendered.map(\.file))
            start += batchSize
        }
        try emit(renderers.map(\.storiesFeed) + main.sharedFiles(records: records))
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
            .map { ["title": models.title($0), "url": models.url(Routes.page($0)),
                    "textLang": models.textLang($0.origin.file)] }
            + [["title": GuidelinePage.title, "url": models.url(Routes.guideline), "textLang": models.textLang(translated: false)]]
    }

    var pages: [PageKind] {
        var pages: [PageKind] = [.home, .district, .municipalities, .offerDirectory, .contactPoints, .stories, .guideline, .figures]
        // Servers answer every missing address with the one 404 page, so it exists in the site language only.
        if models.isSiteLanguage { pages.append(.notFound) }
        pages += content.municipalities.indices.map(PageKind.municipality)
        pages += content.offers.indices.map(PageKind.offer)
        pages += content.contactPoints.indices.map(PageKind.contactPoint)
        pages += content.stories.indices.map(PageKind.story)
        pages += content.pages.indices.map(PageKind.page)
        pages += config.categories.indices.map(PageKind.category)
        if search { pages.append(.search) }
        return pages
    }

    /// The Atom feed of the stories in this language.
    var storiesFeed: OutputFile {
        OutputFile(path: models.prefix + OpenData.storiesFeed, text: OpenData.storiesFeed(models, stories: stories))
    }

    /// Pictures, theme files, sitemap, robots.txt and the open-data downloads: once for all languages.
    private func sharedFiles(records: [PageRecord]) -> [OutputFile] {
        var files: [OutputFile] = []
        for asset in assets.sorted() {
            files.append(OutputFile(path: Routes.asset(forContentFile: asset), copyOf: root.appendingPathComponent(asset)))
        }
        for file in theme.staticFiles {
            files.append(OutputFile(path: Routes.assets + file.path, copyOf: file.url))
        }
        files.append(OutputFile(path: Routes.sitemap, text: Sitemap.xml(records, baseURL: config.baseURL)))
        // The export's date is the newest review date, so an unchanged site builds byte for byte the same.
        let generated = offers.map(\.reviewed).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        files.append(OutputFile(path: OpenData.offersFile, text: OpenData.offersJSON(models, offers: offers, generated: generated)))
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
        /// The content file whose text the page shows; in another language without its translation, the page
        /// shows the German text with a note.
        var file: String?
        /// Pages whose text exists in German only (the wording guideline, which is about German words).
        var germanOnly = false
    }

    func render(_ kind: PageKind) throws -> (file: OutputFile, record: PageRecord?) {
        let page = pageContent(kind)
        let full = layoutContext(page).merging(page.context) { _, new in new }
        let html = try theme.render(full, template: page.template, language: models.language.code)
        // Pages that only repeat the German text are left out of the sitemap: their canonical address is the German page.
        let record = page.route == Routes.notFound || isFallback(page) ? nil
            : PageRecord(route: models.prefix + page.route, lastModified: page.stand)
        return (OutputFile(path: Routes.outputFile(for: models.prefix + page.route), text: html), record)
    }

    /// Whether the page's text exists in `language`: always in the site language; otherwise unless it is German only
    /// or shows a content file without a translation into that language.
    private func exists(_ page: PageContent, in language: Language) -> Bool {
        language == config.siteLanguage
            || !page.germanOnly && (page.file.map { index.content.translations[$0]?[language.code] != nil } ?? true)
    }

    private func isFallback(_ page: PageContent) -> Bool { !exists(page, in: models.language) }

    private func t(_ key: String) -> String { models.strings.text(key) }

    private var home: (String, String) { (t("home"), Routes.home) }

    private func pageContent(_ kind: PageKind) -> PageContent {
        switch kind {
        case .home:
            // Introduction, municipalities, categories, latest stories, the district's contact points.
            let district = content.district
            let summary = district.map(models.summary)
            return PageContent(route: Routes.home, template: "home", title: district.map(models.title) ?? models.siteTitle,
                description: summary ?? models.siteDescription, stand: models.reviewed(district?.origin.file, original: district?.reviewed), context: [
                    "intro": models.body(district?.origin.file ?? ""),
                    "summary": summary ?? "",
                    "municipalities": content.municipalities.map(models.municipalityCard),
                    "categoryGroups": categoryGroups(),
                    "latestStories": stories.prefix(4).map(models.storyCard),
                    "districtContactPoints": contactPoints(of: .district).map(models.contactCard),
                    "districtURL": models.url(Routes.district),
                    "accessPages": accessPages(),
                ], file: district?.origin.file)

        case .district:
            var context: [String: Any] = [
                "name": models.districtName,
                "offerGroups": models.offersByCategory(offers(of: .district)),
                "contactPoints": contactPoints(of: .district).map(models.contactCard),
                "stories": (storiesByOwner[.district] ?? []).map(models.storyCard),
            ]
            if let table = models.factsTable(factsByOwner[.district]) { context["facts"] = table }
            if hasCalendar(.district) { context["calendarURL"] = models.fileURL(Calendar.file(for: .district)) }
            let summary = content.district.map(models.summary)
            return PageContent(route: Routes.district, template: "district", title: models.districtName, crumbs: [home],
                description: summary, stand: content.district?.reviewed, context: context)

        case .municipalities:
            return PageContent(route: Routes.municipalities, template: "municipalities", title: t("municipalities"), crumbs: [home],
                context: ["municipalities": content.municipalities.map(models.municipalityCard)])

        case .municipality(let position):
            let m = content.municipalities[position]
            let owner = Owner.municipality(m.slug)
            let summary = models.summary(m)
            let districtOffers = offers(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            let districtContacts = contactPoints(of: .district).filter { SiteIndex.serves($0.areas, municipality: m.slug) }
            var context: [String: Any] = [
                "name": m.name, "kind": models.kindName(m.kind), "summary": summary, "intro": models.body(m.origin.file),
                "offerGroups": models.offersByCategory(offers(of: owner)),
                "contactPoints": contactPoints(of: owner).map(models.contactCard),
                "stories": (storiesByOwner[owner] ?? []).map(models.storyCard),
                "districtOfferGroups": models.offersByCategory(districtOffers),
                "districtContactPoints": districtContacts.map(models.contactCard),
                "district": ["name": models.districtName, "url": models.url(Routes.district)],
            ]
            if let population = m.population { context["population"] = models.number(population) }
            if let website = m.website { context["website"] = website }
            if let table = models.factsTable(factsByOwner[owner]) { context["facts"] = table }
            if hasCalendar(owner) { context["calendarURL"] = models.fileURL(Calendar.file(for: owner)) }
            let name = models.placeName(m)
            return PageContent(route: Routes.municipality(m.slug), template: "municipality", title: name,
                crumbs: [home, (t("municipalities"), Routes.municipalities)], description: summary,
                stand: models.reviewed(m.origin.file, original: m.reviewed), context: context,
                searchKind: models.kindName(m.kind), searchFilters: [(t("filterPlace"), name)], file: m.origin.file)

        case .offer(let position):
            let offer = content.offers[position]
            let translated = models.translation(offer.origin.file)
            var context = models.offerCard(offer)
            context["body"] = models.body(offer.origin.file)
            var details: [[String: Any]] = []
            let fields: [(String, String?)] = [
                ("audience", offer.audience), ("languages", offer.languages.isEmpty ? nil : offer.languages.joined(separator: ", ")),
                ("schedule", offer.schedule), ("place", offer.place), ("cost", offer.cost), ("accessibility", offer.accessibility),
            ]
            for (key, value) in fields {
                guard let value else { continue }
                // Languages are named in German in the original; other details may be translated one by one.
                let own = translated?.fields[key]
                details.append(["label": t(key), "value": own ?? value, "textLang": models.textLang(translated: own != nil)])
            }
            context["details"] = details
            if let slug = offer.contact?.value, let point = index.contactPoint(slug, for: offer.owner) {
                context["contact"] = models.contactCard(point)
            }
            context["areas"] = (offer.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            context["structuredData"] = StructuredData.offer(offer, models: models)
            if offer.recurrence != nil { context["calendarURL"] = models.fileURL(Calendar.file(for: offer.owner)) }
            return PageContent(route: Routes.offer(offer), template: "offer", title: models.title(offer),
                crumbs: ownerCrumbs(offer.owner) + [(t("offers"), Routes.offerDirectory)],
                description: models.summary(offer), stand: models.reviewed(offer.origin.file, original: offer.reviewed), context: context, searchKind: t("kindOffer"),
                searchFilters: [(t("filterPlace"), models.ownerName(offer.owner))]
                    + (models.category(of: offer).map { [(t("filterTopic"), models.categoryLabel($0))] } ?? []),
                file: offer.origin.file)

        case .contactPoint(let position):
            let point = content.contactPoints[position]
            let translated = models.translation(point.origin.file)
            var context = models.contactCard(point)
            context["body"] = models.body(point.origin.file)
            context["responsibilityList"] = translated?.lists["responsibilities"] ?? point.responsibilities
            context["openingHours"] = translated?.lists["openingHours"] ?? point.openingHours
            if !point.languages.isEmpty { context["languages"] = point.languages.joined(separator: ", ") }
            if let website = point.website { context["website"] = website }
            context["offers"] = (offersByContactFile[point.origin.file] ?? []).map(models.offerCard)
            context["areas"] = (point.areas ?? []).compactMap { index.municipality($0.value) }.map(models.municipalityCard)
            context["structuredData"] = StructuredData.contactPoint(point, models: models)
            return PageContent(route: Routes.contactPoint(point), template: "contact-point", title: models.contactName(point),
                crumbs: ownerCrumbs(point.owner) + [(t("contactPoints"), Routes.contactPoints)],
                description: (translated?.lists["responsibilities"] ?? point.responsibilities).joined(separator: ", "),
                stand: models.reviewed(point.origin.file, original: point.reviewed), context: context,
                searchKind: t("kindContactPoint"), searchFilters: [(t("filterPlace"), models.ownerName(point.owner))], file: point.origin.file)

        case .story(let position):
            let story = content.stories[position]
            let translated = models.translation(story.origin.file)
            var context = models.storyCard(story)
            context["body"] = models.body(story.origin.file)
            if let image = story.image {
                context["image"] = ["url": models.fileURL(Routes.asset(forContentFile: image.file)), "alt": translated?.imageAlt ?? image.alt]
            }
            context["structuredData"] = StructuredData.story(story, models: models)
            return PageContent(route: Routes.story(story), template: "story", title: models.title(story),
                crumbs: ownerCrumbs(story.owner) + [(t("stories"), Routes.stories)], description: models.summary(story),
                context: context, searchKind: t("kindStory"), searchFilters: [(t("filterPlace"), models.ownerName(story.owner))],
                file: story.origin.file)

        case .page(let position):
            let page = content.pages[position]
            let summary = models.summary(page)
            return PageContent(route: Routes.page(page), template: "page", title: models.title(page), crumbs: [home],
                description: summary, stand: models.reviewed(page.origin.file, original: page.reviewed),
                context: ["body": models.body(page.origin.file), "summary": summary ?? ""], searchKind: t("kindPage"), file: page.origin.file)

        case .offerDirectory:
            // All offers by category, then by place.
            return PageContent(route: Routes.offerDirectory, template: "offer-directory", title: t("allOffers"), crumbs: [home],
                description: t("allOffersDescription"), context: [
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
            let link = models.categoryLink(category)
            return PageContent(route: Routes.category(category.slug), template: "category", title: models.categoryLabel(category),
                crumbs: [home, (t("offers"), Routes.offerDirectory)], description: link["description"] as? String,
                context: link.merging(["owners": groups, "count": list.count, "isEmpty": list.isEmpty]) { a, _ in a })

        case .contactPoints:
            return PageContent(route: Routes.contactPoints, template: "contact-points", title: t("contactPoints"), crumbs: [home],
                description: t("contactPointsDescription"), context: [
                    "owners": owners.compactMap { owner -> [String: Any]? in
                        let list = contactPoints(of: owner)
                        guard !list.isEmpty else { return nil }
                        return models.ownerLink(owner).merging(["contactPoints": list.map(models.contactCard)]) { a, _ in a }
                    },
                ])

        case .stories:
            return PageContent(route: Routes.stories, template: "stories", title: t("stories"), crumbs: [home],
                description: t("storiesDescription"), context: ["stories": stories.map(models.storyCard)])

        case .notFound:
            return PageContent(route: Routes.notFound, template: "not-found", title: t("notFound"))

        case .figures:
            return PageContent(route: Routes.figures, template: "figures", title: t("figures"), crumbs: [home],
                description: t("figuresDescription"), context: figuresContext())

        case .search:
            return PageContent(route: Routes.search, template: "search", title: t("search"), crumbs: [home],
                description: t("searchDescription"),
                context: ["pagefindURL": models.fileURL("pagefind/"), "directoryURL": models.url(Routes.offerDirectory)])

        case .guideline:
            return PageContent(route: Routes.guideline, template: "guideline", title: GuidelinePage.title, crumbs: [home],
                description: GuidelinePage.summary, context: GuidelinePage.context(ruleSet, district: config.district), germanOnly: true)
        }
    }

    // MARK: - Helpers

    private func offers(of owner: Owner) -> [Offer] { offersByOwner[owner] ?? [] }

    private func hasCalendar(_ owner: Owner) -> Bool { offers(of: owner).contains { $0.recurrence != nil } }

    private func contactPoints(of owner: Owner) -> [ContactPoint] { contactPointsByOwner[owner] ?? [] }

    private func ownerCrumbs(_ owner: Owner) -> [(String, String)] {
        switch owner {
        case .district: [home, (models.districtName, Routes.district)]
        case .municipality(let slug): [home, (t("municipalities"), Routes.municipalities), (models.ownerName(owner), Routes.municipality(slug))]
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
                ["place": models.ownerName(entry.owner), "url": models.url(Routes.owner(entry.owner)), "isDistrict": entry.owner == .district,
                 "value": models.figure(entry.indicator), "unit": entry.indicator.unit,
                 "year": String(entry.indicator.year), "source": entry.indicator.source]
            }
            let chart = Figures.barChart(id: "diagramm-\(id)", title: models.strings.format("chartTitle", ["label": label]),
                                         rows: municipalities.map { entry in
                let hidden = Figures.isSmallCount(entry.indicator, minimumCount: minimum)
                return (models.ownerName(entry.owner), hidden ? 0 : entry.indicator.value,
                        models.figure(entry.indicator) + " " + entry.indicator.unit)
            })
            return ["id": id, "label": label, "rows": rows, "chart": chart]
        }
        return ["sections": sections, "minimumCount": minimum, "licence": config.dataLicence,
                "downloads": owners.filter { factsByOwner[$0] != nil }.map { ["name": models.ownerName($0), "url": models.fileURL(Routes.factsCSV($0))] }]
    }

    /// The home page's links to the site explained in Leichte Sprache and in Gebärdensprache (BITV 2.0 § 4).
    private func accessPages() -> [[String: String]] {
        [(LegalPages.leichteSprache, t("leichteSpracheLink")), (LegalPages.gebaerdensprache, t("gebaerdenspracheLink"))]
            .compactMap { slug, label in
                content.pages.first { $0.slug == slug }.map { ["url": models.url(Routes.page($0)), "label": label] }
            }
    }

    private func categoryGroups() -> [[String: Any]] {
        config.groups.map { group in
            ["group": models.groupName(group), "categories": config.categories.filter { $0.group == group }.map { category in
                models.categoryLink(category).merging(["count": offersByCategory[category.slug]?.count ?? 0]) { a, _ in a }
            }]
        }
    }

    /// What every page's layout needs: site name, languages, navigation, breadcrumbs, footer links, "Stand".
    private func layoutContext(_ page: PageContent) -> [String: Any] {
        let route = page.route
        let fallback = isFallback(page)
        let navigation: [(String, String)] = [
            (t("home"), Routes.home), (t("municipalities"), Routes.municipalities), (t("offers"), Routes.offerDirectory),
            (t("contactPoints"), Routes.contactPoints), (t("stories"), Routes.stories), (models.districtName, Routes.district),
        ] + (search ? [(t("search"), Routes.search)] : [])
        let site = config.siteLanguage
        var context: [String: Any] = [
            "t": models.strings.templateTable(),
            "site": ["title": models.siteTitle, "district": models.districtName, "lang": models.language.tag,
                     "dir": models.language.direction.rawValue, "homeURL": models.url(Routes.home),
                     "feedURL": models.url(OpenData.storiesFeed), "offersURL": models.fileURL(OpenData.offersFile)],
            "title": page.title,
            "isHome": route == Routes.home,
            "assetsURL": models.fileURL(Routes.assets),
            // A page that repeats the German text names the German page as the original.
            "canonicalURL": route == Routes.notFound ? config.baseURL : fallback ? config.baseURL + route : models.absoluteURL(route),
            "navigation": navigation.map { label, target in
                ["label": label, "url": models.url(target), "current": target == route,
                 "section": target != route && !target.isEmpty && route.hasPrefix(target)]
            },
            "breadcrumbs": page.crumbs.map { ["label": $0.0, "url": models.url($0.1)] },
            "hasBreadcrumbs": !page.crumbs.isEmpty,
            "footerPages": footerPages,
            "textLang": models.textLang(translated: !fallback),
            "originalLang": site.tag,
            "originalDir": site.direction.rawValue,
        ]
        if !config.translationLanguages.isEmpty, route != Routes.notFound {
            context["languageLinks"] = config.languages.map { language -> [String: Any] in
                ["name": language.name, "lang": language.tag, "dir": language.direction.rawValue,
                 "url": config.basePath + Routes.languagePrefix(language, site: site) + route, "current": language == models.language]
            }
            // Alternates name the languages the page really exists in, and German as the default for all others.
            context["alternates"] = config.languages.filter { exists(page, in: $0) }.map { ["lang": $0.tag, "url": config.baseURL + Routes.languagePrefix($0, site: site) + route] }
                + [["lang": "x-default", "url": config.baseURL + route]]
        }
        if fallback { context["fallback"] = true }
        if let description = page.description { context["description"] = description }
        if search, let kind = page.searchKind {
            context["searchable"] = true
            context["searchFilters"] = ([(t("filterKind"), kind)] + page.searchFilters).map { ["name": $0.0, "value": $0.1] }
        }
        if let stand = page.stand { context["stand"] = models.date(stand); context["standISO"] = stand.iso }
        return context
    }
}
