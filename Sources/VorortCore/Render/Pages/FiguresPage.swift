/// The template data of the figures page: one section per indicator, the downloads.
struct FiguresPageData: PageData {
    static let template = "figures"

    struct Section: TemplateData {
        struct Row: TemplateData {
            var place: String
            var url: String
            var isDistrict: Bool
            var value: String
            var unit: String
            var year: String
            var source: String

            static let fields = TemplateFields<Row>([
                .text("place") { $0.place }, .text("url") { $0.url }, .flag("isDistrict") { $0.isDistrict },
                .text("value") { $0.value }, .text("unit") { $0.unit }, .text("year") { $0.year }, .text("source") { $0.source },
            ])
        }

        var id: String
        var label: String
        var rows: [Row]
        /// The bar chart as SVG.
        var chart: String

        static let fields = TemplateFields<Section>([
            .text("id") { $0.id }, .text("label") { $0.label }, .list("rows") { $0.rows }, .text("chart") { $0.chart },
        ])
    }

    var sections: [Section]
    var minimumCount: Int
    var licence: String
    var downloads: [NamedLink]

    static let fields = TemplateFields<FiguresPageData>([
        .list("sections") { $0.sections }, .number("minimumCount") { $0.minimumCount }, .text("licence") { $0.licence },
        .list("downloads") { $0.downloads },
    ])
}

extension SiteRenderer {
    /// Facts and figures of all places compared, indicator by indicator, with the CSV downloads.
    func figuresPage() -> PageContent {
        PageContent(route: Routes.figures, title: t("figures"), crumbs: [home],
            description: t("figuresDescription"), data: figuresData())
    }

    /// One section per indicator id that several places report: a table (the text alternative) and a bar chart.
    private func figuresData() -> FiguresPageData {
        var order: [String] = []
        var byID: [String: [(owner: Owner, indicator: Indicator)]] = [:]
        for owner in owners {
            for indicator in factsByOwner[owner]?.indicators ?? [] {
                guard let id = indicator.id else { continue }
                if byID[id] == nil { order.append(id) }
                byID[id, default: []].append((owner, indicator))
            }
        }
        let minimum = config.minimumCount
        let sections: [FiguresPageData.Section] = order.compactMap { id in
            let entries = byID[id] ?? []
            let municipalities = entries.filter { $0.owner != .district }
            guard let first = entries.first, municipalities.count >= 2 else { return nil }
            let label = first.indicator.label
            let rows = entries.map { entry in
                FiguresPageData.Section.Row(
                    place: models.ownerName(entry.owner), url: models.url(Routes.owner(entry.owner)), isDistrict: entry.owner == .district,
                    value: models.figure(entry.indicator), unit: entry.indicator.unit, year: String(entry.indicator.year),
                    source: entry.indicator.source)
            }
            let chart = Figures.barChart(id: "diagramm-\(id)", title: models.strings.format("chartTitle", ["label": label]),
                                         rows: municipalities.map { entry in
                let hidden = Figures.isSmallCount(entry.indicator, minimumCount: minimum)
                return (models.ownerName(entry.owner), hidden ? 0 : entry.indicator.value,
                        models.figure(entry.indicator) + " " + entry.indicator.unit)
            })
            return FiguresPageData.Section(id: id, label: label, rows: rows, chart: chart)
        }
        return FiguresPageData(sections: sections, minimumCount: minimum, licence: config.dataLicence,
            downloads: owners.filter { factsByOwner[$0] != nil }.map { NamedLink(name: models.ownerName($0), url: models.fileURL(Routes.factsCSV($0))) })
    }
}
