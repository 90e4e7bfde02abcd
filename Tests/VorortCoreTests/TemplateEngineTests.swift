import Foundation
import Mustache
import Testing
@testable import VorortCore

/// vorort's template engine (`TemplateProgram`, `TemplateRendering`) must write what swift-mustache writes for the
/// same template and data, byte for byte: every page of the sample, hand-picked corner cases of Mustache's
/// whitespace rules, and many generated templates.
@Suite("Template engine")
struct TemplateEngineTests {
    // MARK: Data for hand-written templates

    struct Item: TemplateData {
        var name: String
        var note: String?
        var tags: [String] = []
        var children: [Item] = []
        static let fields = TemplateFields<Item>([
            .text("name") { $0.name }, .text("note") { $0.note }, .texts("tags") { $0.tags }, .list("children") { $0.children },
        ])
    }

    final class Root: TemplateData {
        let title: String
        let count: Int
        let shown: Bool
        let hidden: Bool
        let items: [Item]
        let none: [Item]
        let words: [String]
        let owner: Item?
        let empty: String
        /// HTML as bytes, as a rendered body reaches the templates (`TemplateValue.html`), and an empty one.
        let markup: [UInt8]
        let noMarkup: [UInt8]
        let t: ThemeWords

        init(items: [Item], words: ThemeWords) {
            title = "A & B <\"quoted\"> 'x'"
            count = 3
            shown = true
            hidden = false
            self.items = items
            none = []
            self.words = ["eins", "zwei", "drei"]
            owner = Item(name: "Besitzer", note: "Notiz")
            empty = ""
            markup = Array("<p>A & „B“ 'x'</p>".utf8)
            noMarkup = []
            t = words
        }

        static let fields = TemplateFields<Root>([
            .text("title") { $0.title }, .number("count") { $0.count }, .flag("shown") { $0.shown }, .flag("hidden") { $0.hidden },
            .list("items") { $0.items }, .list("none") { $0.none }, .texts("words") { $0.words }, .object("owner") { $0.owner },
            .text("empty") { $0.empty }, .html("markup") { $0.markup }, .html("noMarkup") { $0.noMarkup }, .words("t") { $0.t },
        ])
    }

    static let root = Root(
        items: [
            Item(name: "Erstes", note: "mit Notiz", tags: ["a", "b"], children: [Item(name: "Kind")]),
            Item(name: "Zweites <b>", tags: []),
            Item(name: "Drittes", note: "", tags: ["c"]),
        ],
        words: ThemeWords(ThemeStrings(values: ["offersIn": "Angebote in {{name}}", "raw": "<b>{{title}}</b>", "broken": "a {{b"], months: [])))

    /// Both engines on the same templates (the first is rendered, the others are its partials).
    static func both(_ templates: [String: String], render name: String = "main") -> (mustache: String?, vorort: String?) {
        HTMLEscaping.registered
        var library = MustacheLibrary()
        for (key, source) in templates {
            guard (try? library.register(source, named: key)) != nil else { return (nil, nil) }
        }
        let mustache = library.render(root, withTemplate: name)
        let vorort = TemplateLibrary(sources: templates)?.render(root, template: name)
        return (mustache, vorort)
    }

