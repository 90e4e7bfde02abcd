import CCmarkGFM

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

/// Walks a parsed body for what the check needs: every link and picture (passed to `decide`), raw HTML that safe
/// mode leaves out, and how deep the text nests. No HTML is produced here (that is `BodyHTML`, when rendering).
enum MarkdownLinks {
    struct Result {
        var body: CheckedBody
        /// Raw HTML blocks or inlines that safe mode leaves out, by file line.
        var omittedHTMLLines: [Int]
        /// The deepest nesting of blocks and inlines, and the file line where it first went beyond the guard's limit.
        var depth = 0
        var deepestLine = 0
        /// Every heading's level as written (`##` is 2) and its file line, in order.
        var headings: [(level: Int, line: Int)] = []
    }

    static func check(_ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision) -> Result {
        check(source, decide: decide, then: { _, _ in () }).result
    }

    /// The same, handing the tree with the result to `use` before it is freed: the build renders a body from the tree
    /// its check parsed (`BodyChecker.check(file:body:context:render:)`), instead of parsing it a second time.
    /// `used` is nil when cmark could not parse the text.
    static func check<R>(_ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision,
                         then use: (MarkdownTree, CheckedBody) -> R) -> (result: Result, used: R?) {
        let parsed = Markdown.parse(source) { tree -> (Result, R) in
            let result = walk(tree, source, decide: decide)
            return (result, use(tree, result.body))
        }
        guard let (result, used) = parsed else { return (Result(body: CheckedBody(source), omittedHTMLLines: []), nil) }
        return (result, used)
    }

    private static func walk(_ tree: MarkdownTree, _ source: MarkdownSource, decide: (MarkdownReference) -> LinkDecision) -> Result {
        let locator = SourceLocator(source)
        var result = Result(body: CheckedBody(source), omittedHTMLLines: [])
        var ordinal: Int32 = 0
        tree.forEachNode { node, type, depth in
            let nodeLine = Int(cmark_node_get_start_line(node))
            if depth > result.depth { result.depth = depth }
            if depth > MarkdownGuard.maximumDepth, result.deepestLine == 0 {
                result.deepestLine = source.firstLine + max(nodeLine, 1) - 1
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let reference = MarkdownReference(
                    url: url, isImage: type == CMARK_NODE_IMAGE, hasEmptyText: cmark_node_first_child(node) == nil,
                    bodyLine: nodeLine, locator: locator)
                let decision = decide(reference)
                if decision != .keep {
                    result.body.changedLinks.append(CheckedBody.ChangedLink(ordinal: ordinal, decision: decision))
                }
                ordinal += 1
            case CMARK_NODE_HEADING:
                result.headings.append((Int(cmark_node_get_heading_level(node)), source.firstLine + max(nodeLine, 1) - 1))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Comments are notes for other editors (and lint suppressions): not published, as intended.
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if !literal.trimmed.hasPrefix("<!--") {
                    result.omittedHTMLLines.append(source.firstLine + max(nodeLine, 1) - 1)
                }
            default:
                break
            }
        }
        return result
    }
}
