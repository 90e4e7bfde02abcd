import Foundation
import Testing
@testable import VorortCore

/// Property-based fuzzing of front matter, YAML, Markdown and the wording lint: documents from the seed corpus
/// (Fixtures/fuzz-seeds) are mutated with hostile fragments by a seeded generator, and every stage must finish
/// quickly without crashing. CI runs a bounded number; run it longer with
/// `VORORT_FUZZ_ITERATIONS=100000 swift test --filter Fuzz` (and `VORORT_FUZZ_SEED=…` for other inputs).
@Suite("Fuzzing the parsers")
struct FuzzTests {
    /// A small, fast, seedable generator (SplitMix64), so a failure can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "[", "]", "{", "}", "&a ", "*a", "---\n", "...\n", "\t", "  ", "\n", "\r\n", ": ", "- ", "? ", "|", ">", "#", "'", "\"",
        "\\", "`", "```\n", "~~", "<!--", "-->", "<![CDATA[", "<?", "<script>", "](", "![", "[a](javascript:x)", "www.", "@",
        "!!str &a ", "!t *a", "\u{0}", "\u{FEFF}", "\u{AD}", "\u{200B}", "u\u{0308}", "ü", "ß", "Flüchtlings-\nwelle", "Asylant*innen", "illegale\nMigranten",
        "reviewed: 2026-02-30\n", "title: [a, b]\n", "<!-- vorort-lint: ignore asylant -->", "lintIgnore:\n  - rule: x\n",
        String(repeating: "[", count: 300), String(repeating: "*a ", count: 200), String(repeating: "| a ", count: 60),
    ]

    static func mutate(_ text: String, _ generator: inout Generator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1:
                scalars.insert(contentsOf: fragments.randomElement(using: &generator)!.unicodeScalars, at: position)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...40, using: &generator))
                if position < end { scalars.removeSubrange(position..<end) }
            default:
                // Duplicate a slice: repeated structure is where parsers go quadratic.
                guard !scalars.isEmpty, position < scalars.count else { continue }
                let end = min(scalars.count, position + Int.random(in: 1...60, using: &generator))
                let slice = scalars[position..<end]
                for _ in 0..<Int.random(in: 1...20, using: &generator) { scalars.insert(contentsOf: slice, at: position) }
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static let config = SiteConfig(
        district: "Landkreis Test", title: "Test", description: nil, baseURL: "https://example.org/", basePath: "/", language: "de",
        siteLanguage: Language(code: "de", tag: "de", name: "Deutsch", direction: .ltr),
        translationLanguages: [Language(code: "en", tag: "en", name: "English", direction: .ltr)], theme: "standard", categories: [])

    @Test func mutatedDocumentsNeverCrashOrHang() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["VORORT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 400
        var generator = Generator(state: environment["VORORT_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_125)
        let folder = TestSupport.packageRoot.appendingPathComponent("Tests/VorortCoreTests/Fixtures/fuzz-seeds")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            (name: $0, text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
        #expect(seeds.count >= 6)
        let matcher = WordingMatcher(rules: RuleSet.load(siteRoot: nil).ruleSet.rules)
        var slowest: Duration = .zero
        for iteration in 0..<iterations {
            let seed = seeds[iteration % seeds.count]
            let text = Self.mutate(seed.text, &generator)
            let clock = ContinuousClock.now
            let isYAML = seed.name.hasSuffix(".yml")
            let role = isYAML ? ContentRole(Facts.self, owner: .municipality("dorf"), slug: "zahlen") : ContentRole(Offer.self, owner: .municipality("dorf"), slug: "fuzz")
            let file = SourceFile(path: isYAML ? "content/gemeinden/dorf/zahlen.yml" : "content/gemeinden/dorf/angebote/fuzz.md", text: text)
            let collector = DiagnosticCollector(file: file.path)
            var suppressions: [LintSuppression] = []
            var content = SiteContent()
            if let item = ContentParser.parse(role, file, language: "de", pictures: [:], collector: collector, suppressions: &suppressions) {
                content.store([item], as: role.type.type)
            }
            if !isYAML {
                // The same text read as the English translation of the offer.
                let translation = SourceFile(path: "content/gemeinden/dorf/angebote/fuzz.en.md", text: text)
                let translated = TranslationParser.parseFile(role, language: "en", file: translation, config: Self.config)
                content.translations = TranslationChecker.check(translated.translation.map { [$0] } ?? [], content: content, originalFiles: []).table
            }
            _ = BodyChecker.check(BodyChecker.bodies(of: content), index: SiteIndex(content: content, config: nil), pictures: [:])
            _ = TestSupport.renderMarkdown(MarkdownSource(text: text, firstLine: 1))
            let kind: LintInput.Kind = isYAML ? .yaml : .markdown(frontMatterEnd: FrontMatter.closingLine(of: text) ?? 1)
            _ = WordingLint.lint(LintInput(file: file, kind: kind, fileSuppressions: []), matcher: matcher)
            let elapsed = ContinuousClock.now - clock
            slowest = max(slowest, elapsed)
            #expect(elapsed < .seconds(2), "iteration \(iteration) (seed \(seed.name)) took \(elapsed)")
        }
        print("Fuzzing: \(iterations) mutated documents, slowest \(slowest)")
    }
}
