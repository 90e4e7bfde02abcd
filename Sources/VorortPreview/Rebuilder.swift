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
            var changedAt: [String: Int] = [:]
            var findingsChangedAt = 0
            // Copied out of `site`: the early snapshot is made while `site.update` has the site to itself.
            var basePath = site.basePath
            let root = site.root
            func snapshot(files: [String: OutputFile], findings: [Diagnostic]) -> PreviewSnapshot {
                PreviewSnapshot(generation: generation, files: files, findings: findings, sources: sources, basePath: basePath,
                                root: root, changedAt: changedAt, findingsChangedAt: findingsChangedAt)
            }
            publish(snapshot(files: site.files, findings: site.findings), changed: [], store: store, live: live)
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
                // The edited page reloads before the pages that list it are rendered (when the findings stay).
                var earlyPaths = Set<String>()
                var before = site.files
                do {
                    update = try site.update(changed: changed, early: { findings, files in
                        guard findings == lastFindings, !files.isEmpty else { return }
                        generation += 1
                        for file in files {
                            before[file.path] = file
                            changedAt[file.path] = generation
                        }
                        earlyPaths = Set(files.map(\.path))
                        publish(snapshot(files: before, findings: findings), changed: files.map(\.path), store: store, live: live)
                    })
                } catch {
                    // Saved again while it rendered: the next batch of changes renders it.
                    say("Neu erzeugen unterbrochen (\(error)); es geht mit der nächsten Änderung weiter.")
                    continue
                }
                let findingsChanged = update.findings != lastFindings
                lastFindings = update.findings
                guard findingsChanged || !update.changedFiles.isEmpty || !update.removedFiles.isEmpty else { continue }
                if update.wasFull {
                    sources = site.sourceFiles()
                    basePath = site.basePath
                }
                // Every page shows the overlay of errors: when the findings change, all pages reload.
                let later = (update.changedFiles.map(\.path) + update.removedFiles).filter { !earlyPaths.contains($0) }
                if findingsChanged || !later.isEmpty { generation += 1 }
                for path in later { changedAt[path] = generation }
                if findingsChanged { findingsChangedAt = generation }
                publish(snapshot(files: site.files, findings: update.findings), changed: findingsChanged ? ["*"] : later, store: store, live: live)
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

    private static func publish(_ snapshot: PreviewSnapshot, changed: [String], store: SnapshotStore, live: LiveReload) {
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
        say(String(DiagnosticFormatter.findingsAsText(findings).dropLast()))
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 { say("\(Severity.error.counted(errors)): die Vorschau zeigt den letzten fehlerfreien Stand mit den Meldungen darüber.") }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
