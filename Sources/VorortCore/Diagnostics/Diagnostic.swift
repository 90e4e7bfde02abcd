/// How serious a finding is. Only `error` fails `vorort check` and stops `vorort build`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The German word editors read in the text output: „Fehler“, „Warnung“, „Hinweis“.
    public var germanName: String {
        switch self {
        case .error: "Fehler"
        case .warning: "Warnung"
        case .info: "Hinweis"
        }
    }

    /// „1 Fehler“, „2 Warnungen“, „0 Hinweise“: the count with the word in the right number.
    public func counted(_ count: Int) -> String {
        let word = switch self {
        case .error: "Fehler"
        case .warning: count == 1 ? "Warnung" : "Warnungen"
        case .info: count == 1 ? "Hinweis" : "Hinweise"
        }
        return "\(count) \(word)"
    }
}

/// A place in a file of the site: 1-based line and columns counted in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    /// The column just after the offending text; equal to `column` when the place has no extent.
    public var endColumn: Int

    public init(line: Int, column: Int, endColumn: Int? = nil) {
        self.line = max(1, line)
        self.column = max(1, column)
        self.endColumn = max(self.column, endColumn ?? column)
    }

    public static let start = SourceLocation(line: 1, column: 1)
}

/// One finding of `vorort check`: a value, collected and reported, never thrown past the user.
public struct Diagnostic: Sendable, Hashable {
    /// Path relative to the site root, with forward slashes.
    public var file: String
    public var location: SourceLocation
    public var severity: Severity
    /// A stable English identifier such as `unknown-key`.
    public var rule: String
    /// What is wrong, in German, for the editor.
    public var message: String
    /// How to fix it, in German.
    public var hint: String

    public init(file: String, location: SourceLocation, severity: Severity, rule: String, message: String, hint: String) {
        self.file = file
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
        self.hint = hint
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File order, then position: the order a compiler prints in.
    public func sortedForReport() -> [Diagnostic] {
        sorted {
            ($0.file, $0.location.line, $0.location.column, $0.severity, $0.rule)
                < ($1.file, $1.location.line, $1.location.column, $1.severity, $1.rule)
        }
    }
}
