import Foundation
import VorortCore

/// What the preview serves at one moment: the last good render, the current findings and which content file
/// each page shows. Made by the rebuild thread after every update and handed to the server as a whole, so a request
/// never sees half an update.
struct PreviewSnapshot: Sendable {
    /// Counts the updates that changed something; a page that was loaded at an older generation reloads.
    var generation: Int
    var files: [String: OutputFile]
    var findings: [Diagnostic]
    /// Output path → content file (see `IncrementalSite.sourceFiles`).
    var sources: [String: String]
    /// The site's path below the host (`/integration/`).
    var basePath: String
    var root: URL
    /// The generation in which each output file last changed, and in which the findings last changed: a page that
    /// connects for live reload after missing an update reloads only if its own file (or the findings) changed.
    var changedAt: [String: Int] = [:]
    var findingsChangedAt = 0

    /// Whether a page loaded at `generation` is out of date.
    func isStale(_ page: String, loadedAt generation: Int) -> Bool {
        findingsChangedAt > generation || (changedAt[page] ?? 0) > generation
    }

    var errors: [Diagnostic] { findings.filter { $0.severity == .error } }

    /// The output file for a request path below the base path; `nil` for anything else, including paths that try
    /// to leave the site (`..`, encoded or not: the server decodes before asking).
    func outputPath(forRequest path: String) -> String? {
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return nil }
        var relative = String(path.dropFirst(min(basePath.count, path.count)))
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }), !relative.contains("\0"), !relative.contains("\\") else { return nil }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }
}
