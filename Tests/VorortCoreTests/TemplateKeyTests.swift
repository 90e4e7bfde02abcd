import Foundation
import Testing
@testable import VorortCore

/// Templates may only use keys their page provides: `vorort check` reports any other at its file and line, and the
/// keys each page kind declares are the ones its data really has.
@Suite("Template keys")
struct TemplateKeyTests {
    /// Replaces `old` with `new` in a template of the copied theme (exactly once).
    static func edit(_ root: URL, _ template: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent("themes/standard/templates/\(template).mustache")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "`\(old)` once in \(template)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func theShippedThemeUsesOnlyKeysItsPagesProvide() {
        let report = TestSupport.check(TestSupport.packageRoot)
        #expect(report.findings(TemplateKeyCheck.rule).isEmpty, "\(report.findings(TemplateKeyCheck.rule))")
    }

    @Test func aMisspeltKeyIsAnErrorAtItsLine() throws {
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        // offer.mustache line 3: `<h1{{{textLang}}}>{{title}}</h1>`
        try Self.edit(root, "offer", "<h1{{{textLang}}}>{{title}}</h1>", "<h1{{{textLang}}}>{{titel}}</h1>")
        let report = TestSupport.check(root)
        let finding = try #require(report.findings(TemplateKeyCheck.rule).first)
        #expect(report.findings(TemplateKeyCheck.rule).count == 1)
        #expect(finding.file == "themes/standard/templates/offer.mustache")
        #expect(finding.location.line == 3 && finding.location.column == 21)
        #expect(finding.severity == .error && finding.message.contains("`titel`") && finding.hint.contains("Meinten Sie `title`?"))
        #expect(report.site == nil || report.diagnostics.hasErrors, "a build would stop")
    }

    @Test func keysInSectionsAndPartialsResolveAgainstTheItemAndTheEnclosingContexts() throws {
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        // The offer card is included by several pages: one finding, naming them, at the partial's line.
        try Self.edit(root, "partial-offer-card", "{{owner.name}}{{#category}}", "{{owner.nmae}}{{#category}}")
        // Inside `{{#owners}}` the owner's `name` and the page's `title` are both there; `offers.title` is not.
        try Self.edit(root, "category", "<h2><a href=\"{{url}}\">{{name}}</a></h2>", "<h2><a href=\"{{url}}\">{{name}} {{title}} {{offers.title}}</a></h2>")
        // A word whose placeholder the page does not have (`{{name}}` on the offer directory).
        try Self.edit(root, "offer-directory", "<h1>{{title}}</h1>", "<h1>{{title}} {{t.offersIn}}</h1>")
        let findings = TestSupport.check(root).findings(TemplateKeyCheck.rule)
        #expect(findings.count == 3, "\(findings)")
        let card = try #require(findings.first { $0.file.hasSuffix("partial-offer-card.mustache") })
        #expect(card.location.line == 4 && card.message.contains("`municipality`") && card.message.contains("`category`"))
        #expect(card.hint.contains("Meinten Sie `owner.name`?"))
        let category = try #require(findings.first { $0.file.hasSuffix("category.mustache") })
        #expect(category.location.line == 7 && category.message.contains("`offers.title`"))
        let word = try #require(findings.first { $0.file.hasSuffix("offer-directory.mustache") })
        #expect(word.location.line == 2 && word.message.contains("{{t.offersIn}}") && word.message.contains("`name`"))
    }

    @Test func tagsAreReadAsTheTemplateEngineReadsThem() {
        let nodes = TemplateKeyCheck.parse("a {{ x }}\n{{#list}}{{{raw}}}{{^empty(items)}}{{/empty(items)}}{{/list}}{{=<% %>=}}<%y%>")
        guard nodes.count == 3, case .variable("x", [], let at) = nodes[0], case .section("list", [], false, _, let inner) = nodes[1],
              case .variable("y", [], _) = nodes[2]
        else { Issue.record("\(nodes)"); return }
        #expect(at == SourceLocation(line: 1, column: 3))
        guard inner.count == 2, case .variable("raw", [], _) = inner[0], case .section("items", ["empty"], true, _, _) = inner[1]
        else { Issue.record("\(inner)"); return }
    }

    /// Every key a data type declares must give a value on some page of the sample (in some language): a declared
    /// key that nothing provides would pass the check and still render as nothing.
    @Test func everyDeclaredKeyIsProvided() throws {
        // The sample plus what it happens not to have: a story with a picture, a district offer with dates and a
        // district contact point for some municipalities only.
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        let story = root.appendingPathComponent("content/kreis/geschichten/runder-tisch-integration.md")
        try String(contentsOf: story, encoding: .utf8).replacingOccurrences(of: "---\ntitle:", with: "---\nimage: {src: tisch.png, alt: \"Ein runder Tisch\"}\ntitle:")
            .write(to: story, atomically: true, encoding: .utf8)
        try Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABXvMqGgAAAABJRU5ErkJggg==")!
            .write(to: root.appendingPathComponent("content/kreis/geschichten/tisch.png"))
        let offer = root.appendingPathComponent("content/kreis/angebote/anerkennungsberatung.md")
        try String(contentsOf: offer, encoding: .utf8).replacingOccurrences(of: "---\ntitle:", with: "---\nrecurrence:\n  days: [Mo]\n  start: \"10:00\"\n  end: \"12:00\"\ntitle:")
            .write(to: offer, atomically: true, encoding: .utf8)
        let point = root.appendingPathComponent("content/kreis/anlaufstellen/jugendmigrationsdienst.md")
        try String(contentsOf: point, encoding: .utf8).replacingOccurrences(of: "---\nname:", with: "---\nareas: [auenstein, dornhagen]\nname:")
            .write(to: point, atomically: true, encoding: .utf8)
        let report = TestSupport.check(root)
        let site = try #require(report.site, "\(report.diagnostics.filter { $0.severity == .error })")
        var declared: Set<String> = []
        var provided: Set<String> = []
        func visit(_ value: Any) {
            if let list = value as? [Any] {
                for item in list { visit(item) }
                return
            }
            guard let data = value as? any TemplateData else { return }
            let type = String(describing: Swift.type(of: data))
            for name in Swift.type(of: data).keys.names {
                declared.insert("\(type).\(name)")
                guard let child = data.child(named: name) else { continue }
                provided.insert("\(type).\(name)")
                visit(child)
            }
        }
        for language in site.config.languages {
            let renderer = try #require(Pipeline.renderer(site, language: language, search: true))
            for kind in renderer.pages {
                let page = renderer.pageContent(kind)
                // Only listed page data is checked against its template.
                #expect(SiteRenderer.pageDataTypes.contains { $0 == type(of: page.data) }, "\(type(of: page.data)) is not in SiteRenderer.pageDataTypes")
                visit(page.data)
                visit(renderer.layoutData(page))
            }
        }
        #expect(declared.count > 100)
        #expect(declared.subtracting(provided).sorted() == [])
        // Every page kind's template is checked against its data.
        #expect(Set(SiteRenderer.pageDataTypes.map { $0.template }) == Set(Theme.requiredTemplates).subtracting(["layout"]))
    }
}
