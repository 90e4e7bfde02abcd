import Foundation
import Testing
@testable import VorortCore

/// The `vorort` executable as CI runs it: exit codes, output formats, and what a failed build leaves behind.
@Suite("Command line")
struct CommandLineTests {
    @Test func checkOfTheSampleIsCleanInTextAndJSON() throws {
        let text = try TestSupport.run(["check", "--site", TestSupport.packageRoot.path])
        #expect(text.status == 0, "\(text.stdout)")
        #expect(text.stdout.contains("0 Fehler, 0 Warnungen"))
        let json = try TestSupport.run(["check", "--site", TestSupport.packageRoot.path, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func usageProblemsExitWithTwo() throws {
        #expect(try TestSupport.run(["check", "--site", "/gibt/es/nicht"]).status == 2)
        #expect(try TestSupport.run(["check", "--format", "xml"]).status == 2)
        #expect(try TestSupport.run(["bauen"]).status == 2)
    }

    @Test func helpExplainsWithExamples() throws {
        let help = try TestSupport.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("vorort build --output public"))
        for command in ["check", "build"] {
            let sub = try TestSupport.run([command, "--help"])
            #expect(sub.status == 0)
            #expect(sub.stdout.contains("Examples:"))
            #expect(sub.stdout.contains("--site"))
        }
    }

    /// Breaks a copy of the sample in three ways and expects each error at its line, exit 1 and the old output untouched.
    @Test func brokenSiteIsRefusedAndPreviousOutputStays() throws {
        let site = try TestSupport.copyOfSample()
        let outputParent = TestSupport.temporaryFolder("vorort-out")
        defer { TestSupport.cleanUp(site); TestSupport.cleanUp(outputParent) }
        let output = outputParent.appendingPathComponent("output")

        let first = try TestSupport.run(["build", "--site", site.path, "--output", output.path])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let before = try TestSupport.snapshot(output)
        #expect(before.count > 100)

        // German originals only: `x.md`, not the translations `x.en.md`.
        let offers = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/kreis/angebote").path)
            .filter { $0.split(separator: ".").count == 2 }.sorted()
        let bracketFile = "content/kreis/angebote/\(offers[0])"
        let categoryFile = "content/kreis/angebote/\(offers[1])"
        let contactFile = "content/kreis/angebote/\(offers[2])"
        let bracketLine = try replaceLine(startingWith: "title:", in: site.appendingPathComponent(bracketFile), with: "title: [Unvollständig, Liste")
        let categoryLine = try replaceLine(startingWith: "category:", in: site.appendingPathComponent(categoryFile), with: "category: Kochkurse")
        let contactLine = try replaceLine(startingWith: "contact:", in: site.appendingPathComponent(contactFile), with: "contact: gibt-es-nicht")

        let broken = try TestSupport.run(["build", "--site", site.path, "--output", output.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\(bracketFile):\(bracketLine):8: Fehler:"), "\(broken.stdout)")
        #expect(broken.stdout.contains("[yaml-syntax]"))
        #expect(broken.stdout.contains("\(categoryFile):\(categoryLine):11: Fehler: Die Kategorie `Kochkurse` gibt es nicht. [unknown-category]"))
        #expect(broken.stdout.contains("\(contactFile):\(contactLine):10: Fehler: Die Anlaufstelle `gibt-es-nicht` gibt es nicht. [dangling-contact]"))
        #expect(try TestSupport.snapshot(output) == before, "the previous output stays byte for byte")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputParent.path) == ["output"], "no staging folder left")

        let check = try TestSupport.run(["check", "--site", site.path, "--format", "json"])
        #expect(check.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["errors"] == 3)
    }

    /// Replaces the first line starting with `prefix` and returns its 1-based line number.
    func replaceLine(startingWith prefix: String, in url: URL, with replacement: String) throws -> Int {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        lines[index] = replacement
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return index + 1
    }

}
