import Foundation

/// A site built once and kept in memory, then rebuilt in part when files change: the core a preview server
/// builds on. After an edit of content files in place it re-checks those files (and the checks across files)
/// and renders only the pages that show what changed; anything else — a file added or deleted, `site.yml`, the
/// theme, the wording rules — is checked and rendered in full, and the result compared with what was there.
/// Either way the findings and files are those a full build would give (a test compares them edit by edit).
public struct IncrementalSite {
    public let root: URL
    /// Whether pages link to a search page (only when Pagefind indexes the output).
    public let search: Bool
    /// The day dates are compared with, kept for every update.
    public let today: CalendarDate
    private var state: CheckState
    /// The site as the last render left it, by output path. Kept when a check finds errors, as `build` keeps the
    /// previous output.
    public private(set) var files: [String: OutputFile] = [:]
    /// The sitemap entry of every page rendered, by language and page, as the full render orders them.
    private var records: [[SiteRenderer.PageRecord?]] = []
    /// Whether `files` lag behind the content (a check with errors rendered nothing); the next render is full.
    private var stale = true
    /// The renderers of the last render, one per language: their cards are taken over after an edit.
    private var lastRenderers: [SiteRenderer] = []
    /// The pictures the last render published.
    private var lastAssets: Set<String> = []

    /// What an update did.
    public struct Update: Sendable {
        /// All findings of the site after the update, as `check` reports them.
        public var findings: [Diagnostic]
        /// Output files that are new or whose content changed.
        public var changedFiles: [OutputFile]
        /// Output paths that no longer exist.
        public var removedFiles: [String]
        /// Whether everything was checked and rendered (otherwise only what the changed files touch).
        public var wasFull: Bool
        /// How many pages were rendered.
        public var pagesRendered: Int
    }

    public var findings: [Diagnostic] { state.diagnostics }

    /// The path part of the site's address (`/integration/`), under which a preview serves the pages.
    public var basePath: String { state.config?.basePath ?? "/" }

    /// The content file whose text each page shows, by output path (`gemeinden/auenstein/angebote/sprachcafe/index.html`
    /// → `content/gemeinden/auenstein/angebote/sprachcafe.md`); in a translation language the translation's own file
    /// where there is one. For the preview's „Bearbeiten“ link and its wording marks.
    public func sourceFiles() -> [String: String] {
        guard let config = state.config else { return [:] }
        var sources: [String: String] = [:]
        for item in state.content.allItems {
            guard let route = item.textRoute else { continue }
            let translations = state.content.translations[item.origin.file] ?? [:]
            for language in config.languages {
                let prefix = Routes.languagePrefix(language, site: config.siteLanguage)
                sources[Routes.outputFile(for: prefix + route)] = translations[language.code]?.origin.file ?? item.origin.file
            }
        }
        return sources
    }

    /// Checks and renders the whole site.
    public init(siteRoot: URL, search: Bool = false, today: CalendarDate = BuildDate.clock()) throws {
        root = siteRoot.standardizedFileURL
        self.search = search
        self.today = today
        var timings = StageTimings()
        state = CheckState.full(root: root, lint: true, today: today, forUpdates: true, timings: &timings)
        _ = try renderAll(changedSources: [])
    }

