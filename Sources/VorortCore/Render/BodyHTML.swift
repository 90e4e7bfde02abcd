import CCmarkGFM

/// Writes the HTML of checked Markdown bodies when their page is rendered: parses the text again with cmark-gfm,
/// gives each link and picture the address the check decided, and marks links to other sites. Holding only the
/// decisions between check and render keeps memory flat; a second parse costs little next to the templates.
struct BodyHTML: Sendable {
    /// Checked bodies by content file path.
    let bodies: [String: CheckedBody]
    let basePath: String
    let baseURL: String?
    /// The hidden "(externer Link)" note by language code, so a translation's note is in its language.
    let externalLinkLabels: [String: String]

    /// The HTML of the body of `file` (written in the language with code `textLanguage`) on a page whose links lead
    /// into the language folder `languagePrefix` (`""` or `en/`). Empty for a body the check did not pass.
    func html(file: String, textLanguage: String, languagePrefix: String) -> String {
        guard let checked = bodies[file] else { return "" }
        let html = BodyHTML.render(checked) { basePath + languagePrefix + $0 }
        guard let html else { return "" }
        return ExternalLinks.mark(html, baseURL: baseURL, label: externalLinkLabels[textLanguage] ?? "(externer Link)")
    }

    /// The HTML of a checked body with the check's decisions applied; `pageURL` turns a page's route into its
    /// address. Headings start one level below the page title, the page's only h1.
    static func render(_ checked: CheckedBody, pageURL: (String) -> String) -> String? {
        let html = Markdown.parse(checked.source) { tree -> String? in
            var ordinal = 0, next = 0
            tree.forEachNode { node, type, _ in
                switch type {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    switch checked.decision(at: ordinal, from: &next) {
                    case .keep: break
                    case .replace(let replacement): cmark_node_set_url(node, replacement)
                    case .page(let route): cmark_node_set_url(node, pageURL(route))
                    case .remove: cmark_node_set_url(node, "")
                    }
                    ordinal += 1
                case CMARK_NODE_HEADING:
                    let level = cmark_node_get_heading_level(node)
                    cmark_node_set_heading_level(node, min(level + 1, 6))
                default:
                    break
                }
            }
            return tree.html()
        }
        return html ?? nil
    }
}
