import CCmarkGFM
import Foundation
import Synchronization

/// Writes the HTML of checked Markdown bodies when their page is rendered: reads the body again from its file (a
/// small district's build takes it from the texts the check still holds), parses it again with cmark-gfm, gives each
/// link and picture the address the check decided, and marks links to other sites. Holding only the decisions between
/// check and render keeps memory flat. One instance serves all languages of a render.
///
/// A build may leave the bodies' check to this stage (`DeferredBodyChecks`): the first page that shows a body then
/// checks it with `BodyChecker` and renders it from the same cmark tree, so the body is parsed once instead of once
/// for the check and once for the page (a tenth of a build's CPU time). The findings are joined before anything is
/// published, and an error among them discards what was rendered.
final class BodyHTML: Sendable {
    /// Checked bodies by content file path (relative to `root`); with deferred checks, where each body stands in its
    /// file, without decisions until `deferred` has checked it.
    let bodies: [String: CheckedBody]
    /// The bodies' checks, when the build left them to rendering; nil when `bodies` holds the check's decisions.
    let deferred: DeferredBodyChecks?
    let root: URL
    /// `root`'s path with a slash: files are read by path (a `URL` made per file would ask the file system whether
    /// it is a folder).
    private let rootPath: String
    let basePath: String
    let baseURL: String?
    /// The hidden "(externer Link)" note by language code, so a translation's note is in its language.
    let externalLinkLabels: [String: String]
    /// The site's own address as `ExternalLinks` compares links with it, made once.
    private let ownPrefixes: [[UInt8]]
    /// Files whose body changed on disk after the check (or vanished): the pages were rendered without it, and the
    /// render must not be published.
    private let changed = Mutex<[String]>([])
    /// The bodies' texts by file when the check kept them in memory: read from here, not from the files (empty: read
    /// from the files).
    private let texts: [String: MarkdownSource]

    init(bodies: [String: CheckedBody], root: URL, basePath: String, baseURL: String?, externalLinkLabels: [String: String],
         deferred: DeferredBodyChecks? = nil, texts: [String: MarkdownSource] = [:]) {
        self.bodies = bodies
        self.deferred = deferred
        self.texts = texts
        self.root = root
        rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        self.basePath = basePath
        self.baseURL = baseURL
        self.externalLinkLabels = externalLinkLabels
        ownPrefixes = ExternalLinks.ownPrefixes(baseURL)
    }

    /// Whether the check passed a body for `file`.
    func hasBody(_ file: String) -> Bool { bodies[file] != nil }

    /// Content files whose body was no longer the one checked when its page rendered, in path order.
    var filesChangedSinceCheck: [String] { changed.withLock { Array(Set($0)).sorted() } }

    /// Whether a body is rendered for two files of a render: a story's body stands on its page and in its language's
    /// feed.
    enum Reuse {
        case none
        /// Rendered for the feed, whose job starts the render: kept for the story's page.
        case keep
        /// The story's page: takes what the feed kept, if the feed came first.
        case take
    }

    /// The bodies the feeds kept for their stories' pages, by file, text language and language folder. A page takes
    /// its body out; what no page takes goes with this object at the end of the render.
    private let kept = Mutex<[String: [UInt8]]>([:])

    /// The HTML of the body of `file` (written in the language with code `textLanguage`) on a page whose links lead
    /// into the language folder `languagePrefix` (`""` or `en/`), as UTF-8 bytes. Empty for a body the check did not
    /// pass. `reuse`: a body shown twice is parsed and rendered once.
    func html(file: String, textLanguage: String, languagePrefix: String, reuse: Reuse = .none) -> [UInt8] {
        let key = reuse == .none ? "" : file + "\u{0}" + textLanguage + "\u{0}" + languagePrefix
        if reuse == .take, let found = kept.withLock({ $0.removeValue(forKey: key) }) { return found }
        let html = rendered(file: file, textLanguage: textLanguage, languagePrefix: languagePrefix)
        if reuse == .keep, !html.isEmpty { kept.withLock { $0[key] = html } }
        return html
    }

