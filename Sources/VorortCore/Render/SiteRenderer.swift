import Foundation

/// Renders the pages of the site in one language from the checked content. `pages` is the list of what the
/// site contains; each page is rendered on its own from its kind (one file per kind in `Pages/`), so the pages of
/// all languages are spread over all cores and a single page can be rendered by its route without the others.
/// The layout around every page is in `PageLayout.swift`, the files all languages share in `SharedFiles.swift`.
struct SiteRenderer: Sendable {
    private(set) var models: ViewModels
    let theme: Theme
    let assets: Set<String>
    let root: URL
    let ruleSet: RuleSet
    /// Whether Pagefind indexes the site: only then is there a search page and a link to it.
    let search: Bool

    /// The content in the order pages list it, shared by the renderers of all languages.
    let order: SiteOrder
    var offersByOwner: [Owner: Picked<Offer>] { order.offersByOwner }
    var contactPointsByOwner: [Owner: Picked<ContactPoint>] { order.contactPointsByOwner }
    var storiesByOwner: [Owner: Picked<Story>] { order.storiesByOwner }
    var factsByOwner: [Owner: Facts] { order.factsByOwner }
    var offersByCategory: [String: Picked<Offer>] { order.offersByCategory }
    var offersByContactFile: [String: Picked<Offer>] { order.offersByContactFile }
    /// Residents' offers (`SiteIndex.isForResidents`) in alphabetical order: what the offer directory, category pages,
    /// municipality pages and calendars list; the groups above hold residents' offers only too.
    var offers: [Offer] { order.offers }
    /// Offers of staff categories (`audience: staff`) in alphabetical order: listed on the staff page only.
    var staffOffers: [Offer] { order.staffOffers }
    /// Newest first.
    var stories: [Story] { order.stories }
    /// The district first, then the municipalities.
    var owners: [Owner] { order.owners }
    /// Links in every page's footer.
    let footerPages: [LayoutData.FooterLink]
    /// The main navigation: label, route and address of each item.
    let navigation: [(label: String, route: String, url: String)]
    let siteData: LayoutData.SiteData
    let words: ThemeWords
    /// The cards of this language by content file, made once: listing pages show each card many times.
    let offerCards: [String: OfferCard]
    let contactCards: [String: ContactCard]
    let storyCards: [String: StoryCard]
    let municipalityCards: [String: MunicipalityCard]
    /// Events sorted into upcoming and past (by the build's day), for residents and for staff; their cards.
    var events: EventLists { order.events }
    let eventCards: [String: EventCard]
    /// The pages of this language that are not an item's page, by route (without the language folder); items'
    /// pages are in `order`.
    private(set) var fixedPagesByRoute: [String: PageKind] = [:]

    var index: SiteIndex { models.index }
    var config: SiteConfig { models.config }
    var content: SiteContent { models.index.content }

    /// One page of the site; rendered independently of every other page.
    enum PageKind: Sendable, Hashable, CustomStringConvertible {
        case home, district, municipalities, offerDirectory, contactPoints, responsibility, stories, notFound, guideline, figures, search
        /// What can be read without a connection (the service worker's fallback), in every language.
        case offline
        /// The offers for staff of the administrations (only when `site.yml` has a staff category).
        case staff
        case category(Int)
        /// Event lists: every upcoming one, the archive, those for staff, and a municipality's (by its position).
        case events, eventsArchive, eventsForStaff
        case municipalityEvents(Int)
        /// The page of one content item: the item at `position` among those of its type (`ItemPage`).
        case item(ContentTypeID, Int)

        /// `Angebot(3)`, `category(2)`, `home`: for test messages.
        var description: String {
            switch self {
            case .home: "home"
            case .district: "district"
            case .municipalities: "municipalities"
            case .offerDirectory: "offerDirectory"
            case .contactPoints: "contactPoints"
            case .responsibility: "responsibility"
            case .stories: "stories"
            case .notFound: "notFound"
            case .guideline: "guideline"
            case .figures: "figures"
            case .search: "search"
            case .offline: "offline"
            case .staff: "staff"
            case .category(let position): "category(\(position))"
            case .events: "events"
            case .eventsArchive: "eventsArchive"
            case .eventsForStaff: "eventsForStaff"
            case .municipalityEvents(let position): "municipalityEvents(\(position))"
            case .item(let type, let position): "\(type.type.displayName)(\(position))"
            }
        }

