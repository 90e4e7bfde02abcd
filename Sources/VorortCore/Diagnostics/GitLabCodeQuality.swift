import Foundation

/// GitLab's Code Quality report (`artifacts: reports: codequality:`): a JSON array of issues that GitLab shows in
/// merge requests beside the changed lines. GitLab reads `description`, `check_name`, `fingerprint`, `severity`,
/// `location.path` and `location.lines.begin`.
extension DiagnosticFormatter {
    private struct CodeQualityIssue: Encodable {
        var type = "issue"
        var description: String
        var check_name: String
        var fingerprint: String
        var severity: String
        var location: CodeQualityLocation
    }
    private struct CodeQualityLocation: Encodable {
        var path: String
        var lines: CodeQualityLines
    }
    private struct CodeQualityLines: Encodable { var begin: Int }

    /// GitLab's scale is info, minor, major, critical, blocker. An error stops publishing: critical; a warning
    /// should be done soon: minor.
    static func codeQualitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "minor"
        case .info: "info"
        }
    }

    /// GitLab compares fingerprints between the target branch and the merge request to tell new findings from old
    /// ones. The line is left out, so a finding stays the same finding when lines are added above it; identical
    /// findings in one file are told apart by their order.
    static func codeQualityFingerprint(rule: String, path: String, message: String, occurrence: Int) -> String {
        let key = Array("\(rule)\u{0}\(path)\u{0}\(message)\u{0}\(occurrence)".utf8)
        let hash = key.withUnsafeBytes { FNV1a.hash($0) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func gitlabCodeQuality(_ diagnostics: [Diagnostic]) -> String {
        var occurrences: [String: Int] = [:]
        let issues = diagnostics.map { d in
            let key = "\(d.rule)\u{0}\(d.file)\u{0}\(d.message)"
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            return CodeQualityIssue(
                description: d.hint.isEmpty ? d.message : "\(d.message) \(d.hint)", check_name: d.rule,
                fingerprint: codeQualityFingerprint(rule: d.rule, path: d.file, message: d.message, occurrence: occurrence),
                severity: codeQualitySeverity(d.severity),
                location: CodeQualityLocation(path: d.file, lines: CodeQualityLines(begin: max(1, d.location.line))))
        }
        return encode(issues)
    }
}
