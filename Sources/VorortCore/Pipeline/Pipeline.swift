import Foundation

/// A site that passed every check, ready to be rendered.
public struct CheckedSite: Sendable {
    public let root: URL
    public let config: SiteConfig
    public let index: SiteIndex
    let theme: Theme
    /// Markdown bodies, their links checked, by content file path; their texts are read again when rendered.
    let bodies: [String: CheckedBody]
    /// Set when the bodies' links are checked as their pages render (`DeferredBodyChecks`, only in `build`): then
    /// `bodies` tells only where each body stands in its file, and `assets` lacks the pictures bodies use.
    let deferredBodyChecks: BodyChecker.Context?
    /// The bodies' texts by file, when the check kept them in memory anyway (a small district's build): rendered from
    /// here instead of read again from their files. Empty otherwise.
    let bodyTexts: [String: MarkdownSource]
    /// The pictures that texts use, by path relative to the site root.
    let assets: Set<String>
    /// The active wording rules, published as the site's language guideline.
    public let ruleSet: RuleSet
    /// The day of the check (`--today`, `SOURCE_DATE_EPOCH` or the clock): which events are past, and so in the
    /// archive instead of the lists, depends on it.
    public let today: CalendarDate

    public var content: SiteContent { index.content }
}

/// Seconds spent in each stage, printed so editors and the benchmark see where time goes: wall time, and the CPU
/// time of the whole process in that stage (CPU / wall near 2 on two cores means both cores worked).
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    private var clock = ContinuousClock.now
    private var cpuClock = StageTimings.processCPUSeconds()

    public init() {}

    /// User and system CPU time of this process so far, all threads.
    public static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Ends the running stage under `name` and starts the next one.
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now, cpu = StageTimings.processCPUSeconds()
        stages.append((name, StageTimings.seconds(now - clock), cpu - cpuClock))
        clock = now
        cpuClock = cpu
    }

    /// Records a stage measured elsewhere (stages that alternate, like rendering and writing in batches).
    mutating func record(_ name: String, _ elapsed: Duration, cpuSeconds: Double) {
        stages.append((name, StageTimings.seconds(elapsed), cpuSeconds))
        clock = ContinuousClock.now
        cpuClock = StageTimings.processCPUSeconds()
    }

    public func seconds(_ name: String) -> Double { stages.first { $0.name == name }?.seconds ?? 0 }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    public var summary: String {
        stages.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }

    /// Wall and CPU time per stage, for `--timings`.
    public var detailed: String {
        stages.map { stage in
            let ratio = stage.seconds > 0 ? stage.cpuSeconds / stage.seconds : 0
            return "\(stage.name) \(String(format: "%.3f", stage.seconds)) s (CPU \(String(format: "%.3f", stage.cpuSeconds)) s, \(String(format: "%.1f", ratio))×)"
        }.joined(separator: ", ")
    }
}

/// What `vorort check` found.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int
    /// Present when no finding has severity error.
    public var site: CheckedSite?
    public var timings = StageTimings()
    /// Words the wording lint read.
    public var wordsLinted = 0
    /// How long the wording lint (rules and text) took on its own thread, beside the other stages.
    public var lintSeconds: Double = 0
}

/// What `vorort build` did.
public enum BuildOutcome: Sendable {
    /// Nothing was written; the previous output is untouched.
    case refused(CheckReport)
    /// `filesReused`: how many of the files written were taken over unchanged from the previous output.
    case built(CheckReport, filesWritten: Int, filesReused: Int, timings: StageTimings, searchIndexed: Bool)
}

/// The stages in order: load → parse → check references and links (beside it: lint wording) → render pages → write.
public enum Pipeline {
    /// `lint: false` exists for the benchmark, which measures what the lint adds; `vorort check` always lints.
    /// `today`: the day dates are compared with (`BuildDate.resolve`; the clock when not given).
    public static func check(siteRoot: URL, lint lintEnabled: Bool = true, today: CalendarDate = BuildDate.clock()) -> CheckReport {
        var timings = StageTimings()
        let state = CheckState.full(root: siteRoot.standardizedFileURL, lint: lintEnabled, today: today, timings: &timings)
        return report(state, timings: timings)
    }

