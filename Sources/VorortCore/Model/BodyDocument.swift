/// A Markdown body after the check: its HTML, with every link to a page of the site kept as a typed slot, so each
/// language can lead the link to its own version of the page (`/integration/en/kreis/`) without rendering the
/// Markdown again.
public struct BodyDocument: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case html(String)
        /// The address of a page below the language folder: `kreis/anlaufstellen/beratung/#zeiten`.
        case page(String)
    }

    public var segments: [Segment]

    public static let empty = BodyDocument(segments: [])

    /// The HTML with page links below `basePath` and the language folder (`""` or `en/`).
    public func html(basePath: String, languagePrefix: String) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .html(let text): out += text
            case .page(let route): out += HTMLEscaping.escape(basePath + languagePrefix + route)
            }
        }
        return out
    }
}
