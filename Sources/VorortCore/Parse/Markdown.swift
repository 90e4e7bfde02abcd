import CCmarkGFM
import CVorortSystem
import Synchronization

/// Parses Markdown with cmark-gfm (GFM tables, strikethrough, autolinks, tag filter). The check walks the tree for
/// links (`MarkdownLinks`), rendering walks it again to write HTML (`BodyHTML`); both parse the same text the same
/// way, so they meet the links in the same order.
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

    /// Safe mode: raw HTML is omitted and dangerous URLs are blanked by cmark itself.
    static let options = CMARK_OPT_DEFAULT

    /// cmark's allocator over the calling thread's arena (`vorort_arena_begin`): the parser, the tree and
    /// everything cmark makes while they live take their memory from it, and it is freed at once after `use`.
    /// cmark reads the three function pointers only; `vorort_allocator` has `cmark_mem`'s layout.
    nonisolated(unsafe) private static let arenaAllocator = UnsafeMutableRawPointer(mutating: vorort_arena_allocator())
        .assumingMemoryBound(to: cmark_mem.self)

    /// Parses `source` and hands the tree to `use`; the tree is freed when `use` returns. Nil when cmark fails.
    static func parse<R>(_ source: MarkdownSource, _ use: (MarkdownTree) -> R) -> R? {
        // The body is a slice of its file: fed from the file's own bytes when they are contiguous (always, for
        // text read from disk), from a copy otherwise.
        source.text.withUTF8Bytes { parse(UnsafeRawBufferPointer($0), use) }
    }

    /// The same for Markdown as UTF-8 bytes.
    static func parse<R>(_ bytes: UnsafeRawBufferPointer, _ use: (MarkdownTree) -> R) -> R? {
        Markdown.registered
        // Freed last, after the parser and the tree (deferred first, so run last).
        let arena = vorort_arena_begin()
        defer { vorort_arena_end(arena) }
        guard let parser = cmark_parser_new_with_mem(options, arenaAllocator) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        if let start = bytes.baseAddress, bytes.count > 0 {
            cmark_parser_feed(parser, start.assumingMemoryBound(to: CChar.self), bytes.count)
        }
        let finished = inlineTables.withLock { _ in cmark_parser_finish(parser).map(SendablePointer.init) }
        guard let root = finished?.pointer else { return nil }
        defer { cmark_node_free(root) }
        return use(MarkdownTree(root: root, parser: parser))
    }
}

/// cmark's tree of one body, valid only inside `Markdown.parse`.
struct MarkdownTree {
    let root: OpaquePointer
    let parser: OpaquePointer

    /// Calls `visit` for every node on entering it, in document order, with its nesting depth (blocks and inlines
    /// that contain others count; text, code and breaks do not).
    func forEachNode(_ visit: (_ node: OpaquePointer, _ type: cmark_node_type, _ depth: Int) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT { depth -= 1 }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            // Leaf nodes (text, code, breaks, raw HTML) get no exit event, every other node does.
            let isLeaf = type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK
                || type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK
            if !isLeaf { depth += 1 }
            visit(node, type, depth)
        }
    }

    /// The tree as HTML, in safe mode with the parser's extensions. The text is allocated with the system's
    /// allocator (not the tree's arena), since it is freed here with `free`.
    func html() -> String? {
        htmlBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same as UTF-8 bytes, for rendering that works on bytes up to the page.
    func htmlBytes() -> [UInt8]? {
        guard let rendered = cmark_render_html_with_mem(root, Markdown.options, cmark_parser_get_syntax_extensions(parser),
                                                        cmark_get_default_mem_allocator())
        else { return nil }
        defer { free(rendered) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered)))
    }
}

import Foundation

/// A cmark node handed out of the lock that guards cmark's inline tables; the node belongs to this thread's parser.
private struct SendablePointer: @unchecked Sendable {
    let pointer: OpaquePointer
}
