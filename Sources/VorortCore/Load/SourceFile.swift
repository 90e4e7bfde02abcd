/// A text file of the site, read and decoded: UTF-8, byte-order mark removed, CRLF folded to LF
/// (line numbers stay the same, so findings still point at the editor's lines).
public struct SourceFile: Sendable {
    /// Path relative to the site root, with forward slashes.
    public var path: String
    public var text: String
}

/// Where a file sits in the content tree decides what it is: its type, who publishes it and its slug.
public struct ContentRole: Sendable, Hashable {
    public let type: ContentTypeID
    /// The district for its own files and for site pages; the municipality for its files and its `index.md`.
    public let owner: Owner
    /// The address part from the file name (`kreis` for the district's index, the folder name for a
    /// municipality's index, `zahlen` for facts).
    public let slug: String

    init(_ type: any ContentItem.Type, owner: Owner, slug: String) {
        self.type = ContentTypeID(type)
        self.owner = owner
        self.slug = slug
    }
}
