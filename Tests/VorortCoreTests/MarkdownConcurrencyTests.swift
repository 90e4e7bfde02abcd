import Foundation
import Testing
@testable import VorortCore

/// cmark-gfm 0.29 changes process-wide tables of special characters on every `cmark_parser_finish`; vorort parses
/// Markdown on all cores (once to check the links, once to render) and guards only that step. Checking and rendering
/// the sample on all threads many times must give exactly what a serial run gives.
@Suite("Markdown on all cores")
struct MarkdownConcurrencyTests {
    /// Every body of the sample plus texts full of what the shared tables decide: strikethrough (`~`) and
    /// autolinks (`:` and `w`), where a lost character changes the HTML.
    static func bodies() throws -> [MarkdownSource] {
        let site = try #require(Pipeline.check(siteRoot: TestSupport.packageRoot).site)
        let content = site.content
        var bodies = content.offers.map(\.body) + content.contactPoints.map(\.body) + content.stories.map(\.body)
            + content.pages.map(\.body) + content.municipalities.map(\.body)
        bodies += content.translations.values.flatMap(\.values).map(\.body)
        let dense = (0..<40).map { "Ein ~~alter~~ Termin, siehe www.lindenbrueck.de/termine und https://example.org/\($0) – ~~nicht~~ mehr." }
        bodies += (0..<20).map { MarkdownSource(text: dense.joined(separator: "\n\n") + "\n\nNr. \($0)", firstLine: 1) }
        return bodies
    }

    static func render(_ body: MarkdownSource) -> String {
        TestSupport.renderMarkdown(body).html
    }

    @Test func renderingOnAllThreadsMatchesASerialRender() throws {
        let bodies = try Self.bodies()
        #expect(bodies.count > 100)
        let serial = bodies.map(Self.render)
        #expect(serial.contains { $0.contains("<del>alter</del>") && $0.contains("<a href=\"http://www.lindenbrueck.de/termine\">") })
        let rounds = 200
        // Rounds interleaved, so at any moment the threads are in different bodies and at different steps.
        let jobs = (0..<rounds).flatMap { round in bodies.indices.map { (round, $0) } }.shuffled()
        let mismatches = Parallel.map(jobs, workers: max(2, ProcessInfo.processInfo.activeProcessorCount)) { job -> Int? in
            Self.render(bodies[job.1]) == serial[job.1] ? nil : job.1
        }.compactMap { $0 }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(jobs.count) concurrent renders differ, e.g. body \(mismatches.first ?? -1)")
    }
}
