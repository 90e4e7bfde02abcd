import Foundation
import Testing
@testable import VorortCore

@Suite("Loading files")
struct LoaderTests {
    @Test func symbolicLinksAreRefusedAndNeverFollowed() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/seiten"), withIntermediateDirectories: true)
        let secret = root.appendingPathComponent("geheim.txt")
        try Data("---\ntitle: geheim\n---\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("content/seiten/link.md"), withDestinationURL: secret)
        let report = TestSupport.check(root)
        #expect(report.findings("symlink").map(\.file) == ["content/seiten/link.md"])
        #expect(report.site == nil)
    }

    @Test func invalidUTF8IsReportedAtItsLine() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/seiten"), withIntermediateDirectories: true)
        var bytes = Data("---\ntitle: A\nsummary: B\n".utf8)
        bytes.append(contentsOf: [0x66, 0xFC, 0x72, 0x0A])  // "für" in Latin-1 on line 4
        bytes.append(Data("---\n".utf8))
        try bytes.write(to: root.appendingPathComponent("content/seiten/latin1.md"))
        let report = TestSupport.check(root)
        let finding = try #require(report.findings("encoding").first)
        #expect(finding.location.line == 4)
        #expect(finding.hint.contains("UTF-8"))
    }

    @Test func byteOrderMarkAndCRLFAreNormal() throws {
        let root = try TestSupport.minimalSite(extra: [
            "content/seiten/windows.md": "\u{FEFF}---\r\ntitle: Von Windows\r\nsummary: Mit CRLF\r\n---\r\nText mit [Link](/angebote/).\r\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(report.site?.content.pages.first { $0.slug == "windows" })
        #expect(page.title == "Von Windows")
    }

    @Test func strayFilesAndOversizedFilesAreFindings() throws {
        let big = String(repeating: "Ein langer Satz über das Ankommen. ", count: 70_000)
        let root = try TestSupport.minimalSite(extra: [
            "content/gemeinden/dorf/notizen.txt": "Notiz",
            "content/gemeinden/dorf/termine/fest.md": "---\ntitle: Fest\n---\n",
            "content/seiten/riesig.md": "---\ntitle: Riesig\n---\n" + big,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(Set(report.findings("unexpected-file").map(\.file))
            == ["content/gemeinden/dorf/notizen.txt", "content/gemeinden/dorf/termine/fest.md"])
        #expect(report.findings("file-too-large").map(\.file) == ["content/seiten/riesig.md"])
    }

    @Test func missingSiteFilesAreReported() throws {
        let root = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(Set(report.findings("missing-file").map(\.file)) == ["site.yml", "content"])
        #expect(report.diagnostics.hasErrors)
    }

    @Test func themeProblemsAreFindingsOfTheTemplate() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let templates = root.appendingPathComponent("themes/standard/templates")
        try FileManager.default.removeItem(at: templates.appendingPathComponent("story.mustache"))
        try Data("{{#title}}offen\n".utf8).write(to: templates.appendingPathComponent("page.mustache"))
        let report = TestSupport.check(root)
        #expect(report.findings("template-missing").map(\.file) == ["themes/standard/templates/story.mustache"])
        #expect(report.findings("template-syntax").map(\.file) == ["themes/standard/templates/page.mustache"])
    }
}

@Suite("Theme safety")
struct ThemeSafetyTests {
    @Test func templatesThatIncludeThemselvesAreFindingsNotCrashes() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let templates = root.appendingPathComponent("themes/standard/templates")
        try Data("{{> partial-b}}".utf8).write(to: templates.appendingPathComponent("partial-a.mustache"))
        try Data("{{> partial-a}}".utf8).write(to: templates.appendingPathComponent("partial-b.mustache"))
        try Data("{{<layout}}{{$main}}{{> partial-a}}{{/main}}{{/layout}}".utf8).write(to: templates.appendingPathComponent("page.mustache"))
        let report = TestSupport.check(root)
        let cycle = try #require(report.findings("template-syntax").first)
        #expect(cycle.message.contains("partial-a → partial-b → partial-a"))
        #expect(report.site == nil)
    }

    @Test func theStandardThemeHasNoCycles() {
        #expect(Theme.cycles(in: ["a": "{{> b}} {{ x }}", "b": "{{<c}}{{/c}}", "c": "text"], folder: "t").isEmpty)
        #expect(Theme.references(in: "{{> partial-offer-card}} {{#x}}{{< layout}}{{/x}}") == ["partial-offer-card", "layout"])
    }
}
