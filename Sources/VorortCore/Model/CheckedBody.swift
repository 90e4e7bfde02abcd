/// A Markdown body after the check: where it stands in its file and where its links and pictures lead, not its
/// text. Rendering reads the text again from the file, parses it again and applies these decisions, so neither the
/// bodies' HTML nor the site's texts are held while pages render (at 100,000 pages each was about 400 MB).
struct CheckedBody: Sendable {
    /// The body's bytes in its file's text as the loader decodes it (`SiteLoader.readText`): offset and length in UTF-8.
    var start: Int
    var length: Int
    /// The file line the body starts on.
    var firstLine: Int
    /// Length and `ContentHash` of the whole file's text: a file edited after the check no longer matches, and its page is
    /// not published.
    var fileLength: Int
    var fingerprint: UInt64
    /// The links and pictures whose address the check changed, by their place among all links and pictures of the
    /// body in document order (most links stay as written and are not listed).
    var changedLinks: [ChangedLink] = []

    struct ChangedLink: Sendable {
        var ordinal: Int32
        var decision: LinkDecision
    }

    init(_ source: MarkdownSource) {
        let file = source.text.base.utf8
        start = file.distance(from: file.startIndex, to: source.text.startIndex)
        length = source.text.utf8.count
        firstLine = source.firstLine
        fileLength = file.count
        fingerprint = CheckedBody.fingerprint(source.text.base)
    }

    /// The body in `text`, the file's text read again; nil when the file is no longer the one checked.
    func source(in text: String) -> MarkdownSource? {
        let utf8 = text.utf8
        guard utf8.count == fileLength, CheckedBody.fingerprint(text) == fingerprint else { return nil }
        let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(from, offsetBy: length)
        return MarkdownSource(text: text[from..<to], firstLine: firstLine)
    }

    private static func fingerprint(_ text: String) -> UInt64 {
        text.withUTF8Bytes { ContentHash.hash(UnsafeRawBufferPointer($0)) }
    }

    /// What the check decided for the link or picture at `ordinal`.
    func decision(at ordinal: Int, cursor: inout Int) -> LinkDecision {
        // Ordinals ascend and are asked for in order: one pass over the list per body.
        while cursor < changedLinks.count, changedLinks[cursor].ordinal < ordinal { cursor += 1 }
        guard cursor < changedLinks.count, changedLinks[cursor].ordinal == ordinal else { return .keep }
        return changedLinks[cursor].decision
    }
}

/// What happens to a link or picture address of a body.
enum LinkDecision: Sendable, Equatable {
    case keep
    /// Another address: a picture's published file, or a web address written differently.
    case replace(String)
    /// A picture's published file and its size in pixels, written as `width` and `height` of its `<img>`.
    case picture(String, PixelSize)
    /// A page of the site, by its address below the language folder (with `#fragment`): each language leads the link
    /// to its own version of the page (`/integration/en/kreis/`).
    case page(String)
    /// Drop the URL (rendered as an empty `href`); only reachable when a finding of severity error was reported.
    case remove
}
