import CVorortSystem
import Foundation

/// A file of the built site, by path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable {
        case data(Data)
        /// Copied from the site or theme folder when written, so large pictures are not held in memory.
        case copy(of: URL)
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = .data(Data(text.utf8))
    }

    public init(path: String, copyOf url: URL) {
        self.path = path
        self.contents = .copy(of: url)
    }
}

/// Writes the site beside the output folder and swaps it in at once, so readers and a failed build
/// never see a half-written site: until the swap, the previous output stays byte for byte as it was.
public enum OutputWriter {
    /// Marks a folder as vorort's output, so vorort never replaces a folder it did not write.
    public static let markerFile = ".vorort-output"

    public static func write(_ files: [OutputFile], to output: URL) throws {
        let manager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try checkReplaceable(output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildError.writeFailed("Der Ordner \(parent.path) kann nicht angelegt werden (\(error.localizedDescription)).")
        }
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).vorort-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var createdFolders: Set<String> = [""]
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let folder = (file.path as NSString).deletingLastPathComponent
                if !createdFolders.contains(folder) {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    createdFolders.insert(folder)
                }
                switch file.contents {
                case .data(let data): try data.write(to: target)
                case .copy(let source): try manager.copyItem(at: source, to: target)
                }
            }
            try Data("Written by vorort build. This folder is replaced as a whole by the next build.\n".utf8)
                .write(to: staging.appendingPathComponent(markerFile))
            try swap(staging, into: output)
        } catch {
            try? manager.removeItem(at: staging)
            if let error = error as? BuildError { throw error }
            throw BuildError.writeFailed(error.localizedDescription)
        }
    }

    /// A folder is replaced only when it is vorort's own output or empty: `--output ~/Dokumente` must never wipe documents.
    static func checkReplaceable(_ output: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BuildError.outputNotReplaceable("\(output.path) ist eine Datei, kein Ordner.")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !entries.contains(markerFile) {
            throw BuildError.outputNotReplaceable(
                "\(output.path) enthält Dateien, die nicht von vorort stammen. Wähle mit --output einen leeren oder neuen Ordner.")
        }
    }

    private static func swap(_ staging: URL, into output: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        // One atomic exchange where the file system supports it; afterwards `staging` holds the old site.
        if vorort_exchange_paths(staging.path, output.path) == 0 {
            try manager.removeItem(at: staging)
            return
        }
        // Fallback: two renames, leaving the old site in place until the new one is complete.
        let old = staging.appendingPathExtension("old")
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        try? manager.removeItem(at: old)
    }
}
