import Foundation

/// Turns each loaded file into a typed content item, reporting every schema problem at its key.
/// Files are independent of each other here; cross-file references are checked by `ReferenceChecker`.
enum ContentParser {
    private struct ParseJob: Sendable {
        var role: ContentRole
        var file: SourceFile
    }

    /// Parses the files in parallel (each file on its own, by its type's declaration) and assembles them in file
    /// order, so results are deterministic.
    static func parse(_ loaded: LoadedSite, language: String) -> (content: SiteContent, diagnostics: [Diagnostic]) {
        let assets = loaded.assets
        let results = Parallel.map(loaded.content.map { ParseJob(role: $0.role, file: $0.file) }) { job in
            let collector = DiagnosticCollector(file: job.file.path)
            var suppressions: [LintSuppression] = []
            let item = parse(job.role, job.file, language: language, assets: assets, collector: collector, suppressions: &suppressions)
            return (item: item, diagnostics: collector.diagnostics, file: job.file.path, suppressions: suppressions, type: job.role.type)
        }
        var content = SiteContent()
        var diagnostics: [Diagnostic] = []
        var byType: [ContentTypeID: [any ContentItem]] = [:]
        for (item, itemDiagnostics, file, suppressions, type) in results {
            diagnostics += itemDiagnostics
            if !suppressions.isEmpty { content.lintSuppressions[file] = suppressions }
            if let item { byType[type, default: []].append(item) }
        }
        for type in ContentTypes.all {
            content.store(byType[ContentTypeID(type)] ?? [], as: type)
        }
        return (content, diagnostics)
    }

    /// One file read by its type's declaration: Markdown types get their front matter read first, and keys the
    /// declaration did not ask for are reported afterwards.
    static func parse(
        _ role: ContentRole, _ file: SourceFile, language: String, assets: Set<String>, collector: DiagnosticCollector,
        suppressions: inout [LintSuppression]
    ) -> (any ContentItem)? {
        let type = role.type.type
        guard type.placement.isMarkdown else {
            return type.parse(ParseInput(file: file, role: role, fields: nil, body: MarkdownSource(text: "", firstLine: 1),
                                         language: language, assets: assets, collector: collector))
        }
        guard let (document, fields) = readFrontMatter(file, collector: collector) else { return nil }
        defer { fields.finish() }
        suppressions = readLintIgnore(fields)
        return type.parse(ParseInput(file: file, role: role, fields: fields, body: document.body, language: language,
                                     assets: assets, collector: collector))
    }

    /// Splits a Markdown file and reads its front matter as YAML; nil (after reporting) when either is broken.
    static func readFrontMatter(_ file: SourceFile, collector: DiagnosticCollector) -> (document: FrontMatterDocument, fields: YAMLMapReader)? {
        guard let document = FrontMatter.split(file, into: collector) else { return nil }
        let (node, ok) = YAMLDocument.parse(document.yaml, firstLine: document.yamlFirstLine, into: collector)
        guard ok, let fields = YAMLMapReader(node, context: "Vorspann", collector: collector,
            lineOffset: document.yamlFirstLine - 1, fallback: SourceLocation(line: 1, column: 1, endColumn: 4))
        else { return nil }
        return (document, fields)
    }

    /// `lintIgnore: [{rule: asylant, reason: "…"}]`: whole-file suppressions of the wording lint.
    static func readLintIgnore(_ fields: YAMLMapReader) -> [LintSuppression] {
        fields.mapList("lintIgnore", itemName: "Ausnahme") { entry -> LintSuppression? in
            guard let rule = entry.located("rule", required: true, example: "asylant") else { return nil }
            let reason = entry.text("reason", example: "Zitat, das die Geschichte zurückweist")
            return LintSuppression(rules: [rule.value], reason: reason, location: rule.location, lines: nil)
        }
    }
}
