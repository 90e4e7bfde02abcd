import Foundation
import Testing

/// Editors are addressed as a German administration addresses its staff: with „Sie“. This test reads every string
/// literal in the library's sources and fails on the familiar „du“ forms: its pronouns (not „dir“, which is also HTML's `dir` attribute) and the imperatives that
/// messages and hints start with („Schreibe …“ instead of „Schreiben Sie …“).
struct FormOfAddressTests {
    static let pronouns: Set<String> = ["du", "dich", "dein", "deine", "deinen", "deinem", "deiner", "deines", "Meintest"]
    static let imperatives: Set<String> = [
        "Schreibe", "Lege", "Nenne", "Prüfe", "Ergänze", "Entferne", "Benenne", "Übersetze", "Verlinke", "Verschiebe",
        "Lösche", "Setze", "Trage", "Füge", "Speichere", "Ändere", "Wähle", "Formuliere", "Nutze", "Verwende", "Ersetze",
        "Kopiere", "Öffne", "Markiere", "Beschreibe", "Exportiere", "Verkleinere", "Schließe", "Erkläre", "Streiche",
        "Trenne", "Installiere", "Passe", "Begründe", "Gib", "Nimm", "Lies", "Korrigiere", "Vermeide", "Gleiche", "Behebe",
        "Beginne", "Rücke", "führe", "verweise",
    ]

    @Test func messagesSaySie() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        let literal = try Regex(#""(?:[^"\\]|\\.)*""#)
        var found: [String] = []
        for file in files {
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: literal) {
                    let words = match.output[0].substring.map { $0.split { !$0.isLetter } } ?? []
                    if let word = words.first(where: { Self.pronouns.contains(String($0)) || Self.imperatives.contains(String($0)) }) {
                        found.append("\(file.lastPathComponent):\(number + 1): „\(word)“")
                    }
                }
            }
        }
        #expect(found.isEmpty, "Messages that say „du“ instead of „Sie“:\n\(found.joined(separator: "\n"))")
    }
}
