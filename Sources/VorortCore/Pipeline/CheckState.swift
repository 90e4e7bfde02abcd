import Foundation

/// What `check` found, kept file by file. A full check runs every stage on every file; a check after an edit
/// (`refresh`) re-reads, re-parses, re-lints and re-checks the bodies of the changed files only, and runs the
/// checks across files (references, translations, legal pages) again on the whole. Both end in the same
/// `assemble`, so they cannot report differently.
struct CheckState: Sendable {
    let root: URL
    let lintEnabled: Bool
    /// The day dates are compared with (`--today`, `SOURCE_DATE_EPOCH` or the clock).
    let today: CalendarDate
    var loaded: LoadedSite
    var config: SiteConfig?
    var configDiagnostics: [Diagnostic] = []
    /// What parsing made of each content file (originals and translations), by path.
    var parsed: [String: ParsedFile] = [:]
    /// Whether `parsed` keeps the items and translations after they were assembled into `content`: only a check
    /// that `refresh` updates later needs them; otherwise they are a second copy of every item beside the texts.
    private(set) var keepsParsedItems = true
    var siteTexts = TranslationParser.SiteTextsOutput()
    /// The wording lint's findings and word count per file.
    var lint: [String: (diagnostics: [Diagnostic], words: Int)] = [:]
    var ruleSet = RuleSet()
    /// Findings of the rule files and of the rules' own examples.
    var ruleDiagnostics: [Diagnostic] = []
    var matcher = WordingMatcher(rules: [])
    var theme: Theme?
    var themeDiagnostics: [Diagnostic] = []
    /// Each body, checked, by file.
    var bodies: [String: BodyChecker.Result] = [:]
    /// When the build leaves the bodies' check to rendering (`DeferredBodyChecks`): where each body stands in its file,
    /// by file, until `takeDeferredBodyChecks` puts the results in `bodies`.
    private(set) var deferredBodies: [String: CheckedBody]?
    /// How long the wording lint took on its own thread, beside the other stages.
    var lintSeconds: Double = 0

    // Assembled from the above.
    var content = SiteContent()
    var index = SiteIndex(content: SiteContent(), config: nil)
    /// Findings of the checks across files.
    var crossFileDiagnostics: [Diagnostic] = []
    var diagnostics: [Diagnostic] = []
    var usedAssets: Set<String> = []
    /// Where each loaded file stands in `loaded.content` or `loaded.translations`.
    private var positions: [String: (translation: Bool, position: Int)] = [:]

    struct ParsedFile: Sendable {
        var item: (any ContentItem)?
        var translation: Translation?
        var diagnostics: [Diagnostic]
        var suppressions: [LintSuppression]
    }

    var language: String { config?.language ?? "de" }
    /// When `reviewed` dates fall due, from today and the site's interval.
    var reviewSchedule: ReviewSchedule { ReviewSchedule(today: today, months: config?.reviewIntervalMonths ?? 12) }

    /// Leichte Sprache and other German varieties are linted like the originals.
    var germanTranslations: Set<String> {
        Set(config?.translationLanguages.filter { $0.tag.split(separator: "-").first == "de" }.map(\.code) ?? [])
    }

    // MARK: - Full check

    /// `forUpdates`: the state will be `refresh`ed after edits (the preview), so it keeps what parsing made of each file.
    static func full(root: URL, lint lintEnabled: Bool, today: CalendarDate, forUpdates: Bool = false, timings: inout StageTimings) -> CheckState {
        var (state, lint) = fullLeavingLint(root: root, lint: lintEnabled, today: today, forUpdates: forUpdates, timings: &timings)
        state.join(lint, timings: &timings)
        return state
    }