    /// Applies the files at `paths` (relative to the site root, e.g. `content/kreis/angebote/x.md`) that were
    /// changed, added or deleted since the last build or update.
    ///
    /// `early`: called, before the pages that list the edited items are rendered, with the findings and the edited
    /// items' own pages (all languages) — so a preview can reload the page being edited first. Only for edits that
    /// are rendered in part; the returned update still names every changed file.
    public mutating func update(changed paths: [String], early: (([Diagnostic], [OutputFile]) -> Void)? = nil) throws -> Update {
        let changed = Set(paths.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 })
        // Only edits of content files in place are re-checked file by file; `refresh` declines everything else.
        var items: [ContentChange]?
        if changed.allSatisfy({ $0.hasPrefix("content/") }) { items = state.refresh(changed) }
        if items == nil {
            var timings = StageTimings()
            state = CheckState.full(root: root, lint: true, today: today, forUpdates: true, timings: &timings)
        }
        guard state.canRender else {
            stale = true
            return Update(findings: state.diagnostics, changedFiles: [], removedFiles: [], wasFull: items == nil, pagesRendered: 0)
        }
        if let items, !stale, let update = try renderPages(showing: items, early: early) { return update }
        return try renderAll(changedSources: changed)
    }

    /// The renderers of all languages, reading the bodies through one `BodyHTML` (which notices files changed since
    /// the check).
    private func renderers(_ site: CheckedSite, bodies: BodyHTML, reusing previous: [SiteRenderer] = [], changed: Set<String> = []) -> [SiteRenderer] {
        let order = SiteOrder(index: site.index, config: site.config, today: site.today)
        return site.config.languages.compactMap { language in
            Pipeline.renderer(site, language: language, search: search, bodies: bodies, order: order,
                              reusing: previous.first { $0.models.language.code == language.code }, changed: changed)
        }
    }

    /// Renders every page and shared file and compares them with the previous files.
    private mutating func renderAll(changedSources: Set<String>) throws -> Update {
        guard let site = state.checkedSite(texts: .kept) else {
            stale = true
            return Update(findings: state.diagnostics, changedFiles: [], removedFiles: [], wasFull: true, pagesRendered: 0)
        }
        let bodies = Pipeline.bodyHTML(site)
        let renderers = renderers(site, bodies: bodies)
        let jobs = renderers.indices.flatMap { r in renderers[r].pages.enumerated().map { (r, $0.offset, $0.element) } }
        let rendered = try Parallel.map(jobs) { r, _, kind in try renderers[r].render(kind) }
        var newRecords = renderers.map { [SiteRenderer.PageRecord?](repeating: nil, count: $0.pages.count) }
        for (job, page) in zip(jobs, rendered) { newRecords[job.0][job.1] = page.record }
        let shared = try sharedFiles(renderers, records: newRecords)
        // A file saved again while the site rendered: its page would be empty; the next update renders it.
        try Pipeline.refuseChangedBodies(bodies)
        var newFiles: [String: OutputFile] = [:]
        for file in rendered.map(\.file) + shared { newFiles[file.path] = file }

        let changed = newFiles.sorted { $0.key < $1.key }.map(\.value).filter { file in
            files[file.path].map { Self.same($0, file, changedSources: changedSources, root: root) } != true
        }
        let removed = files.keys.filter { newFiles[$0] == nil }.sorted()
        files = newFiles
        records = newRecords
        lastRenderers = renderers
        lastAssets = site.assets
        stale = false
        return Update(findings: state.diagnostics, changedFiles: changed, removedFiles: removed, wasFull: true, pagesRendered: jobs.count)
    }

    /// Renders only the pages that show the changed items, in every language, and the shared files; nil when
    /// the change may show on every page.
    private mutating func renderPages(showing changes: [ContentChange], early: (([Diagnostic], [OutputFile]) -> Void)? = nil) throws -> Update? {
        // A text that starts or stops using a picture changes the published pictures: rendered in full.
        guard let site = state.checkedSite(texts: .kept), site.assets == lastAssets else { return nil }
        let bodies = Pipeline.bodyHTML(site)
        let renderers = changes.allSatisfy(\.isTextOnly) && lastRenderers.count == records.count
            ? lastRenderers.map { $0.readingBodies(from: bodies) }
            : renderers(site, bodies: bodies, reusing: lastRenderers, changed: Set(changes.map(\.new.origin.file)))
        guard let main = renderers.first, renderers.count == records.count, let kinds = main.pagesShowing(changes) else { return nil }
        var jobs: [(Int, Int, SiteRenderer.PageKind)] = []
        for r in renderers.indices {
            let pages = renderers[r].pages
            guard pages.count == records[r].count else { return nil }
            for (position, kind) in pages.enumerated() where kinds.contains(kind) { jobs.append((r, position, kind)) }
        }
        // The edited items' own pages first, when someone waits for them; the others after, each page rendered once.
        var rendered: [(file: OutputFile, record: SiteRenderer.PageRecord?)] = []
        if let early {
            let edited = Set(changes.map(\.new.origin.file))
            func isOwn(_ job: (Int, Int, SiteRenderer.PageKind)) -> Bool {
                if case .item(let type, let position) = job.2 { return edited.contains(renderers[job.0].item(type, position).origin.file) }
                return false
            }
            let own = jobs.filter(isOwn)
            if !own.isEmpty, own.count < jobs.count {
                jobs = own + jobs.filter { !isOwn($0) }
                rendered = try Parallel.map(own) { r, _, kind in try renderers[r].render(kind) }
                early(state.diagnostics, rendered.map(\.file).filter { file in files[file.path].map { !Self.same($0, file, changedSources: [], root: root) } ?? true })
            }
        }
        rendered += try Parallel.map(Array(jobs[rendered.count...])) { r, _, kind in try renderers[r].render(kind) }
        try Pipeline.refuseChangedBodies(bodies)
        for (job, page) in zip(jobs, rendered) { records[job.0][job.1] = page.record }
        lastRenderers = renderers
        var changed: [OutputFile] = []
        let shared = main.sharedFilesShowing(changes)
        let sharedFiles = try (shared.storiesFeeds ? renderers.map(\.storiesFeed) : [])
            + main.sharedFiles(records: records.flatMap { $0.compactMap { $0 } }, parts: shared.parts)
            // A contact point's `areas` decide which places' offline lists name it.
            + (changes.contains { !$0.isTextOnly && $0.new is ContactPoint } ? OfflineSite.files(renderers) : [])
        for file in rendered.map(\.file) + sharedFiles {
            if let old = files[file.path], Self.same(old, file, changedSources: [], root: root) { continue }
            files[file.path] = file
            changed.append(file)
        }
        return Update(findings: state.diagnostics, changedFiles: changed, removedFiles: [], wasFull: false, pagesRendered: jobs.count)
    }

    private func sharedFiles(_ renderers: [SiteRenderer], records: [[SiteRenderer.PageRecord?]]) throws -> [OutputFile] {
        try renderers.map(\.storiesFeed) + (renderers.first?.sharedFiles(records: records.flatMap { $0.compactMap { $0 } }) ?? [])
            + OfflineSite.files(renderers)
    }

    /// Whether two versions of an output file are the same: bytes compared; a copied file (picture, theme file)
    /// is the same when it comes from the same source and that source is not among the changed files.
    private static func same(_ a: OutputFile, _ b: OutputFile, changedSources: Set<String>, root: URL) -> Bool {
        switch (a.contents, b.contents) {
        case (.data(let x), .data(let y)): return x == y
        case (.copy(let x), .copy(let y)):
            guard x == y else { return false }
            let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
            let source = x.standardizedFileURL.path
            return !changedSources.contains { source == prefix + $0 }
        default: return false
        }
    }
}
