import Foundation
import VorortCore

/// Owns the site in memory on a thread of its own (rebuilding is synchronous and uses all cores): builds it
/// once, then waits for the watcher's batches of changed files, updates the site, hands the server a new snapshot
/// and tells the browsers which pages changed. The terminal gets the findings as `vorort check` prints them.
enum Rebuilder {
    static func start(_ options: PreviewServer.Options, store: SnapshotStore, live: LiveReload,
                      say: @escaping @Sendable (String) -> Void, ready: @escaping @Sendable (String) -> Void) {
        let thread = Thread {
            let started = ContinuousClock.now
            var site: IncrementalSite
            let watcher: FileWatcher
            do {
                // Watching starts before the first build, so a file saved during it is not missed.
                watcher = try FileWatcher(root: options.root)
                site = try IncrementalSite(siteRoot: options.root, today: options.today)
            } catch {
                say("Die Vorschau kann nicht starten: \(error)")
                exit(2)
            }
            var generation = 1
            var sources = site.sourceFiles()
            publish(site, generation: generation, sources: sources, changed: [], store: store, live: live)
            report(site.findings, say: say)
            say("Erzeugt in \(milliseconds(since: started)) ms: \(site.files.count) Dateien.")
            ready(site.basePath)
            var lastFindings = site.findings
            while true {
                let changed = watcher.nextChanges()
                guard !changed.isEmpty else { continue }
                if ProcessInfo.processInfo.environment["VORORT_DEBUG"] != nil { say("Geändert: \(changed)") }
                let start = ContinuousClock.now
                let update: IncrementalSite.Update
                do {
                    update = try site.update(changed: changed)
                } catch {
                    // Saved again while it rendered: the next batch of changes renders it.
                    say("Neu erzeugen unterbrochen (\(error)); es geht mit der nächsten Änderung weiter.")
                    continue
                }
                let findingsChanged = update.findings != lastFindings
                lastFindings = update.findings
                guard findingsChanged || !update.changedFiles.isEmpty || !update.removedFiles.isEmpty else { continue }
                if update.wasFull { sources = site.sourceFiles() }
                generation += 1
                // Every page shows the overlay of errors: when the findings change, all pages reload.
                let paths = findingsChanged ? ["*"] : update.changedFiles.map(\.path) + update.removedFiles
                publish(site, generation: generation, sources: sources, changed: paths, store: store, live: live)
                let files = update.changedFiles.count + update.removedFiles.count
                say("\(changed.joined(separator: ", ")): neu erzeugt in \(milliseconds(since: start)) ms, "
                    + "\(update.pagesRendered == 1 ? "1 Seite" : "\(update.pagesRendered) Seiten"), \(files == 1 ? "1 Datei" : "\(files) Dateien") geändert.")
                if findingsChanged { report(update.findings, say: say) }
            }
        }
        thread.name = "vorort-serve-rebuild"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private static func publish(_ site: IncrementalSite, generation: Int, sources: [String: String], changed: [String],
                                store: SnapshotStore, live: LiveReload) {
        let snapshot = PreviewSnapshot(generation: generation, files: site.files, findings: site.findings, sources: sources,
                                       basePath: site.basePath, root: site.root)
        // The snapshot is in place before any browser is told to reload.
        let done = DispatchSemaphore(value: 0)
        Task {
            await store.set(snapshot)
            if !changed.isEmpty { await live.publish(changed) }
            done.signal()
        }
        done.wait()
    }

    private static func report(_ findings: [Diagnostic], say: @Sendable (String) -> Void) {
        guard !findings.isEmpty else {
            say("Keine Meldungen.")
            return
        }
        say(DiagnosticFormatter.format(findings, as: .text, filesChecked: 0)
            .split(separator: "\n").dropLast().joined(separator: "\n"))
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 { say("\(errors == 1 ? "1 Fehler" : "\(errors) Fehler"): die Vorschau zeigt den letzten fehlerfreien Stand mit den Meldungen darüber.") }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
