extension SiteRenderer {
    /// The list of all towns and municipalities.
    func municipalitiesPage() -> PageContent {
        PageContent(route: Routes.municipalities, template: "municipalities", title: t("municipalities"), crumbs: [home],
            context: ["municipalities": content.municipalities.map(models.municipalityCard)])
    }
}
