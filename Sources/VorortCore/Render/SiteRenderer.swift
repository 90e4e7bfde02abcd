import Foundation

/// Renders the pages of the site in one language from the checked content. `pages` is the list of what the
/// site contains; each page is rendered on its own from its kind (one file per kind in `Pages/`), so the pages of
/// all languages are spread over all cores and a single page can be rendered by its route without the others.
/// The layout around every page is in `PageLayout.swift`, the files all languages share in `SharedFiles.swift`.
struct SiteRenderer: Sendable {
    let models: ViewModels
    let theme: Theme
    let assets: Set<String>
    let root: URL
    let ruleSet: RuleSet
    /// Whether Pagefind indexes the site: only then is there a search page and a link to it.
    let search: Bool

    /// Content grouped once up front, so no page searches the whole site (no quadratic work).
    let offersByOwner: [Owner: [Offer]]
    let contactPointsByOwner: [Owner: [ContactPoint]]
    let storiesByOwner: [Owner: [Story]]
    let factsByOwner: [Owner: Facts]
    let offersByCategory: [String: [Offer]]
    let offersByContactFile: [String: [Offer]]
    /// All offers in alphabetical order.
    let offers: [Offer]
    /// Newest first.
    let stories: [Story]
    /// The district first, then the municipalities in alphabetical order.
    let owners: [Owner]
    /// Links in every page's footer.
    let footerPages: [[String: String]]
    /// Every page of this language by its route (without the language folder), for rendering one page alone.
    private(set) var pagesByRoute: [String: PageKind] = [:]

    var index: SiteIndex { models.index }
    var config: SiteConfig { models.config }
    var content: SiteContent { models.index.content }

    /// One page of the site; rendered independently of every other page.
    enum PageKind: Sendable, Equatable {
        case home, district, municipalities, offerDirectory, contactPoints, stories, notFound, guideline, figures, search
        case municipality(Int), offer(Int), contactPoint(Int), story(Int), page(Int), category(Int)

        /// Pages that list a whole kind of content (all offers, a category, all contact points …): their size grows
        /// with the district, one of them can hold tens of megabytes of template data and HTML at 100,000 pages.
        var listsEverything: Bool {
            switch self {
            case .home, .district, .municipalities, .offerDirectory, .contactPoints, .stories, .figures, .category: true
            case .notFound, .guideline, .search, .municipality, .offer, .contactPoint, .story, .page: false
            }
        }
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
        // Pages that list everything go one at a time (at 100,000 pages two of them side by side were the build's
        // peak of memory); other pages in batches of `batchSize`. The order of the pages (and so of the sitemap) stays
        // the same.
        let large = 1
        var start = 0
        while start < jobs.count {
            let listing = jobs[start].1.listsEverything
            var end = start
            while end < jobs.count, jobs[end].1.listsEverything == listing, end - start < (listing ? large : batchSize) { end += 1 }
            let batch = Array(jobs[start..<end])
            let rendered = try Parallel.map(batch) { job in try renderers[job.0].render(job.1) }
            records += rendered.compactMap(\.record)
            try emit(rendered.map(\.file))
            start = end
        }
        // One file or group at a time: at 100,000 pages some of these are tens of megabytes each.
        for renderer in renderers { try emit([renderer.storiesFeed]) }
        try main.sharedFiles(records: records, emit: emit)
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
        // The check refuses two pages at one address; should it ever miss one, the first page keeps it.
        pagesByRoute = Dictionary(pages.map { (route(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
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

    /// The page at `route` (relative to this language's folder, as `Routes` spells it), if this language has one.
    func page(forRoute route: String) -> PageKind? { pagesByRoute[route] }

    /// Renders the one page at `route` in this language and nothing else; nil when there is no such page.
    func render(route: String) throws -> OutputFile? {
        guard let kind = page(forRoute: route) else { return nil }
        return try render(kind).file
    }

    /// A page's route without rendering it; the same route its `PageContent` carries.
    func route(of kind: PageKind) -> String {
        switch kind {
        case .home: Routes.home
        case .district: Routes.district
        case .municipalities: Routes.municipalities
        case .offerDirectory: Routes.offerDirectory
        case .contactPoints: Routes.contactPoints
        case .stories: Routes.stories
        case .notFound: Routes.notFound
        case .guideline: Routes.guideline
        case .figures: Routes.figures
        case .search: Routes.search
        case .municipality(let position): Routes.municipality(content.municipalities[position].slug)
        case .offer(let position): Routes.offer(content.offers[position])
        case .contactPoint(let position): Routes.contactPoint(content.contactPoints[position])
        case .story(let position): Routes.story(content.stories[position])
        case .page(let position): Routes.page(content.pages[position])
        case .category(let position): Routes.category(config.categories[position].slug)
        }
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

    /// What the page of `kind` shows; each kind's content is built in its own file in `Pages/`.
    func pageContent(_ kind: PageKind) -> PageContent {
        switch kind {
        case .home: homePage()
        case .district: districtPage()
        case .municipalities: municipalitiesPage()
        case .municipality(let position): municipalityPage(content.municipalities[position])
        case .offer(let position): offerPage(content.offers[position])
        case .contactPoint(let position): contactPointPage(content.contactPoints[position])
        case .story(let position): storyPage(content.stories[position])
        case .page(let position): contentPage(content.pages[position])
        case .offerDirectory: offerDirectoryPage()
        case .category(let position): categoryPage(config.categories[position])
        case .contactPoints: contactPointsPage()
        case .stories: storiesPage()
        case .notFound: notFoundPage()
        case .figures: figuresPage()
        case .search: searchPage()
        case .guideline: guidelinePage()
        }
    }
}
