import Foundation
import Testing
@testable import VorortCore

/// Pictures beside the texts that use them, in every folder of texts: published at their place, with `width` and
/// `height` from the file, one message for each mistake (a format browsers cannot show, a picture too large).
struct PictureTests {
    typealias B = PictureBytes

    static let offer = "content/gemeinden/dorf/angebote/sprachcafe.md"

    static func offerText(_ body: String) -> String {
        "---\ntitle: Sprachcafé\ncategory: Sprache\nsummary: Deutsch sprechen.\nreviewed: 2026-02-01\ncontact: beratung\n---\n\(body)\n"
    }

    static let siteWithEnglish = TestSupport.minimalFiles["site.yml"]! + "languages:\n  - {code: en, name: English}\n"

    /// A minimal site with the given texts and binary pictures.
    static func site(texts: [String: String], pictures: [String: [UInt8]], replacing: [String: String] = [:]) throws -> URL {
        let root = try TestSupport.minimalSite(extra: texts, replacing: replacing)
        for (path, bytes) in pictures { try Data(bytes).write(to: root.appendingPathComponent(path)) }
        return root
    }

    static func outputPaths(_ report: CheckReport) throws -> Set<String> {
        let site = try #require(report.site, "\(report.diagnostics)")
        return Set(try Pipeline.render(site).map(\.path))
    }

