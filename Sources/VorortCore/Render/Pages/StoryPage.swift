/// The template data of a story's page: its card, body and picture.
struct StoryPageData: PageData {
    static let template = "story"

    struct Image: TemplateData {
        var url: String
        var alt: String
        /// The picture's size in pixels (nil when unknown): `width` and `height` keep its room free while it loads.
        var width: Int?
        var height: Int?

        static let fields = TemplateFields<Image>([
            .text("url") { $0.url }, .text("alt") { $0.alt }, .number("width") { $0.width }, .number("height") { $0.height },
        ])
    }

    var card: StoryCard
    /// The body's HTML as cmark wrote it (`ViewModels.body`).
    var body: [UInt8]
    var image: Image?

    static let fields = TemplateFields<StoryPageData>([
        .html("body") { $0.body }, .object("image") { $0.image },
    ] + StoryCard.fields.embedded { $0.card })
}

extension SiteRenderer {
    /// One good-practice story with its picture.
    func storyPage(_ story: Story) -> PageContent {
        let translated = models.translation(story.origin.file)
        let data = StoryPageData(
            card: card(story), body: models.body(story.origin.file, reuse: .take),
            image: story.image.map { image in
                StoryPageData.Image(url: models.fileURL(Routes.asset(forContentFile: image.file)), alt: translated?.imageAlt ?? image.alt,
                                    width: image.pixels?.width, height: image.pixels?.height)
            })
        return PageContent(route: Routes.story(story), title: data.card.title,
            crumbs: ownerCrumbs(story.owner) + [(t("stories"), Routes.stories)], description: data.card.summary,
            data: data, structuredData: StructuredData.story(story, models: models), searchKind: t("kindStory"), searchFilters: [(t("filterPlace"), models.ownerName(story.owner))],
            file: story.origin.file)
    }
}
