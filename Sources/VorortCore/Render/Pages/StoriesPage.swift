/// The template data of the list of all stories.
struct StoriesPageData: PageData {
    static let template = "stories"

    var stories: [StoryCard]

    static let fields = TemplateFields<StoriesPageData>([.list("stories") { $0.stories }])
}

extension SiteRenderer {
    /// All stories, newest first.
    func storiesPage() -> PageContent {
        PageContent(route: Routes.stories, title: t("stories"), crumbs: [home],
            description: t("storiesDescription"), data: StoriesPageData(stories: stories.map { card($0) }))
    }
}
