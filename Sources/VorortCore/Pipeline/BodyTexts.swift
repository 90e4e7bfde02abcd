extension SiteContent {
    /// The content with every Markdown body emptied (its first line kept). After the check, rendering reads each body
    /// again from its file (`BodyHTML`), so the files' texts, which the bodies are slices of, need not stay in memory
    /// (at 100,000 pages about 400 MB).
    func withoutBodyTexts() -> SiteContent {
        func released(_ body: MarkdownSource) -> MarkdownSource { MarkdownSource(text: "", firstLine: body.firstLine) }
        func emptied<T: ContentItem>(_ type: T.Type, in content: inout SiteContent) {
            content[type: T.self] = content[type: T.self].map { item in
                var item = item
                if let body = item.markdownBody { item.markdownBody = released(body) }
                return item
            }
        }
        var content = self
        for type in ContentTypes.all { emptied(type, in: &content) }
        content.translations = content.translations.mapValues { byLanguage in
            byLanguage.mapValues { translation in
                var translation = translation
                translation.body = released(translation.body)
                return translation
            }
        }
        return content
    }
}
