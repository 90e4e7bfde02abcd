import Foundation
import Testing
@testable import VorortCore

/// Dates of the past that lie in the future are errors at their line; today comes from `--today`,
/// `SOURCE_DATE_EPOCH` or the clock, and is passed down as a value.
@Suite("Dates in the future")
struct FutureDateTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    func check(_ files: [String: String]) throws -> CheckReport {
        let root = try TestSupport.minimalSite(extra: files)
        defer { TestSupport.cleanUp(root) }
        return Pipeline.check(siteRoot: root, today: Self.today)
    }

    @Test func aStoryDatedYearsAheadIsAnErrorWithTheLikelyYear() throws {
        let report = try check([
            "content/gemeinden/dorf/geschichten/fest.md": "---\ntitle: Fest\ndate: 2062-11-18\nsummary: Ein Fest.\n---\nText.\n",
        ])
        let finding = try #require(report.findings("future-date").first)
        #expect(finding.file == "content/gemeinden/dorf/geschichten/fest.md")
        #expect(finding.location.line == 3)
        #expect(finding.location.column == 7)
        #expect(finding.message.contains("20. November 2026"))
        #expect(finding.hint.hasPrefix("Meinen Sie `date: 2026-11-18`?"))
        #expect(report.site == nil)
    }

    @Test func reviewedOfEveryTypeAndOfTranslationsIsChecked() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/angebote/treff.md": "---\ntitle: Treff\ncategory: Sport\nsummary: s\nreviewed: 2062-11-20\ncontact: beratung\n---\nText.\n",
            "content/kreis/zahlen.yml": "reviewed: 2027-01-01\nindicators:\n  - label: L\n    value: 5\n    unit: Personen\n    year: 2025\n    source: Q\n",
        ], replacing: [
            "site.yml": TestSupport.minimalFiles["site.yml"]! + "languages:\n  - {code: en, name: English}\n",
        ])
        try TestSupport.write([
            "content/gemeinden/dorf/angebote/sprachcafe.en.md": "---\ntitle: Language café\nsummary: Speak German.\nreviewed: 2062-02-01\n---\nText.\n",
        ], under: root)
        defer { TestSupport.cleanUp(root) }
        let report = Pipeline.check(siteRoot: root, today: Self.today)
        let found = report.findings("future-date").map { "\($0.file):\($0.location.line)" }.sorted()
        #expect(found == [
            "content/gemeinden/dorf/angebote/sprachcafe.en.md:4",
            "content/gemeinden/dorf/angebote/treff.md:5",
            "content/kreis/zahlen.yml:1",
        ], "\(report.diagnostics)")
        #expect(report.findings("future-date").first { $0.file.hasSuffix("treff.md") }?.message.contains("Stand: 20. November 2062") == true)
    }

    @Test func aFewDaysAheadAreTolerated() throws {
        let edge = Self.today.adding(days: BuildDate.futureTolerance)
        let ok = try check(["content/gemeinden/dorf/geschichten/a.md": "---\ntitle: A\ndate: \(edge.iso)\nsummary: s\n---\nText.\n"])
        #expect(ok.findings("future-date").isEmpty)
        let late = try check(["content/gemeinden/dorf/geschichten/a.md": "---\ntitle: A\ndate: \(edge.adding(days: 1).iso)\nsummary: s\n---\nText.\n"])
        #expect(late.findings("future-date").count == 1)
    }

    @Test func todayComesFromTheOptionThenSourceDateEpochThenTheClock() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
        #expect(try BuildDate.resolve(option: "2026-03-01", environment: ["SOURCE_DATE_EPOCH": "0"], now: now) == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1764115199"], now: now) == CalendarDate(year: 2025, month: 11, day: 25))
        #expect(try BuildDate.resolve(option: nil, environment: [:], now: now) == CalendarDate(year: 2027, month: 1, day: 15))
        #expect(throws: BuildDate.Problem.invalidOption("15.01.2027")) { try BuildDate.resolve(option: "15.01.2027", environment: [:]) }
        #expect(throws: BuildDate.Problem.invalidEpoch("gestern")) { try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "gestern"]) }
    }

    @Test func theCommandLineTakesTodayFromTheOptionAndTheEnvironment() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/geschichten/fest.md": "---\ntitle: Fest\ndate: 2026-06-01\nsummary: Ein Fest.\n---\nText.\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let early = try TestSupport.run(["check", "--site", root.path, "--today", "2026-05-01"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("fest.md:3:7: Fehler:"))
        #expect(early.stdout.contains("[future-date]"))
        #expect(try TestSupport.run(["check", "--site", root.path, "--today", "2026-06-01"]).status == 0)
        // 2026-05-01 00:00 UTC
        let epoch = try TestSupport.run(["check", "--site", root.path], environment: ["SOURCE_DATE_EPOCH": "1777593600"])
        #expect(epoch.status == 1)
        #expect(try TestSupport.run(["build", "--site", root.path, "--output", root.appendingPathComponent("out").path, "--today", "2026-05-01"]).status == 1)
        #expect(try TestSupport.run(["check", "--site", root.path, "--today", "morgen"]).status == 2)
    }
}
