extension SiteContent {
    /// The content with every Markdown body emptied (its first line kept). After the check, rendering reads each body
    /// again from its file (`BodyHTML`), so the files' texts, which the bodies are slices of, need not stay in memory
    /// (at 100,000 pages about 400 MB).
    func withoutBodyTexts() -> SiteContent {
        var content = self
        content.releaseBodyTexts()
        return content
    }

    /// Empties every Markdown body in place: each list is taken out of the content first, so it is the only
    /// reference to its items and changes without a copy (a copy of every item beside the texts was a peak).
    mutating func releaseBodyTexts() {
        func released(_ body: MarkdownSource) -> MarkdownSource { MarkdownSource(text: "", firstLine: body.firstLine) }
        func emptied<T: ContentItem>(_ type: T.Type) {
            var items = self[type: T.self]
            self[type: T.self] = []
            for position in items.indices {
                if let body = items[position].markdownBody { items[position].markdownBody = released(body) }
            }
            self[type: T.self] = items
        }
        for type in ContentTypes.all { emptied(type) }
        for original in translations.values.indices {
            for language in translations.values[original].values.indices {
                translations.values[original].values[language].body = released(translations.values[original].values[language].body)
            }
        }
    }
}
