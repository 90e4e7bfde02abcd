import Foundation
import Testing
@testable import VorortCore

/// Themes load nothing from other hosts, however the markup, style sheet or script is written; the standard theme
/// also tells the browser so with a Content-Security-Policy.
@Suite("Theme external resources")
struct ThemeExternalResourceTests {
    /// A theme file with something on line 3 that must be reported at the column where `needle` starts.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var line: String
        var needle: String
        var testDescription: String { name }

        init(_ name: String, _ path: String, _ line: String, at needle: String) {
            self.name = name
            self.path = path
            self.line = line
            self.needle = needle
        }

        /// A line of a template.
        init(_ name: String, _ line: String, at needle: String) {
            self.init(name, "themes/t/templates/layout.mustache", line, at: needle)
        }

        var text: String {
            let opener = path.hasSuffix(".css") ? "/* Stil */\nbody { margin: 0 }\n"
                : path.hasSuffix(".js") ? "// Skript\n\"use strict\";\n" : "<!DOCTYPE html>\n<p>Vorher</p>\n"
            return opener + line + "\n<p>Nachher</p>\n"
        }

        /// 1-based column of `needle` in the line, in Unicode scalars.
        var column: Int {
            let range = line.range(of: needle)!
            return line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1
        }
    }

    static func findings(_ path: String, _ text: String) -> [Diagnostic] {
        ExternalResources.check(SourceFile(path: path, text: text)).filter { $0.rule == "external-resource" }
    }

    /// The 18 evasions of the security probe, each of which passed the old line-by-line check.
    static let evasions: [Case] = [
        Case("tab around src=", "<img src\t=\t\"https://evil.example/a.png\" alt=\"\">", at: "https://"),
        Case("spaces around src=", "<img src = \"https://evil.example/a.png\" alt=\"\">", at: "https://"),
        Case("upper-case attribute, unquoted value", "<IMG SRC=https://evil.example/a.png alt=\"\">", at: "https://"),
        Case("slash between tag name and attribute", "<img/src=\"//evil.example/a.png\" alt=\"\">", at: "//evil"),
        Case("https:/ with one slash", "<script src=\"https:/evil.example/a.js\"></script>", at: "https:/"),
        Case("https:\\\\ with backslashes", "<script src=\"HTTPS:\\\\evil.example\\a.js\"></script>", at: "HTTPS:"),
        Case("protocol-relative with backslashes", "<iframe src=\"\\\\evil.example/\"></iframe>", at: "\\\\evil"),
        Case("decimal character reference", "<img src=\"&#104;ttps://evil.example/a.png\" alt=\"\">", at: "&#104;"),
        Case("hexadecimal reference and named colon", "<img src=\"&#x68;ttps&colon;//evil.example/a.png\" alt=\"\">", at: "&#x68;"),
        Case("tab reference inside the scheme", "<link rel=\"stylesheet\" href=\"ht&Tab;tps://evil.example/a.css\">", at: "ht&Tab;"),
        Case("ping on a link", "<a href=\"/integration/\" ping=\"https://evil.example/track\">Start</a>", at: "https://evil"),
        Case("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", at: "https://"),
        Case("xlink:href on SVG image", "<svg><image xlink:href=\"https://evil.example/a.png\"/></svg>", at: "https://"),
        Case("CSS image-set", "themes/t/static/a.css", "div { background-image: image-set(\"https://evil.example/a.png\" 1x); }", at: "https://"),
        Case("CSS escape in url", "themes/t/static/a.css", "div { background: url(\\68 ttps://evil.example/a.png); }", at: "\\68"),
        Case("fetch", "themes/t/static/a.js", "fetch(\"https://evil.example/data.json\").then(r => r.json());", at: "https://"),
        Case("WebSocket", "themes/t/static/a.js", "const socket = new WebSocket(\"wss://evil.example/live\");", at: "wss://"),
        Case("img.src in a script", "themes/t/static/a.js", "const img = new Image(); img.src = '//evil.example/pixel.gif';", at: "//evil"),
        Case("dynamic import", "themes/t/static/a.js", "const module = await import(location.hash.slice(1));", at: "location"),
    ]

    /// More ways to load from elsewhere that the check knows.
    static let moreLoads: [Case] = [
        Case("form action", "<form action=\"https://evil.example/send\" method=\"post\"></form>", at: "https://"),
        Case("formaction", "<form><button formaction=\"//evil.example/\">Senden</button></form>", at: "//evil"),
        Case("link preload", "<link rel=\"preload\" as=\"font\" href=\"https://fonts.example/a.woff2\">", at: "https://"),
        Case("alternate stylesheet loads", "<link rel=\"alternate stylesheet\" href=\"https://evil.example/a.css\">", at: "https://"),
        Case("srcset second candidate", "<img src=\"a.png\" srcset=\"a.png 1x, https://evil.example/b.png 2x\" alt=\"\">", at: "https://"),
        Case("style attribute", "<div style=\"background:url(https://evil.example/a.png)\"></div>", at: "https://"),
        Case("style attribute with references", "<div style=\"background:url(&quot;https://evil.example/a.png&quot;)\"></div>", at: "https://"),
        Case("style element", "<style>@import 'https://evil.example/a.css';</style>", at: "https://"),
        Case("style element in SVG decodes references", "<svg><style>@import url(&#104;ttps://evil.example/a.css);</style></svg>", at: "&#104;"),
        Case("inline script string", "<script>var u = \"https://evil.example/a.js\";</script>", at: "https://"),
        Case("template literal", "<script>new WebSocket(`wss://${location.host}.evil.example/`);</script>", at: "wss://"),
        Case("event handler attribute", "<img src=\"a.png\" alt=\"\" onload=\"fetch('https://evil.example/')\">", at: "https://"),
        Case("SVG use", "<svg><use href=\"https://evil.example/sprite.svg#a\"></use></svg>", at: "https://"),
        Case("SVG feImage", "<svg><filter><feImage xlink:href=\"//evil.example/a.png\"/></filter></svg>", at: "//evil"),
        Case("base href", "<base href=\"https://evil.example/\">", at: "https://"),
        Case("srcdoc", "<iframe srcdoc=\"<img src=&quot;https://evil.example/a.png&quot;>\"></iframe>", at: "https://"),
        Case("Mustache section before an address", "<img src=\"{{#on}}https://evil.example/a.png{{/on}}\" alt=\"\">", at: "{{#on}}"),
        Case("Mustache section inside an attribute name", "<img {{#a}}s{{! x }}rc{{/a}}=\"https://evil.example/a.png\" alt=\"\">", at: "https://"),
        Case("attribute name vorort fills in", "<img {{name}}=\"https://evil.example/a.png\" alt=\"\">", at: "https://"),
        Case("tag name with a Mustache tag", "<img{{{textLang}}} src=\"https://evil.example/a.png\" alt=\"\">", at: "https://"),
        Case("ws scheme in a tag", "<script src=\"ws://evil.example/a.js\"></script>", at: "ws://"),
        Case("ftp scheme", "<img src=\"ftp://evil.example/a.png\" alt=\"\">", at: "ftp://"),
        Case("CSS url function with string", "themes/t/static/a.css", "@font-face { src: url( 'https://fonts.example/a.woff2' ) format('woff2'); }", at: "https://"),
        Case("CSS escaped url function", "themes/t/static/a.css", "div { background: u\\72l(https://evil.example/a.png); }", at: "https://"),
        Case("CSS escaped @import", "themes/t/static/a.css", "@\\69mport \"//evil.example/a.css\";", at: "//evil"),
        Case("CSS comments around", "themes/t/static/a.css", "div { background: url/**/(x); background: /* } */ url(https://evil.example/a.png); }", at: "https://"),
        Case("CSS -webkit-image-set", "themes/t/static/a.css", "div { background: -webkit-image-set('https://evil.example/a.png' 1x); }", at: "https://"),
        Case("script escapes", "themes/t/static/a.js", "var u = '\\x68ttps:\\/\\/evil.example/';", at: "\\x68"),
        Case("fetch with a computed address", "themes/t/static/a.js", "fetch(base + 'daten.json');", at: "base"),
        Case("fetch with an escaped name", "themes/t/static/a.js", "f\\u0065tch(address);", at: "address"),
        Case("EventSource", "themes/t/static/a.js", "new EventSource(stream);", at: "stream"),
        Case("sendBeacon", "themes/t/static/a.js", "navigator.sendBeacon(target, data);", at: "target"),
        Case("XMLHttpRequest", "themes/t/static/a.js", "var x = new XMLHttpRequest(); x.open('GET', where);", at: "where"),
        Case("SVG file", "themes/t/static/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/a.png\"/></svg>", at: "https://"),
        Case("SVG stylesheet instruction", "themes/t/static/a.svg", "<?xml-stylesheet href=\"https://evil.example/a.css\"?>", at: "https://"),
    ]

    @Test(arguments: evasions)
    func evasionIsReported(_ evasion: Case) {
        let findings = Self.findings(evasion.path, evasion.text)
        #expect(findings.count == 1, "\(findings)")
        let finding = findings.first
        #expect(finding?.location.line == 3)
        #expect(finding?.location.column == evasion.column, "\(String(describing: finding))")
        #expect(finding?.file == evasion.path)
        #expect(finding?.severity == .error)
        #expect(finding.map { !$0.message.isEmpty && !$0.hint.isEmpty } == true)
    }

    @Test(arguments: moreLoads)
    func loadIsReported(_ load: Case) {
        let findings = Self.findings(load.path, load.text)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.location.line == 3)
        #expect(findings.first?.location.column == load.column, "\(String(describing: findings.first))")
    }

    /// Links the reader follows, addresses within the site and what vorort fills in are no loads.
    static let allowed: [Case] = [
        Case("relative addresses", "<img src=\"bilder/a.png\" srcset=\"a.png 1x, /integration/b.png 2x\" alt=\"\"><script src=\"../a.js\"></script>", at: "<"),
        Case("assets URL", "<link rel=\"stylesheet\" href=\"{{assetsURL}}style.css\"><script src=\"{{assetsURL}}filter.js\" defer></script>", at: "<"),
        Case("variable address", "<img src=\"{{url}}\" alt=\"{{alt}}\">", at: "<"),
        Case("ordinary link", "<a href=\"https://www.example.org/\">Beispiel</a> <A HREF=https://www.example.org/>B</A>", at: "<"),
        Case("canonical and alternate", "<link rel=\"canonical\" href=\"https://www.example.org/\"><link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/en/\">", at: "<"),
        Case("mail and phone", "<a href=\"mailto:amt@example.org\">Mail</a> <a href=\"tel:+49123\">Telefon</a>", at: "<"),
        Case("data image", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">", at: "<"),
        Case("area link", "<map name=\"k\"><area href=\"https://www.example.org/\" alt=\"Karte\"></map>", at: "<"),
        Case("JSON-LD data block", "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\"}</script>", at: "<"),
        Case("address in a comment", "<!-- <img src=\"https://evil.example/a.png\"> -->", at: "<"),
        Case("address as text", "<p>Mehr unter https://www.example.org/ und //www.example.org</p>", at: "<"),
        Case("SVG namespace", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><a href=\"https://www.example.org/\">x</a></svg>", at: "<"),
        Case("Mustache comment", "{{! <img src=\"https://evil.example/a.png\"> }}", at: "{"),
        Case("Content-Security-Policy meta", "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">", at: "<"),
        Case("script comparison with a scheme", "<script>if (location.protocol === \"https:\") { go(\"a/b\") }</script>", at: "<"),
        Case("CSS within the site", "themes/t/static/a.css", "@import \"print.css\"; div { background: url(bild.png); content: \"https://x.example\"; }", at: "@"),
        Case("CSS fragment", "themes/t/static/a.css", "rect { fill: url(#verlauf); }", at: "r"),
        Case("CSS comment starts a path", "themes/t/static/a.css", "div { background: url(/**/https://evil.example/); }", at: "d"),
        Case("CSS broken url loads nothing", "themes/t/static/a.css", "div { background: url(/* x */https://evil.example/); }", at: "d"),
        Case("script within the site", "themes/t/static/a.js", "fetch(\"daten.json\"); import(\"./modul.js\"); /* https://www.example.org/ */", at: "f"),
        Case("script comment and regex", "themes/t/static/a.js", "var a = 4 / 2; var r = /https:\\/\\/x/; // https://www.example.org/", at: "v"),
    ]

    @Test(arguments: allowed)
    func allowedIsNotReported(_ allowed: Case) {
        #expect(Self.findings(allowed.path, allowed.text).isEmpty, "\(Self.findings(allowed.path, allowed.text))")
    }

    @Test func findingsPointAtTheValueOnItsLine() {
        let text = "<!DOCTYPE html>\n<p>Zeile 2</p>\n<p>Ünïcödé</p>  <img\n   alt=\"\"\n   src = \"https://evil.example/a.png\">\n"
        let findings = Self.findings("themes/t/templates/page.mustache", text)
        #expect(findings.count == 1)
        #expect(findings.first?.location == SourceLocation(line: 5, column: 11, endColumn: 11 + "https://evil.example/a.png".count))
        #expect(findings.first?.message.contains("`https://evil.example/a.png`") == true)
        #expect(findings.first?.hint.contains("Legen Sie") == true)
    }

    @Test func browserStorageIsStillReported() {
        let findings = ExternalResources.check(SourceFile(path: "themes/t/static/a.js", text: "// x\nlocalStorage.setItem('a', 'b');\n"))
        #expect(findings.map(\.rule) == ["browser-storage"])
        #expect(findings.first?.location.line == 2)
    }

    @Test func theStandardThemeFolderHasNoFindings() throws {
        let theme = TestSupport.packageRoot.appendingPathComponent("themes/standard")
        var checked = 0
        for folder in ["templates", "static"] {
            let url = theme.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let findings = ExternalResources.check(SourceFile(path: "themes/standard/\(folder)/\(name)", text: text))
                #expect(findings.isEmpty, "\(name): \(findings)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// Hostile files of about 1 MB: every scanner reads forward only, so each takes a fraction of a second,
    /// not the hours a rescan at every position would.
    @Test(.timeLimit(.minutes(1)))
    func hostileFilesAreReadInLinearTime() {
        let size = 1 << 20
        func repeated(_ piece: String) -> String { String(repeating: piece, count: size / piece.utf8.count) }
        let files: [(String, String)] = [
            ("themes/t/templates/a.mustache", repeated("<a")),
            ("themes/t/templates/b.mustache", repeated("{{")),
            ("themes/t/templates/c.mustache", repeated("<a href=")),
            ("themes/t/templates/d.mustache", repeated("<!--<!")),
            ("themes/t/templates/e.mustache", repeated("<iframe/srcdoc=")),
            ("themes/t/templates/f.mustache", repeated("<img src=//x ")),
            ("themes/t/templates/g.mustache", repeated("&#&x")),
            ("themes/t/templates/h.mustache", "<script>" + repeated("(`${'")),
            ("themes/t/templates/i.mustache", "<svg><style>" + repeated("url(&")),
            ("themes/t/templates/j.mustache", repeated("<script></")),
            ("themes/t/static/a.css", repeated("url(")),
            ("themes/t/static/b.css", repeated("image-set(\"")),
            ("themes/t/static/c.css", repeated("\\68 /*")),
            ("themes/t/static/a.js", repeated("fetch(")),
            ("themes/t/static/b.js", repeated("/[")),
            ("themes/t/static/c.js", repeated("x.open(a,")),
            ("themes/t/static/d.svg", "<!DOCTYPE svg [" + repeated("<!ENTITY e '")),
        ]
        let clock = ContinuousClock()
        for (path, text) in files {
            let elapsed = clock.measure { _ = ExternalResources.check(SourceFile(path: path, text: text)) }
            #expect(elapsed < .seconds(15), "\(path) took \(elapsed)")
        }
    }

    @Test func manyFindingsAreCountedNotListed() {
        let text = String(repeating: "<img src=\"https://evil.example/a.png\" alt=\"\">\n", count: 2_000)
        let findings = Self.findings("themes/t/templates/a.mustache", text)
        #expect(findings.count == DiagnosticCollector.maximumPerRule + 1)
        #expect(findings.last?.message.contains("Weitere 1950") == true)
    }

    /// Every page of the sample district tells the browser to load nothing from other origins.
    @Test func everyPageOfTheSampleCarriesTheContentSecurityPolicy() throws {
        let report = Pipeline.check(siteRoot: TestSupport.packageRoot)
        let site = try #require(report.site, "\(report.diagnostics.prefix(3))")
        var pages: Set<String> = []
        for file in try Pipeline.render(site, search: true) where file.path.hasSuffix(".html") {
            guard case .data(let data) = file.contents else { continue }
            let html = String(decoding: data, as: UTF8.self)
            pages.insert(file.path)
            // The policy forbids inline code: every script is a file of the site or a data block.
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/integration/") || $0.hasPrefix(" type=\"application/ld+json\">") }, "\(file.path)")
            #expect(!html.contains(" style=\""), "\(file.path): the policy forbids style attributes")
            guard let start = html.range(of: "<meta http-equiv=\"Content-Security-Policy\" content=\""),
                let end = html[start.upperBound...].firstIndex(of: "\"")
            else {
                Issue.record("\(file.path) has no Content-Security-Policy")
                continue
            }
            let policy = html[start.upperBound..<end]
            #expect(policy.hasPrefix("default-src 'self';"), "\(file.path)")
            #expect(policy.contains("object-src 'none'") && policy.contains("base-uri 'self'") && policy.contains("form-action 'self'"))
            #expect(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'") && !policy.contains("*"), "\(file.path)")
            // Right after the character set, before anything that loads.
            #expect(html[..<start.lowerBound].hasSuffix("<meta charset=\"utf-8\">\n"), "\(file.path)")
        }
        #expect(pages.count > 100)
        #expect(pages.isSuperset(of: ["index.html", "404.html", "suche/index.html", "angebote/index.html", "zahlen/index.html", "ar/suche/index.html"]))
    }

    @Test func theSearchPageHasNoInlineScript() throws {
        let search = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("themes/standard/templates/search.mustache"), encoding: .utf8)
        #expect(!search.contains("<script>"), "the policy forbids inline scripts")
        #expect(search.contains("<script src=\"{{assetsURL}}search.js\"></script>"))
    }
}
