import Foundation
import VorortCore

/// The words the wording lint found in a content file, as the preview marks them: the text from the file at the
/// finding's columns, with the finding's explanation and alternatives.
enum WordingMarks {
    static func marks(in file: String, snapshot: PreviewSnapshot) -> [PreviewPage.Mark] {
        // Findings whose rule is not in the catalogue are the wording lint's own rules.
        let findings = snapshot.findings.filter { $0.file == file && RuleCatalogue.entry($0.rule) == nil }
        guard !findings.isEmpty,
              let text = try? String(contentsOf: snapshot.root.appendingPathComponent(file), encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return findings.compactMap { finding in
            let number = finding.location.line - 1
            guard lines.indices.contains(number) else { return nil }
            // Columns count Unicode scalars, 1-based.
            let scalars = Array(lines[number].unicodeScalars)
            let start = finding.location.column - 1, end = min(finding.location.endColumn - 1, scalars.count)
            guard start >= 0, start < end else { return nil }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<end])
            return PreviewPage.Mark(text: String(word), rule: finding.rule, message: finding.message, hint: finding.hint)
        }
    }
}
