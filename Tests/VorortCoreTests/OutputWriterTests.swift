import Foundation
import Testing
@testable import VorortCore

@Suite("Atomic output")
struct OutputWriterTests {
    @Test func replacesItsOwnOutputAtOnceAndLeavesNoStaging() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        try OutputWriter.write([OutputFile(path: "index.html", text: "eins"), OutputFile(path: "a/b/index.html", text: "b")], to: output)
        try OutputWriter.write([OutputFile(path: "index.html", text: "zwei")], to: output)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "zwei")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("a").path), "the old site is gone as a whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(leftovers == ["output"])
    }

    /// The old site is removed on all cores, folder by folder two levels down; a link inside it, even to a folder,
    /// is removed itself and never followed.
    @Test func theOldSiteIsRemovedOnAllCoresWithoutFollowingLinks() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let old = parent.appendingPathComponent("alt"), outside = parent.appendingPathComponent("draussen")
        var files: [String: String] = ["index.html": "x", "sitemap.xml": "x"]
        for municipality in 0..<40 {
            files["gemeinden/g\(municipality)/index.html"] = "x"
            for offer in 0..<5 { files["gemeinden/g\(municipality)/angebote/a\(offer)/index.html"] = "x" }
        }
        try TestSupport.write(files, under: old)
        try TestSupport.write(["wichtig.txt": "bleibt"], under: outside)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: old.appendingPathComponent("gemeinden/link").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: old.appendingPathComponent("gemeinden/g1/link").path, withDestinationPath: outside.path)
        RemoveTree.removeOnAllCores(old.path)
        #expect(!manager.fileExists(atPath: old.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("wichtig.txt"), encoding: .utf8) == "bleibt")
    }

    @Test func neverReplacesAFolderItDidNotWrite() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let documents = parent.appendingPathComponent("dokumente")
        try TestSupport.write(["brief.txt": "wichtig"], under: documents)
        #expect(throws: BuildError.self) {
            try OutputWriter.write([OutputFile(path: "index.html", text: "x")], to: documents)
        }
        #expect(try String(contentsOf: documents.appendingPathComponent("brief.txt"), encoding: .utf8) == "wichtig")
    }

    @Test func aFailedWriteKeepsThePreviousOutput() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        try OutputWriter.write([OutputFile(path: "index.html", text: "alt")], to: output)
        // Copying a file that does not exist fails in the middle of writing.
        #expect(throws: BuildError.self) {
            try OutputWriter.write([OutputFile(path: "index.html", text: "neu"),
                                    OutputFile(path: "bild.png", copyOf: parent.appendingPathComponent("fehlt.png"))], to: output)
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "alt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["output"])
    }
}

@Suite("Output folder safety")
struct OutputSafetyTests {
    @Test func abandonedStagingFoldersOfDeadBuildsAreRemoved() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        // A process id far above Linux's pid_max belongs to no running process.
        let abandoned = parent.appendingPathComponent(".output.vorort-99999999-deadbeef")
        try TestSupport.write(["index.html": "halb"], under: abandoned)
        try OutputWriter.write([OutputFile(path: "index.html", text: "ganz")], to: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["output"])
    }

    @Test func outputInsideContentIsRefused() throws {
        let root = try TestSupport.minimalSite()
        defer { TestSupport.cleanUp(root) }
        #expect(throws: BuildError.self) {
            try Pipeline.build(siteRoot: root, output: root.appendingPathComponent("content/ausgabe"))
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/ausgabe").path))
    }

    /// Unchanged files are taken over from the previous output as hard links; what changed is written anew.
    @Test func unchangedFilesAreTakenOverAndChangedOnesWritten() throws {
        let parent = TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        let picture = parent.appendingPathComponent("bild.png")
        try Data("png".utf8).write(to: picture)
        func build(_ text: String) throws -> Int {
            var reused = 0
            try OutputWriter.write(to: output, produce: { staging in
                try staging.write([OutputFile(path: "index.html", text: "start"), OutputFile(path: "a/index.html", text: text)])
                try staging.write([OutputFile(path: "bild.png", copyOf: picture)])
                reused = staging.filesReused
            })
            return reused
        }
        #expect(try build("eins") == 0)
        #expect(try build("eins") == 3)
        #expect(try build("zwei") == 2)
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "zwei")
        // The old site is gone, so the taken-over file has one name again.
        var info = stat()
        #expect(stat(output.appendingPathComponent("index.html").path, &info) == 0 && info.st_nlink == 1)
        // A manifest that claims the old bytes but a file that differs: the bytes decide, not the hash.
        try Data("START".utf8).write(to: output.appendingPathComponent("index.html"))
        #expect(try build("zwei") == 2)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "start")
    }
}
