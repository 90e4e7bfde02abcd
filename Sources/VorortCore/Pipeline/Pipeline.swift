import Foundation

/// A site that passed every check, ready to be rendered.
public struct CheckedSite: Sendable {
    public let root: URL
    public let config: SiteConfig
    public let index: SiteIndex
    let theme: Theme
    /// Rendered Markdown bodies by content file path.
    let bodies: [String: String]
    let assets: Set<String>

    public var content: SiteContent { index.content }
}

/// What `vorort check` found.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int
    /// Present when no finding has severity error.
    public var site: CheckedSite?
}

/// Seconds spent in each stage of a build, printed so editors and the benchmark see where time goes.
public struct StageTimings: Sendable {
    public var check: Double = 0
    public var render: Double = 0
    public var write: Double = 0

    public var summary: String {
        func f(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
        return "Prüfen \(f(check)) s, Erzeugen \(f(render)) s, Schreiben \(f(write)) s"
    }
}

/// What `vorort build` did.
public enum BuildOutcome: Sendable {
    /// Nothing was written; the previous output is untouched.
    case refused(CheckReport)
    case built(CheckReport, filesWritten: Int, timings: StageTimings)
}

/// The stages in order: load → parse → check references → render bodies (checking links) → render pages → write.
public enum Pipeline {
    public static func check(siteRoot: URL) -> CheckReport {
        let root = siteRoot.standardizedFileURL
        // Load
        let loaded = SiteLoader.load(root: root)
        var diagnostics = loaded.diagnostics
        // Parse
        var config: SiteConfig?
        if let file = loaded.siteConfig {
            let parsed = SiteConfigParser.parse(file)
            config = parsed.config
            diagnostics += parsed.diagnostics
        }
        let (content, contentDiagnostics) = ContentParser.parse(loaded, language: config?.language ?? "de")
        diagnostics += contentDiagnostics
        // Check references and links (the link check renders the bodies)
        let index = SiteIndex(content: content, config: config)
        diagnostics += ReferenceChecker.check(index)
        let bodies = BodyRenderer.render(index, assets: loaded.assets)
        diagnostics += bodies.diagnostics
        var theme: Theme?
        var filesChecked = loaded.fileCount
        if let config {
            let loadedTheme = Theme.load(root: root, name: config.theme)
            theme = loadedTheme.theme
            diagnostics += loadedTheme.diagnostics
            filesChecked += Theme.requiredTemplates.count
        }
        var report = CheckReport(diagnostics: diagnostics.sortedForReport(), filesChecked: filesChecked, site: nil)
        if !diagnostics.hasErrors, let config, let theme {
            report.site = CheckedSite(root: root, config: config, index: index, theme: theme, bodies: bodies.html, assets: loaded.assets)
        }
        return report
    }

    /// Renders every page of a checked site into memory.
    public static func render(_ site: CheckedSite) throws -> [OutputFile] {
        let models = ViewModels(index: site.index, config: site.config, bodies: site.bodies)
        return try SiteRenderer(models: models, theme: site.theme, assets: site.assets, root: site.root).render()
    }

    /// An output folder inside `content/` or `themes/` would be read back as content by the next build.
    static func refuseOutputInsideSources(_ output: URL, siteRoot: URL) throws {
        let outputPath = output.standardizedFileURL.path + "/"
        for folder in ["content", "themes"] {
            let source = siteRoot.standardizedFileURL.appendingPathComponent(folder).path + "/"
            if outputPath.hasPrefix(source) {
                throw BuildError.outputNotReplaceable("\(output.path) liegt im Ordner `\(folder)/` der Website. Wähle mit --output einen Ordner außerhalb, z. B. `output`.")
            }
        }
    }

    /// Checks, renders and, only when there is no error, replaces the output folder at once.
    public static func build(siteRoot: URL, output: URL) throws -> BuildOutcome {
        var timings = StageTimings()
        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            let elapsed = now - clock
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        try refuseOutputInsideSources(output, siteRoot: siteRoot)
        let report = check(siteRoot: siteRoot)
        timings.check = lap()
        guard let site = report.site else { return .refused(report) }
        let files = try render(site)
        timings.render = lap()
        try OutputWriter.write(files, to: output)
        timings.write = lap()
        return .built(report, filesWritten: files.count, timings: timings)
    }
}
