/// A Markdown body after the check: its text and where its links and pictures lead. Rendering parses the Markdown
/// again and applies these targets, so the HTML is made per page when it is written instead of being held for the
/// whole site (at 100,000 pages the bodies' HTML was about half a gigabyte).
struct CheckedBody: Sendable {
    /// The text that was checked (a slice of its file, shared with the content).
    var source: MarkdownSource
    /// The links and pictures whose address the check changed, by their place among all links and pictures of the
    /// body in document order (most links stay as written and are not listed).
    var changedLinks: [ChangedLink] = []

    struct ChangedLink: Sendable {
        var ordinal: Int32
        var decision: LinkDecision
    }

    /// What the check decided for the link or picture at `ordinal`.
    func decision(at ordinal: Int, from start: inout Int) -> LinkDecision {
        // Ordinals ascend and are asked for in order: one pass over the list per body.
        while start < changedLinks.count, changedLinks[start].ordinal < ordinal { start += 1 }
        guard start < changedLinks.count, changedLinks[start].ordinal == ordinal else { return .keep }
        return changedLinks[start].decision
    }
}

/// What happens to a link or picture address of a body.
enum LinkDecision: Sendable, Equatable {
    case keep
    /// Another address: a picture's published file, or a web address written differently.
    case replace(String)
    /// A page of the site, by its address below the language folder (with `#fragment`): each language leads the link
    /// to its own version of the page (`/integration/en/kreis/`).
    case page(String)
    /// Drop the URL (rendered as an empty `href`); only reachable when a finding of severity error was reported.
    case remove
}
