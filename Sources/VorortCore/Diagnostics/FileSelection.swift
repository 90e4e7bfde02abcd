import Foundation

/// The files and folders named after `vorort check` (`vorort check content/gemeinden/auenstein`): the whole site is
/// still loaded and checked, since references lead everywhere, but only findings in these files are reported and
/// counted. An editor checks what they changed; a pre-commit hook checks the staged files.
public struct FileSelection: Sendable, Equatable {
    /// Paths relative to the site root, without a trailing slash; a folder stands for everything below it.
    public let paths: [String]

    /// Why a path cannot be selected, in German; the command line exits with 2.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notFound(String)
        case outsideSite(String, site: String)

        public var description: String {
            switch self {
            case .notFound(let path):
                "`\(path)` gibt es weder im aktuellen Ordner noch im Ordner der Website. Prüfen Sie die Schreibweise."
            case .outsideSite(let path, let site):
                "`\(path)` liegt nicht im Ordner der Website `\(site)`. Nennen Sie Dateien oder Ordner der Website (z. B. `content/gemeinden/…`) oder wählen Sie die Website mit `--site`."
            }
        }
    }

    public init(paths: [String]) { self.paths = paths }

    /// Resolves each argument against the current folder first, then against the site root (so `content/…` works
    /// from the repository root and from inside the site); symbolic links are resolved before comparing.
    public static func resolve(_ arguments: [String], siteRoot: URL, currentFolder: URL) throws(Problem) -> FileSelection {
        let site = Pipeline.realPath(siteRoot)
        var paths: [String] = []
        for argument in arguments {
            let candidates = argument.hasPrefix("/")
                ? [URL(fileURLWithPath: argument)]
                : [currentFolder.appendingPathComponent(argument), siteRoot.appendingPathComponent(argument)]
            let existing = candidates.filter { FileManager.default.fileExists(atPath: $0.path) }.map(Pipeline.realPath)
            guard !existing.isEmpty else { throw .notFound(argument) }
            let inside = site == "/" ? "/" : site + "/"
            // `content/…` from a folder that has a `content/` of its own still means the site's.
            guard let real = existing.first(where: { $0 == site || $0.hasPrefix(inside) }) else {
                throw .outsideSite(argument, site: siteRoot.path)
            }
            if real == site { return FileSelection(paths: []) }
            paths.append(String(real.dropFirst(inside.count)))
        }
        return FileSelection(paths: paths)
    }

    /// Everything: no paths were named (or the site folder itself).
    public var isEverything: Bool { paths.isEmpty }

    /// Whether a finding's file (relative to the site root) is selected.
    public func contains(_ file: String) -> Bool {
        isEverything || paths.contains { file == $0 || file.hasPrefix($0 + "/") }
    }

    public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        isEverything ? diagnostics : diagnostics.filter { contains($0.file) }
    }

    /// How many files the selection holds (regular files, hidden ones and links not counted, as the loader does),
    /// for the summary line; `all` when everything is selected.
    public func fileCount(siteRoot: URL, all: Int) -> Int {
        guard !isEverything else { return all }
        var seen = Set<String>()
        for path in paths { Self.collectFiles(siteRoot.appendingPathComponent(path), relative: path, into: &seen) }
        // A file named on its own and inside a named folder is counted once.
        return seen.count
    }

    private static func collectFiles(_ url: URL, relative: String, into seen: inout Set<String>) {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: seen.insert(relative)
        case S_IFDIR:
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
                collectFiles(url.appendingPathComponent(name), relative: relative + "/" + name, into: &seen)
            }
        default: break
        }
    }
}
