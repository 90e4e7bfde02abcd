extension SiteRenderer {
    /// One good-practice story with its picture.
    func storyPage(_ story: Story) -> PageContent {
        let translated = models.translation(story.origin.file)
        var context = models.storyCard(story)
        context["body"] = models.body(story.origin.file)
        if let image = story.image {
            context["image"] = ["url": models.fileURL(Routes.asset(forContentFile: image.file)), "alt": translated?.imageAlt ?? image.alt]
        }
        context["structuredData"] = StructuredData.story(story, models: models)
        return PageContent(route: Routes.story(story), template: "story", title: models.title(story),
            crumbs: ownerCrumbs(story.owner) + [(t("stories"), Routes.stories)], description: models.summary(story),
            context: context, searchKind: t("kindStory"), searchFilters: [(t("filterPlace"), models.ownerName(story.owner))],
            file: story.origin.file)
    }
}
