import CCmarkGFM
import Synchronization

/// A link or image found in a Markdown body, with its position in the file.
struct MarkdownReference {
    var url: String
    var isImage: Bool
    /// For images: whether the alt text is empty.
    var hasEmptyText: Bool
    var location: SourceLocation
}

/// What to do with a link or image URL before the HTML is written.
enum LinkDecision {
    case keep
    case replace(String)
    /// Drop the URL (rendered as an empty `href`); only reachable when a finding of severity error was reported.
    case remove
}

/// Renders Markdown with cmark-gfm (GFM tables, strikethrough, autolinks, tag filter) in safe mode:
/// raw HTML is omitted and dangerous URLs are blanked by cmark itself, and every link additionally passes `decide`.
enum Markdown {
    /// Debian's cmark-gfm 0.29.0.gfm.6 keeps a process-wide table of special inline characters that
    /// concurrent parsers corrupt (silently losing strikethrough), so every cmark call runs under this lock.
    /// It is the one piece of process-wide state in vorort, forced on us by the library.
    private static let lock = Mutex(())

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    struct Result {
        var html: String
        /// Raw HTML blocks or inlines that safe mode left out, by file line.
        var omittedHTMLLines: [Int]
    }

    static func render(_ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision) -> Result {
        lock.withLock { _ in renderLocked(source, decide: decide) }
    }

    private static func renderLocked(_ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision) -> Result {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return Result(html: "", omittedHTMLLines: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let text = source.text
        text.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return Result(html: "", omittedHTMLLines: []) }
        defer { cmark_node_free(document) }

        let locator = SourceLocator(source)
        var omitted: [Int] = []

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let nodeLine = Int(cmark_node_get_start_line(node))
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let isImage = type == CMARK_NODE_IMAGE
                let reference = MarkdownReference(
                    url: url, isImage: isImage, hasEmptyText: cmark_node_first_child(node) == nil,
                    location: locator.locate(url, nearBodyLine: nodeLine))
                switch decide(reference) {
                case .keep: break
                case .replace(let replacement): cmark_node_set_url(node, replacement)
                case .remove: cmark_node_set_url(node, "")
                }
            case CMARK_NODE_HEADING:
                // The page title is the only h1; headings in the body start one level below it.
                let level = cmark_node_get_heading_level(node)
                cmark_node_set_heading_level(node, min(level + 1, 6))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Comments are notes for other editors (and lint suppressions): not published, as intended.
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if !literal.trimmed.hasPrefix("<!--") {
                    omitted.append(source.firstLine + max(nodeLine, 1) - 1)
                }
            default:
                break
            }
        }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Result(html: "", omittedHTMLLines: omitted)
        }
        defer { free(rendered) }
        return Result(html: String(cString: rendered), omittedHTMLLines: omitted)
    }
}

/// Finds where a URL stands in the Markdown source. cmark's positions of inline nodes are unreliable
/// (continuation lines, entities, autolinks) and count bytes, so the text is searched for instead.
struct SourceLocator {
    private let lines: [Substring]
    private let firstLine: Int

    init(_ source: MarkdownSource) {
        lines = source.text.lines
        firstLine = source.firstLine
    }

    /// `bodyLine` is cmark's 1-based line within the body; the search starts there and goes on downwards.
    func locate(_ needle: String, nearBodyLine bodyLine: Int) -> SourceLocation {
        let start = min(max(bodyLine, 1), max(lines.count, 1)) - 1
        guard !needle.isEmpty, !lines.isEmpty else {
            return SourceLocation(line: firstLine + start, column: 1)
        }
        for index in Array(start..<lines.count) + Array(0..<start) {
            let line = lines[index]
            if let range = line.range(of: needle) {
                let column = line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
                return SourceLocation(line: firstLine + index, column: column, endColumn: column + needle.unicodeScalars.count)
            }
        }
        return SourceLocation(line: firstLine + start, column: 1)
    }
}

import Foundation