    /// The wording lint, still at work on its own thread; `join` adds its findings to the check's.
    struct PendingLint: Sendable {
        typealias Result = (results: [String: (diagnostics: [Diagnostic], words: Int)], ruleSet: RuleSet, matcher: WordingMatcher,
                            diagnostics: [Diagnostic], seconds: Double)
        fileprivate let work: Background<Result>
        let bodies: [(file: String, body: MarkdownSource)]
        /// The bytes of all texts, which the lint holds until it is done.
        let textBytes: Int

        /// Up to this much text, the build renders while the lint is still at work (its idle core time goes to the lint).
        /// Larger districts wait for it first, so their texts are freed before pages are rendered: at 100,000 pages
        /// they are 400 MB, and the peak of memory must stay below 1 GiB.
        static let overlapLimit = 128 << 20

        func mayOverlapRendering(limit: Int = overlapLimit) -> Bool { textBytes <= limit }
    }

    /// Everything `full` does but waiting for the wording lint and assembling the findings; `ruleSet` is the loaded
    /// rules (the guideline page shows them).
    /// `deferringBodies`: the bodies are not checked here but as their pages render (the build: `DeferredBodyChecks`).
    static func fullLeavingLint(root: URL, lint lintEnabled: Bool, today: CalendarDate, forUpdates: Bool = false,
                                deferringBodies: Bool = false, timings: inout StageTimings) -> (CheckState, PendingLint) {
        // The wording rules depend on nothing else: they load while the content is read.
        let rules = Background { lintEnabled ? RuleSet.load(siteRoot: root) : (RuleSet(), []) }
        var state = CheckState(root: root, lintEnabled: lintEnabled, today: today, loaded: SiteLoader.load(root: root))
        timings.lap("Laden")

        if let file = state.loaded.siteConfig {
            let parsed = SiteConfigParser.parse(file)
            state.config = parsed.config
            state.configDiagnostics = parsed.diagnostics
        }
        state.indexPositions()
        state.parseAll()
        // The lint needs only the texts and their suppressions: it starts now, beside assembling the content (on one
        // core), loading the theme and the checks across files, and the link check, which parses the bodies.
        let lintedFiles = state.lintedFiles, suppressions = state.parsedSuppressions
        let lint = Background { () -> PendingLint.Result in
            let clock = ContinuousClock.now
            let (ruleSet, ruleDiagnostics) = rules.value
            let matcher = WordingMatcher(rules: ruleSet.rules)
            let results = lintEnabled ? lintFiles(lintedFiles, suppressions: suppressions, matcher: matcher) : [:]
            let examples = WordingLint.checkSiteRuleExamples(ruleSet, matcher: matcher)
            return (results, ruleSet, matcher, ruleDiagnostics + examples, StageTimings.seconds(ContinuousClock.now - clock))
        }
        state.siteTexts = TranslationParser.parseSiteTexts(state.loaded, config: state.config)
        state.assembleContent(suppressions: suppressions)
        if !forUpdates { state.releaseParsedItems() }
        timings.lap("Lesen")

        if let config = state.config {
            let loadedTheme = Theme.load(root: root, name: config.theme, site: config.siteLanguage, translations: config.translationLanguages)
            state.theme = loadedTheme.theme
            state.themeDiagnostics = loadedTheme.diagnostics
        }
        state.checkAcrossFiles()
        let bodies = BodyChecker.bodies(of: state.content)
        let textBytes = state.loaded.content.reduce(0) { $0 + $1.file.text.utf8.count }
            + state.loaded.translations.reduce(0) { $0 + $1.file.text.utf8.count }
        if deferringBodies {
            state.deferredBodies = Dictionary(Parallel.map(bodies) { ($0.file, CheckedBody($0.body)) }, uniquingKeysWith: { first, _ in first })
        } else {
            state.checkBodies(bodies)
        }
        timings.lap("Prüfen")

        state.ruleSet = rules.value.0
        return (state, PendingLint(work: lint, bodies: bodies, textBytes: textBytes))
    }

