import Foundation
import Testing
@testable import VorortCore

/// A small district's build checks each body's links as its page renders, from the tree it renders
/// (`DeferredBodyChecks`); a large one checks them before rendering, as `vorort check` does. Both must report the same
/// findings as `check`, refuse the same sites, and publish the same pictures.
@Suite("Bodies checked while their pages render")
struct DeferredBodyCheckTests {
    /// An offer whose body uses `picture.png` (which is there) and whatever `extra` adds.
    static func offer(_ extra: String) -> String {
        """
        ---
        title: Sprachcafé
        category: sprache
        summary: Deutsch sprechen.
        reviewed: 2026-02-01
        contact: beratung
        ---
        Jeden Montag. ![Kaffeetassen auf dem Tisch](tassen.png)

        \(extra)

        """
    }

    /// The minimal site with the offer, its picture, an unused picture beside it, and a page whose body links to
    /// another picture.
    static func site(offerBody extra: String) throws -> URL {
        let root = try TestSupport.minimalSite(extra: ["content/seiten/fotos.md": "---\ntitle: Fotos\n---\nSo sieht es aus: ![Ein Saal](saal.png)\n"],
                                               replacing: ["content/gemeinden/dorf/angebote/sprachcafe.md": offer(extra)])
        for path in ["content/gemeinden/dorf/angebote/tassen.png", "content/gemeinden/dorf/angebote/privat.png", "content/seiten/saal.png"] {
            try Data(PictureBytes.png(4, 3)).write(to: root.appendingPathComponent(path))
        }
        return root
    }

    /// The build's report, its findings as `check` would print them, and the published files (nil when refused).
    static func build(_ root: URL, lintOverlapLimit: Int) throws -> (findings: [Diagnostic], files: Set<String>?) {
        let output = TestSupport.temporaryFolder("vorort-deferred-bodies")
        defer { TestSupport.cleanUp(output) }
        let today = CalendarDate(year: 2026, month: 3, day: 1)!
        switch try Pipeline.build(siteRoot: root, output: output, search: nil, today: today, lintOverlapLimit: lintOverlapLimit) {
        case .refused(let report):
            return (report.diagnostics, nil)
        case .built(let report, _, _, _, _):
            return (report.diagnostics, Set(try TestSupport.snapshot(output).keys))
        }
    }

    static func checked(_ root: URL) -> [Diagnostic] {
        Pipeline.check(siteRoot: root, today: CalendarDate(year: 2026, month: 3, day: 1)!).diagnostics
    }

    @Test func aSiteWithWarningsInBodiesIsBuiltWithTheFindingsOfCheck() throws {
        let root = try Self.site(offerBody: "Mehr: <b>fett</b>")
        defer { TestSupport.cleanUp(root) }
        let check = Self.checked(root)
        #expect(check.contains { $0.rule == "raw-html" })
        #expect(check.contains { $0.file.hasSuffix("privat.png") && $0.rule == "unused-file" })
        #expect(!check.contains { $0.file.hasSuffix("tassen.png") || $0.file.hasSuffix("saal.png") })
        for limit in [Int.max, 0] {
            let (findings, files) = try Self.build(root, lintOverlapLimit: limit)
            #expect(findings == check, "lintOverlapLimit \(limit)")
            let published = try #require(files)
            #expect(published.contains { $0.hasSuffix("tassen.png") }, "a picture a body shows is published")
            #expect(published.contains { $0.hasSuffix("saal.png") }, "also the picture of a page's body")
            #expect(!published.contains { $0.hasSuffix("privat.png") }, "an unused picture is not published")
        }
    }

    @Test func anErrorInABodyRefusesTheBuildWithTheFindingsOfCheck() throws {
        let root = try Self.site(offerBody: "Siehe [den Plan](../plan.md) und ![](tassen.png).\n\n<i>kursiv</i>")
        defer { TestSupport.cleanUp(root) }
        let check = Self.checked(root)
        #expect(check.contains { $0.rule == "broken-link" })
        #expect(check.contains { $0.rule == "missing-alt" })
        for limit in [Int.max, 0] {
            let (findings, files) = try Self.build(root, lintOverlapLimit: limit)
            #expect(files == nil, "lintOverlapLimit \(limit): nothing is published")
            #expect(findings == check, "lintOverlapLimit \(limit)")
        }
    }

    /// An error outside the bodies keeps the site from rendering at all: the bodies are checked anyway, so the
    /// editor sees every finding at once, as with `check`.
    @Test func anErrorElsewhereStillReportsTheBodiesFindings() throws {
        let root = try Self.site(offerBody: "Siehe [den Plan](../plan.md).")
        defer { TestSupport.cleanUp(root) }
        try Data("---\ntitle: Impressum\nunbekannt: ja\n".utf8).write(to: root.appendingPathComponent("content/seiten/impressum.md"))
        let check = Self.checked(root)
        #expect(check.contains { $0.rule == "broken-link" })
        let (findings, files) = try Self.build(root, lintOverlapLimit: Int.max)
        #expect(files == nil)
        #expect(findings == check)
    }

    /// Bodies no page showed are checked after the pages (`BodyHTML.checkRemainingBodies`): every body of the sample
    /// then has the result `check` gives it.
    @Test func bodiesNoPageShowedAreCheckedAfterThePages() throws {
        var timings = StageTimings()
        let today = BuildDate.clock()
        var (state, lint) = CheckState.fullLeavingLint(root: TestSupport.packageRoot, lint: false, today: today,
                                                       deferringBodies: true, timings: &timings)
        state.assembleBeforeLint(lint)
        let site = try #require(state.checkedSite())
        #expect(site.deferredBodyChecks != nil)
        let bodies = Pipeline.bodyHTML(site)
        bodies.checkRemainingBodies()
        let deferred = try #require(bodies.deferred).all
        state.checkDeferredBodies(lint)
        let checked = state.bodies
        #expect(checked.count > 200)
        #expect(Set(deferred.keys) == Set(checked.keys))
        for (file, result) in checked {
            let other = try #require(deferred[file])
            #expect(other.diagnostics == result.diagnostics, "\(file)")
            #expect(other.used == result.used, "\(file)")
            #expect(other.body?.changedLinks.map(\.decision) == result.body?.changedLinks.map(\.decision), "\(file)")
            #expect(other.body?.changedLinks.map(\.ordinal) == result.body?.changedLinks.map(\.ordinal), "\(file)")
        }
    }
}
