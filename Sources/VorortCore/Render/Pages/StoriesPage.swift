extension SiteRenderer {
    /// All stories, newest first.
    func storiesPage() -> PageContent {
        PageContent(route: Routes.stories, template: "stories", title: t("stories"), crumbs: [home],
            description: t("storiesDescription"), context: ["stories": stories.map(models.storyCard)])
    }
}
