import Foundation
import Testing
import Yams
@testable import VorortCore

/// `SimpleYAML` stands in for Yams on simple front matter: whatever it reads must be the tree Yams reads, node for
/// node — strings, styles, tag names, lines and columns — and what it does not read is left to Yams.
@Suite("Simple front matter without Yams")
struct SimpleYAMLTests {
    /// The tree as text: every property a later stage reads.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return "S(\(scalar.string.debugDescription) \(scalar.style.rawValue) \(scalar.tag.description) \(node.tag.description) \(mark))"
        case .mapping(let mapping):
            let pairs = mapping.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ", ")
            return "M(\(mapping.style.rawValue) \(mapping.tag.description) \(node.tag.description) \(mark) {\(pairs)})"
        case .sequence(let sequence):
            return "L(\(sequence.style.rawValue) \(sequence.tag.description) \(node.tag.description) \(mark) [\(sequence.map { describe($0) }.joined(separator: ", "))])"
        case .alias:
            return "A"
        }
    }

    /// Both readers on `yaml`; false when the simple reader read it and Yams disagrees (or refuses it).
    static func agree(_ yaml: String) -> (accepted: Bool, same: Bool, difference: String) {
        guard let simple = YAMLDocument.simpleTree(yaml) else { return (false, true, "") }
        guard let yams = try? YAMLDocument.yamsTree(yaml) else { return (true, false, "Yams refuses it") }
        let (simpleText, yamsText) = (describe(simple), describe(yams))
        return (true, simpleText == yamsText, "simple: \(simpleText)\nYams:   \(yamsText)")
    }

    static let keys = ["title", "summary", "category", "contact", "reviewed", "a", "b_c", "x-y", "Name2", "2026", "true"]
    /// Values it reads and values it must leave to Yams (or read as Yams does): quotes, colons, hashes, indicators,
    /// controls, line breaks of other kinds, look-alike spaces.
    static let values = [
        "Sprachcafé", "Dienstags 16–18 Uhr", "Stadtbibliothek, Marktplatz 3", "Beratung & Recht", "😀 Emoji", "C#", "Raum #2",
        "a: b", "endet:", "a:b", "-5", "- x", "[x, y]", "{a: b}", "\"zitiert\"", "'einfach'", "\"mit \\\"escape\\\"\"", "'it''s'",
        "\"offen", "'offen", "\"a\" \"b\"", "~", "null", "true", "2026-11-20", "text  mit  Abständen", "Wert   ", "er sagte \"ja\"",
        "x,y", "a\tb", "„typografisch“", "!Neu Sprachcafé", "&anker", "*verweis", "|", ">", "%", "@x", "`x`", "?", ":", "a\u{85}b",
        "a\u{2028}b", "a\u{FEFF}b", "a\u{7F}b", "a\u{A0}b", "ä ö ü ß", "08882 249-82", "\"08882 249-82\"", "'72626'", "\"\"", "''",
        "a #b", "a# b", "...", "---", "x...", "ü:", "Ende.",
    ]

    /// Mostly an ordinary value; in awkward documents one in four is any of `values`.
    static func value(_ generator: inout FuzzTests.Generator, awkward: Bool) -> String {
        awkward && Int.random(in: 0..<4, using: &generator) == 0
            ? values.randomElement(using: &generator)! : values[Int.random(in: 0..<4, using: &generator)]
    }

    /// A document of keys, nested groups and lists, indented in several ways; now and then something only Yams reads.
    static func document(_ generator: inout FuzzTests.Generator, depth: Int = 0, indent: Int = 0, awkward: Bool) -> String {
        var lines: [String] = []
        let pad = String(repeating: " ", count: indent)
        var used: Set<String> = []
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            var key = keys.randomElement(using: &generator)!
            if !awkward || Int.random(in: 0..<8, using: &generator) > 0 {
                while used.contains(key) { key += "x" }
            }
            used.insert(key)
            if Int.random(in: 0..<6, using: &generator) == 0 { lines.append(Int.random(in: 0..<2, using: &generator) == 0 ? "" : pad + "  ") }
            switch Int.random(in: 0..<(depth < 3 ? 10 : 7), using: &generator) {
            case 0..<5:
                let value = value(&generator, awkward: awkward)
                lines.append(pad + key + ":" + String(repeating: " ", count: Int.random(in: 1...3, using: &generator)) + value)
            case 5, 6:
                // A list, indented further or at the key's indentation.
                let step = [0, 2, 4, 1].randomElement(using: &generator)!
                lines.append(pad + key + ":" + (Int.random(in: 0..<4, using: &generator) == 0 ? "  " : ""))
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let value = value(&generator, awkward: awkward)
                    lines.append(pad + String(repeating: " ", count: step) + "-" + String(repeating: " ", count: Int.random(in: 1...2, using: &generator)) + value)
                }
            default:
                lines.append(pad + key + ":")
                let step = [2, 4, 1].randomElement(using: &generator)!
                lines.append(document(&generator, depth: depth + 1, indent: indent + step, awkward: awkward))
            }
        }
        var text = lines.joined(separator: "\n")
        if awkward, depth == 0 {
            // Pieces that break the simple form: tabs, comments, an empty value, a line that goes on, carriage returns.
            let breakers = ["\t", "# Kommentar\n", "leer:\n", "  weiter\n", "\r\n", "--- \n", "%YAML 1.1\n", "key: [a, b]\n", "  ", "\n"]
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                var scalars = Array(text.unicodeScalars)
                let position = Int.random(in: 0...scalars.count, using: &generator)
                scalars.insert(contentsOf: breakers.randomElement(using: &generator)!.unicodeScalars, at: position)
                text = String(String.UnicodeScalarView(scalars))
            }
        }
        return depth == 0 && Int.random(in: 0..<2, using: &generator) == 0 ? text + "\n" : text
    }

    @Test func readsSimpleFrontMatterAsYamsDoes() {
        var generator = FuzzTests.Generator(state: 2611)
        var accepted = 0
        for _ in 0..<3_000 {
            let yaml = Self.document(&generator, awkward: false)
            let (read, same, difference) = Self.agree(yaml)
            if read { accepted += 1 }
            #expect(same, "\(yaml.debugDescription)\n\(difference)")
        }
        // Documents of only plain keys, lists and groups are all of the simple kind.
        #expect(accepted == 3_000)
    }

    @Test func leavesWhatItCannotReadToYams() {
        var generator = FuzzTests.Generator(state: 1127)
        var accepted = 0, declined = 0
        for _ in 0..<20_000 {
            let yaml = Self.document(&generator, awkward: true)
            let (read, same, difference) = Self.agree(yaml)
            if read { accepted += 1 } else { declined += 1 }
            #expect(same, "\(yaml.debugDescription)\n\(difference)")
        }
        // Both kinds occur, so both ways are tested.
        #expect(accepted > 1_000 && declined > 1_000, "accepted \(accepted), declined \(declined)")
    }

    /// The sample's own front matter: most of it is simple, and all of it is read as Yams reads it.
    @Test func readsTheSamplesFrontMatterAsYamsDoes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(at: root.appendingPathComponent("content"), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        var accepted = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { continue }
            let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"
            let (read, same, difference) = Self.agree(yaml)
            if read { accepted += 1 }
            #expect(same, "\(file.lastPathComponent)\n\(difference)")
        }
        #expect(accepted * 2 > files.count, "\(accepted) of \(files.count)")
    }
}
