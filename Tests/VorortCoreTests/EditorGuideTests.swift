import Foundation
import Testing
@testable import VorortCore

/// `docs/redaktion.md`, the German guide for editors: its field tables come from the content type declarations and
/// its list of messages from the rule catalogue, so neither can fall behind; hints point there.
struct EditorGuideTests {
    static let guide = TestSupport.packageRoot.appendingPathComponent("docs/redaktion.md")

    /// Fails while a generated part differs; `VORORT_UPDATE_DOCS=1` writes it.
    @Test func generatedPartsAreCurrent() throws {
        var text = try String(contentsOf: Self.guide, encoding: .utf8)
        var stale: [String] = []
        for (start, end, body) in [
            (EditorGuide.fieldsStartMarker, EditorGuide.fieldsEndMarker, EditorGuide.fieldsSection()),
            (EditorGuide.rulesStartMarker, EditorGuide.rulesEndMarker, EditorGuide.rulesSection()),
        ] {
            let from = try #require(text.range(of: start), "docs/redaktion.md lacks \(start)")
            let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex), "docs/redaktion.md lacks \(end)")
            let expected = "\n" + body + "\n"
            if String(text[from.upperBound..<to.lowerBound]) != expected {
                stale.append(start)
                text.replaceSubrange(from.upperBound..<to.lowerBound, with: expected)
            }
        }
        if !stale.isEmpty {
            if ProcessInfo.processInfo.environment["VORORT_UPDATE_DOCS"] == "1" {
                try text.write(to: Self.guide, atomically: true, encoding: .utf8)
            } else {
                Issue.record("docs/redaktion.md is out of date (\(stale)). Run `VORORT_UPDATE_DOCS=1 swift test --filter EditorGuide`.")
            }
        }
    }

    @Test func everyTypeFieldAndMessageIsInTheGuide() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        for type in ContentTypes.all {
            #expect(text.contains("### \(type.displayName)"))
            for field in type.schema { #expect(text.contains("| `\(field.key)` |"), "\(type.displayName).\(field.key)") }
        }
        for entry in RuleCatalogue.entries { #expect(text.contains("<a id=\"\(entry.id)\"></a>"), "\(entry.id)") }
    }

    /// Hints send editors to the German guide, not to English documents for developers.
    @Test func hintsPointToTheGuide() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources/VorortCore")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var found: [String] = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where line.contains("hint") && ["content-model.md", "docs/lint.md", "siehe README", "architecture.md"].contains(where: { line.contains($0) }) {
                found.append("\(file.lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