    static func report(_ state: CheckState, timings: StageTimings = StageTimings(), texts: CheckState.Texts = .released) -> CheckReport {
        CheckReport(diagnostics: state.diagnostics, filesChecked: state.filesChecked, site: state.checkedSite(texts: texts),
                    timings: timings, wordsLinted: state.wordsLinted, lintSeconds: state.lintSeconds)
    }

    /// The report of a state that is not needed afterwards; its texts are let go before the site is made.
    static func report(releasing state: inout CheckState, timings: StageTimings) -> CheckReport {
        let diagnostics = state.diagnostics, filesChecked = state.filesChecked, words = state.wordsLinted, seconds = state.lintSeconds
        return CheckReport(diagnostics: diagnostics, filesChecked: filesChecked, site: state.releaseIntoCheckedSite(),
                           timings: timings, wordsLinted: words, lintSeconds: seconds)
    }

    /// Renders every page of a checked site into memory; `search` adds the search page and links to it.
    public static func render(_ site: CheckedSite, search: Bool = false) throws -> [OutputFile] {
        var files: [OutputFile] = []
        try render(site, search: search) { files += $0 }
        return files
    }

    /// Renders the site batch by batch, handing each batch of files to `emit` (the build writes them at once).
    public static func render(_ site: CheckedSite, search: Bool = false, emit: ([OutputFile]) throws -> Void) throws {
        try render(site, search: search, bodies: bodyHTML(site), emit: emit)
    }

    /// The same, reading the bodies through `bodies` (the build asks it afterwards for the checks it deferred).
    /// `pagesDone`: see `SiteRenderer.renderAll`. `order`: the site's `SiteOrder`, when it was made beforehand.
    static func render(_ site: CheckedSite, search: Bool, bodies: BodyHTML, order: SiteOrder? = nil, pagesDone: () -> Void = {},
                       emit: ([OutputFile]) throws -> Void) throws {
        // The site language first: it writes the files all languages share.
        let order = order ?? SiteOrder(index: site.index, config: site.config, today: site.today)
        let renderers = site.config.languages.compactMap { renderer(site, language: $0, search: search, bodies: bodies, order: order) }
        try SiteRenderer.renderAll(renderers, pagesDone: pagesDone, emit: emit)
        ReleaseInBackground.release(consume renderers)
        try refuseChangedBodies(bodies)
    }

    static func bodyHTML(_ site: CheckedSite) -> BodyHTML {
        BodyHTML(bodies: site.bodies, root: site.root, basePath: site.config.basePath, baseURL: site.config.baseURL,
                 externalLinkLabels: site.theme.strings.mapValues { $0.text("externalLink") },
                 deferred: site.deferredBodyChecks.map(DeferredBodyChecks.init), texts: site.bodyTexts)
    }

    /// A body edited after the check was rendered empty: such a site is not published.
    static func refuseChangedBodies(_ bodies: BodyHTML) throws {
        if let file = bodies.filesChangedSinceCheck.first { throw BuildError.contentChanged(file) }
    }

    /// Renders the one page at `route` (as `Routes` spells it, without the language folder: `gemeinden/auenstein/`,
    /// `404.html`) in the language with code `language` (nil: the site language), without rendering any other page,
    /// as a preview server needs. The file is the one the full build writes at its path, byte for byte. Nil when the
    /// site has no such page in that language (or no such language).
    public static func renderPage(_ site: CheckedSite, route: String, language: String? = nil, search: Bool = false) throws -> OutputFile? {
        let code = language ?? site.config.siteLanguage.code
        let bodies = bodyHTML(site)
        guard let language = site.config.languages.first(where: { $0.code == code }),
              let renderer = renderer(site, language: language, search: search, bodies: bodies) else { return nil }
        let file = try renderer.render(route: route)
        try refuseChangedBodies(bodies)
        return file
    }

