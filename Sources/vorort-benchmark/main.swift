// Measures vorort's check on a site in-process, with and without the wording lint, and the lint on its own;
// or, with `incremental`, how long the incremental build takes to re-check and re-render one edited offer.
// Usage: vorort-benchmark [SITE] [RUNS]               (defaults: the current folder, 15 runs)
//        vorort-benchmark incremental [SITE] [RUNS]   (default 20 edits)
//        vorort-benchmark render [SITE] [RUNS]        (rendering alone, into memory; default 9 runs)
//        vorort-benchmark stages [SITE] [RUNS]        (the check's stages without the wording lint, then the lint;
//                                                      default 1 run: start it once per measurement, see below)
// Prints figures; asserts nothing.
import Foundation
import VorortCore

var arguments = CommandLine.arguments
if arguments.count > 1, arguments[1] == "incremental" {
    arguments.remove(at: 1)
    benchmarkIncremental(site: URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".", isDirectory: true),
                         runs: arguments.count > 2 ? max(3, Int(arguments[2]) ?? 20) : 20)
    exit(0)
}
if arguments.count > 1, arguments[1] == "render" {
    arguments.remove(at: 1)
    benchmarkRender(site: URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".", isDirectory: true),
                    runs: arguments.count > 2 ? max(3, Int(arguments[2]) ?? 9) : 9)
    exit(0)
}
if arguments.count > 1, arguments[1] == "stages" {
    arguments.remove(at: 1)
    benchmarkStages(site: URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".", isDirectory: true),
                    runs: arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1) : 1)
    exit(0)
}
let site = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".", isDirectory: true)
let runs = arguments.count > 2 ? max(3, Int(arguments[2]) ?? 15) : 15

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Median wall time of `body` over `runs` runs, after one warm-up run.
func measure(_ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        times.append(seconds(ContinuousClock.now - start))
    }
    return median(times)
}

// With and without the lint in turns, so that drift of the machine affects both alike.
var words = 0
var lintCPU: [Double] = []
var withTimes: [Double] = []
var withoutTimes: [Double] = []
_ = Pipeline.check(siteRoot: site)
_ = Pipeline.check(siteRoot: site, lint: false)
for _ in 0..<runs {
    var start = ContinuousClock.now
    let report = Pipeline.check(siteRoot: site)
    withTimes.append(seconds(ContinuousClock.now - start))
    words = report.wordsLinted
    lintCPU.append(report.lintSeconds)
    start = ContinuousClock.now
    _ = Pipeline.check(siteRoot: site, lint: false)
    withoutTimes.append(seconds(ContinuousClock.now - start))
}
let withLint = median(withTimes)
let withoutLint = median(withoutTimes)
let added = withLint - withoutLint
let lintAlone = median(lintCPU)

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
print("site: \(site.path); \(ProcessInfo.processInfo.activeProcessorCount) cores; median of \(runs) runs")
print("vorort check without the wording lint: \(ms(withoutLint))")
print("vorort check with the wording lint:    \(ms(withLint))")
print(String(format: "the lint adds:                        %@ (%.0f %%)", ms(added), withoutLint > 0 ? added / withoutLint * 100 : 0))
print(String(format: "the lint on its own thread: %d words in %@ (rules included): %.0f words per second",
             words, ms(lintAlone), lintAlone > 0 ? Double(words) / lintAlone : 0))
let rulesAlone = measure { _ = RuleSet.load(siteRoot: site) }
print("of which loading the rules: \(ms(rulesAlone))")

