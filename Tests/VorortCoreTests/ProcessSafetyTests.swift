import Foundation
import Testing
@testable import VorortCore

/// Builds that are killed or run twice at once never leave a broken site behind.
@Suite("Killed and concurrent builds", .serialized)
struct ProcessSafetyTests {

    /// Pagefind's index differs from run to run, so these byte-for-byte comparisons build without search.
    static let withoutSearch = ["VORORT_PAGEFIND": "none"]

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.withoutSearch) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aBuildKilledWhileWritingLeavesThePreviousSite() throws {
        let parent = TestSupport.temporaryFolder("vorort-kill")
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        let site = TestSupport.packageRoot.path
        #expect(try TestSupport.run(["build", "--site", site, "--output", output.path], environment: Self.withoutSearch).status == 0)
        let before = try TestSupport.snapshot(output)
        for _ in 0..<3 {
            let build = try start(["build", "--site", site, "--output", output.path])
            // Kill it as soon as it starts writing its staging folder (or when it is done, whichever comes first).
            let deadline = ContinuousClock.now + .seconds(20)
            while build.isRunning, ContinuousClock.now < deadline {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
                if names.contains(where: { $0.hasPrefix(".output.vorort-") }) { break }
            }
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            #expect(try TestSupport.snapshot(output) == before, "the previous site stays complete")
        }
        // The next build cleans up what the killed ones left.
        #expect(try TestSupport.run(["build", "--site", site, "--output", output.path], environment: Self.withoutSearch).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["output"])
        #expect(try TestSupport.snapshot(output) == before)
    }

    @Test func twoBuildsAtOnceLeaveOneCompleteSite() throws {
        let parent = TestSupport.temporaryFolder("vorort-twice")
        defer { TestSupport.cleanUp(parent) }
        let output = parent.appendingPathComponent("output")
        let site = TestSupport.packageRoot.path
        let first = try start(["build", "--site", site, "--output", output.path])
        let second = try start(["build", "--site", site, "--output", output.path])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 || second.terminationStatus == 0)
        let reference = TestSupport.temporaryFolder("vorort-reference").appendingPathComponent("output")
        defer { TestSupport.cleanUp(reference.deletingLastPathComponent()) }
        #expect(try TestSupport.run(["build", "--site", site, "--output", reference.path], environment: Self.withoutSearch).status == 0)
        #expect(try TestSupport.snapshot(output) == TestSupport.snapshot(reference))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["output"])
    }
}
