/// Collects the findings for one file while it is parsed, so every finding carries that file's path.
/// A reference type because the YAML readers of nested maps report into the same collection.
final class DiagnosticCollector {
    let file: String
    private var listed: [Diagnostic] = []

    /// The findings, with one summary per rule whose findings were too many to list.
    var diagnostics: [Diagnostic] {
        listed + omitted.sorted { $0.key < $1.key }.map { rule, entry in
            Diagnostic(file: file, location: entry.location, severity: entry.severity, rule: rule,
                message: "Weitere \(entry.count) Meldungen der Art `\(rule)` in dieser Datei werden nicht einzeln aufgeführt.",
                hint: "Beheben Sie zuerst die aufgeführten Stellen und prüfen Sie dann erneut.")
        }
    }

    init(file: String) {
        self.file = file
    }

    /// Findings of one rule in one file beyond this number are counted, not listed: a hostile or
    /// machine-made file must not flood the report (or take long to report).
    static let maximumPerRule = 50
    private var countByRule: [String: Int] = [:]
    private var omitted: [String: (count: Int, severity: Severity, location: SourceLocation)] = [:]

    /// Location, message and hint are only worked out for findings that are listed.
    func report(_ severity: Severity, _ rule: String, at location: @autoclosure () -> SourceLocation,
                _ message: @autoclosure () -> String, hint: @autoclosure () -> String) {
        let count = countByRule[rule, default: 0] + 1
        countByRule[rule] = count
        guard count <= DiagnosticCollector.maximumPerRule else {
            omitted[rule] = (count - DiagnosticCollector.maximumPerRule, severity, omitted[rule]?.location ?? location())
            return
        }
        listed.append(Diagnostic(file: file, location: location(), severity: severity, rule: rule, message: message(), hint: hint()))
    }

    func error(_ rule: String, at location: @autoclosure () -> SourceLocation, _ message: @autoclosure () -> String,
               hint: @autoclosure () -> String) {
        report(.error, rule, at: location(), message(), hint: hint())
    }

    func warning(_ rule: String, at location: @autoclosure () -> SourceLocation, _ message: @autoclosure () -> String,
                 hint: @autoclosure () -> String) {
        report(.warning, rule, at: location(), message(), hint: hint())
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
