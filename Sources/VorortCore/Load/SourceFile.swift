/// A text file of the site, read and decoded: UTF-8, byte-order mark removed, CRLF folded to LF
/// (line numbers stay the same, so findings still point at the editor's lines).
public struct SourceFile: Sendable {
    /// Path relative to the site root, with forward slashes.
    public var path: String
    public var text: String
}

/// Where a file sits in the content tree decides what it is.
public enum ContentRole: Sendable, Hashable {
    case districtIndex
    case municipalityIndex(String)
    case offer(Owner, slug: String)
    case contactPoint(Owner, slug: String)
    case story(Owner, slug: String)
    case facts(Owner)
    case page(slug: String)
}