    /// The renderer of one language; nil for a language the theme has no words for (its pages are not built).
    /// `bodies`: shared by the renderers of all languages, so changed files are noticed once per render.
    /// `previous` and `changed`: see `SiteRenderer.init`.
    static func renderer(_ site: CheckedSite, language: Language, search: Bool, bodies: BodyHTML? = nil, order: SiteOrder? = nil,
                         reusing previous: SiteRenderer? = nil, changed: Set<String> = []) -> SiteRenderer? {
        guard let strings = site.theme.strings[language.code] else { return nil }
        let bodies = bodies ?? bodyHTML(site)
        let models = ViewModels(index: site.index, config: site.config, bodies: bodies, language: language, strings: strings, today: site.today)
        return SiteRenderer(models: models, theme: site.theme, assets: site.assets, root: site.root, ruleSet: site.ruleSet, search: search,
                            order: order, reusing: previous, changed: changed)
    }

    /// An output folder inside `content/` or `themes/` would be read back as content by the next build.
    /// Paths are compared with symbolic links resolved, so `--site` reached through a link is no way around it.
    static func refuseOutputInsideSources(_ output: URL, siteRoot: URL) throws {
        let outputPath = realPath(output) + "/"
        for folder in ["content", "themes", "lint"] {
            let source = realPath(siteRoot.appendingPathComponent(folder)) + "/"
            if outputPath.hasPrefix(source) {
                throw BuildError.outputNotReplaceable("\(output.path) liegt im Ordner `\(folder)/` der Website. Wählen Sie mit --output einen Ordner außerhalb, z. B. `output`.")
            }
        }
    }