    /// The findings without the lint's: whether the site can be rendered while the lint is at work. Sorted only when
    /// they hold an error (and so are the report): otherwise the build assembles them again, with the lint's.
    mutating func assembleBeforeLint(_ pending: PendingLint) {
        assembleDiagnostics(bodies: pending.bodies, sorted: false)
    }

    /// Checks the bodies whose check was deferred to rendering, here after all: the site is not rendered (an error
    /// elsewhere, or too much text to render beside the lint).
    mutating func checkDeferredBodies(_ pending: PendingLint) {
        guard deferredBodies != nil else { return }
        deferredBodies = nil
        checkBodies(pending.bodies)
        assembleDiagnostics(bodies: pending.bodies)
    }

    /// The results of the bodies' checks made while the pages rendered (`join` then assembles the findings).
    mutating func takeDeferredBodyChecks(_ results: [String: BodyChecker.Result]) {
        guard deferredBodies != nil else { return }
        deferredBodies = nil
        bodies = results
    }

    /// Waits for the wording lint and assembles the findings with its own. `sorted: false`: sorted for the report only
    /// when they hold an error; the build, which assembles them again after rendering, needs no more to go on (at
    /// 100,000 pages, sorting them took 0.15 s on the one core the build was waiting on).
    mutating func join(_ pending: PendingLint, timings: inout StageTimings, sorted: Bool = true) {
        let linted = pending.work.value
        lint = linted.results
        ruleSet = linted.ruleSet
        matcher = linted.matcher
        ruleDiagnostics = linted.diagnostics
        lintSeconds = linted.seconds
        timings.lap("Sprache (Warten)")
        assembleDiagnostics(bodies: pending.bodies, sorted: sorted)
    }

    // MARK: - After an edit

    /// Re-checks the files at `paths` (relative to the site root), which were modified in place. Nil when the
    /// edit is more than that — a file added, deleted, unreadable now, outside `content/`, or one that no longer
    /// parses where it did — and only a full check gives the right answer. Otherwise the originals that changed,
    /// before and after (a translation counts as a change of its original).
    mutating func refresh(_ paths: Set<String>) -> [ContentChange]? {
        guard keepsParsedItems else { return nil }
        var changed: [ContentChange] = []
        var reread: [(path: String, file: SourceFile, diagnostics: [Diagnostic])] = []
        for path in paths.sorted() {
            guard positions[path] != nil else { return nil }
            var diagnostics: [Diagnostic] = []
            guard let file = SiteLoader.readText(at: root.appendingPathComponent(path), relativePath: path, into: &diagnostics) else { return nil }
            reread.append((path, file, diagnostics))
        }
        let routesBefore = index.routeByFile
        for (path, file, diagnostics) in reread {
            let (isTranslation, position) = positions[path]!
            loaded.diagnostics.removeAll { $0.file == path }
            loaded.diagnostics += diagnostics
            let before = parsed[path]
            if isTranslation {
                loaded.translations[position].file = file
                let entry = loaded.translations[position]
                parsed[path] = Self.parseTranslation(entry.role, language: entry.language, file: file, config: config, today: today)
                let original = TranslationParser.originalPath(of: path, language: entry.language)
                if let item = parsed[original]?.item { changed.append(ContentChange(old: item, new: item, inTranslation: true)) }
            } else {
                loaded.content[position].file = file
                parsed[path] = parseOriginal(loaded.content[position].role, file)
                guard let old = before?.item, let new = parsed[path]?.item else { return nil }
                changed.append(ContentChange(old: old, new: new))
            }
        }
        // Only texts below the front matter changed: the items are patched in place, and the checks across files
        // (which read the front matter, except the legal pages' texts) need not run again.
        if changed.allSatisfy(\.isTextOnly) {
            for change in changed { replace(change.new) }
            for path in paths {
                let suppressions = parsed[path]?.suppressions ?? []
                content.lintSuppressions[path] = suppressions.isEmpty ? nil : suppressions
            }
            index = SiteIndex(content: content, config: config, unreadable: unreadable)
            crossFileDiagnostics = translationDiagnostics + referenceDiagnostics
            if let config { crossFileDiagnostics += LegalPages.check(content, config: config, unreadable: unreadable) }
        } else {
            assembleContent(suppressions: parsedSuppressions)
            checkAcrossFiles()
        }
        if lintEnabled {
            lint.merge(Self.lintFiles(lintedFiles.filter { paths.contains($0.file.path) }, suppressions: content.lintSuppressions,
                                      matcher: matcher)) { _, new in new }
        }
        // Links are checked against the routes of all pages: when those changed, every body is checked again.
        let all = BodyChecker.bodies(of: content)
        if routesBefore != index.routeByFile {
            checkBodies(all)
        } else {
            checkBodies(all.filter { paths.contains($0.file) || bodies[$0.file] == nil })
        }
        assembleDiagnostics(bodies: all)
        return changed
    }

