import CCmarkGFM
import Foundation
import Synchronization

/// Writes the HTML of checked Markdown bodies when their page is rendered: reads the body again from its file,
/// parses it again with cmark-gfm, gives each link and picture the address the check decided, and marks links to
/// other sites. Holding only the decisions between check and render keeps memory flat; reading and parsing again
/// costs little next to the templates. One instance serves all languages of a render.
final class BodyHTML: Sendable {
    /// Checked bodies by content file path (relative to `root`).
    let bodies: [String: CheckedBody]
    let root: URL
    let basePath: String
    let baseURL: String?
    /// The hidden "(externer Link)" note by language code, so a translation's note is in its language.
    let externalLinkLabels: [String: String]
    /// Files whose body changed on disk after the check (or vanished): the pages were rendered without it, and the
    /// render must not be published.
    private let changed = Mutex<[String]>([])

    init(bodies: [String: CheckedBody], root: URL, basePath: String, baseURL: String?, externalLinkLabels: [String: String]) {
        self.bodies = bodies
        self.root = root
        self.basePath = basePath
        self.baseURL = baseURL
        self.externalLinkLabels = externalLinkLabels
    }

    /// Whether the check passed a body for `file`.
    func hasBody(_ file: String) -> Bool { bodies[file] != nil }

    /// Content files whose body was no longer the one checked when its page rendered, in path order.
    var filesChangedSinceCheck: [String] { changed.withLock { Array(Set($0)).sorted() } }

    /// The HTML of the body of `file` (written in the language with code `textLanguage`) on a page whose links lead
    /// into the language folder `languagePrefix` (`""` or `en/`). Empty for a body the check did not pass.
    func html(file: String, textLanguage: String, languagePrefix: String) -> String {
        guard let checked = bodies[file] else { return "" }
        var ignored: [Diagnostic] = []
        guard let text = SiteLoader.readText(at: root.appendingPathComponent(file), relativePath: file, into: &ignored)?.text,
              let source = checked.source(in: text)
        else {
            changed.withLock { $0.append(file) }
            return ""
        }
        guard let html = BodyHTML.render(source, checked, pageURL: { basePath + languagePrefix + $0 }) else { return "" }
        return ExternalLinks.mark(html, baseURL: baseURL, label: externalLinkLabels[textLanguage] ?? "(externer Link)")
    }

    /// The HTML of `source` with the check's decisions applied; `pageURL` turns a page's route into its address.
    /// Headings keep the level editors wrote: `##` is h2 below the page title's h1, as in other Markdown tools (the
    /// check reports a `#`, a second h1, and skipped levels: `HeadingOrder`).
    static func render(_ source: MarkdownSource, _ checked: CheckedBody, pageURL: (String) -> String) -> String? {
        let html = Markdown.parse(source) { tree -> String? in
            var ordinal = 0, cursor = 0
            tree.forEachNode { node, type, _ in
                switch type {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    switch checked.decision(at: ordinal, cursor: &cursor) {
                    case .keep: break
                    case .replace(let replacement): cmark_node_set_url(node, replacement)
                    case .page(let route): cmark_node_set_url(node, pageURL(route))
                    case .remove: cmark_node_set_url(node, "")
                    }
                    ordinal += 1
                default:
                    break
                }
            }
            return tree.html()
        }
        return html ?? nil
    }
}
