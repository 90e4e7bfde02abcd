import CVorortSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Full-text search with Pagefind (PyPI `pagefind-bin`): run on the finished site before it is swapped in,
/// so the index always matches the pages. When Pagefind is not installed the site gets no search page and no
/// search link at all, and the build says so — never a search box that does not work.
public struct SearchIndexer: Sendable {
    /// The Pagefind executable itself (never a wrapper such as `python3 -m pagefind_bin`, whose child would
    /// outlive a killed build).
    let executable: String
    /// How long Pagefind may take before it is stopped; nil: 120 s and 20 ms per page.
    let timeout: Double?

    /// Finds Pagefind: `VORORT_PAGEFIND` (a path, or `none` to build without search), `pagefind` on the PATH,
    /// or the binary inside the PyPI package `pagefind-bin`. `VORORT_PAGEFIND_TIMEOUT` sets the time limit in seconds.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        let timeout = environment["VORORT_PAGEFIND_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        if let configured = environment["VORORT_PAGEFIND"] {
            return configured == "none" ? nil : SearchIndexer(executable: configured, timeout: timeout)
        }
        if let pagefind = executable("pagefind", path: environment["PATH"]) { return SearchIndexer(executable: pagefind, timeout: timeout) }
        if let python = executable("python3", path: environment["PATH"]),
            let binary = output([python, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"]),
            FileManager.default.isExecutableFile(atPath: binary)
        {
            return SearchIndexer(executable: binary, timeout: timeout)
        }
        return nil
    }

    static func executable(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The first line a short command prints, or nil when it fails.
    static func output(_ command: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map { String($0).trimmed }
    }

    /// Indexes the site in `folder`; a failure or time-out stops the build before the swap.
    func index(_ folder: URL, pages: Int) throws {
        let limit = timeout ?? 120 + 0.02 * Double(pages)
        // Pagefind's messages go to a file, read when it ends: a pipe could fill up and block it.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vorort-pagefind-\(UUID().uuidString).log")
        let logDescriptor = open(log.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard logDescriptor >= 0 else {
            throw BuildError.writeFailed("Pagefind konnte nicht gestartet werden: \(log.path) lässt sich nicht anlegen.")
        }
        defer {
            close(logDescriptor)
            try? FileManager.default.removeItem(at: log)
        }
        let arguments = [executable, "--site", folder.path, "--quiet"]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        let status = vorort_run_bounded(executable, &cArguments, logDescriptor, limit)
        let message = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").trimmed
        switch status {
        case 0:
            return
        case -2:
            throw BuildError.searchFailed(
                "Pagefind hat den Suchindex nach \(Int(limit)) s nicht fertiggestellt und wurde beendet; die bisherige Ausgabe bleibt unverändert. "
                + "Erlauben Sie mehr Zeit mit VORORT_PAGEFIND_TIMEOUT=<Sekunden> oder bauen Sie ohne Suche mit VORORT_PAGEFIND=none.")
        case -1:
            throw BuildError.searchFailed("Pagefind (\(executable)) konnte nicht gestartet werden: \(String(cString: strerror(errno))).")
        default:
            throw BuildError.searchFailed("Pagefind meldet einen Fehler (Status \(status)): \(message.isEmpty ? "ohne Meldung" : String(message.prefix(2000)))")
        }
    }
}
