import Foundation
import Testing
@testable import VorortCore

/// The check's byte-level shortcuts must answer as the slower tests they stand in for, also at the edges of the
/// eight-byte steps and for text beyond ASCII.
@Suite("Shortcuts of the check")
struct CheckFastPathTests {
    static let pieces = ["a", "ä", "ß", " ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{B}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
                         "\u{A0}", "\u{AB}", "\u{BF}", "\u{BE}", "\u{FFFE}", "\u{FFFF}", "\u{FFBF}", "\u{0FFF}", "\u{FEFF}", "–", "„", "😀",
                         "abcdefgh", "12345678"]

    static func randomText(_ generator: inout FuzzTests.Generator) -> String {
        (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func theLoadersByteTestAgreesWithTheTextsOwn() {
        var generator = FuzzTests.Generator(state: 2026)
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator)
            let expected = ControlCharacters.mayContain(text) || text.utf8.contains(0x0D)
            #expect(ControlCharacters.mayContain(orCarriageReturn: Array(text.utf8)[...]) == expected, "\(text.debugDescription)")
        }
    }

    @Test func trimmingAgreesWithTheUnicodeProperty() {
        var generator = FuzzTests.Generator(state: 7)
        for _ in 0..<5_000 {
            let text = Self.randomText(&generator)
            let scalars = text.unicodeScalars
            let expected = scalars.firstIndex { !$0.properties.isWhitespace }.map { first in
                String(scalars[first...scalars.lastIndex { !$0.properties.isWhitespace }!])
            } ?? ""
            #expect(text.trimmed == expected, "\(text.debugDescription)")
        }
    }

    @Test func numbersWithoutSeparatorsAreSplitAsThePatternSplitsThem() {
        let texts = ["05351 4471-20", "+49 (0) 5351 / 4471-20", "05351/447120", "05351 4471-20, 05351 4471-21", "0171 123 oder 0172 456",
                     "110 und 112", "0531 1 bzw. 0531 2", "0531 1 or 0531 2", "0531 1;0531 2", "0531\n0532", "Tel. 0531 oder", "", " "]
        for text in texts {
            let reference = text.split(separator: /\s*(?:[,;\n]|\s(?:oder|und|bzw\.?|or)\s)\s*/)
            var parts: [String] = []
            for word in reference {
                var current = ""
                for piece in word.split(separator: "/", omittingEmptySubsequences: false) {
                    let start = piece.drop { $0 == " " }.first
                    if !current.isEmpty, start == "0" || start == "+" {
                        parts.append(current.trimmed)
                        current = String(piece)
                    } else {
                        current += current.isEmpty ? String(piece) : "/" + piece
                    }
                }
                if !current.trimmed.isEmpty { parts.append(current.trimmed) }
            }
            #expect(PhoneNumber.splitSeveral(text) == parts, "\(text.debugDescription)")
        }
    }

    @Test func emailAddressesBeyondASCIITakeTheGeneralPath() {
        #expect(LinkPolicy.isEmailAddress("a@b.de"))
        #expect(LinkPolicy.isEmailAddress("ä@b.de"))
        #expect(!LinkPolicy.isEmailAddress("MAILTO:a@b.de"))
        #expect(!LinkPolicy.isEmailAddress("a b@c.de"))
        #expect(!LinkPolicy.isEmailAddress("a\u{A0}b@c.de"))
        #expect(!LinkPolicy.isEmailAddress("a@@b.de"))
        #expect(LinkPolicy.mailtoProblem("mailto:a@b.de?Subject=x&body=y") == nil)
        #expect(LinkPolicy.mailtoProblem("mailto:a@b.de?b%63c=x") != nil)
        #expect(LinkPolicy.mailtoProblem("mailto:ä@b.de?subject=ü") == nil)
    }