    private func rendered(file: String, textLanguage: String, languagePrefix: String) -> [UInt8] {
        guard let located = bodies[file] else { return [] }
        let pageURL = { [basePath] route in basePath + languagePrefix + route }
        let rendered: [UInt8]?
        if let deferred {
            if let result = deferred.result(file) {
                guard let checked = result.body else { return [] }
                rendered = render(file, checked, pageURL: pageURL)
            } else {
                // Not checked yet: checked now, and rendered from the tree the check parsed.
                guard let source = source(file, located) else { return [] }
                rendered = deferred.check(file, source) { tree, checked in BodyHTML.html(of: tree, checked, pageURL: pageURL) } ?? nil
            }
        } else {
            rendered = render(file, located, pageURL: pageURL)
        }
        guard let rendered else { return [] }
        return ExternalLinks.mark(rendered, ownPrefixes: ownPrefixes, label: externalLinkLabels[textLanguage] ?? "(externer Link)")
    }

    /// The body of `file` parsed and rendered with the decisions `checked`; nil (and the file noted as changed) when
    /// the file is no longer the one checked.
    private func render(_ file: String, _ checked: CheckedBody, pageURL: (String) -> String) -> [UInt8]? {
        if let text = texts[file] { return BodyHTML.renderBytes(text, checked, pageURL: pageURL) }
        // Nearly always the file's bytes are the text the check read (no byte-order mark, no carriage return): then
        // cmark reads the body straight from them, without decoding the file into text again.
        if let bytes = unchangedBytes(file, checked) {
            return bytes.withUnsafeBytes { file in
                BodyHTML.renderBytes(UnsafeRawBufferPointer(rebasing: file[checked.start..<checked.start + checked.length]), checked, pageURL: pageURL)
            }
        }
        guard let source = readSource(file, checked) else { return nil }
        return BodyHTML.renderBytes(source, checked, pageURL: pageURL)
    }

