/// A translation of one content file (`sprachcafe.en.md` beside `sprachcafe.md`). It carries only the words;
/// everything else (category, contact, dates of the offer, addresses …) comes from the German original, so
/// facts cannot drift apart between languages.
public struct Translation: Sendable {
    /// The translation file itself, with the original's slug and the translation's language code.
    public var origin: ContentOrigin
    /// Path of the German original.
    public var original: String
    /// The translated texts by key, as the original's declaration marks them translatable (`title`, `summary`,
    /// an offer's `audience` …, a contact point's `name`, a story's `imageAlt`).
    public var fields: [String: String]
    /// Translated lists (a contact point's `responsibilities`, `openingHours`), by key.
    public var lists: [String: [String]]
    /// When the translation was last compared with the original.
    public var reviewed: Located<CalendarDate>?
    public var body: MarkdownSource

    public var language: String { origin.language }
    public var title: String? { fields["title"] }
    public var summary: String? { fields["summary"] }
    /// The alternative text of a story's picture.
    public var imageAlt: String? { fields["imageAlt"] }
}

/// The translated texts of `site.yml` for one language, from `site.<code>.yml`.
public struct SiteTexts: Sendable {
    public var file: String
    public var title: String?
    public var description: String?
    public var district: String?
    /// Category label and description by category slug.
    public var categories: [String: (label: String, description: String?)] = [:]
    /// Translated group names by their German name.
    public var groups: [String: String] = [:]
    /// Search words per category slug in this language (`searchWords:` under the category), for the search index.
    public var categorySearchWords: [String: [String]] = [:]
}
