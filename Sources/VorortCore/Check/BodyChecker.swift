import Foundation

/// Checks every Markdown body: cmark-gfm parses it, each link and image is resolved or reported (links to content
/// files become page addresses, site paths must exist, unsafe schemes are refused), and the decisions are kept as a
/// `CheckedBody`. Rendering applies exactly these decisions (`BodyHTML`), so a link that `check` accepts is exactly
/// the link `build` writes.
enum BodyChecker {
    /// One body, checked: its link decisions (nil when a guard refused the text), its findings and its pictures.
    struct Result: Sendable {
        var body: CheckedBody?
        var diagnostics: [Diagnostic]
        var used: [String]
        /// Where the body uses pictures larger than `PictureFile.largeBytes`: the warning goes to the first use of
        /// each in the whole site (`CheckState`), so a picture used in several texts gets one message.
        var largePictureUses: [(path: String, location: SourceLocation)] = []
    }

    /// Every body of the site with its file: originals first, type by type, then translations by file.
    static func bodies(of content: SiteContent) -> [(file: String, body: MarkdownSource)] {
        struct Bodies: ContentItemVisitor {
            var bodies: [(file: String, body: MarkdownSource)] = []
            mutating func visit<T: ContentItem>(_ item: T) {
                if let body = item.markdownBody { bodies.append((item.origin.file, body)) }
            }
        }
        var originals = Bodies()
        content.visitItems(&originals)
        var bodies = originals.bodies
        bodies += content.translations.values.flatMap(\.values).sorted { $0.origin.file < $1.origin.file }.map { ($0.origin.file, $0.body) }
        return bodies
    }

    /// What checking a body's links needs to know of the site, worked out once for all bodies. It holds no content,
    /// so a build can keep it through rendering after the texts are let go.
    /// A class, so that handing it on retains one object: a struct's copy retained each of its tables, which both
    /// threads share, several times per body.
    final class Context: Sendable {
        let hasConfig: Bool
        /// Each content file's page.
        let routeByFile: [String: String]
        /// Files that exist but could not be read (their own findings say why).
        let unreadable: Set<String>
        let pictures: [String: PictureFile]
        let basePath: String
        /// Parsed once for all links (`SiteAddress.sitePath`).
        let base: URLComponents?
        let knownRoutes: Set<String>

        init(index: SiteIndex, pictures: [String: PictureFile]) {
            hasConfig = index.config != nil
            routeByFile = index.routeByFile
            unreadable = index.unreadable.paths
            self.pictures = pictures
            basePath = index.config?.basePath ?? "/"
            base = index.config.flatMap { URLComponents(string: $0.baseURL) }
            knownRoutes = BodyChecker.siteRoutes(index)
        }
    }

    /// Checks the given bodies against the site's pages and pictures, on all cores (cmark's one shared step is
    /// guarded inside `Markdown`); the results by file.
    static func check(_ bodies: [(file: String, body: MarkdownSource)], index: SiteIndex, pictures: [String: PictureFile]) -> [String: Result] {
        let context = Context(index: index, pictures: pictures)
        let checked = Parallel.map(bodies) { file, body in (file, check(file: file, body: body, context: context)) }
        return Dictionary(checked, uniquingKeysWith: { first, _ in first })
    }

    /// Checks one body.
    static func check(file: String, body: MarkdownSource, context: Context) -> Result {
        check(file: file, body: body, context: context, then: { _, _ in () }).result
    }