    /// The body of `file` as text, read again; nil (and the file noted as changed) when the file is no longer the one
    /// the loader read.
    private func source(_ file: String, _ located: CheckedBody) -> MarkdownSource? {
        if let text = texts[file] { return text }
        if let bytes = unchangedBytes(file, located) {
            // The same bytes the loader decoded into this text: valid UTF-8, no byte-order mark, no carriage return.
            let text = String(decoding: bytes, as: UTF8.self)
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: located.start), to = utf8.index(from, offsetBy: located.length)
            return MarkdownSource(text: text[from..<to], firstLine: located.firstLine)
        }
        return readSource(file, located)
    }

    /// The bytes of `file` when they are still the text the loader read (same length and hash): no byte-order mark,
    /// no carriage return, not edited since. Nil otherwise; the callers then decode the file as the loader does.
    private func unchangedBytes(_ file: String, _ body: CheckedBody) -> [UInt8]? {
        guard let bytes = SiteLoader.readBytes(atPath: rootPath + file, expected: body.fileLength), bytes.count == body.fileLength,
              bytes.withUnsafeBytes({ ContentHash.hash($0) }) == body.fingerprint
        else { return nil }
        return bytes
    }

    private func readSource(_ file: String, _ checked: CheckedBody) -> MarkdownSource? {
        var ignored: [Diagnostic] = []
        guard let text = SiteLoader.readText(atPath: rootPath + file, relativePath: file, into: &ignored)?.text,
              let source = checked.source(in: text)
        else {
            changed.withLock { $0.append(file) }
            return nil
        }
        return source
    }

    /// Checks the bodies no page showed (a translation into a language the theme has no words for, say), so that the
    /// findings and the published pictures are those of `vorort check`. Only with deferred checks.
    func checkRemainingBodies() {
        guard let deferred else { return }
        let remaining = bodies.filter { deferred.result($0.key) == nil }.sorted { $0.key < $1.key }
        _ = Parallel.map(remaining) { file, located in
            if let source = source(file, located) { _ = deferred.check(file, source) { _, _ in () } }
        }
    }

    /// The HTML of `source` with the check's decisions applied; `pageURL` turns a page's route into its address.
    /// Headings keep the level editors wrote: `##` is h2 below the page title's h1, as in other Markdown tools (the
    /// check reports a `#`, a second h1, and skipped levels: `HeadingOrder`).
    static func render(_ source: MarkdownSource, _ checked: CheckedBody, pageURL: (String) -> String) -> String? {
        renderBytes(source, checked, pageURL: pageURL).map { String(decoding: $0, as: UTF8.self) }
    }

    static func renderBytes(_ source: MarkdownSource, _ checked: CheckedBody, pageURL: (String) -> String) -> [UInt8]? {
        Markdown.parse(source) { html(of: $0, checked, pageURL: pageURL) } ?? nil
    }

    /// The same for the body's UTF-8 bytes.
    static func renderBytes(_ source: UnsafeRawBufferPointer, _ checked: CheckedBody, pageURL: (String) -> String) -> [UInt8]? {
        Markdown.parse(source) { html(of: $0, checked, pageURL: pageURL) } ?? nil
    }

    /// The tree's HTML with the check's decisions applied to its links and pictures.
    private static func html(of tree: MarkdownTree, _ checked: CheckedBody, pageURL: (String) -> String) -> [UInt8]? {
        var ordinal = 0, cursor = 0
        // The size of each `<img>` cmark writes, in document order (nil: no size known).
        var pictureSizes: [PixelSize?] = []
        tree.forEachNode { node, type, _ in
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                var pixels: PixelSize?
                switch checked.decision(at: ordinal, cursor: &cursor) {
                case .keep: break
                case .replace(let replacement): cmark_node_set_url(node, replacement)
                case .picture(let url, let size):
                    cmark_node_set_url(node, url)
                    pixels = size
                case .page(let route): cmark_node_set_url(node, pageURL(route))
                case .remove: cmark_node_set_url(node, "")
                }
                // A picture inside another picture's description is written as plain text, without `<img>`.
                if type == CMARK_NODE_IMAGE, !isInsideImage(node) { pictureSizes.append(pixels) }
                ordinal += 1
            default:
                break
            }
        }
        return tree.htmlBytes().map { addSizes(pictureSizes, to: $0) }
    }

    private static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// Gives the n-th `<img …>` of `html` the n-th size as `width` and `height`, so the browser keeps the picture's
    /// room free while it loads and the text does not jump. cmark writes every picture as `<img src="…" alt="…" />`
    /// (escaped text and safe mode leave no other `<img`); should the counts ever differ, no size is written.
    static func addSizes(_ sizes: [PixelSize?], to html: String) -> String {
        String(decoding: addSizes(sizes, to: Array(html.utf8)), as: UTF8.self)
    }

    static func addSizes(_ sizes: [PixelSize?], to bytes: [UInt8]) -> [UInt8] {
        guard sizes.contains(where: { $0 != nil }) else { return bytes }
        let opening = Array("<img ".utf8), closing = Array(" />".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + sizes.count * 32)
        var position = 0, index = 0
        while let open = ByteSearch.firstIndex(of: opening, in: bytes, from: position) {
            guard index < sizes.count, let close = ByteSearch.firstIndex(of: closing, in: bytes, from: open) else { return bytes }
            out.append(contentsOf: bytes[position..<close])
            if let size = sizes[index] { out.append(contentsOf: Array(" width=\"\(size.width)\" height=\"\(size.height)\"".utf8)) }
            position = close
            index += 1
        }
        guard index == sizes.count else { return bytes }
        out.append(contentsOf: bytes[position...])
        return out
    }
}

/// The bodies' checks a build leaves to rendering: each body is checked once, by the first page that shows it, and
/// its result kept for `CheckState`, which joins the findings before anything is published.
final class DeferredBodyChecks: Sendable {
    let context: BodyChecker.Context
    private let results = Mutex<[String: BodyChecker.Result]>([:])

    init(context: BodyChecker.Context) {
        self.context = context
    }

    /// The check's result for `file`; nil when no page has shown the body yet.
    func result(_ file: String) -> BodyChecker.Result? { results.withLock { $0[file] } }

    /// Checks the body of `file` and hands the tree with the decisions to `render`. Two pages of one body (in two
    /// languages) may check it at once: both results are the same, the first is kept.
    func check<R>(_ file: String, _ source: MarkdownSource, render: (MarkdownTree, CheckedBody) -> R) -> R? {
        let (result, rendered) = BodyChecker.check(file: file, body: source, context: context, then: render)
        results.withLock { if $0[file] == nil { $0[file] = result } }
        return rendered
    }

    /// Every body's result, by file.
    var all: [String: BodyChecker.Result] { results.withLock { $0 } }
}