    // MARK: - Stages

    private mutating func indexPositions() {
        positions = [:]
        positions.reserveCapacity(loaded.content.count + loaded.translations.count)
        for (position, entry) in loaded.content.enumerated() { positions[entry.file.path] = (false, position) }
        for (position, entry) in loaded.translations.enumerated() { positions[entry.file.path] = (true, position) }
    }

    private mutating func parseAll() {
        let state = self
        let originals = Parallel.map(loaded.content) { entry in state.parseOriginal(entry.role, entry.file) }
        parsed.reserveCapacity(loaded.content.count + loaded.translations.count)
        for (entry, result) in zip(loaded.content, originals) { parsed[entry.file.path] = result }
        let config = config, today = today
        let translations = Parallel.map(loaded.translations) { entry in
            Self.parseTranslation(entry.role, language: entry.language, file: entry.file, config: config, today: today)
        }
        for (entry, result) in zip(loaded.translations, translations) { parsed[entry.file.path] = result }
    }

    /// Each parsed file's `lint-ignore` suppressions, by path, for the files that have any
    /// (`SiteContent.lintSuppressions`); the lint needs them before the content is assembled.
    private var parsedSuppressions: [String: [LintSuppression]] {
        var suppressions: [String: [LintSuppression]] = [:]
        for (path, file) in parsed where !file.suppressions.isEmpty { suppressions[path] = file.suppressions }
        return suppressions
    }

    private func parseOriginal(_ role: ContentRole, _ file: SourceFile) -> ParsedFile {
        let collector = DiagnosticCollector(file: file.path)
        var suppressions: [LintSuppression] = []
        let item = ContentParser.parse(role, file, language: language, pictures: loaded.pictures, collector: collector, suppressions: &suppressions,
                                       today: today, reviewSchedule: reviewSchedule)
        return ParsedFile(item: item, translation: nil, diagnostics: collector.diagnostics, suppressions: suppressions)
    }

    private static func parseTranslation(_ role: ContentRole, language: String, file: SourceFile, config: SiteConfig?,
                                         today: CalendarDate) -> ParsedFile {
        let result = TranslationParser.parseFile(role, language: language, file: file, config: config, today: today)
        return ParsedFile(item: nil, translation: result.translation, diagnostics: result.diagnostics, suppressions: result.suppressions)
    }

    /// Lets go of the parsed items and translations once `content` holds them (the findings and suppressions stay).
    private mutating func releaseParsedItems() {
        for position in parsed.values.indices {
            parsed.values[position].item = nil
            parsed.values[position].translation = nil
        }
        keepsParsedItems = false
    }

