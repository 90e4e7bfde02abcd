import Foundation

/// Turns each loaded file into a typed content item, reporting every schema problem at its key.
/// Files are independent of each other here; cross-file references are checked by `ReferenceChecker`.
enum ContentParser {
    /// One file read by its type's declaration: Markdown types get their front matter read first, and keys the
    /// declaration did not ask for are reported afterwards.
    static func parse(
        _ role: ContentRole, _ file: SourceFile, language: String, pictures: [String: PictureFile], collector: DiagnosticCollector,
        suppressions: inout [LintSuppression], today: CalendarDate? = nil, reviewSchedule: ReviewSchedule? = nil
    ) -> (any ContentItem)? {
        let type = role.type.type
        guard type.placement.isMarkdown else {
            return type.parse(ParseInput(file: file, role: role, fields: nil, body: MarkdownSource(text: "", firstLine: 1),
                                         language: language, pictures: pictures, collector: collector, today: today,
                                         reviewSchedule: reviewSchedule))
        }
        guard let (document, fields) = readFrontMatter(file, collector: collector) else { return nil }
        if let wrong = WrongFolder.betterType(for: fields.keyNames, than: type),
            case .ownedItems(let ownFolder) = type.placement
        {
            let target = file.path.replacingOccurrences(of: "/\(ownFolder)/", with: "/\(wrong.folder)/")
            collector.error("wrong-folder", at: SourceLocation(line: 1, column: 1, endColumn: 4),
                "Die Datei sieht aus wie \(WrongFolder.withArticle(wrong.type)) (\(wrong.telling.prefix(4).map { "`\($0)`" }.joined(separator: ", "))), liegt aber in `\(ownFolder)/`, dem Ordner für \(type.displayName == "Angebot" ? "Angebote" : type.displayName + "n").",
                hint: "Verschieben Sie die Datei nach `\(target)`.")
            return nil
        }
        defer { fields.finish() }
        suppressions = readLintIgnore(fields)
        return type.parse(ParseInput(file: file, role: role, fields: fields, body: document.body, language: language,
                                     pictures: pictures, collector: collector, today: today, reviewSchedule: reviewSchedule))
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