    /// Checks one body and hands cmark's tree with the link decisions to `render` before the tree is freed: the build
    /// renders a page's body from the tree its check parsed (`BodyHTML`), so each body is parsed once. `rendered` is
    /// nil when the guard refused the text or cmark could not parse it.
    static func check<R>(file: String, body: MarkdownSource, context: Context,
                         then render: (MarkdownTree, CheckedBody) -> R) -> (result: Result, rendered: R?) {
        let collector = DiagnosticCollector(file: file)
        if let violation = MarkdownGuard.check(body) {
            collector.error("markdown-too-complex", at: SourceLocation(line: violation.line, column: 1), violation.message,
                hint: "Teilen Sie Tabelle oder Text auf, oder entfernen Sie den eingefügten Inhalt; HTML wird ohnehin nicht veröffentlicht.")
            return (Result(body: nil, diagnostics: collector.diagnostics, used: []), nil)
        }
        var used: [String] = []
        var large: [(path: String, location: SourceLocation)] = []
        let (result, rendered) = MarkdownLinks.check(body, decide: { reference in
            decide(reference, file: file, context: context, collector: collector, used: &used, large: &large)
        }, then: render)
        if result.depth > MarkdownGuard.maximumDepth {
            collector.error("markdown-too-complex", at: SourceLocation(line: result.deepestLine, column: 1),
                "Der Text ist hier \(result.depth) Ebenen tief verschachtelt (Listen, Zitate oder Hervorhebungen); erlaubt sind \(MarkdownGuard.maximumDepth).",
                hint: "Schreiben Sie den Abschnitt flacher: höchstens wenige Ebenen Aufzählung, Hervorhebungen nicht ineinander.")
        }
        HeadingOrder.check(result.headings, in: body, collector: collector)
        for line in result.omittedHTMLLines {
            collector.warning("raw-html", at: SourceLocation(line: line, column: 1),
                "HTML im Text wird aus Sicherheitsgründen nicht veröffentlicht.",
                hint: "Schreiben Sie den Inhalt mit Markdown: `**fett**`, `[Link](https://…)`, Listen mit `- `.")
        }
        return (Result(body: result.body, diagnostics: collector.diagnostics, used: used, largePictureUses: large), rendered)
    }

    /// The pictures that are published: those the bodies use and the stories' pictures. A private photo dropped into
    /// a folder must not go online.
    static func publishedPictures(_ results: some Sequence<Result>, storyPictures: [String]) -> Set<String> {
        Set(results.flatMap(\.used)).union(storyPictures)
    }

    /// Routes of every page the build writes, for checking links to site paths such as `/angebote/`.
    static func siteRoutes(_ index: SiteIndex) -> Set<String> {
        var routes: Set<String> = [Routes.home, Routes.district, Routes.municipalities, Routes.offerDirectory, Routes.contactPoints, Routes.stories, Routes.guideline, Routes.figures, Routes.offline]
        routes.formUnion(index.routeByFile.values)
        for category in index.config?.categories ?? [] { routes.insert(Routes.category(category.slug)) }
        return routes
    }

