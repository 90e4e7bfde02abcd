import Foundation

/// The output formats of `vorort check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow annotations (`::error file=…`).
    case github
    /// GitLab Code Quality report (JSON), shown in merge requests.
    case gitlab
}

/// Prints findings like a compiler (text) or as one JSON object for machines.
public enum DiagnosticFormatter {
    /// `helpBaseURL` (SARIF only): the absolute address of the README, whose rule table has an anchor per rule;
    /// without it the rules get no `helpUri`, since SARIF needs an absolute one. `wordingRules` (SARIF only): the
    /// active rule set, whose rules describe the wording findings; without it the built-in rules do.
    /// `repositoryPrefix` (`sub/`, see `RepositoryPath`): put before each file in the formats code-scanning tools
    /// attach to the repository (sarif, github, gitlab); text and json name files relative to the site.
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, filesChecked: Int,
                              helpBaseURL: String? = nil, wordingRules: RuleSet? = nil, repositoryPrefix: String = "") -> String {
        // Messages quote what editors wrote; a line break or escape sequence in it must not forge lines, workflow
        // commands or terminal control in a CI log, whatever the format.
        let sorted = diagnostics.sortedForReport().map(\.withVisibleControlCharacters)
        func inRepository(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            repositoryPrefix.isEmpty ? diagnostics : diagnostics.map { var d = $0; d.file = repositoryPrefix + d.file; return d }
        }
        switch format {
        case .text: return text(sorted, filesChecked: filesChecked)
        case .json: return json(sorted, filesChecked: filesChecked)
        case .sarif: return sarif(inRepository(sorted), helpBaseURL: helpBaseURL, wordingRules: wordingRules)
        case .github: return github(inRepository(sorted), filesChecked: filesChecked)
        case .gitlab: return gitlabCodeQuality(inRepository(sorted))
        }
    }

    static func text(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        findingLines(diagnostics) + summaryLine(diagnostics, filesChecked: filesChecked) + "\n"
    }

    /// The findings as the text format prints them, without the summary (the preview prints them after each update).
    public static func findingsAsText(_ diagnostics: [Diagnostic]) -> String {
        findingLines(diagnostics.sortedForReport().map(\.withVisibleControlCharacters))
    }

    private static func findingLines(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.file):\(d.location.line):\(d.location.column): \(d.severity.germanName): \(d.message) [\(d.rule)]\n"
            if !d.hint.isEmpty {
                out += "    \(d.hint)\n"
            }
        }
        return out
    }

    static func summaryLine(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let counts = Summary(diagnostics, filesChecked: filesChecked)
        let files = counts.files == 1 ? "1 Datei" : "\(counts.files) Dateien"
        return "\(files) geprüft: \(Severity.error.counted(counts.errors)), \(Severity.warning.counted(counts.warnings)), "
            + "\(Severity.info.counted(counts.infos))."
    }

    struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
        var infos: Int

        init(_ diagnostics: [Diagnostic], filesChecked: Int) {
            files = filesChecked
            errors = diagnostics.filter { $0.severity == .error }.count
            warnings = diagnostics.filter { $0.severity == .warning }.count
            infos = diagnostics.filter { $0.severity == .info }.count
        }
    }

    private struct JSONDiagnostic: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endColumn: Int
        var severity: String
        var rule: String
        var message: String
        var hint: String
    }

    private struct JSONReport: Encodable {
        var diagnostics: [JSONDiagnostic]
        var summary: Summary
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func json(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let report = JSONReport(
            diagnostics: diagnostics.map {
                JSONDiagnostic(
                    file: $0.file, line: $0.location.line, column: $0.location.column,
                    endColumn: $0.location.endColumn, severity: $0.severity.rawValue,
                    rule: $0.rule, message: $0.message, hint: $0.hint)
            },
            summary: Summary(diagnostics, filesChecked: filesChecked))
        return encode(report)
    }

    // MARK: - SARIF 2.1.0

    private struct SARIFLog: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    private struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }
    private struct Tool: Encodable { var driver: Driver }
    private struct Driver: Encodable {
        var name = "vorort"
        var version = VorortVersion.current
        /// The documentation's address (the help address without its anchor), when one was given.
        var informationUri: String?
        var rules: [ReportingDescriptor]
    }
    private struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
    }
    private struct Configuration: Encodable { var level: String }
    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }
    private struct Message: Encodable { var text: String }
    private struct Location: Encodable { var physicalLocation: PhysicalLocation }
    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }
    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endColumn: Int
    }

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The words of a wording rule for its SARIF descriptor.
    struct WordingRuleText {
        var label: String
        var explanation: String
        var severity: Severity?
    }

    /// The wording rules by id: the given rule set's, or the built-in ones (compiled in, so no file is read).
    static func wordingRuleTexts(_ ruleSet: RuleSet?) -> [String: WordingRuleText] {
        let texts: [(String, WordingRuleText)] = if let ruleSet {
            ruleSet.rules.map { ($0.id, WordingRuleText(label: $0.label, explanation: $0.explanation, severity: $0.severity)) }
        } else {
            BuiltInRules.files.flatMap(\.rules).map {
                ($0.id, WordingRuleText(label: $0.label, explanation: $0.explanation, severity: Severity(rawValue: $0.severity)))
            }
        }
        return Dictionary(texts, uniquingKeysWith: { _, later in later })
    }

    /// The descriptor of one rule: from the catalogue, else from the wording rules, else the generic wording entry
    /// (a site's own rule when the rule set was not given).
    private static func descriptor(_ id: String, firstSeverity: Severity, helpBaseURL: String?,
                                   wordingRules: () -> [String: WordingRuleText]) -> ReportingDescriptor {
        func helpUri(_ anchor: String) -> String? {
            guard let base = helpBaseURL, !base.isEmpty else { return nil }
            return String(base.prefix { $0 != "#" }) + "#" + anchor
        }
        if let entry = RuleCatalogue.entry(id) {
            return ReportingDescriptor(
                id: id, name: RuleCatalogue.pascalCase(id), shortDescription: Message(text: entry.title),
                fullDescription: Message(text: entry.explanation), helpUri: helpUri(entry.helpAnchor),
                defaultConfiguration: Configuration(level: sarifLevel(entry.severity)))
        }
        let generic = RuleCatalogue.wordingRules
        // Labels and explanations of a site's rules are text editors wrote: shown like their messages.
        let rule = wordingRules()[id]
        return ReportingDescriptor(
            id: id, name: RuleCatalogue.pascalCase(id),
            shortDescription: Message(text: rule.map { "\(generic.title): \(Diagnostic.visible($0.label))" } ?? generic.title),
            fullDescription: Message(text: rule.map { Diagnostic.visible($0.explanation) } ?? generic.explanation),
            helpUri: helpUri(generic.helpAnchor),
            defaultConfiguration: Configuration(level: sarifLevel(rule?.severity ?? firstSeverity)))
    }

    static func sarif(_ diagnostics: [Diagnostic], helpBaseURL: String? = nil, wordingRules ruleSet: RuleSet? = nil) -> String {
        var ruleIndex: [String: Int] = [:]
        var rules: [ReportingDescriptor] = []
        // Worked out only when a finding is not in the catalogue.
        var wordingTexts: [String: WordingRuleText]?
        func wordingRules() -> [String: WordingRuleText] {
            if let wordingTexts { return wordingTexts }
            let texts = wordingRuleTexts(ruleSet)
            wordingTexts = texts
            return texts
        }
        for d in diagnostics where ruleIndex[d.rule] == nil {
            ruleIndex[d.rule] = rules.count
            rules.append(descriptor(d.rule, firstSeverity: d.severity, helpBaseURL: helpBaseURL, wordingRules: wordingRules))
        }
        let results = diagnostics.map { d in
            Result(
                ruleId: d.rule, ruleIndex: ruleIndex[d.rule] ?? 0, level: sarifLevel(d.severity),
                message: Message(text: d.hint.isEmpty ? d.message : "\(d.message)\n\(d.hint)"),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: d.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? d.file),
                    region: Region(startLine: d.location.line, startColumn: d.location.column, endColumn: d.location.endColumn)))])
        }
        let information = helpBaseURL.flatMap { $0.isEmpty ? nil : String($0.prefix { $0 != "#" }) }
        return encode(SARIFLog(runs: [Run(tool: Tool(driver: Driver(informationUri: information, rules: rules)), results: results)]))
    }

    // MARK: - GitHub Actions

    static func github(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        func escapeData(_ s: String) -> String {
            ScalarRewriter.rewrite(s) { scalar in
                switch scalar {
                case "%": "%25"
                case "\r": "%0D"
                case "\n": "%0A"
                default: nil
                }
            }
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var out = ""
        for d in diagnostics {
            let command = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            out += "::\(command) file=\(escapeProperty(d.file)),line=\(d.location.line),col=\(d.location.column),"
            out += "endColumn=\(d.location.endColumn),title=\(escapeProperty(d.rule))::"
            out += escapeData(d.hint.isEmpty ? d.message : "\(d.message)\n\(d.hint)") + "\n"
        }
        return out + summaryLine(diagnostics, filesChecked: filesChecked) + "\n"
    }
}

extension Diagnostic {
    /// The finding with every control character in its texts written visibly (`<U+001B>`): C0 and C1 controls,
    /// DEL, and the bidirectional controls that can reorder what a terminal shows ("Trojan Source").
    var withVisibleControlCharacters: Diagnostic {
        var copy = self
        copy.file = Diagnostic.visible(file)
        copy.message = Diagnostic.visible(message)
        copy.hint = Diagnostic.visible(hint)
        return copy
    }

    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvisibleControl) else { return text }
        return ScalarRewriter.rewrite(text) { isInvisibleControl($0) ? codePoint($0) : nil }
    }

    /// `U+000B`, the way Unicode names a character.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "<" + unicodeLabel(scalar) + ">"
    }

    /// `U+000B`, at least four hex digits.
    static func unicodeLabel(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