    static let cases: [(String, [String: String])] = [
        ("variables and escaping", ["main": "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{shown}}|{{missing}}|{{owner.name}}|{{.owner.note}}"]),
        ("vorort's escaping", ["main": HTMLEscaping.pragma + "{{title}} {{owner.name}}"]),
        ("text content type", ["main": "{{% CONTENT_TYPE: TEXT}}\n{{title}}"]),
        ("sections over lists, flags, objects and text",
         ["main": "{{#items}}<li>{{name}}{{#note}} ({{.}}){{/note}}{{^last()}}, {{/last()}}</li>{{/items}}{{#shown}}S{{/shown}}{{#hidden}}H{{/hidden}}{{#owner}}{{name}}/{{title}}{{/owner}}{{#empty}}[{{.}}]{{/empty}}{{^empty}}E{{/empty}}"]),
        ("inverted sections", ["main": "{{^none}}keine{{/none}}{{^items}}x{{/items}}{{^missing}}fehlt{{/missing}}{{^hidden}}nicht{{/hidden}}{{^count}}0{{/count}}"]),
        ("transforms", ["main": "{{^empty(none)}}a{{/empty(none)}}{{#empty(none)}}b{{/empty(none)}}{{count(items)}}{{#first(items)}}{{name}}{{/first(items)}}{{#reversed(words)}}{{.}}{{/reversed(words)}}{{uppercased(title)}}{{plusone(count)}}{{#items}}{{index()}}{{#first()}}F{{/first()}}{{/items}}{{sorted(words)}}"]),
        ("lists of text and nested lists",
         ["main": "{{#items}}{{name}}:{{#tags}}{{.}}{{^last()}}+{{/last()}}{{/tags}}{{#children}}[{{name}} in {{title}}]{{/children}};{{/items}}{{words}}"]),
        ("standalone lines", ["main": "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n{{! comment }}\n  {{^none}}  \nleer\n{{/none}}\nEnde"]),
        ("indented partials", ["main": "<div>\n  {{> part}}\n    {{> part}}\n{{#items}}\n  {{> card}}\n{{/items}}\n</div>", "part": "a\nb\n", "card": "<p>\n{{name}}\n</p>\n"]),
        ("partial not standalone", ["main": "x {{> part}} y\n{{> missing}}\n", "part": "1\n2"]),
        ("inheritance", ["main": "{{<layout}}\n{{$main}}\n  <p>{{title}}</p>\n  {{#items}}{{name}}{{/items}}\n{{/main}}\n{{/layout}}\n",
                         "layout": "<html>\n  <body>\n    {{$main}}default{{/main}}\n  </body>\n  {{$other}}\n  other\n  {{/other}}\n</html>\n"]),
        ("words with placeholders", ["main": "{{#items}}{{t.offersIn}}|{{{t.offersIn}}}|{{#t.raw}}ignored{{/t.raw}}|{{t.broken}}{{/items}}"]),
        ("delimiters", ["main": "{{=<% %>=}}\n<%title%> {{title}}\n<%={{ }}=%>\n{{count}}"]),
        ("line endings", ["main": "a\r\n{{#items}}\r\n{{name}}\r\n{{/items}}\r\n  {{> part}}\r\nz", "part": "p\r\nq\r\n"]),
        ("HTML bytes as text", ["main": "{{markup}}|{{{markup}}}|{{#markup}}[{{.}}]{{/markup}}{{^markup}}-{{/markup}}{{#noMarkup}}[{{.}}]{{/noMarkup}}{{^noMarkup}}leer{{/noMarkup}}|{{uppercased(markup)}}|{{#empty(noMarkup)}}E{{/empty(noMarkup)}}"]),
        ("HTML bytes with vorort's escaping", ["main": HTMLEscaping.pragma + "{{markup}}|{{{markup}}}|{{#markup}}{{.}}{{/markup}}"]),
        ("dotted names and the stack", ["main": "{{#owner}}{{note}}|{{count}}|{{owner.name}}{{/owner}}{{#items}}{{owner.note}}{{/items}}|{{items.name}}|{{.}}"]),
    ]

    @Test("hand-picked templates are rendered as swift-mustache renders them", arguments: cases.indices)
    func handPicked(index: Int) {
        let (name, templates) = Self.cases[index]
        let (mustache, vorort) = Self.both(templates)
        #expect(mustache != nil, "swift-mustache reads \(name)")
        #expect(vorort == mustache, "\(name)")
    }

    /// A type's fields are found through a hash table: every field by its name, of two with one name the first (as
    /// the search in declaration order found it), and a name the type does not have is nil, however many fields.
    @Test("fields are found by name, the first of two with one name, none for a missing name")
    func fieldsAreFoundByName() {
        for count in [0, 1, 7, 8, 9, 40, 100] {
            var declared: [TemplateField<Int>] = (0..<count).map { index in .number("f\(index)") { $0 + index } }
            declared.append(.number("f0") { _ in -1 })
            let fields = TemplateFields<Int>(declared)
            for index in 0..<count {
                guard case .number(let value)? = fields.value(TemplateKey("f\(index)"), of: 1000) else {
                    Issue.record("f\(index) of \(count) not found")
                    continue
                }
                #expect(value == 1000 + index)
            }
            if count == 0 {
                guard case .number(let value)? = fields.value(TemplateKey("f0"), of: 0) else { Issue.record("f0 alone not found"); continue }
                #expect(value == -1)
            }
            #expect(fields.value(TemplateKey("missing"), of: 0) == nil)
            #expect(fields.value(TemplateKey("f\(count + 1)"), of: 0) == nil)
        }
    }

