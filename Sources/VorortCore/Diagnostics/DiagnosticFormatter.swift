import Foundation

/// The output formats of `vorort check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Prints findings like a compiler (text) or as one JSON object for machines.
public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, filesChecked: Int) -> String {
        let sorted = diagnostics.sortedForReport()
        switch format {
        case .text: return text(sorted, filesChecked: filesChecked)
        case .json: return json(sorted, filesChecked: filesChecked)
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

    static func json(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let report = JSONReport(
            diagnostics: diagnostics.map {
                JSONDiagnostic(
                    file: $0.file, line: $0.location.line, column: $0.location.column,
                    endColumn: $0.location.endColumn, severity: $0.severity.rawValue,
                    rule: $0.rule, message: $0.message, hint: $0.hint)
            },
            summary: Summary(diagnostics, filesChecked: filesChecked))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
