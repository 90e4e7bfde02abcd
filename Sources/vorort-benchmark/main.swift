// Measures vorort's check on a site in-process, with and without the wording lint, and the lint on its own.
// Usage: vorort-benchmark [SITE] [RUNS]   (defaults: the current folder, 15 runs). Prints figures; asserts nothing.
import Foundation
import VorortCore

let arguments = CommandLine.arguments
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
