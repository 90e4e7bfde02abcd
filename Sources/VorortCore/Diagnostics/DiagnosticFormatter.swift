import Foundation

/// The output formats of `vorort check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow annotations (`::error file=…`).
    case github
}

/// Prints findings like a compiler (text) or as one JSON object for machines.
public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, filesChecked: Int) -> String {
        // Messages quote what editors wrote; a line break or escape sequence in it must not forge lines, workflow
        // commands or terminal control in a CI log, whatever the format.
        let sorted = diagnostics.sortedForReport().map(\.withVisibleControlCharacters)
        switch format {
        case .text: return text(sorted, filesChecked: filesChecked)
        case .json: return json(sorted, filesChecked: filesChecked)
        case .sarif: return sarif(sorted)
        case .github: return github(sorted, filesChecked: filesChecked)
        }
    }

    static func text(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.file):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]\n"
            if !d.hint.isEmpty {
                out += "    \(d.hint)\n"
            }
        }
        out += summaryLine(diagnostics, filesChecked: filesChecked) + "\n"
        return out
    }

    static func summaryLine(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let counts = Summary(diagnostics, filesChecked: filesChecked)
        return "\(counts.files) Dateien geprüft: \(counts.errors) Fehler, \(counts.warnings) Warnungen, \(counts.infos) Hinweise."
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
        var rules: [ReportingDescriptor]
    }
    private struct ReportingDescriptor: Encodable {
        var id: String
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

    static func sarif(_ diagnostics: [Diagnostic]) -> String {
        var ruleIndex: [String: Int] = [:]
        var rules: [ReportingDescriptor] = []
        for d in diagnostics where ruleIndex[d.rule] == nil {
            ruleIndex[d.rule] = rules.count
            rules.append(ReportingDescriptor(id: d.rule, defaultConfiguration: Configuration(level: sarifLevel(d.severity))))
        }
        let results = diagnostics.map { d in
            Result(
                ruleId: d.rule, ruleIndex: ruleIndex[d.rule] ?? 0, level: sarifLevel(d.severity),
                message: Message(text: d.hint.isEmpty ? d.message : "\(d.message)\n\(d.hint)"),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: d.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? d.file),
                    region: Region(startLine: d.location.line, startColumn: d.location.column, endColumn: d.location.endColumn)))])
        }
        return encode(SARIFLog(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
    }

    // MARK: - GitHub Actions

    static func github(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        func escapeData(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in s.unicodeScalars {
                switch scalar {
                case "%": out.append(contentsOf: "%25".unicodeScalars)
                case "\r": out.append(contentsOf: "%0D".unicodeScalars)
                case "\n": out.append(contentsOf: "%0A".unicodeScalars)
                default: out.append(scalar)
                }
            }
            return String(out)
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

    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvisibleControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isInvisibleControl(scalar) {
                out.append(contentsOf: codePoint(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `U+000B`, the way Unicode names a character.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