        /// Pages that list a whole kind of content (all offers, a category, all contact points …): their size grows
        /// with the district, one of them can hold tens of megabytes of template data and HTML at 100,000 pages.
        var listsEverything: Bool {
            switch self {
            case .home, .district, .municipalities, .offerDirectory, .contactPoints, .responsibility, .stories, .figures, .category, .staff: true
            case .events, .eventsArchive, .eventsForStaff: true
            case .notFound, .guideline, .search, .offline, .item, .municipalityEvents: false
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
    /// in batches of `batchSize` pages or `batchBytes` bytes as they are rendered (on all cores, `Parallel.stream`),
    /// so memory does not grow with the site; pages that list everything render one at a time.
    /// `pagesDone`: called once every page and feed rendered and every body is checked, before the sitemap and the
    /// pictures are written.
    static func renderAll(_ renderers: [SiteRenderer], batchSize: Int = 500, batchBytes: Int = 64 << 20, pagesDone: () -> Void = {},
                          emit: ([OutputFile]) throws -> Void) throws {
        guard let main = renderers.first else { return }
        // The feeds, the offers' export and the other shared files that do not list the pages are made beside the
        // pages, each as one job that runs alone like a page listing everything: at 100,000 pages some of them are
        // tens of megabytes, and never two of them are in memory at once. Made after the pages, one at a time, they
        // left the other core idle (at 500,000 pages a build took 99 s instead of 94 s, with the same peak).
        let pages = renderers.indices.flatMap { index in renderers[index].pages.map { Job.page(index, $0) } }
        let jobs = renderers.indices.map(Job.storiesFeed) + [.offersExport, .offline, .sharedFiles] + pages
        var records: [(position: Int, record: PageRecord)] = []
        try Parallel.stream(count: jobs.count, batchSize: batchSize, batchBytes: batchBytes,
                            exclusive: { jobs[$0].runsAlone }, size: { $0.files.reduce(0) { $0 + $1.byteCount } },
                            { position in try jobs[position].run(renderers) }) { batch in
            records += batch.compactMap { job, result in result.record.map { (job, $0) } }
            try emit(batch.flatMap(\.result.files))
        }
        // The sitemap lists the pages in the order of `pages`, whatever order they were rendered in.
        records.sort { $0.position < $1.position }
        // Bodies whose checks were left to rendering and that no page showed: checked now, before the pictures that
        // bodies use are published.
        main.models.bodies.checkRemainingBodies()
        pagesDone()
        try main.sharedFiles(records: records.map(\.record), parts: [.copies, .sitemap], emit: emit)
    }

    /// What `renderAll` hands to its threads: a page, or a file beside the pages.
    private enum Job: Sendable {
        case page(Int, PageKind)
        case storiesFeed(Int)
        case offersExport
        case offline
        case sharedFiles

        /// The shared files that depend on neither the pages nor the bodies' checks (the sitemap lists the pages, and
        /// the published pictures are known once every body is checked).
        static let sharedPartsBeside = Set(SharedPart.allCases).subtracting([.copies, .sitemap, .offers])

        var runsAlone: Bool {
            if case .page(_, let kind) = self { return kind.listsEverything }
            return true
        }

        func run(_ renderers: [SiteRenderer]) throws -> (files: [OutputFile], record: PageRecord?) {
            switch self {
            case .page(let renderer, let kind):
                // Rendered in place: `renderers[renderer]` would copy the renderer and retain everything it holds,
                // from both threads at once, for every page.
                let page = try renderers.withUnsafeBufferPointer { try $0[renderer].render(kind) }
                return ([page.file], page.record)
            case .storiesFeed(let renderer): return ([renderers[renderer].storiesFeed], nil)
            case .offersExport: return ([renderers[0].offersExport], nil)
            case .offline: return (try OfflineSite.files(renderers), nil)
            case .sharedFiles: return (renderers[0].sharedFiles(records: [], parts: Self.sharedPartsBeside), nil)
            }
        }
    }

    /// `previous`: the renderer of the same language before an edit of the files `changed` (offers, contact points,
    /// stories and their originals' paths); the cards of everything else are taken over from it, since a card shows
    /// only its own item (what else it shows — place names, categories — changes only with a full rebuild).
    init(models: ViewModels, theme: Theme, assets: Set<String>, root: URL, ruleSet: RuleSet, search: Bool = false,
         order: SiteOrder? = nil, reusing previous: SiteRenderer? = nil, changed: Set<String> = []) {
        self.search = search
        self.models = models
        self.theme = theme
        self.assets = assets
        self.root = root
        self.ruleSet = ruleSet
        let content = models.index.content
        self.order = order ?? SiteOrder(index: models.index, config: models.config, today: models.today)
        // The legally required pages first, in the order visitors look for them.
        let footerOrder = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"]
        footerPages = content.pages
            .sorted { (footerOrder.firstIndex(of: $0.slug) ?? footerOrder.count, $0.title) < (footerOrder.firstIndex(of: $1.slug) ?? footerOrder.count, $1.title) }
            .map { LayoutData.FooterLink(title: models.title($0), url: models.url(Routes.page($0)), textLang: models.textLang($0.origin.file)) }
            + [LayoutData.FooterLink(title: GuidelinePage.title, url: models.url(Routes.guideline), textLang: models.textLang(translated: false)),
               // What this device keeps for reading without a connection, and how to delete it.
               LayoutData.FooterLink(title: models.strings.text("offlineTitle"), url: models.url(Routes.offline), textLang: "")]
            // Staff find their trainings in the footer, beside the editors' guideline, not in residents' navigation.
            + (models.config.staffCategories.isEmpty ? [] : [LayoutData.FooterLink(title: models.strings.text("staffPage"), url: models.url(Routes.staff), textLang: "")])
        let t = models.strings.text
        navigation = ([
            (t("home"), Routes.home), (t("municipalities"), Routes.municipalities), (t("offers"), Routes.offerDirectory),
            (t("events"), Routes.events),
            (t("contactPoints"), Routes.contactPoints), (t("stories"), Routes.stories), (models.districtName, Routes.district),
        ] + (search ? [(t("search"), Routes.search)] : [])).map { ($0.0, $0.1, models.url($0.1)) }
        siteData = LayoutData.SiteData(
            title: models.siteTitle, district: models.districtName, lang: models.language.tag, dir: models.language.direction.rawValue,
            homeURL: models.url(Routes.home), responsibilityURL: models.url(Routes.responsibility), feedURL: models.url(OpenData.storiesFeed), offersURL: models.fileURL(OpenData.offersFile),
            workerURL: models.fileURL(Routes.serviceWorker))
        words = ThemeWords(models.strings)
        // Offers and contact points are most of a site: their cards are made on all cores.
        // The cards of items the edit did not touch, taken over from the previous renderer.
        func kept<Card>(_ cards: KeyPath<SiteRenderer, [String: Card]>) -> [String: Card] {
            (previous?[keyPath: cards] ?? [:]).filter { !changed.contains($0.key) }
        }
        let keptOffers = kept(\.offerCards), keptContacts = kept(\.contactCards), keptStories = kept(\.storyCards)
        offerCards = Dictionary(Parallel.map(content.offers) { ($0.origin.file, keptOffers[$0.origin.file] ?? models.offerCard($0)) },
                                uniquingKeysWith: { a, _ in a })
        contactCards = Dictionary(Parallel.map(content.contactPoints) { ($0.origin.file, keptContacts[$0.origin.file] ?? models.contactCard($0)) },
                                  uniquingKeysWith: { a, _ in a })
        storyCards = Dictionary(content.stories.map { ($0.origin.file, keptStories[$0.origin.file] ?? models.storyCard($0)) },
                                uniquingKeysWith: { a, _ in a })
        let keptEvents = kept(\.eventCards)
        eventCards = Dictionary(content.events.map { ($0.origin.file, keptEvents[$0.origin.file] ?? models.eventCard($0)) },
                                uniquingKeysWith: { a, _ in a })
        municipalityCards = Dictionary(content.municipalities.map { ($0.origin.file, models.municipalityCard($0)) },
                                       uniquingKeysWith: { a, _ in a })
        // The check refuses two pages at one address; should it ever miss one, the first page keeps it.
        fixedPagesByRoute = Dictionary((pagesBeforeItems + pagesAfterItems).map { (route(of: $0), $0) },
                                       uniquingKeysWith: { first, _ in first })
    }

    /// Whether the site has the page for staff: when `site.yml` names a staff category, also before it has offers,
    /// so the set of pages changes only with `site.yml`.
    var hasStaffPage: Bool { !config.staffCategories.isEmpty }

    /// The item at `position` among the items of `type` that have pages.
    func item(_ type: ContentTypeID, _ position: Int) -> any ItemPage {
        content.item(of: type, at: position) as! any ItemPage
    }

    var pages: [PageKind] {
        var pages = pagesBeforeItems
        // Each item of a type with pages of its own, type by type in the order of the declarations.
        for (type, count) in order.itemPageTypes { pages += (0..<count).map { PageKind.item(type, $0) } }
        return pages + pagesAfterItems
    }

    private var pagesBeforeItems: [PageKind] {
        // Every language has a 404 page (each names all languages), for servers that answer per language folder.
        [.home, .district, .municipalities, .offerDirectory, .contactPoints, .responsibility, .stories, .guideline, .figures, .notFound]
    }

    private var pagesAfterItems: [PageKind] {
        // Staff categories have no category page: their offers are on the staff page.
        config.categories.indices.filter { !config.categories[$0].isForStaff }.map(PageKind.category)
            + [.events, .eventsArchive, .eventsForStaff] + content.municipalities.indices.map(PageKind.municipalityEvents)
            + (search ? [.search] : []) + [.offline] + (hasStaffPage ? [.staff] : [])
    }

    /// This renderer reading the bodies through `bodies`: after edits of texts alone (`ContentChange.isTextOnly`) everything
    /// else it holds — content, cards, lists — is still what a new renderer would hold.
    func readingBodies(from bodies: BodyHTML) -> SiteRenderer {
        var renderer = self
        renderer.models.bodies = bodies
        return renderer
    }

    /// The page at `route` (relative to this language's folder, as `Routes` spells it), if this language has one.
    func page(forRoute route: String) -> PageKind? { fixedPagesByRoute[route] ?? order.itemPagesByRoute[route] }

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
        case .responsibility: Routes.responsibility
        case .stories: Routes.stories
        case .notFound: Routes.notFound
        case .guideline: Routes.guideline
        case .figures: Routes.figures
        case .search: Routes.search
        case .offline: Routes.offline
        case .staff: Routes.staff
        case .item(let type, let position): item(type, position).route ?? ""
        case .category(let position): Routes.category(config.categories[position].slug)
        case .events: Routes.events
        case .eventsArchive: Routes.eventsArchive
        case .eventsForStaff: Routes.eventsForStaff
        case .municipalityEvents(let position): Routes.municipalityEvents(content.municipalities[position].slug)
        }
    }

