import CCmarkGFM
import Synchronization

/// A link or image found in a Markdown body, with its position in the file.
struct MarkdownReference {
    var url: String
    var isImage: Bool
    /// For images: whether the alt text is empty.
    var hasEmptyText: Bool
    /// cmark's line of the node within the body.
    var bodyLine: Int
    var locator: SourceLocator

    /// Where the URL stands in the file; searched only when a finding needs it.
    var location: SourceLocation { locator.locate(url, nearBodyLine: bodyLine) }
}

/// What to do with a link or image URL before the HTML is written.
enum LinkDecision {
    case keep
    case replace(String)
    /// A page of the site, by its address below the language folder (with `#fragment`): a slot of the document.
    case page(String)
    /// Drop the URL (rendered as an empty `href`); only reachable when a finding of severity error was reported.
    case remove
}

/// Renders Markdown with cmark-gfm (GFM tables, strikethrough, autolinks, tag filter) in safe mode:
/// raw HTML is omitted and dangerous URLs are blanked by cmark itself, and every link additionally passes `decide`.
enum Markdown {
    /// Debian's cmark-gfm 0.29.0.gfm.6 keeps process-wide tables of special inline characters (`SPECIAL_CHARS`,
    /// `SKIP_CHARS` in inlines.c). Every `cmark_parser_finish` adds the characters of the attached extensions
    /// (`~`, `:`, `w`) at the start of inline parsing and removes them at its end (`process_inlines` in blocks.c), so
    /// a parse that finishes while another one parses inlines takes those characters away from it (strikethrough and
    /// autolinks silently lost); long-lived parsers do not help, since the add/remove happens on every finish.
    /// Only that step reads or writes the tables: block parsing (`feed`), walking the tree and rendering HTML use
    /// nothing shared, so they run on all cores and only `finish` takes this lock (checked by `MarkdownConcurrencyTests`).
    private static let inlineTables = Mutex(())

    /// Registers the GFM extensions once (cmark-gfm's registry is process-wide and not guarded).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    struct Result {
        /// The HTML with page links as slots (see `BodyDocument`).
        var document: BodyDocument
        /// The HTML of a site at `/` in its own language.
        var html: String { document.html(basePath: "/", languagePrefix: "") }
        /// Raw HTML blocks or inlines that safe mode left out, by file line.
        var omittedHTMLLines: [Int]
        /// The deepest nesting of blocks and inlines, and the file line where it first went beyond the guard's limit.
        var depth = 0
        var deepestLine = 0
    }

    /// `transform` rewrites the rendered HTML before page links are cut out (links to other sites are marked there).
    static func render(_ source: MarkdownSource, transform: (String) -> String = { $0 },
                       decide: (MarkdownReference) -> LinkDecision) -> Result {
        Markdown.registered
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return Result(document: .empty, omittedHTMLLines: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // The body is a slice of its file: fed from the file's own bytes when they are contiguous (always, for
        // text read from disk), from a copy otherwise.
        let fed = source.text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        if fed == nil {
            String(source.text).withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        }
        let finished = inlineTables.withLock { _ in cmark_parser_finish(parser).map(SendablePointer.init) }
        guard let document = finished?.pointer else { return Result(document: .empty, omittedHTMLLines: []) }
        defer { cmark_node_free(document) }

        let locator = SourceLocator(source)
        var omitted: [Int] = []
        // Page links get a placeholder href no editor can write (a nonce per render), cut out after rendering.
        let nonce = "#vorort-page-" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + "-"
        var pageLinks: [String] = []
        var depth = 0, deepest = 0, deepestLine = 0

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT { depth -= 1 }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let nodeLine = Int(cmark_node_get_start_line(node))
            // Leaf nodes (text, code, breaks, raw HTML) get no exit event, every other node does.
            let isLeaf = type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK
                || type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK
            if !isLeaf {
                depth += 1
                deepest = max(deepest, depth)
                if depth > MarkdownGuard.maximumDepth, deepestLine == 0 {
                    deepestLine = source.firstLine + max(nodeLine, 1) - 1
                }
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let isImage = type == CMARK_NODE_IMAGE
                let reference = MarkdownReference(
                    url: url, isImage: isImage, hasEmptyText: cmark_node_first_child(node) == nil,
                    bodyLine: nodeLine, locator: locator)
                switch decide(reference) {
                case .keep: break
                case .replace(let replacement): cmark_node_set_url(node, replacement)
                case .page(let route):
                    cmark_node_set_url(node, nonce + String(pageLinks.count))
                    pageLinks.append(route)
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
            return Result(document: .empty, omittedHTMLLines: omitted, depth: deepest, deepestLine: deepestLine)
        }
        defer { free(rendered) }
        let body = Markdown.document(String(cString: rendered), nonce: nonce, pageLinks: pageLinks, transform: transform)
        return Result(document: body, omittedHTMLLines: omitted, depth: deepest, deepestLine: deepestLine)
    }
}

extension Markdown {
    /// Cuts the rendered HTML at the placeholders of page links (in the order cmark wrote them, which is the
    /// order of the tree walk that assigned them).
    static func document(_ html: String, nonce: String, pageLinks: [String], transform: (String) -> String) -> BodyDocument {
        let marked = transform(html)
        guard !pageLinks.isEmpty else { return BodyDocument(segments: [.html(marked)]) }
        var segments: [BodyDocument.Segment] = []
        let bytes = Array(marked.utf8)
        let token = Array(nonce.utf8)
        var start = 0, searchFrom = 0
        while let index = ByteSearch.firstIndex(of: token, in: bytes, from: searchFrom) {
            var end = index + token.count, number = 0
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, number < pageLinks.count {
                number = number * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            guard end > index + token.count, pageLinks.indices.contains(number) else {
                searchFrom = index + 1
                continue
            }
            segments.append(.html(String(decoding: bytes[start..<index], as: UTF8.self)))
            segments.append(.page(pageLinks[number]))
            start = end
            searchFrom = end
        }
        segments.append(.html(String(decoding: bytes[start...], as: UTF8.self)))
        return BodyDocument(segments: segments)
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

    /// How far from cmark's line the search goes, in bytes; beyond it the finding points at that line.
    /// Bounded so that a file of thousands of bad links cannot make locating them quadratic.
    static let searchWindow = 16 * 1024

    /// `bodyLine` is cmark's 1-based line within the body; the search starts there and goes on downwards.
    func locate(_ needle: String, nearBodyLine bodyLine: Int) -> SourceLocation {
        let start = min(max(bodyLine, 1), max(lines.count, 1)) - 1
        let fallback = SourceLocation(line: firstLine + start, column: 1)
        guard !needle.isEmpty, !lines.isEmpty else { return fallback }
        let pattern = Array(needle.utf8)
        var budget = SourceLocator.searchWindow
        var index = start
        while index < lines.count, budget > 0 {
            let bytes = Array(lines[index].utf8.prefix(budget))
            budget -= bytes.count + 1
            if let offset = ByteSearch.firstIndex(of: pattern, in: bytes) {
                // Columns count characters: every byte that does not continue a multi-byte character.
                let column = bytes[..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                return SourceLocation(line: firstLine + index, column: column, endColumn: column + needle.unicodeScalars.count)
            }
            index += 1
        }
        return fallback
    }
}

import Foundation

/// A cmark node handed out of the lock that guards cmark's inline tables; the node belongs to this thread's parser.
private struct SendablePointer: @unchecked Sendable {
    let pointer: OpaquePointer
}