    /// The typed content from the parsed files, in file order, and the translations matched with their originals.
    /// `suppressions`: `parsedSuppressions`, made once by the caller.
    private mutating func assembleContent(suppressions: [String: [LintSuppression]]) {
        var assembled = SiteContent()
        var byType: [ContentTypeID: [any ContentItem]] = [:]
        var unreadable = unreadableBeforeParsing
        for entry in loaded.content {
            guard let file = parsed[entry.file.path] else { continue }
            if let item = file.item {
                byType[entry.role.type, default: []].append(item)
            } else {
                unreadable.insert(entry.role, path: entry.file.path)
            }
        }
        for type in ContentTypes.all { assembled.store(byType[ContentTypeID(type)] ?? [], as: type) }
        var translations: [Translation] = []
        for entry in loaded.translations {
            guard let file = parsed[entry.file.path] else { continue }
            if let translation = file.translation { translations.append(translation) }
        }
        assembled.lintSuppressions = suppressions
        let originalFiles = Set(loaded.content.map(\.file.path)).union(unreadable.paths)
        let matched = TranslationChecker.check(translations, content: assembled, originalFiles: originalFiles)
        assembled.translations = matched.table
        assembled.siteTexts = siteTexts.siteTexts
        translationDiagnostics = matched.diagnostics
        content = assembled
        self.unreadable = unreadable
        index = SiteIndex(content: content, config: config, unreadable: unreadable)
    }

    /// Files the loader found but could not read, and municipality folders without an `index.md` (reported as
    /// `missing-index`): things that exist, so references to them are not findings.
    private var unreadableBeforeParsing: UnreadableFiles {
        var unreadable = UnreadableFiles()
        for entry in loaded.unreadableContent { unreadable.insert(entry.role, path: entry.path) }
        for folder in loaded.municipalityFolders {
            let slug = ContentPath.canonicalSlug(folder)
            unreadable.insert(ContentRole(Municipality.self, owner: .municipality(slug), slug: slug),
                              path: "content/gemeinden/\(folder)/index.md")
        }
        return unreadable
    }

    /// Files that exist but gave no item; kept for the index rebuilt after an edit.
    private var unreadable = UnreadableFiles()

    private var translationDiagnostics: [Diagnostic] = []

    /// The files the wording lint reads: every original and the German translations (Leichte Sprache).
    var lintedFiles: [(role: ContentRole, file: SourceFile)] {
        let german = germanTranslations
        return loaded.content.map { ($0.role, $0.file) } + loaded.translations.filter { german.contains($0.language) }.map { ($0.role, $0.file) }
    }

    /// `suppressions`: each file's `lint-ignore`, by path (`SiteContent.lintSuppressions`).
    private static func lintFiles(_ files: [(role: ContentRole, file: SourceFile)], suppressions: [String: [LintSuppression]],
                                  matcher: WordingMatcher) -> [String: (diagnostics: [Diagnostic], words: Int)] {
        let results = Parallel.map(files) { entry in
            WordingLint.lintFile(entry.file, type: entry.role.type.type, suppressions: suppressions[entry.file.path] ?? [], matcher: matcher)
        }
        return Dictionary(zip(files.map(\.file.path), results), uniquingKeysWith: { first, _ in first })
    }

    /// References between files, legal pages: always on the whole site, they are quick.
    private mutating func checkAcrossFiles() {
        referenceDiagnostics = ReferenceChecker.check(index)
        crossFileDiagnostics = translationDiagnostics + referenceDiagnostics
        if let config { crossFileDiagnostics += LegalPages.check(content, config: config, unreadable: unreadable) }
    }

    private var referenceDiagnostics: [Diagnostic] = []

    /// Puts `item` where the item of the same file stands among the items of its type.
    private mutating func replace(_ item: any ContentItem) {
        func typed<T: ContentItem>(_ item: T) {
            var items = content[type: T.self]
            guard let position = items.firstIndex(where: { $0.origin.file == item.origin.file }) else { return }
            content[type: T.self] = []
            items[position] = item
            content[type: T.self] = items
        }
        typed(item)
    }