    private static func decide(
        _ reference: MarkdownReference, file: String, context: Context, collector: DiagnosticCollector, used: inout [String],
        large: inout [(path: String, location: SourceLocation)]
    ) -> LinkDecision {
        let pictures = context.pictures, knownRoutes = context.knownRoutes, basePath = context.basePath
        // Computed only when a finding is listed.
        var at: SourceLocation { reference.location }
        /// A page of this site by its path (`/angebote/`, also with the base path in front).
        func sitePage(_ path: String, fragment: String?, written: String) -> LinkDecision {
            guard let route = SiteAddress.route(forSitePath: path, basePath: basePath, knownRoutes: knownRoutes) else {
                var hint = "Verlinken Sie Inhalte über ihre Datei, z. B. `/seiten/impressum.md`, oder eine Übersicht wie `/angebote/`."
                if let suggestion = SiteAddress.suggestion(for: path, knownRoutes: knownRoutes) {
                    hint = "Meinen Sie `/\(suggestion)`? " + hint
                }
                collector.error("broken-link", at: at, "Die Seite `\(written)` gibt es auf dieser Website nicht.", hint: hint)
                return .remove
            }
            return .page(route + (fragment.map { "#" + $0 } ?? ""))
        }
        if reference.isImage, reference.hasEmptyText {
            collector.error("missing-alt", at: at, "Das Bild `\(reference.url)` hat keinen Alternativtext.",
                hint: "Beschreiben Sie, was das Bild zeigt: `![Kinder beim Sommerfest](\(reference.url))`.")
        }
        switch LinkPolicy.classify(reference.url, currentFile: file) {
        case .fragment:
            return .keep
        case .external(let url):
            // `https://<baseURL>/…` is a link into this site: checked like one, and published as one.
            if !reference.isImage, context.hasConfig, let (path, fragment) = SiteAddress.sitePath(ofURL: url, base: context.base) {
                return sitePage(path, fragment: fragment, written: reference.url)
            }
            // `tel:` links in the text dial the same number as `phone:`: E.164, or a finding.
            if !reference.isImage, LinkPolicy.scheme(of: url) == "tel" {
                let written = String(url.drop { $0 != ":" }.dropFirst())
                let number = LinkPolicy.percentDecoded(written) ?? written
                switch PhoneNumber.read(number) {
                case .success(let phone):
                    return phone.link == reference.url ? .keep : .replace(phone.link)
                case .failure:
                    collector.error("invalid-phone", at: at, "`\(number)` im Telefon-Link ist nicht genau eine wählbare Telefonnummer.",
                        hint: "Schreiben Sie den Link mit einer Nummer mit Vorwahl, z. B. `[05321 76-230](tel:05321-76-230)`; mehrere Nummern als mehrere Links.")
                    return .remove
                }
            }
            if reference.isImage {
                collector.error("external-resource", at: at,
                    "Bilder von fremden Servern werden nicht eingebunden: Der Browser würde dabei Daten an diesen Server senden.",
                    hint: "Legen Sie das Bild in den Ordner dieser Datei und verweisen Sie mit seinem Dateinamen darauf: `![Beschreibung](bild.jpg)`.")
                return .remove
            }
            return url == reference.url ? .keep : .replace(url)
        case .disguised:
            let bad = reference.url.unicodeScalars.first(where: LinkPolicy.isDisguising).map(Diagnostic.codePoint) ?? ""
            collector.error("invalid-url", at: at,
                "Die Adresse enthält das unsichtbare Zeichen \(bad); es lässt sie anders aussehen, als sie ist.",
                hint: "Löschen Sie die Adresse und schreiben Sie sie neu, statt sie zu kopieren.")
            return .remove
        case .invalidMailto(let problem):
            collector.error("invalid-email", at: at, problem,
                hint: "Schreiben Sie den Link als `[Text](mailto:name@example.de)`; erlaubt sind nur `?subject=` und `&body=`.")
            return .remove
        case .unsafe(let scheme):
            collector.error("unsafe-link", at: at, "Links mit `\(scheme):` werden aus Sicherheitsgründen nicht veröffentlicht.",
                hint: "Verlinken Sie nur Webadressen (`https://…`), E-Mail (`mailto:…`), Telefon (`tel:…`) oder andere Seiten dieser Website.")
            return .remove
        case .contentFile(let path, let fragment):
            guard let route = context.routeByFile[path] else {
                // The file is there but could not be read: its own finding says why, and the build stops anyway.
                if context.unreadable.contains(path) { return .remove }
                collector.error("broken-link", at: at, "Der Link zeigt auf `\(path)`, diese Datei gibt es nicht.",
                    hint: "Prüfen Sie den Pfad: Er beginnt beim Ordner dieser Datei (`../` für eine Ebene höher) oder mit `/` bei `content/`.")
                return .remove
            }
            return .page(route + (fragment.map { "#" + $0 } ?? ""))
        case .sitePath(let path, let fragment):
            return sitePage(path, fragment: fragment, written: path)
        case .unsupportedRelative:
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            let assetPath = LinkPolicy.normalise(folder + "/" + reference.url)
            let picture = pictures[assetPath]
            // A file that is there counts as used either way, so that it is not also reported as unused.
            if picture != nil { used.append(assetPath) }
            // Also for a link: it would publish a file most residents' browsers cannot open.
            if let unshowable = PictureFormat.unshowableFinding(reference.url) {
                collector.error("unshowable-image", at: at, unshowable.message, hint: unshowable.hint)
                return .remove
            }
            if let picture {
                if reference.isImage, picture.isLarge { large.append((assetPath, at)) }
                let url = basePath + Routes.asset(forContentFile: assetPath)
                if reference.isImage, let pixels = picture.pixels { return .picture(url, pixels) }
                return .replace(url)
            }
            collector.error(reference.isImage ? "missing-image" : "broken-link", at: at,
                reference.isImage
                    ? "Das Bild `\(reference.url)` gibt es nicht neben dieser Datei."
                    : "Der Link `\(reference.url)` zeigt auf keine Inhaltsdatei.",
                hint: reference.isImage
                    ? "Legen Sie das Bild als jpg, png, webp oder gif in denselben Ordner wie diese Datei und schreiben Sie seinen Dateinamen genau so (auch Groß- und Kleinschreibung)."
                    : "Verlinken Sie andere Inhalte über ihre `.md`-Datei oder mit vollständiger Webadresse `https://…`.")
            return .remove
        }
    }
}