    @Test func aPictureBesideAnOfferIsPublishedWithItsSizeAlsoInTheTranslation() throws {
        let root = try Self.site(texts: [
            Self.offer: Self.offerText("Wir treffen uns hier:\n\n![Der Raum im Gemeindehaus](raum.png)\n"),
            "content/gemeinden/dorf/angebote/sprachcafe.en.md":
                "---\ntitle: Language café\nsummary: Speak German.\nreviewed: 2026-02-01\n---\nWe meet here:\n\n![The room in the community hall](raum.png)\n",
        ], pictures: ["content/gemeinden/dorf/angebote/raum.png": B.png(800, 600)], replacing: ["site.yml": Self.siteWithEnglish])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try Self.outputPaths(report).contains("gemeinden/dorf/angebote/raum.png"))
        let files = try TestSupport.renderedFiles(root)
        let german = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(german.contains(#"<img src="/ankommen/gemeinden/dorf/angebote/raum.png" alt="Der Raum im Gemeindehaus" width="800" height="600" />"#))
        let english = try #require(files["en/gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(english.contains(#"<img src="/ankommen/gemeinden/dorf/angebote/raum.png" alt="The room in the community hall" width="800" height="600" />"#))
    }

    @Test func everyFolderOfTextsMayHoldItsPicturesInEveryFormat() throws {
        let root = try Self.site(texts: [
            "content/seiten/impressum.md": "---\ntitle: Impressum\n---\nLandkreis Test, Kreishaus 1.\n\n![Lageplan des Kreishauses](lageplan.gif)\n",
            "content/gemeinden/dorf/index.md":
                "---\nname: Dorf\nkind: Gemeinde\nsummary: Ein Dorf.\neditor: {name: Gemeindebüro Dorf}\n---\nWillkommen im Dorf.\n\n![Das Rathaus](rathaus.webp)\n",
            "content/kreis/index.md":
                "---\ntitle: Willkommen\nsummary: Alles zum Ankommen.\neditor: {name: Integrationsbüro}\n---\nEinleitung. ![Das Kreishaus](kreishaus.jpeg)\n",
            "content/gemeinden/dorf/geschichten/fest.md":
                "---\ntitle: Ein Fest\ndate: 2026-05-01\nsummary: Alle feiern.\nimage: {src: fest.jpg, alt: Menschen feiern}\n---\nEs war schön.\n",
        ], pictures: [
            "content/seiten/lageplan.gif": B.gif(320, 240),
            "content/gemeinden/dorf/rathaus.webp": B.webPLossy(1200, 900),
            "content/kreis/kreishaus.jpeg": B.jpeg(1600, 1200, before: B.exif(orientation: 6, bigEndian: true)),
            "content/gemeinden/dorf/geschichten/fest.jpg": B.jpeg(1024, 768),
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let paths = try Self.outputPaths(report)
        for picture in ["seiten/lageplan.gif", "gemeinden/dorf/rathaus.webp", "kreis/kreishaus.jpeg", "gemeinden/dorf/geschichten/fest.jpg"] {
            #expect(paths.contains(picture), "\(picture)")
        }
        let files = try TestSupport.renderedFiles(root)
        #expect(files["seiten/impressum/index.html"]?.contains(#"src="/ankommen/seiten/lageplan.gif" alt="Lageplan des Kreishauses" width="320" height="240" />"#) == true)
        #expect(files["gemeinden/dorf/index.html"]?.contains(#"src="/ankommen/gemeinden/dorf/rathaus.webp" alt="Das Rathaus" width="1200" height="900" />"#) == true)
        // Turned by EXIF: browsers show it upright, 1200 wide.
        #expect(files["index.html"]?.contains(#"src="/ankommen/kreis/kreishaus.jpeg" alt="Das Kreishaus" width="1200" height="1600" />"#) == true)
        let story = try #require(files["gemeinden/dorf/geschichten/fest/index.html"])
        #expect(story.contains(#"<img class="story-image" src="/ankommen/gemeinden/dorf/geschichten/fest.jpg" alt="Menschen feiern" width="1024" height="768">"#))
    }

    @Test func aPictureWhoseSizeCannotBeReadIsPublishedWithoutSize() throws {
        let cut = Array(B.jpeg(1600, 1200).prefix(30))
        let root = try Self.site(texts: [
            Self.offer: Self.offerText("![Der Raum](raum.jpg) und ![Der Garten](garten.png)"),
            "content/gemeinden/dorf/geschichten/fest.md":
                "---\ntitle: Ein Fest\ndate: 2026-05-01\nsummary: Alle feiern.\nimage: {src: fest.jpg, alt: Menschen feiern}\n---\nEs war schön.\n",
        ], pictures: [
            "content/gemeinden/dorf/angebote/raum.jpg": cut,
            "content/gemeinden/dorf/angebote/garten.png": B.png(640, 480),
            "content/gemeinden/dorf/geschichten/fest.jpg": cut,
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let files = try TestSupport.renderedFiles(root)
        let page = try #require(files["gemeinden/dorf/angebote/sprachcafe/index.html"])
        #expect(page.contains(#"<img src="/ankommen/gemeinden/dorf/angebote/raum.jpg" alt="Der Raum" />"#))
        #expect(page.contains(#"<img src="/ankommen/gemeinden/dorf/angebote/garten.png" alt="Der Garten" width="640" height="480" />"#))
        let story = try #require(files["gemeinden/dorf/geschichten/fest/index.html"])
        #expect(story.contains(#"<img class="story-image" src="/ankommen/gemeinden/dorf/geschichten/fest.jpg" alt="Menschen feiern">"#))
    }

    @Test func aHEICPhotoGivesExactlyOneFinding() throws {
        let root = try Self.site(texts: [
            Self.offer: Self.offerText("So sieht es aus:\n\n![Der Raum](IMG_0042.HEIC)\n\nGroß: [Foto](IMG_0044.heic)\n"),
        ], pictures: [
            "content/gemeinden/dorf/angebote/IMG_0042.HEIC": [0, 0, 0, 0x18] + Array("ftypheic".utf8),
            "content/gemeinden/dorf/angebote/IMG_0043.heic": [0, 0, 0, 0x18] + Array("ftypheic".utf8),
            "content/gemeinden/dorf/angebote/IMG_0044.heic": [0, 0, 0, 0x18] + Array("ftypheic".utf8),
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let used = report.diagnostics.filter { $0.file.hasSuffix("IMG_0042.HEIC") || $0.message.contains("IMG_0042") }
        #expect(used.map(\.rule) == ["unshowable-image"], "\(report.diagnostics)")
        #expect(used.first?.file == Self.offer)
        #expect(used.first?.location.line == 10)
        let unused = report.diagnostics.filter { $0.file.hasSuffix("IMG_0043.heic") }
        #expect(unused.map(\.rule) == ["unused-file"], "\(report.diagnostics)")
        #expect(unused.first?.hint.contains("`IMG_0043.jpg`") == true)
        // A link to such a file would publish what browsers cannot open: the same one finding.
        let linked = report.diagnostics.filter { $0.file.hasSuffix("IMG_0044.heic") || $0.message.contains("IMG_0044") }
        #expect(linked.map(\.rule) == ["unshowable-image"], "\(report.diagnostics)")
        #expect(linked.first?.location.line == 12)
        #expect(report.diagnostics.count == 3, "\(report.diagnostics)")
    }

    /// A phone photo of 3.5 MB: a warning with its size where it is first used, once however often it is used.
    @Test func aLargePictureIsAWarningWithItsSizeAtItsFirstUse() throws {
        let photo = B.jpeg(4032, 3024) + [UInt8](repeating: 0x55, count: 3_500_000 - B.jpeg(4032, 3024).count)
        let root = try Self.site(texts: [
            Self.offer: Self.offerText("Wir treffen uns hier.\n\nIm Raum: ![Der Raum](raum.jpg)\n\nNoch einmal: ![Der Raum](raum.jpg)\n"),
            "content/gemeinden/dorf/angebote/sprachcafe.en.md":
                "---\ntitle: Language café\nsummary: Speak German.\nreviewed: 2026-02-01\n---\n![The room](raum.jpg)\n",
        ], pictures: [
            "content/gemeinden/dorf/angebote/raum.jpg": photo,
            "content/gemeinden/dorf/angebote/alt.jpg": photo,
        ], replacing: ["site.yml": Self.siteWithEnglish])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        let large = report.findings("large-image")
        #expect(large.count == 1, "\(report.diagnostics)")
        let warning = try #require(large.first)
        #expect(warning.severity == .warning)
        #expect(warning.file == Self.offer)
        #expect(warning.location.line == 10)
        #expect(warning.location.column == 22, "at the file name in `Im Raum: ![Der Raum](raum.jpg)`")
        #expect(warning.message.contains("`raum.jpg`"))
        #expect(warning.message.contains("3,5 MB"))
        #expect(warning.message.contains("4032 × 3024 Pixel"))
        #expect(warning.hint.contains("1600 Pixel Breite"))
        #expect(warning.hint.contains("JPEG"))
        // The unused copy is not published: only that is said about it.
        #expect(report.diagnostics.filter { $0.file.hasSuffix("alt.jpg") }.map(\.rule) == ["unused-file"])
        #expect(report.diagnostics.count == 2, "\(report.diagnostics)")
        // A warning: the picture is published all the same, with its size.
        let files = try TestSupport.renderedFiles(root)
        #expect(files["gemeinden/dorf/angebote/sprachcafe/index.html"]?.contains(#"width="4032" height="3024""#) == true)
    }

    @Test func aLargeStoryPictureIsReportedAtItsSource() throws {
        let photo = B.png(1200, 5000) + [UInt8](repeating: 0, count: 1_200_000)
        let root = try Self.site(texts: [
            "content/gemeinden/dorf/geschichten/fest.md":
                "---\ntitle: Ein Fest\ndate: 2026-05-01\nsummary: Alle feiern.\nimage: {src: plakat.png, alt: Das Plakat}\n---\n![Das Plakat](plakat.png)\n",
        ], pictures: ["content/gemeinden/dorf/geschichten/plakat.png": photo])
        defer { TestSupport.cleanUp(root) }
        let large = TestSupport.check(root).findings("large-image")
        #expect(large.count == 1)
        #expect(large.first?.location.line == 5)
        #expect(large.first?.location.column == 14)
        #expect(large.first?.message.contains("1,2 MB") == true)
        #expect(large.first?.hint.contains("1600 Pixel Höhe") == true)
    }

    @Test func picturesOutsideTheFoldersOfTextsAreNotPublished() throws {
        let root = try Self.site(texts: [:], pictures: [
            "content/gemeinden/foto.jpg": B.jpeg(10, 10),
            "content/foto.png": B.png(10, 10),
        ])
        defer { TestSupport.cleanUp(root) }
        let report = TestSupport.check(root)
        #expect(report.findings("unexpected-file").map(\.file).sorted() == ["content/foto.png", "content/gemeinden/foto.jpg"])
        #expect(try !Self.outputPaths(report).contains { $0.hasSuffix("foto.jpg") || $0.hasSuffix("foto.png") })
    }

    @Test func sizesGoToTheImagesCmarkWrites() {
        let png = PixelSize(width: 4, height: 3)
        // A picture inside another picture's description is plain text: only the outer one is an `<img>`.
        let source = MarkdownSource(text: "![a ![b](b.png) c](a.png) and ![d](d.png \"Titel />\")\n"[...], firstLine: 1)
        let rendered = TestSupport.renderMarkdown(source) { reference in
            reference.url == "b.png" ? .keep : .picture("/" + reference.url, png)
        }
        #expect(rendered.html.contains(#"<img src="/a.png" alt="a b c" width="4" height="3" />"#), "\(rendered.html)")
        #expect(rendered.html.contains(#"<img src="/d.png" alt="d" title="Titel /&gt;" width="4" height="3" />"#), "\(rendered.html)")
        #expect(BodyHTML.addSizes([png], to: "<p>kein Bild</p>") == "<p>kein Bild</p>", "counts differ: nothing written")
    }

    /// A picture added, then exported again in another size: the preview's update gives the same as a full build.
    @Test func theIncrementalBuildFollowsPicturesAddedAndReplaced() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        var site = try IncrementalSite(siteRoot: root, today: CalendarDate(year: 2026, month: 6, day: 1)!)
        let picture = "content/gemeinden/dorf/angebote/raum.png"
        try Data(B.png(800, 600)).write(to: root.appendingPathComponent(picture))
        try TestSupport.write([Self.offer: Self.offerText("![Der Raum](raum.png)")], under: root)
        var update = try site.update(changed: [picture, Self.offer])
        #expect(update.findings.isEmpty, "\(update.findings)")
        #expect(update.changedFiles.contains { $0.path == "gemeinden/dorf/angebote/raum.png" })
        #expect(Self.page(site)?.contains(#"width="800" height="600""#) == true)

        try Data(B.png(1600, 1000)).write(to: root.appendingPathComponent(picture))
        update = try site.update(changed: [picture])
        #expect(update.changedFiles.contains { $0.path == "gemeinden/dorf/angebote/raum.png" })
        #expect(update.changedFiles.contains { $0.path == "gemeinden/dorf/angebote/sprachcafe/index.html" })
        #expect(Self.page(site)?.contains(#"width="1600" height="1000""#) == true)
        let full = try TestSupport.renderedFiles(root)
        #expect(full["gemeinden/dorf/angebote/sprachcafe/index.html"] == Self.page(site))
    }

    static func page(_ site: IncrementalSite) -> String? {
        guard case .data(let data)? = site.files["gemeinden/dorf/angebote/sprachcafe/index.html"]?.contents else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
