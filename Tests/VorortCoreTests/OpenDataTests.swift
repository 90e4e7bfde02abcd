import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VorortCore

/// The open-data exports of the sample: `angebote.json` against its schema, and the Atom feed of stories.
@Suite("Open data")
struct OpenDataTests {
    static let files: [String: String] = {
        guard let site = Pipeline.check(siteRoot: TestSupport.packageRoot).site, let rendered = try? Pipeline.render(site) else { return [:] }
        var files: [String: String] = [:]
        for file in rendered { if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) } }
        return files
    }()

    @Test func offersJSONHasEveryOfferAndMatchesTheSchema() throws {
        let json = try #require(Self.files[OpenData.offersFile])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let offers = try #require(object["offers"] as? [[String: Any]])
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        #expect(offers.count == site.content.offers.count)
        #expect(Set(offers.compactMap { $0["id"] as? String }).count == offers.count, "ids are unique")
        // The schema is checked by the jsonschema package (installed by .ci/run) on the file as written.
        let folder = TestSupport.temporaryFolder("vorort-json")
        defer { TestSupport.cleanUp(folder) }
        let file = folder.appendingPathComponent("angebote.json")
        try Data(json.utf8).write(to: file)
        let schema = TestSupport.packageRoot.appendingPathComponent("docs/angebote.schema.json").path
        let result = try TestSupport.python("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, [schema, file.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func atomFeedIsWellFormedAndListsEveryStory() throws {
        let feed = try #require(Self.files[OpenData.storiesFeed])
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        #expect(feed.components(separatedBy: "<entry>").count - 1 == site.content.stories.count)
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://www.landkreis-lindenbrueck.de/integration/geschichten/feed.xml\"/>"))
    }

    @Test func structuredDataOnOfferContactAndStoryPages() throws {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        func jsonLD(_ path: String) throws -> [String: Any] {
            let html = try #require(Self.files[path])
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        }
        let offer = try #require(site.content.offers.first { $0.contact != nil })
        let service = try jsonLD(Routes.outputFile(for: Routes.offer(offer)))
        #expect(service["@type"] as? String == "GovernmentService")
        #expect(service["name"] as? String == offer.title)
        let channels = try #require(service["availableChannel"] as? [[String: Any]])
        #expect(channels.contains { ($0["serviceLocation"] as? [String: Any])?["@type"] as? String == "GovernmentOffice" })
        let point = try #require(site.content.contactPoints.first { !$0.openingHours.isEmpty })
        let office = try jsonLD(Routes.outputFile(for: Routes.contactPoint(point)))
        #expect(office["@type"] as? String == "GovernmentOffice")
        #expect(office["openingHours"] as? [String] == point.openingHours)
        #expect((office["address"] as? [String: Any])?["postalCode"] as? String == point.address.postalCode)
        let story = try #require(site.content.stories.first)
        #expect(try jsonLD(Routes.outputFile(for: Routes.story(story)))["headline"] as? String == story.title)
    }

    @Test func exportsEscapeWhatEditorsWrite() throws {
        let root = try TestSupport.minimalSite(replacing: [
            "content/gemeinden/dorf/angebote/sprachcafe.md": "---\ntitle: \"</script><x y=\\\"\\\"> & ]]>\"\ncategory: Sprache\nsummary: \"\\\"quoted\\\" <b>\"\nreviewed: 2026-02-01\ncontact: beratung\n---\nText\n",
            "content/kreis/geschichten/fest.md": "---\ntitle: \"<![CDATA[ & </title>\"\ndate: 2026-03-01\nsummary: \"a < b & c\"\n---\nText\n",
        ])
        defer { TestSupport.cleanUp(root) }
        let site = try #require(TestSupport.check(root).site)
        var files: [String: String] = [:]
        for file in try Pipeline.render(site) { if case .data(let data) = file.contents { files[file.path] = String(decoding: data, as: UTF8.self) } }
        let json = try #require(files[OpenData.offersFile])
        let offers = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["offers"] as? [[String: Any]])
        #expect(offers.first?["title"] as? String == "</script><x y=\"\"> & ]]>")
        let page = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(!page.contains("</script><x"), "JSON-LD cannot be closed by a title")
        let feed = try #require(files[OpenData.storiesFeed])
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(!feed.contains("<![CDATA[ &"))
    }
}
