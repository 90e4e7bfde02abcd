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

    /// The export is written by `PrettyJSON`; JSONEncoder, whose output it reproduces, is the oracle: every
    /// optional present and absent, empty lists, and text with every character JSON escapes.
    @Test func offersAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var generator = FuzzTests.Generator(state: 7)
        let pool = ["a", "ä", "/", "\\", "\"", "\u{8}", "\u{C}", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "😀", "</", "&", " "]
        func text() -> String { (0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined() }
        func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
        func list() -> [String] { (0..<Int.random(in: 0...2, using: &generator)).map { _ in text() } }
        for _ in 0..<300 {
            let contact = OpenData.ContactExport(name: text(), organisation: text(), url: text(), street: text(), postalCode: text(), city: text(),
                                                 phone: maybe(), telephone: Bool.random(using: &generator) ? list() : nil, email: maybe(),
                                                 website: maybe(), openingHours: list())
            let offer = OpenData.OfferExport(
                id: text(), title: text(), summary: text(), url: text(),
                category: Bool.random(using: &generator) ? OpenData.CategoryExport(Category(slug: text(), label: text(), group: text())) : nil,
                provider: OpenData.ProviderExport(id: text(), name: text(), url: text()),
                areas: Bool.random(using: &generator) ? list() : nil, audience: maybe(), languages: list(), schedule: maybe(), place: maybe(),
                cost: maybe(), accessibility: maybe(), contactPoint: Bool.random(using: &generator) ? contact : nil, reviewed: text(), language: text())
            var json = PrettyJSON()
            offer.write(into: &json)
            let expected = try encoder.encode(offer)
            #expect(json.bytes == Array(expected), "\(String(decoding: json.bytes, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
        }
        // The whole document, as JSONEncoder writes it in one piece.
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        let written = try #require(Self.files[OpenData.offersFile])
        struct Document: Decodable { var offers: [Offer] ; struct Offer: Decodable { var id: String } }
        #expect(try JSONDecoder().decode(Document.self, from: Data(written.utf8)).offers.count == site.content.offers.count)
        #expect(written.hasSuffix("\n  ],\n  \"schemaVersion\" : 1,\n  \"site\" : \"https:\\/\\/www.landkreis-lindenbrueck.de\\/integration\\/\"\n}\n"))
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
