/// The template data of the list of all towns and municipalities.
struct MunicipalitiesPageData: PageData {
    static let template = "municipalities"

    var municipalities: [MunicipalityCard]

    static let fields = TemplateFields<MunicipalitiesPageData>([.list("municipalities") { $0.municipalities }])
}

extension SiteRenderer {
    /// The list of all towns and municipalities.
    func municipalitiesPage() -> PageContent {
        PageContent(route: Routes.municipalities, title: t("municipalities"), crumbs: [home],
            data: MunicipalitiesPageData(municipalities: content.municipalities.map { card($0) }))
    }
}