    @Test("a partial named at render time is left to swift-mustache")
    func dynamicPartialsAreNotRead() {
        #expect(TemplateProgram.parse("{{>*name}}") == nil)
        #expect(TemplateProgram.parse("{{#a}}x{{/b}}") == nil, "a section closed under another name is no template")
        #expect(TemplateProgram.parse("{{#a}}x") == nil)
    }

    /// Templates put together from pieces that stress the parser's whitespace rules (blank runs, line breaks, tags
    /// alone on their line, indented partials and blocks), sections nested and closed, with a fixed seed.
    static func generatedTemplate(depth: Int, using generator: inout FuzzTests.Generator) -> String {
        let leaves = [
            "\n", "\n", "  ", "\t", "text", " ", "\r\n", "{{title}}", "{{{title}}}", "{{count}}", "{{! note }}", "{{> part}}", "{{name}}",
            "{{.}}", "{{t.offersIn}}", "{{missing}}", "{{owner.name}}",
        ]
        let sections = ["items", "none", "shown", "hidden", "owner", "tags", "empty", "last()", "empty(none)", "$block"]
        return (0..<Int.random(in: 1...10, using: &generator)).map { _ in
            guard depth < 3, Int.random(in: 0..<4, using: &generator) == 0 else { return leaves.randomElement(using: &generator)! }
            let name = sections.randomElement(using: &generator)!
            let opening = name.hasPrefix("$") ? "{{\(name)}}" : "{{\(Bool.random(using: &generator) ? "#" : "^")\(name)}}"
            let closing = "{{/\(name.hasPrefix("$") ? String(name.dropFirst()) : name)}}"
            let around = ["", "\n", "  ", "\n  "]
            return around.randomElement(using: &generator)! + opening + around.randomElement(using: &generator)!
                + generatedTemplate(depth: depth + 1, using: &generator) + around.randomElement(using: &generator)! + closing
        }.joined()
    }

    @Test("generated templates are rendered as swift-mustache renders them")
    func generated() {
        var generator = FuzzTests.Generator(state: 11)
        var compared = 0
        for _ in 0..<800 {
            let main = Self.generatedTemplate(depth: 0, using: &generator)
            // A partial that includes itself would never end, in either engine (the theme's check refuses cycles).
            let part = Self.generatedTemplate(depth: 2, using: &generator).replacingOccurrences(of: "{{> part}}", with: "")
            let (mustache, vorort) = Self.both(["main": main, "part": part])
            guard let mustache else { continue }
            compared += 1
            #expect(vorort == mustache, "\(main.debugDescription) with part \(part.debugDescription)")
        }
        #expect(compared > 600, "most generated templates are valid, so they are compared")
    }

    // MARK: The sample

    @Test("every page of the sample in every language is rendered as swift-mustache renders it")
    func everySamplePage() throws {
        let site = try #require(SinglePageRenderTests.sample)
        var pages = 0
        for language in site.config.languages {
            let renderer = try #require(Pipeline.renderer(site, language: language, search: true))
            #expect(site.theme.engines[language.code] != nil, "the standard theme is rendered by vorort's engine in \(language.code)")
            for kind in renderer.pages {
                let page = renderer.pageContent(kind)
                let root = PageRoot(page: page.data, layout: renderer.layoutData(page))
                let template = type(of: page.data).template
                let vorort = try site.theme.render(root, template: template, language: language.code)
                let mustache = try site.theme.renderWithMustache(root, template: template, language: language.code)
                #expect(vorort == mustache, "\(language.code) \(kind)")
                pages += 1
            }
        }
        #expect(pages > 900)
    }
}
