/// The district's published language guideline, generated from the active wording rules so that the
/// guideline and the lint can never disagree.
enum GuidelinePage {
    static let title = "Leitfaden für eine wertschätzende Sprache"
    static let summary = "Welche Wörter wir auf dieser Website vermeiden, warum, und was wir stattdessen schreiben."

    static func context(_ ruleSet: RuleSet, district: String) -> [String: Any] {
        let active = ruleSet.activeRules
        let categories: [[String: Any]] = ruleSet.categories.compactMap { category in
            let rules = active.filter { $0.category == category.id }
            guard !rules.isEmpty else { return nil }
            return [
                "id": category.id, "title": category.title, "description": category.description,
                "rules": rules.map { rule -> [String: Any] in
                    var entry: [String: Any] = [
                        "id": rule.id, "label": rule.label, "explanation": rule.explanation, "alternatives": rule.alternatives,
                        "advice": rule.severity == .info ? "Umstritten – mit Bedacht verwenden" : "Bitte vermeiden",
                    ]
                    if let source = rule.source { entry["source"] = source }
                    return entry
                },
            ]
        }
        return [
            "summary": summary,
            "district": district,
            "categories": categories,
            "ruleCount": active.count,
        ]
    }
}

extension SiteRenderer {
    /// The guideline is about German words: it exists in German only.
    func guidelinePage() -> PageContent {
        PageContent(route: Routes.guideline, template: "guideline", title: GuidelinePage.title, crumbs: [home],
            description: GuidelinePage.summary, context: GuidelinePage.context(ruleSet, district: config.district), germanOnly: true)
    }
}