/// One offer edited `runs` times in its text and `runs` times in its title, as an editor saves, each time followed
/// by the incremental update; the file is restored at the end.
/// CPU time of the whole process: on a busy machine it varies less than wall time.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func benchmarkIncremental(site: URL, runs: Int) {
    let start = ContinuousClock.now
    guard var live = try? IncrementalSite(siteRoot: site) else { print("the site cannot be built"); return }
    print(String(format: "full build in memory: %.2f s, %d files, %d findings", seconds(ContinuousClock.now - start), live.files.count, live.findings.count))
    let offers = (FileManager.default.enumerator(atPath: site.appendingPathComponent("content").path)?.compactMap { $0 as? String } ?? [])
        .filter { $0.contains("/angebote/") && $0.hasSuffix(".md") && $0.split(separator: ".").count == 2 }.sorted()
    guard let offer = offers.dropFirst(offers.count / 2).first else { print("the site has no offer"); return }
    let path = "content/" + offer
    let url = site.appendingPathComponent(path)
    guard let original = try? String(contentsOf: url, encoding: .utf8) else { return }
    defer { try? original.write(to: url, atomically: true, encoding: .utf8) }
    func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
    // Its text alone (what an editor changes most), then its title (which every listing of offers shows).
    for (label, edit) in [("text", { (run: Int) in original + "\nGeändert beim Lauf \(run).\n" }),
                          ("title", { (run: Int) in original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Neu \(run) ") })] {
        var times: [Double] = []
        var earlyTimes: [Double] = []
        var earlyCPU: [Double] = []
        var pages = 0, changed = 0, full = 0
        for run in 0..<runs {
            try? edit(run).write(to: url, atomically: true, encoding: .utf8)
            let clock = ContinuousClock.now
            let cpuStart = processCPUSeconds()
            // The preview reloads the edited page when its own pages are ready (`early`), before the listings.
            var early: Double?, cpu: Double?
            guard let update = try? live.update(changed: [path], early: { _, _ in
                early = seconds(ContinuousClock.now - clock)
                cpu = processCPUSeconds() - cpuStart
            }) else {
                print("update failed"); return
            }
            times.append(seconds(ContinuousClock.now - clock))
            earlyTimes.append(early ?? times.last!)
            earlyCPU.append(cpu ?? (processCPUSeconds() - cpuStart))
            pages = update.pagesRendered
            changed = update.changedFiles.count
            if update.wasFull { full += 1 }
        }
        print("one offer's \(label) edited (\(path)): median \(ms(median(times))), fastest \(ms(times.min() ?? 0)), slowest \(ms(times.max() ?? 0)) over \(runs) edits (own page ready: median \(ms(median(earlyTimes))), CPU time of both cores until then \(ms(median(earlyCPU)))); "
              + "\(pages) pages rendered, \(changed) files changed; \(full) of \(runs) updates were full rebuilds")
    }
}

/// Renders every page of a checked site into memory `runs` times (nothing written): wall and CPU time of rendering
/// alone, steadier than a whole build's on a busy machine, for comparing changes to the templates and pages.
func benchmarkRender(site: URL, runs: Int) {
    let report = Pipeline.check(siteRoot: site)
    guard let checked = report.site else { print("the site has errors; nothing rendered"); return }
    var times: [Double] = [], cpu: [Double] = []
    var files = 0, bytes = 0
    for _ in 0..<runs {
        let clock = ContinuousClock.now, cpuStart = processCPUSeconds()
        files = 0
        bytes = 0
        try? Pipeline.render(checked) { batch in
            files += batch.count
            for file in batch { if case .data(let data) = file.contents { bytes += data.count } }
        }
        times.append(seconds(ContinuousClock.now - clock))
        cpu.append(processCPUSeconds() - cpuStart)
    }
    print(String(format: "render alone (%d files, %.1f MB): median %.3f s wall, %.3f s CPU; fastest %.3f s, CPU %.3f s (%d runs)",
                 files, Double(bytes) / 1e6, median(times), median(cpu), times.min() ?? 0, cpu.min() ?? 0, runs))
}

/// The check's stages one after another, without the wording lint, which otherwise runs beside them on the same cores
/// and lands in whichever stage is running (so their growth from one district size to the next cannot be read off a
/// build's `--timings`); then a full check, for the lint's own wall time beside the other stages. Medians of wall and CPU
/// time per stage. Compare sizes with one run per process: later runs in the same process reuse memory the first one
/// faulted in, which flatters a small district (at 10,000 pages loading took 0.14 s in a fifth run, 0.15–0.27 s in a
/// first).
func benchmarkStages(site: URL, runs: Int) {
    var stages: [String: [(wall: Double, cpu: Double)]] = [:]
    var order: [String] = []
    var lintTimes: [Double] = []
    for _ in 0..<runs {
        let report = Pipeline.check(siteRoot: site, lint: false)
        for stage in report.timings.stages where stage.name != "Sprache (Warten)" {
            if stages[stage.name] == nil { order.append(stage.name) }
            stages[stage.name, default: []].append((stage.seconds, stage.cpuSeconds))
        }
        lintTimes.append(Pipeline.check(siteRoot: site).lintSeconds)
    }
    print("site: \(site.path); median of \(runs) runs; the check without the wording lint, stage by stage:")
    for name in order {
        let values = stages[name] ?? []
        let wall = median(values.map(\.wall)), cpu = median(values.map(\.cpu))
        print(String(format: "  %@: %.3f s wall, %.3f s CPU (%.1f×)", name, wall, cpu, wall > 0 ? cpu / wall : 0))
    }
    print(String(format: "  wording lint (its own wall time inside a full check, beside the other stages): %.3f s", median(lintTimes)))
}