    @Test func splittingOnBytesAgreesWithSplittingOnCharacters() {
        var generator = FuzzTests.Generator(state: 5)
        for _ in 0..<5_000 {
            let mixed = Self.randomText(&generator) + [".", "-", "a.b", "..", "-\u{301}", ""].randomElement(using: &generator)!
                + Self.randomText(&generator)
            for text in [mixed, String(String.UnicodeScalarView(mixed.unicodeScalars.filter(\.isASCII)))] {
                for separator: Unicode.Scalar in [".", "-"] {
                    for omitting in [true, false] {
                        let maxSplits = [1, 2, Int.max].randomElement(using: &generator)!
                        #expect(text.split(ascii: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                            == text.split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omitting),
                            "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func lineFeedsAndASCIIAreFoundAsByAGenericSearch() {
        var generator = FuzzTests.Generator(state: 3)
        for _ in 0..<5_000 {
            let text = Self.randomText(&generator)
            #expect(text.isASCIIText == text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
            let indices = Array(text.utf8.indices) + [text.endIndex]
            let start = indices.randomElement(using: &generator)!
            #expect(text.lineFeed(from: start) == text.utf8[start...].firstIndex(of: 0x0A), "\(text.debugDescription)")
        }
    }

    @Test func frontMatterDelimitersAreFoundOnBytesAsOnCharacters() {
        var generator = FuzzTests.Generator(state: 9)
        for _ in 0..<5_000 {
            let line = ["---", "--", "...", "-", ""].randomElement(using: &generator)!
                + ["", " ", "\t", "\u{301}", "\u{A0}", "\r", "\r\n", "-", "x", " \u{301}"].randomElement(using: &generator)!
                + Self.randomText(&generator).filter(\.isWhitespace)
            for marker in ["---", "..."] {
                let expected = line.hasPrefix(marker) && line.dropFirst(marker.count).allSatisfy(\.isWhitespace)
                #expect(FrontMatter.isDelimiter(line[...], marker: marker) == expected, "\(line.debugDescription)")
            }
        }
    }

    /// `mailtoProblem` and the fragment of a link as they were found on Characters before ASCII addresses were
    /// taken apart on their bytes.
    @Test func linksAreTakenApartOnBytesAsOnCharacters() {
        func reference(_ url: String) -> String? {
            let rest = url.drop { $0 != ":" }.dropFirst()
            let address = rest.prefix { $0 != "?" }
            let decodedAddress = LinkPolicy.percentDecoded(String(address)) ?? String(address)
            if let query = rest.firstIndex(of: "?").map({ rest[rest.index(after: $0)...] }) {
                for parameter in query.split(separator: "&") {
                    let name = (parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "").lowercased()
                    let decodedName = LinkPolicy.percentDecoded(name) ?? name
                    if decodedName != "subject" && decodedName != "body" {
                        return "Der E-Mail-Link fügt mit `\(decodedName)=` weitere Empfänger oder Angaben hinzu, die niemand sieht."
                    }
                }
            }
            return LinkPolicy.isEmailAddress(decodedAddress) ? nil : "`\(decodedAddress)` ist keine einzelne gültige E-Mail-Adresse."
        }
        let pieces = ["mailto:", ":", "?", "&", "=", "==", "a", "B", "b@c.de", "%62cc", "%", "subject", "Body", "cc", "\r\n", "\r", " ", "#",
                      "/", "x.md", "ä", "\u{301}", "\u{200E}"]
        var generator = FuzzTests.Generator(state: 11)
        for _ in 0..<5_000 {
            let url = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(LinkPolicy.mailtoProblem(url) == reference(url), "\(url.debugDescription)")
            let hash = url.firstIndex(of: "#")
            let expected = hash.map { (String(url[..<$0]), String(url[url.index(after: $0)...])) } ?? (url, nil)
            #expect(LinkPolicy.splitFragment(url) == expected, "\(url.debugDescription)")
        }
    }

    /// Bodies parse into an arena each, on all threads at once, and render the same as one after the other.
    @Test func markdownInArenasRendersTheSameOnAllThreads() {
        let bodies = (0..<200).map { i in
            "## Teil \(i)\n\n| a | b |\n|---|---|\n| \(i) | ~~x~~ |\n\n- [Link](https://example.org/\(i)) www.example.org/\(i)\n"
                + String(repeating: "Text *mit* **Hervorhebung** und `Code`. ", count: i % 50)
        }
        let once = bodies.map { Markdown.parse(MarkdownSource(text: $0, firstLine: 1)) { $0.html() } }
        let parallel = Parallel.map(bodies) { Markdown.parse(MarkdownSource(text: $0, firstLine: 1)) { $0.html() } }
        #expect(once == parallel)
        #expect(once.allSatisfy { $0??.contains("<del>x</del>") == true && $0??.contains("<table>") == true })
    }

    /// The lint decodes lines eight ASCII bytes at a time: the scalars and what it notes of the bytes (markup, addresses,
    /// blank, first byte) are those of the line's own scalars and bytes, whatever stands where in the eight.
    @Test func theLintsLineDecodingAgreesWithTheScalars() {
        let pieces = ["a", "ä", " ", "\t", "\r", "`", "<", "]", "@", "/", ".", ":", "://", "www.", "mailto:", "tel:", "–", "😀",
                      "abcdefgh", "Beratung", "12345678", "w", "ww"]
        var generator = FuzzTests.Generator(state: 88)
        let buffer = LintLineBuffer(capacity: 4)
        for _ in 0..<5_000 {
            let line = Substring((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            let bytes = buffer.load(line)
            #expect(Array(buffer.scalars) == Array(line.unicodeScalars), "\(line.debugDescription)")
            let utf8 = line.utf8
            #expect(bytes.markup == (utf8.contains(0x60) || utf8.contains(0x3C) || utf8.contains(0x5D)), "\(line.debugDescription)")
            #expect(bytes.address == LintSource.mayHoldAddress(utf8), "\(line.debugDescription)")
            #expect(bytes.blank == line.isBlank, "\(line.debugDescription)")
        }
    }
}
