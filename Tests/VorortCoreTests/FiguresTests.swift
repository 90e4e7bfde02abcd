import Foundation
import Testing
@testable import VorortCore

/// Facts and figures: small counts hidden everywhere, CSV with source, year and licence, charts with a text alternative.
@Suite("Facts and figures")
struct FiguresTests {
    func indicator(_ value: Double, unit: String = "Personen") -> Indicator {
        Indicator(id: "x", label: "Beratungen", value: value, unit: unit, year: 2025, source: "Amt \"Nord\"")
    }

    @Test func smallCountsAreShownAsBelowTheThreshold() {
        #expect(Figures.display(indicator(2), minimumCount: 3) == "< 3")
        #expect(Figures.display(indicator(0), minimumCount: 3) == "< 3")
        #expect(Figures.display(indicator(3), minimumCount: 3) == "3")
        #expect(Figures.display(indicator(1.5, unit: "%"), minimumCount: 3) == "1,5")
        #expect(Figures.display(indicator(2, unit: "%"), minimumCount: 3) == "2")
        #expect(Figures.display(indicator(4), minimumCount: 5) == "< 5")
    }

    @Test func csvNamesSourceYearAndLicenceAndHidesSmallCounts() {
        let facts = Facts(file: "content/kreis/zahlen.yml", owner: .district, reviewed: nil, indicators: [indicator(1), indicator(1200)])
        let csv = Figures.csv(facts, ownerName: "Landkreis Test", minimumCount: 3, licence: "DL-DE-BY 2.0")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "\"Gebiet\";\"Kennzahl\";\"Wert\";\"Einheit\";\"Jahr\";\"Quelle\";\"Lizenz\"")
        #expect(lines[1] == "\"Landkreis Test\";\"Beratungen\";\"< 3\";\"Personen\";\"2025\";\"Amt \"\"Nord\"\"\";\"DL-DE-BY 2.0\"")
        #expect(lines[2].contains("\"1.200\""))
    }

    @Test func chartsAreLabelledImagesWithTheValuesWritten() {
        let svg = Figures.barChart(id: "d", title: "A & B", rows: [("Dorf <1>", 10, "10 Personen"), ("Stadt", 0, "< 3 Personen")])
        #expect(svg.contains("role=\"img\" aria-labelledby=\"d-title\""))
        #expect(svg.contains("<p class=\"visually-hidden\" id=\"d-title\">A &amp; B</p>"))
        #expect(svg.contains("<span class=\"chart-label\">Dorf &lt;1&gt;</span>"))
        #expect(svg.contains("<span class=\"chart-value\">&lt; 3 Personen</span>"))
        // Bars are as long as their values (the longest the whole line); a hidden count still shows a sliver.
        #expect(svg.contains("<rect width=\"1000\" height=\"10\">"))
        #expect(svg.contains("<rect width=\"5\" height=\"10\">"))
    }

    @Test func theSampleComparesMunicipalitiesPerIndicator() throws {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        let files = try Pipeline.render(site)
        func text(_ path: String) throws -> String {
            let file = try #require(files.first { $0.path == path })
            guard case .data(let data) = file.contents else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        let page = try text("zahlen/index.html")
        #expect(page.contains("<h2 id=\"kennzahl-einwohner\""))
        #expect(page.components(separatedBy: "<div class=\"chart\" role=\"img\"").count - 1 >= 3)
        #expect(page.contains("(Landkreis gesamt)"))
        #expect(try text("zahlen/landkreis.csv").hasPrefix("\"Gebiet\";"))
        for m in site.content.municipalities {
            #expect(files.contains { $0.path == "zahlen/\(m.slug).csv" })
        }
    }
}
