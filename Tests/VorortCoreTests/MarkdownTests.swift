import Foundation
import Testing
@testable import VorortCore

@Suite("Markdown through cmark-gfm")
struct MarkdownTests {
    func render(_ text: String, firstLine: Int = 1, decide: (MarkdownReference) -> LinkDecision = { _ in .keep }) -> TestSupport.RenderedMarkdown {
        TestSupport.renderMarkdown(MarkdownSource(text: text, firstLine: firstLine), decide: decide)
    }

    @Test func gfmExtensionsAreOn() {
        let html = render("| A | B |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ und www.example.org\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>alt</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
    }

    @Test func rawHTMLNeverReachesTheOutput() {
        let result = render("Text <script>alert(1)</script>\n\n<iframe src=\"x\"></iframe>\n\n<img src=x onerror=alert(1)>\n", firstLine: 10)
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<iframe"))
        #expect(!result.html.contains("onerror"))
        #expect(result.omittedHTMLLines.contains(10))
    }

    @Test func dangerousSchemesAreBlankedEvenWithoutOurPolicy() {
        let html = render("[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html;base64,xx)\n").html
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:"))
    }

    /// `##` is h2 below the page title, as editors write it; a `#` (a second h1) is reported by the check.
    @Test func headingsKeepTheLevelEditorsWrote() {
        let html = render("## Zwei\n\n### Drei\n\n###### Sechs\n").html
        #expect(html.contains("<h2>Zwei</h2>"))
        #expect(html.contains("<h3>Drei</h3>"))
        #expect(html.contains("<h6>Sechs</h6>"))
    }

    @Test func linksAreRewrittenAndLocatedInTheSource() {
        var seen: [MarkdownReference] = []
        let html = render("Erste Zeile\nSiehe [Büro](../anlaufstellen/buero.md) und\n[Ämter](https://example.org).\n", firstLine: 7) { reference in
            seen.append(reference)
            return reference.url.hasSuffix(".md") ? .replace("/x/buero/") : .keep
        }.html
        #expect(html.contains("<a href=\"/x/buero/\">Büro</a>"))
        #expect(seen.count == 2)
        #expect(seen[0].location == SourceLocation(line: 8, column: 14, endColumn: 39))
        #expect(seen[1].location.line == 9)
        #expect(seen[1].location.column == 9)
    }

    @Test func linkPolicyClassifiesTargets() {
        let file = "content/gemeinden/dorf/angebote/x.md"
        #expect(LinkPolicy.classify("../anlaufstellen/a.md#zeiten", currentFile: file)
            == .contentFile(path: "content/gemeinden/dorf/anlaufstellen/a.md", fragment: "zeiten"))
        #expect(LinkPolicy.classify("/seiten/impressum.md", currentFile: file) == .contentFile(path: "content/seiten/impressum.md", fragment: nil))
        #expect(LinkPolicy.classify("/angebote/", currentFile: file) == .sitePath(path: "/angebote/", fragment: nil))
        #expect(LinkPolicy.classify("JaVa\tScript:alert(1)", currentFile: file) == .unsafe(scheme: "javascript"))
        #expect(LinkPolicy.classify("data:image/png;base64,AA", currentFile: file) == .unsafe(scheme: "data"))
        #expect(LinkPolicy.classify("mailto:a@b.de", currentFile: file) == .external("mailto:a@b.de"))
        #expect(LinkPolicy.classify("bild.png", currentFile: file) == .unsupportedRelative)
        #expect(LinkPolicy.normalise("content/../../etc/passwd") == "../etc/passwd")
    }

    /// Debian's cmark-gfm loses strikethrough when parsers run concurrently; the lock must keep every result right.
    @Test func concurrentRenderingKeepsExtensionsWorking() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    TestSupport.renderMarkdown(MarkdownSource(text: "a ~~b~~ c\n\n| x |\n|---|\n| y |\n", firstLine: 1))
                        .html.contains("<del>b</del>")
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
