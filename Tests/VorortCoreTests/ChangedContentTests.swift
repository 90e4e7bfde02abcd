import Foundation
import Testing
@testable import VorortCore

/// Rendering reads each body again from its file (the check keeps only its link decisions); a body that is no longer
/// the one checked must not be published.
@Suite("Bodies edited after the check")
struct ChangedContentTests {
    @Test func aBodyEditedAfterTheCheckStopsTheRender() throws {
        let root = try TestSupport.copyOfSample()
        defer { TestSupport.cleanUp(root) }
        let site = try #require(Pipeline.check(siteRoot: root).site)
        let offer = try #require(site.content.offers.first)
        let url = root.appendingPathComponent(offer.origin.file)
        try (String(contentsOf: url, encoding: .utf8) + "\n[Neu](../nirgends.md)\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: BuildError.contentChanged(offer.origin.file)) { _ = try Pipeline.render(site) }
        let route = try #require(site.index.routeByFile[offer.origin.file])
        #expect(throws: BuildError.contentChanged(offer.origin.file)) { _ = try Pipeline.renderPage(site, route: route) }
    }

}
