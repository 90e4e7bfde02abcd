extension SiteContent {
    /// The content with every Markdown body emptied (its first line kept). After the check, rendering reads each body
    /// again from its file (`BodyHTML`), so the files' texts, which the bodies are slices of, need not stay in memory
    /// (at 100,000 pages about 400 MB). A content type left out here only keeps its texts longer.
    func withoutBodyTexts() -> SiteContent {
        func released(_ body: inout MarkdownSource) { body = MarkdownSource(text: "", firstLine: body.firstLine) }
        var content = self
        if content.district != nil { released(&content.district!.body) }
        for index in content.municipalities.indices { released(&content.municipalities[index].body) }
        for index in content.offers.indices { released(&content.offers[index].body) }
        for index in content.contactPoints.indices { released(&content.contactPoints[index].body) }
        for index in content.stories.indices { released(&content.stories[index].body) }
        for index in content.pages.indices { released(&content.pages[index].body) }
        content.translations = content.translations.mapValues { byLanguage in
            byLanguage.mapValues { translation in
                var translation = translation
                released(&translation.body)
                return translation
            }
        }
        return content
    }
}