    /// The path with every symbolic link resolved, also for a path whose last parts do not exist yet.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while existing.path != "/" {
            if let resolved = realpath(existing.path, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + missing.reversed()).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            missing.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
        return "/" + missing.reversed().joined(separator: "/")
    }

    /// Checks, renders and, only when there is no error, replaces the output folder at once.
    /// `lintOverlapLimit`: up to this many bytes of text, pages render while the wording lint is at work
    /// (`PendingLint.overlapLimit`; a test sets 0 to build the sample as a large district is built).
    public static func build(siteRoot: URL, output: URL, search: SearchIndexer? = SearchIndexer.find(),
                             today: CalendarDate = BuildDate.clock()) throws -> BuildOutcome {
        try build(siteRoot: siteRoot, output: output, search: search, today: today, lintOverlapLimit: CheckState.PendingLint.overlapLimit)
    }

    static func build(siteRoot: URL, output: URL, search: SearchIndexer?, today: CalendarDate, lintOverlapLimit: Int) throws -> BuildOutcome {
        try refuseOutputInsideSources(output, siteRoot: siteRoot)
        // A build killed earlier may have left its staging folder: gone before this one starts.
        OutputWriter.removeAbandonedStagingFolders(of: output.standardizedFileURL)
        var timings = StageTimings()
        // A small district renders while the wording lint is still at work; its findings are joined before anything
        // is published, and an error among them discards what was rendered, as any error does. Only then is the
        // check's state (every text) kept through rendering; otherwise only the report is, whose site has no texts.
        //
        // The bodies' links are checked as their pages render, from the tree each page is rendered from, so each body is
        // parsed once (`DeferredBodyChecks`); their findings are joined before anything is published too. A large
        // district keeps only the other findings through rendering (`FindingsAroundBodies`), not the check's state.
        var overlapping: (state: CheckState, lint: CheckState.PendingLint)?
        var order: Background<SiteOrder>?
        var aroundBodies: FindingsAroundBodies?
        let checked: CheckReport
        do {
            var (state, lint) = CheckState.fullLeavingLint(root: siteRoot.standardizedFileURL, lint: true, today: today,
                                                           deferringBodies: true, timings: &timings)
            if lint.mayOverlapRendering(limit: lintOverlapLimit), let config = state.config {
                // The site's order (sorting, grouping: one core) is made beside assembling the findings; wasted only
                // when they hold an error, and then nothing renders. A large district's is made later, from the index
                // without texts.
                let index = state.index
                order = Background { SiteOrder(index: index, config: config, today: today) }
                state.assembleBeforeLint(lint)
                if state.canRender { overlapping = (state, lint) }
            }
            if overlapping == nil {
                state.join(lint, timings: &timings, sorted: false)
                // Not rendered: the bodies are checked now, so that the report lists their findings too.
                if !state.canRender { state.checkDeferredBodies(lint) }
                let bodyFiles = lint.bodies.map(\.file)
                // The pending lint holds every body: it goes before the texts are let go.
                _ = consume lint
                if state.deferredBodies != nil { aroundBodies = state.findingsAroundBodies(files: bodyFiles) }
                checked = report(releasing: &state, timings: timings)
            } else {
                // The state keeps every text through rendering anyway: the pages render from them.
                checked = report(state, timings: timings, texts: .renderedFrom)
            }
        }
        guard let site = checked.site else { return .refused(checked) }
        ReleaseFreedMemory.now()
        // Rendering and writing alternate batch by batch; their times are summed separately.
        var rendering = Duration.zero, writing = Duration.zero, waiting = Duration.zero
        var renderingCPU = 0.0, writingCPU = 0.0, waitingCPU = 0.0
        var pages = 0, written = 0, reused = 0
        // The report with the lint's findings, when they were joined after rendering.
        var finalReport: CheckReport?
        var clock = ContinuousClock.now, cpu = StageTimings.processCPUSeconds()
        func lap(_ wall: inout Duration, _ cpuTime: inout Double) {
            let now = ContinuousClock.now, nowCPU = StageTimings.processCPUSeconds()
            wall += now - clock
            cpuTime += nowCPU - cpu
            clock = now
            cpu = nowCPU
        }
        let bodies = bodyHTML(site)
        // Once every body is checked, the findings are joined on another core while the sitemap and pictures are written.
        var joining: Background<CheckReport>?
        func joinFindings() {
            if let (checkedState, lint) = overlapping {
                joining = Background {
                    var state = checkedState
                    state.takeDeferredBodyChecks(bodies.deferred?.all ?? [:])
                    var lintTimings = StageTimings()
                    state.join(lint, timings: &lintTimings)
                    return CheckReport(diagnostics: state.diagnostics, filesChecked: state.filesChecked, site: nil,
                                       wordsLinted: state.wordsLinted, lintSeconds: state.lintSeconds)
                }
            } else if let aroundBodies {
                let (filesChecked, words, seconds) = (checked.filesChecked, checked.wordsLinted, checked.lintSeconds)
                joining = Background {
                    CheckReport(diagnostics: aroundBodies.assemble(bodies.deferred?.all ?? [:]).diagnostics, filesChecked: filesChecked,
                                site: nil, wordsLinted: words, lintSeconds: seconds)
                }
            }
        }
        let published = try OutputWriter.write(to: output, produce: { staging in
            // Each batch is written while the next one renders; the time counted as writing is the waiting for it.
            let writer = BatchWriter(staging)
            // Rendering that fails leaves no write running into the staging folder, which is then removed.
            defer { writer.drain() }
            try render(site, search: search != nil, bodies: bodies, order: order?.value, pagesDone: joinFindings) { batch in
                lap(&rendering, &renderingCPU)
                pages += batch.count { $0.path.hasSuffix(".html") }
                try writer.submit(batch)
                lap(&writing, &writingCPU)
            }
            try writer.finish()
            lap(&writing, &writingCPU)
            written = staging.filesWritten
            reused = staging.filesReused
        }, finish: { staging in
            // No page rendered (no language had its words): the bodies are checked and the findings joined now.
            if joining == nil {
                bodies.checkRemainingBodies()
                joinFindings()
            }
            if let joining {
                lap(&writing, &writingCPU)
                var report = joining.value
                if overlapping != nil { lap(&waiting, &waitingCPU) }
                overlapping = nil
                let publishable = !report.diagnostics.hasErrors
                report.site = publishable ? site : nil
                report.timings = timings
                finalReport = report
                if !publishable { return false }
            }
            // The manifest written before it and the search index count as writing.
            try search?.index(staging, pages: pages)
            lap(&writing, &writingCPU)
            return true
        })
        if waiting > .zero { timings.record("Sprache (Warten)", waiting, cpuSeconds: waitingCPU) }
        let report = finalReport ?? checked
        guard published else { return .refused(report) }
        timings.record("Erzeugen", rendering, cpuSeconds: renderingCPU)
        timings.record("Schreiben", writing, cpuSeconds: writingCPU)
        return .built(report, filesWritten: written, filesReused: reused, timings: timings, searchIndexed: search != nil)
    }
}
