import Foundation
import Testing
@testable import VorortCore

/// Nothing on a page makes the browser contact another host or store data; links to other sites are marked.
@Suite("Data protection")
struct DataProtectionTests {
    @Test func templatesLoadingFromOtherHostsOrUsingStorageAreErrors() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let theme = root.appendingPathComponent("themes/standard")
        let layoutURL = theme.appendingPathComponent("templates/layout.mustache")
        var layout = try String(contentsOf: layoutURL, encoding: .utf8)
        layout = layout.replacingOccurrences(of: "</head>", with: """
            <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
            <script src="//cdn.example.com/x.js"></script>
            <script>localStorage.setItem("a", "b")</script>
            <a href="https://www.example.org/">ein gewöhnlicher Link</a>
            </head>
            """)
        try Data(layout.utf8).write(to: layoutURL)
        try Data("@import url(\"https://fonts.example.com/a.css\");\nbody { background: url(https://img.example.com/b.png); }\n".utf8)
            .write(to: theme.appendingPathComponent("static/extra.css"))
        let report = TestSupport.check(root)
        let external = report.findings("external-resource")
        #expect(external.filter { $0.file == "themes/standard/templates/layout.mustache" }.count == 2)
        #expect(external.filter { $0.file == "themes/standard/static/extra.css" }.map(\.location.line) == [1, 2])
        #expect(!external.contains { $0.message.contains("www.example.org") }, "an ordinary link is no resource")
        #expect(report.findings("browser-storage").count == 1)
        #expect(report.site == nil)
    }

    @Test func theStandardThemeIsClean() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("external-resource").isEmpty && report.findings("browser-storage").isEmpty)
    }

    @Test func externalLinksAreMarkedInternalOnesAreNot() {
        let html = ExternalLinks.mark(
            "<p><a href=\"https://example.org\">Beispiel</a> und <a href=\"/ankommen/angebote/\">Angebote</a> und <a href=\"mailto:a@b.de\">Mail</a></p>")
        #expect(html.contains("<a class=\"extern\" href=\"https://example.org\">Beispiel<span class=\"visually-hidden\"> (externer Link)</span></a>"))
        #expect(html.contains("<a href=\"/ankommen/angebote/\">Angebote</a>"))
        #expect(html.contains("<a href=\"mailto:a@b.de\">Mail</a>"))
        let own = ExternalLinks.mark("<a href=\"http://example.org/ankommen/x/\">x</a>", baseURL: "https://example.org/ankommen/")
        #expect(own == "<a href=\"http://example.org/ankommen/x/\">x</a>", "a link into the site itself is not external")
    }
}