    private mutating func checkBodies(_ list: [(file: String, body: MarkdownSource)]) {
        bodies.merge(BodyChecker.check(list, index: index, pictures: loaded.pictures)) { _, new in new }
    }

    /// All findings, sorted (with `sorted: false` only when one is an error); and the pictures that are published.
    /// `all`: the site's bodies (`BodyChecker.bodies`).
    private mutating func assembleDiagnostics(bodies all: [(file: String, body: MarkdownSource)], sorted: Bool = true) {
        let live = Set(all.map(\.file))
        bodies = bodies.filter { live.contains($0.key) }
        let assembled = findingsAroundBodies(files: all.map(\.file)).assemble(bodies, sorted: sorted)
        diagnostics = assembled.diagnostics
        usedAssets = assembled.published
    }

    /// Every finding but the bodies' own and those that depend on them, with what joining those needs; `files`:
    /// every body's file in the order of `BodyChecker.bodies`.
    func findingsAroundBodies(files: [String]) -> FindingsAroundBodies {
        var before = loaded.diagnostics + configDiagnostics + siteTexts.diagnostics + crossFileDiagnostics + themeDiagnostics + ruleDiagnostics
        for entry in loaded.content { before += parsed[entry.file.path]?.diagnostics ?? [] }
        for entry in loaded.translations { before += parsed[entry.file.path]?.diagnostics ?? [] }
        var lintFindings: [Diagnostic] = []
        for entry in lintedFiles { lintFindings += lint[entry.file.path]?.diagnostics ?? [] }
        return FindingsAroundBodies(
            before: before, lint: lintFindings, bodyFiles: files, assets: loaded.assets, pictures: loaded.pictures,
            storyPictures: content.stories.compactMap { story in story.image.map { ($0.file, story.origin.file, $0.location) } })
    }

    var wordsLinted: Int { lint.values.reduce(0) { $0 + $1.words } }

    var filesChecked: Int { loaded.fileCount + (config == nil ? 0 : Theme.requiredTemplates.count) }

    /// Whether the site can be rendered: no finding is an error.
    var canRender: Bool { !diagnostics.hasErrors && config != nil && theme != nil }

    /// The checked site without texts, from a state that is not needed afterwards: the texts, the parse results and
    /// the index are let go first and the bodies emptied in place, so the texts and a second copy of every item and
    /// of the index are never in memory together (at 100,000 pages that moment was the build's peak of memory).
    mutating func releaseIntoCheckedSite() -> CheckedSite? {
        guard !diagnostics.hasErrors, let config, let theme else { return nil }
        parsed = [:]
        for position in loaded.content.indices { loaded.content[position].file.text = "" }
        for position in loaded.translations.indices { loaded.translations[position].file.text = "" }
        let bodyChecks = deferredBodyChecks
        index = SiteIndex(content: SiteContent(), config: nil)
        content.releaseBodyTexts()
        let site = checkedSite(index: SiteIndex(content: content, config: config), config: config, theme: theme, bodyChecks: bodyChecks)
        content = SiteContent()
        return site
    }

    /// What a checked site keeps of the texts the check read.
    enum Texts {
        /// None: rendering reads the bodies again from their files.
        case released
        /// The content keeps them (the incremental build, which holds them anyway); rendering still reads the files.
        case kept
        /// The content keeps them and the bodies render from them (a small district's build).
        case renderedFrom
    }

    /// The site ready to render, when nothing is an error; `texts`: what it keeps of the texts.
    func checkedSite(texts: Texts = .released) -> CheckedSite? {
        guard !diagnostics.hasErrors, let config, let theme else { return nil }
        let bodyTexts = texts == .renderedFrom ? Dictionary(BodyChecker.bodies(of: content), uniquingKeysWith: { first, _ in first }) : [:]
        return checkedSite(index: texts == .released ? SiteIndex(content: content.withoutBodyTexts(), config: config) : index, config: config,
                           theme: theme, bodyChecks: deferredBodyChecks, texts: bodyTexts)
    }

