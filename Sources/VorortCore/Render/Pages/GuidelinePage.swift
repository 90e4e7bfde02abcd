/// The district's published language guideline, generated from the active wording rules so that the
/// guideline and the lint can never disagree.
enum GuidelinePage {
    static let title = "Leitfaden für eine wertschätzende Sprache"
    static let summary = "Welche Wörter wir auf dieser Website vermeiden, warum, und was wir stattdessen schreiben."

    static func data(_ ruleSet: RuleSet, district: String) -> GuidelinePageData {
        let active = ruleSet.activeRules
        let categories: [GuidelinePageData.Category] = ruleSet.categories.compactMap { category in
            let rules = active.filter { $0.category == category.id }
            guard !rules.isEmpty else { return nil }
            return GuidelinePageData.Category(
                id: category.id, title: category.title, description: category.description,
                rules: rules.map { rule in
                    GuidelinePageData.Rule(
                        id: rule.id, label: rule.label, explanation: rule.explanation, alternatives: rule.alternatives,
                        advice: rule.severity == .info ? "Umstritten – mit Bedacht verwenden" : "Bitte vermeiden", source: rule.source)
                })
        }
        return GuidelinePageData(summary: summary, district: district, categories: categories, ruleCount: active.count)
    }
}

/// The template data of the guideline: the rules by category.
struct GuidelinePageData: PageData {
    static let template = "guideline"

    struct Rule: TemplateData {
        var id: String
        var label: String
        var explanation: String
        var alternatives: [String]
        var advice: String
        var source: String?

        static let fields = TemplateFields<Rule>([
            .text("id") { $0.id }, .text("label") { $0.label }, .text("explanation") { $0.explanation },
            .texts("alternatives") { $0.alternatives }, .text("advice") { $0.advice }, .text("source") { $0.source },
        ])
    }

    struct Category: TemplateData {
        var id: String
        var title: String
        var description: String
        var rules: [Rule]

        static let fields = TemplateFields<Category>([
            .text("id") { $0.id }, .text("title") { $0.title }, .text("description") { $0.description }, .list("rules") { $0.rules },
        ])
    }

    var summary: String
    var district: String
    var categories: [Category]
    var ruleCount: Int

    static let fields = TemplateFields<GuidelinePageData>([
        .text("summary") { $0.summary }, .text("district") { $0.district }, .list("categories") { $0.categories },
        .number("ruleCount") { $0.ruleCount },
    ])
}

extension SiteRenderer {
    /// The guideline is about German words: it exists in German only.
    func guidelinePage() -> PageContent {
        PageContent(route: Routes.guideline, title: GuidelinePage.title, crumbs: [home],
            description: GuidelinePage.summary, data: GuidelinePage.data(ruleSet, district: config.district), germanOnly: true)
    }
}