    func render(_ kind: PageKind) throws -> (file: OutputFile, record: PageRecord?) {
        let page = pageContent(kind)
        let root = PageRoot(page: page.data, layout: layoutData(page))
        let template = type(of: page.data).template, path = Routes.outputFile(for: models.prefix + page.route)
        let file: OutputFile
        if models.language.direction == .rtl {
            // Phone numbers, postcodes, times and addresses keep their order in right-to-left languages.
            let rendered = try theme.render(root, template: template, language: models.language.code)
            file = OutputFile(path: path, text: BidiIsolation.isolateLeftToRightRuns(inHTML: rendered))
        } else {
            file = OutputFile(path: path, data: try theme.renderData(root, template: template, language: models.language.code))
        }
        // Pages that only repeat the German text are left out of the sitemap: their canonical address is the German page.
        let record = page.route == Routes.notFound || isFallback(page) ? nil
            : PageRecord(route: models.prefix + page.route, lastModified: lastModified(page))
        return (file, record)
    }

    /// What the page of `kind` shows; each kind's content is built in its own file in `Pages/`.
    func pageContent(_ kind: PageKind) -> PageContent {
        switch kind {
        case .home: homePage()
        case .district: districtPage()
        case .municipalities: municipalitiesPage()
        case .item(let type, let position): item(type, position).page(in: self)
        case .offerDirectory: offerDirectoryPage()
        case .category(let position): categoryPage(config.categories[position])
        case .contactPoints: contactPointsPage()
        case .responsibility: responsibilityPage()
        case .stories: storiesPage()
        case .notFound: notFoundPage()
        case .figures: figuresPage()
        case .search: searchPage()
        case .offline: offlinePage()
        case .staff: staffPage()
        case .guideline: guidelinePage()
        case .events: eventsPage()
        case .eventsArchive: eventsArchivePage()
        case .eventsForStaff: eventsForStaffPage()
        case .municipalityEvents(let position): municipalityEventsPage(content.municipalities[position])
        }
    }
}
