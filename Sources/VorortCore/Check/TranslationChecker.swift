/// Matches translations with their German originals: a translation without an original is an error, and one
/// that was last compared before the original was last reviewed is reported as possibly outdated.
enum TranslationChecker {
    /// Translations by original file path and language code.
    typealias Table = [String: [String: Translation]]

    /// `originalFiles`: every content file that was read, so a translation of an original that failed to parse is
    /// not reported a second time.
    static func check(_ translations: [Translation], content: SiteContent, originalFiles: Set<String>) -> (table: Table, diagnostics: [Diagnostic]) {
        // A district without translations has nothing to match (the baselines of 100,000 originals took 0.14 s).
        if translations.isEmpty { return ([:], []) }
        // The date each original's translations are compared with, by file (every type declares its own).
        struct Baselines: ContentItemVisitor {
            var originals: [String: CalendarDate?] = [:]
            mutating func visit<T: ContentItem>(_ item: T) {
                if item.markdownBody != nil { originals[item.origin.file] = item.translationBaseline }
            }
        }
        var baselines = Baselines()
        content.visitItems(&baselines)
        let originals = baselines.originals

        var table: Table = [:]
        var diagnostics: [Diagnostic] = []
        for translation in translations {
            guard let originalReviewed = originals[translation.original] else {
                if originalFiles.contains(translation.original) { continue }
                diagnostics.append(Diagnostic(
                    file: translation.origin.file, location: .start, severity: .error, rule: "translation-without-original",
                    message: "Zu dieser Übersetzung gibt es kein deutsches Original `\(translation.original)`, das veröffentlicht wird.",
                    hint: "Benennen Sie die Übersetzung wie das Original mit dem Sprachkürzel davor (`\(translation.origin.slug).\(translation.language).md` zu `\(translation.origin.slug).md`) oder löschen Sie sie."))
                continue
            }
            table[translation.original, default: [:]][translation.language] = translation
            if let original = originalReviewed, let reviewed = translation.reviewed, reviewed.value < original {
                diagnostics.append(Diagnostic(
                    file: translation.origin.file, location: reviewed.location, severity: .warning, rule: "translation-outdated",
                    message: "Das deutsche Original wurde am \(original.german) überarbeitet, diese Übersetzung zuletzt am \(reviewed.value.german) verglichen; sie ist vielleicht veraltet.",
                    hint: "Gleichen Sie die Übersetzung mit `\(translation.original)` ab und setzen Sie danach `reviewed: \(original.iso)` oder später."))
            }
        }
        return (table, diagnostics)
    }
}
