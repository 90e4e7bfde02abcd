import Foundation

/// Full-text search with Pagefind (PyPI `pagefind-bin`): run on the finished site before it is swapped in,
/// so the index always matches the pages. When Pagefind is not installed the site gets no search page and no
/// search link at all, and the build says so — never a search box that does not work.
public struct SearchIndexer: Sendable {
    /// The command that runs Pagefind, e.g. `["pagefind"]` or `["python3", "-m", "pagefind_bin"]`.
    let command: [String]

    /// Finds Pagefind: `VORORT_PAGEFIND` (a path, or `none` to build without search), `pagefind` on the PATH,
    /// or the PyPI package `pagefind-bin`.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        if let configured = environment["VORORT_PAGEFIND"] {
            return configured == "none" ? nil : SearchIndexer(command: [configured])
        }
        if let pagefind = executable("pagefind", path: environment["PATH"]) { return SearchIndexer(command: [pagefind]) }
        if let python = executable("python3", path: environment["PATH"]),
            run([python, "-c", "import pagefind_bin"], quiet: true) == 0
        {
            return SearchIndexer(command: [python, "-m", "pagefind_bin"])
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

    @discardableResult
    static func run(_ command: [String], quiet: Bool) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Indexes the site in `folder`; a failure stops the build before the swap.
    func index(_ folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", folder.path, "--quiet"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            throw BuildError.writeFailed("Pagefind konnte nicht gestartet werden: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildError.writeFailed("Pagefind meldet einen Fehler: \(message.trimmed)")
        }
    }
}