    /// What the bodies' checks need when they are deferred to rendering.
    private var deferredBodyChecks: BodyChecker.Context? {
        deferredBodies == nil ? nil : BodyChecker.Context(index: index, pictures: loaded.pictures)
    }

    /// The checked site over `index`, with this check's link decisions, published pictures and rules.
    private func checkedSite(index: SiteIndex, config: SiteConfig, theme: Theme, bodyChecks: BodyChecker.Context?,
                             texts: [String: MarkdownSource] = [:]) -> CheckedSite {
        CheckedSite(root: root, config: config, index: index, theme: theme, bodies: deferredBodies ?? bodies.compactMapValues(\.body),
                    deferredBodyChecks: bodyChecks, bodyTexts: texts, assets: usedAssets, ruleSet: ruleSet, today: today)
    }
}

/// The findings of a check apart from the bodies' own, and what the findings that depend on the bodies need (which
/// pictures are used, where a large one is first shown), without the texts: a large district's build keeps this
/// through rendering, while its bodies are checked, and joins the findings at the end (`assemble`), in the same
/// order as `vorort check`.
struct FindingsAroundBodies: Sendable {
    /// Loading, parsing, theme, rules and the checks across files.
    let before: [Diagnostic]
    let lint: [Diagnostic]
    /// Every body's file, in the order of `BodyChecker.bodies` (originals first).
    let bodyFiles: [String]
    /// Every picture found in `content/`, and each picture's facts.
    let assets: Set<String>
    let pictures: [String: PictureFile]
    /// Each story's picture: its path, the story's file and where `src:` stands.
    let storyPictures: [(path: String, file: String, location: SourceLocation)]

    /// All findings, sorted for the report (with `sorted: false` only when one is an error), and the pictures that
    /// are published.
    func assemble(_ bodies: [String: BodyChecker.Result], sorted: Bool = true) -> (diagnostics: [Diagnostic], published: Set<String>) {
        var found = before
        for file in bodyFiles { found += bodies[file]?.diagnostics ?? [] }
        found += lint
        let published = BodyChecker.publishedPictures(bodyFiles.compactMap { bodies[$0] }, storyPictures: storyPictures.map(\.path))
        for asset in assets.subtracting(published).sorted() {
            let name = asset.split(separator: "/").last.map(String.init) ?? asset
            var hint = "Binden Sie es im Text mit `![Beschreibung](\(name))` oder in einer Geschichte mit `image: {src: \(name), alt: …}` ein, oder löschen Sie es."
            if let unshowable = PictureFormat.unshowableFinding(name) { hint += " " + unshowable.hint }
            found.append(Diagnostic(file: asset, location: .start, severity: .warning, rule: "unused-file",
                message: "Kein Text verwendet dieses Bild; es wird deshalb nicht veröffentlicht.", hint: hint))
        }
        found += largePictureFindings(bodies)
        return (sorted || found.hasErrors ? found.sortedForReport() : found, published)
    }

    /// One `large-image` warning per large picture that is published, at its first use: a story's `src:`, else the
    /// first body that shows it (originals before translations). An unused picture is not published, so its size
    /// harms nobody: it gets only `unused-file`.
    private func largePictureFindings(_ bodies: [String: BodyChecker.Result]) -> [Diagnostic] {
        var uses = storyPictures
        for file in bodyFiles { for use in bodies[file]?.largePictureUses ?? [] { uses.append((use.path, file, use.location)) } }
        var reported = Set<String>()
        var findings: [Diagnostic] = []
        for use in uses {
            guard let picture = pictures[use.path], picture.isLarge, PictureFormat.unshowableFinding(use.path) == nil,
                  reported.insert(use.path).inserted
            else { continue }
            findings.append(picture.largeImageFinding(path: use.path, file: use.file, at: use.location))
        }
        return findings
    }
}
