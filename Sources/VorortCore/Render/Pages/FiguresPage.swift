extension SiteRenderer {
    /// Facts and figures of all places compared, indicator by indicator, with the CSV downloads.
    func figuresPage() -> PageContent {
        PageContent(route: Routes.figures, template: "figures", title: t("figures"), crumbs: [home],
            description: t("figuresDescription"), context: figuresContext())
    }

    /// One section per indicator id that several places report: a table (the text alternative) and a bar chart.
    private func figuresContext() -> [String: Any] {
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
        let sections: [[String: Any]] = order.compactMap { id in
            let entries = byID[id] ?? []
            let municipalities = entries.filter { $0.owner != .district }
            guard let first = entries.first, municipalities.count >= 2 else { return nil }
            let label = first.indicator.label
            let rows: [[String: Any]] = entries.map { entry in
                ["place": models.ownerName(entry.owner), "url": models.url(Routes.owner(entry.owner)), "isDistrict": entry.owner == .district,
                 "value": models.figure(entry.indicator), "unit": entry.indicator.unit,
                 "year": String(entry.indicator.year), "source": entry.indicator.source]
            }
            let chart = Figures.barChart(id: "diagramm-\(id)", title: models.strings.format("chartTitle", ["label": label]),
                                         rows: municipalities.map { entry in
                let hidden = Figures.isSmallCount(entry.indicator, minimumCount: minimum)
                return (models.ownerName(entry.owner), hidden ? 0 : entry.indicator.value,
                        models.figure(entry.indicator) + " " + entry.indicator.unit)
            })
            return ["id": id, "label": label, "rows": rows, "chart": chart]
        }
        return ["sections": sections, "minimumCount": minimum, "licence": config.dataLicence,
                "downloads": owners.filter { factsByOwner[$0] != nil }.map { ["name": models.ownerName($0), "url": models.fileURL(Routes.factsCSV($0))] }]
    }
}
