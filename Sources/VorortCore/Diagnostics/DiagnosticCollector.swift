/// Collects the findings for one file while it is parsed, so every finding carries that file's path.
/// A reference type because the YAML readers of nested maps report into the same collection.
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func report(_ severity: Severity, _ rule: String, at location: SourceLocation, _ message: String, hint: String) {
        diagnostics.append(Diagnostic(file: file, location: location, severity: severity, rule: rule, message: message, hint: hint))
    }

    func error(_ rule: String, at location: SourceLocation, _ message: String, hint: String) {
        report(.error, rule, at: location, message, hint: hint)
    }

    func warning(_ rule: String, at location: SourceLocation, _ message: String, hint: String) {
        report(.warning, rule, at: location, message, hint: hint)
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
