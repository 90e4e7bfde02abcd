import Foundation
import Testing
@testable import VorortCore

/// The wording lint as editors meet it: in `vorort check`, configured by `lint/*.yml`, published as a page.
@Suite("Wording lint in the pipeline")
struct LintIntegrationTests {
    static let siteRules = """
        categories:
          - id: test
            title: Testregeln
            description: Regeln nur für diesen Test.
        rules:
          - id: wortwolke
            category: test
            severity: error
            label: Wortwolke
            terms: ["*wortwolke~*"]
            explanation: "Wortwolken sind hier verboten."
            alternatives: [Begriffe]
            examples:
              flag: ["Eine Wortwolke."]
              pass: ["Eine Wolke."]

        """

    @Test func findingsInFrontMatterAndBodyAtTheirPlace() throws {
        let root = try TestSupport.minimalSite(extra: ["lint/test.yml": Self.siteRules], replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": """
                ---
                title: Sprachcafé ohne Wortwolke
                category: Sprache
                summary: Deutsch sprechen.
                reviewed: 2026-02-01
                contact: beratung
                ---
                Hier entsteht jede Woche eine
                WORTWOLKEN-Sammlung. `Wortwolke` im Code zählt nicht, https://example.org/wortwolke auch nicht.

                """,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let findings = report.findings("wortwolke")
        #expect(findings.map(\.location) == [SourceLocation(line: 2, column: 24, endColumn: 33), SourceLocation(line: 9, column: 1, endColumn: 20)])
        #expect(findings.allSatisfy { $0.severity == .error && $0.hint.contains("Begriffe") })
        #expect(report.site == nil, "an error-severity wording rule stops the build")
    }

    @Test func siteRulesSwitchOffChangeAndProveThemselves() throws {
        let rules = Self.siteRules + """
              - id: wortwolke
                severity: off
              - id: kaputt
                category: test
                severity: warning
                label: kaputt
                terms: ["kaputt~"]
                explanation: "x"
                alternatives: [y]
                examples:
                  flag: ["Das ist heil."]

            """
        let root = try TestSupport.minimalSite(extra: [
            "lint/test.yml": rules,
            "content/seiten/wolke.md": "---\ntitle: Wortwolke\n---\nEine Wortwolke.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("wortwolke").isEmpty, "switched off")
        let example = try #require(report.findings("lint-rule-example").first)
        #expect(example.file == "lint/test.yml")
        #expect(example.message.contains("kaputt"))
    }

    @Test func brokenSiteRuleFilesAreLocated() throws {
        let root = try TestSupport.minimalSite(extra: [
            "lint/kaputt.yml": "rules:\n  - id: x\n    category: test\n    severity: sometimes\n  - id: y\n    category: test\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let severity = try #require(report.findings("invalid-value").first { $0.file == "lint/kaputt.yml" })
        #expect(severity.location.line == 4)
        let missing = try #require(report.findings("missing-field").first { $0.file == "lint/kaputt.yml" })
        #expect(missing.location.line == 5)
        #expect(missing.message.contains("`severity`") && missing.message.contains("`terms`"))
    }

    @Test func lintIgnoreInFrontMatterNeedsAReason() throws {
        let root = try TestSupport.minimalSite(extra: [
            "lint/test.yml": Self.siteRules.replacingOccurrences(of: "severity: error", with: "severity: warning"),
            "content/seiten/zitat.md": """
                ---
                title: Zitat
                lintIgnore:
                  - rule: wortwolke
                    reason: "Die Seite erklärt, warum wir das Wort nicht verwenden."
                ---
                Das Wort Wortwolke steht hier als Zitat.

                """,
            "content/seiten/ohne-grund.md": "---\ntitle: Ohne Grund\nlintIgnore:\n  - rule: wortwolke\n---\nWortwolke.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("wortwolke").map(\.file) == ["content/seiten/ohne-grund.md"])
        #expect(report.findings("lint-suppression-reason").map(\.location.line) == [4])
    }

    @Test func guidelinePageListsTheActiveRules() throws {
        let root = try TestSupport.minimalSite(extra: ["lint/test.yml": Self.siteRules.replacingOccurrences(of: "severity: error", with: "severity: warning")])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let site = try #require(report.site)
        let files = try Pipeline.render(site)
        let page = try #require(files.first { $0.path == "seiten/leitfaden-sprache/index.html" })
        guard case .data(let data) = page.contents else { Issue.record("guideline page is not text"); return }
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<h2 id=\"test\">Testregeln</h2>"))
        #expect(html.contains("Wortwolken sind hier verboten."))
        for category in site.ruleSet.categories where site.ruleSet.activeRules.contains(where: { $0.category == category.id }) {
            #expect(html.contains("id=\"\(category.id)\""))
        }
        let home = try #require(files.first { $0.path == "index.html" })
        guard case .data(let homeData) = home.contents else { return }
        #expect(String(decoding: homeData, as: UTF8.self).contains("href=\"/ankommen/seiten/leitfaden-sprache/\""))
    }

    @Test func sarifAndGitHubFormats() throws {
        let d = Diagnostic(file: "content/a b.md", location: SourceLocation(line: 3, column: 5, endColumn: 9), severity: .warning,
                           rule: "asylant", message: "„Asylant“: abwertend, 100%", hint: "Besser: Geflüchtete")
        let sarif = DiagnosticFormatter.format([d], as: .sarif, filesChecked: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "asylant")
        #expect(result["level"] as? String == "warning")
        let region = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(region == ["startLine": 3, "startColumn": 5, "endColumn": 9])
        let github = DiagnosticFormatter.format([d], as: .github, filesChecked: 1)
        #expect(github.hasPrefix("::warning file=content/a b.md,line=3,col=5,endColumn=9,title=asylant::„Asylant“%3A abwertend, 100%25%0ABesser%3A Geflüchtete\n") == false)
        #expect(github.hasPrefix("::warning file=content/a b.md,line=3,col=5,endColumn=9,title=asylant::„Asylant“: abwertend, 100%25%0ABesser: Geflüchtete\n"))
    }

    /// A large district waits for the lint, then lets go of its texts and parse results before rendering
    /// (`CheckState.releaseIntoCheckedSite`, which empties the bodies in place): the sample built that way is the
    /// sample built beside the lint, file for file, and a lint error still refuses the build.
    @Test func aDistrictBuiltAfterTheLintIsTheSameAsOneBuiltBesideIt() throws {
        let besideLint = TestSupport.temporaryFolder("vorort-beside-lint")
        let afterLint = TestSupport.temporaryFolder("vorort-after-lint")
        defer { TestSupport.cleanUp(besideLint); TestSupport.cleanUp(afterLint) }
        let today = BuildDate.clock()
        for (output, limit) in [(besideLint, Int.max), (afterLint, 0)] {
            guard case .built = try Pipeline.build(siteRoot: TestSupport.packageRoot, output: output, search: nil, today: today, lintOverlapLimit: limit) else {
                Issue.record("the sample is built")
                return
            }
        }
        let beside = try TestSupport.snapshot(besideLint), after = try TestSupport.snapshot(afterLint)
        #expect(beside.count > 900)
        #expect(beside == after)

        let root = try TestSupport.minimalSite(extra: ["lint/test.yml": Self.siteRules, "content/seiten/wolke.md": "---\ntitle: Wolke\n---\nEine Wortwolke.\n"])
        defer { TestSupport.cleanUp(root) }
        let output = TestSupport.temporaryFolder("vorort-lint-output")
        defer { TestSupport.cleanUp(output) }
        guard case .refused(let report) = try Pipeline.build(siteRoot: root, output: output, search: nil, today: today, lintOverlapLimit: 0) else {
            Issue.record("a lint error refuses the build")
            return
        }
        #expect(report.findings("wortwolke").map(\.file) == ["content/seiten/wolke.md"])
    }

    /// A small district renders while the lint is still at work (`PendingLint.mayOverlapRendering`): an error the
    /// lint finds must still keep the site from being published, and leave the previous output as it was.
    @Test func aLintErrorFoundWhileRenderingPublishesNothing() throws {
        let root = try TestSupport.minimalSite(extra: ["lint/test.yml": Self.siteRules])
        defer { TestSupport.cleanUp(root) }
        let output = TestSupport.temporaryFolder("vorort-lint-output")
        defer { TestSupport.cleanUp(output) }
        guard case .built = try Pipeline.build(siteRoot: root, output: output, search: nil) else {
            Issue.record("the clean site is built")
            return
        }
        let before = try TestSupport.snapshot(output)
        try TestSupport.write(["content/seiten/wolke.md": "---\ntitle: Wolke\n---\nEine Wortwolke.\n"], under: root)
        var timings = StageTimings()
        let (_, lint) = CheckState.fullLeavingLint(root: root, lint: true, today: BuildDate.clock(), timings: &timings)
        #expect(lint.mayOverlapRendering(), "the test site is small enough to render beside the lint")
        guard case .refused(let report) = try Pipeline.build(siteRoot: root, output: output, search: nil) else {
            Issue.record("a lint error refuses the build")
            return
        }
        #expect(report.findings("wortwolke").map(\.file) == ["content/seiten/wolke.md"])
        #expect(try TestSupport.snapshot(output) == before, "the previous output is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(OutputWriter.stagingPrefix(of: output)) }
        #expect(leftovers.isEmpty, "no staging folder is left behind")
    }
}
