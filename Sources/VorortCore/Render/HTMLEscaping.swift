import Mustache

/// HTML escaping on Unicode scalars for every value a template writes with `{{…}}`. swift-mustache's own escaper
/// walks `Character`s, and a quote or `<` followed by a combining mark (`"\u{0338}`) is one Character that matches
/// no escape: an editor's title could then close an attribute. Here each scalar is looked at on its own.
struct ScalarHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

public enum HTMLEscaping {
    static let contentTypeName = "VORORT_HTML"
    /// Put in front of every template, so the template and the partials it includes escape with `ScalarHTMLContentType`.
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}\n"

    /// swift-mustache keeps its content types in a registry of its own; vorort adds one type, once, before any
    /// template that names it is parsed.
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLContentType(), named: contentTypeName)

    /// Also the preview's escaper for the findings and file names it writes into pages.
    public static func escape(_ text: String) -> String {
        // Most values (names, dates, addresses) need no escaping: one pass over the bytes decides.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return ScalarRewriter.rewrite(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
