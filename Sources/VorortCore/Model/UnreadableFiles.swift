/// Content files that exist but could not be read or parsed (a YAML error, a missing `---`, a wrong encoding …),
/// and municipality folders without an `index.md`. Each already has its own finding; a reference to one of them —
/// `contact:`, `areas:`, a Markdown link, a legal page — is not reported again, because the one mistake should give
/// one message, in the file where it is.
public struct UnreadableFiles: Sendable, Hashable {
    /// Paths relative to the site root.
    var paths: Set<String> = []
    /// What each file would have been.
    var roles: Set<ContentRole> = []

    public init() {}

    mutating func insert(_ role: ContentRole, path: String) {
        paths.insert(path)
        roles.insert(role)
    }

    /// Whether an item of `type` with this owner and slug exists as a file that could not be read.
    func contains(_ type: any ContentItem.Type, owner: Owner, slug: String) -> Bool {
        roles.contains(ContentRole(type, owner: owner, slug: ContentPath.canonicalSlug(slug)))
    }

    var isEmpty: Bool { paths.isEmpty && roles.isEmpty }
}
