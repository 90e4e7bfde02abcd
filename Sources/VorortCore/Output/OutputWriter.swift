import CVorortSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    public init(path: String, data: Data) {
        self.path = path
        self.contents = .data(data)
    }

    public init(path: String, copyOf url: URL) {
        self.path = path
        self.contents = .copy(of: url)
    }

    /// The bytes held in memory (none for a copy).
    var byteCount: Int {
        if case .data(let data) = contents { return data.count }
        return 0
    }
}

/// Writes the site beside the output folder and swaps it in at once, so readers and a failed build
/// never see a half-written site: until the swap, the previous output stays byte for byte as it was.
public enum OutputWriter {
    /// Marks a folder as vorort's output, so vorort never replaces a folder it did not write.
    public static let markerFile = ".vorort-output"

    /// Writes files into the staging folder batch by batch, as they are rendered, so the whole site is never held
    /// in memory at once. Used on one thread; each batch is written by several.
    public final class Staging {
        public let folder: URL
        /// Folders created so far, relative to `folder`.
        private var folders: Set<String> = []
        public private(set) var filesWritten = 0
        /// Files taken over from the previous output because their content did not change.
        public private(set) var filesReused = 0
        /// The previous output and what it holds, when there is one. Its manifest is read on another core while the
        /// first pages render (0.7 s on one core at 100,000 pages).
        private let previousOutput: (folder: URL, manifest: Background<OutputManifest>)?
        var previous: (folder: URL, manifest: OutputManifest)? { previousOutput.map { ($0.folder, $0.manifest.value) } }
        var manifest = OutputManifest()

        init(folder: URL, previous: URL?) {
            self.folder = folder
            previousOutput = previous.map { folder in (folder, Background { OutputManifest.read(from: folder) }) }
        }

        public func write(_ files: [OutputFile]) throws {
            let written = try OutputWriter.writeFiles(files, into: folder, existing: &folders, previous: previous)
            for (file, entry) in zip(files, written) {
                manifest.entries[file.path] = entry.entry
                if entry.reused { filesReused += 1 }
            }
            filesWritten += files.count
        }
    }

    /// `finish` runs on the complete staging folder before the swap (the search index is built there).
    public static func write(_ files: [OutputFile], to output: URL, finish: (URL) throws -> Void = { _ in }) throws {
        try write(to: output, produce: { try $0.write(files) }, finish: { staging in
            try finish(staging)
            return true
        })
    }

    /// `produce` writes the site into the staging folder (in batches); `finish` runs on the complete staging folder
    /// before the swap and decides last whether it is published: when it returns false, the staging folder is
    /// removed and the previous output stays (the result is false).
    @discardableResult
    public static func write(to output: URL, produce: (Staging) throws -> Void, finish: (URL) throws -> Bool = { _ in true }) throws -> Bool {
        let manager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try checkReplaceable(output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildError.writeFailed("Der Ordner \(parent.path) kann nicht angelegt werden (\(error.localizedDescription)).")
        }
        removeAbandonedStagingFolders(of: output)
        let staging = parent.appendingPathComponent(stagingPrefix(of: output) + "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let previous = manager.fileExists(atPath: output.appendingPathComponent(markerFile).path) ? output : nil
            let writer = Staging(folder: staging, previous: previous)
            try produce(writer)
            try writer.manifest.write(to: staging)
            guard try finish(staging) else {
                RemoveTree.remove(staging.path)
                return false
            }
            try Data("Written by vorort build. This folder is replaced as a whole by the next build.\n".utf8)
                .write(to: staging.appendingPathComponent(markerFile))
            try swap(staging, into: output)
            return true
        } catch {
            RemoveTree.remove(staging.path)
            if let error = error as? BuildError { throw error }
            throw BuildError.writeFailed(error.localizedDescription)
        }
    }

    /// Creates the folders first, then writes the files from several threads: creating a file costs the
    /// file system far more than filling it, and independent creations overlap well.
    /// `existing`: folders already created below `folder` by earlier batches; the new ones are added.
    /// `previous`: the output being replaced and its manifest; files whose content is unchanged are hard-linked from
    /// there (creating a link costs the file system less than writing the file again). Returns each file's manifest
    /// entry and whether it was reused.
    static func writeFiles(_ files: [OutputFile], into folder: URL, existing: inout Set<String>,
                           previous: (folder: URL, manifest: OutputManifest)? = nil) throws -> [(entry: OutputManifest.Entry, reused: Bool)] {
        // Every path is opened relative to the open folders: the kernel then walks only the path below them, and no
        // `URL` is made per file (Foundation's `appendingPathComponent` asks the file system whether it is a folder).
        let target = try FolderDescriptor(folder.path)
        let old = previous.flatMap { previous in (try? FolderDescriptor(previous.folder.path)).map { (folder: previous.folder, descriptor: $0) } }
        // More threads than cores: most of the time goes to waiting for the file system.
        let writers = 4
        var folders = Set<String>()
        for file in files {
            // Each folder above the file, from the nearest up, until one that exists or is already listed.
            // The slashes are found among the bytes, as the file system finds them (and a search by Character is
            // slow: it showed in profiles).
            var parent = file.path[...]
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                let path = String(parent)
                guard !existing.contains(path), folders.insert(path).inserted else { break }
            }
        }
        existing.formUnion(folders)
        // Level by level, so every parent exists before its children; within a level in parallel.
        let levels = Dictionary(grouping: folders) { folder in folder.utf8.count { $0 == UInt8(ascii: "/") } }
        for depth in levels.keys.sorted() {
            let paths = levels[depth] ?? []
            _ = try Parallel.map(paths, workers: writers) { relative in
                guard mkdirat(target.descriptor, relative, 0o755) == 0 else { throw writeFailed(folder, relative) }
            }
        }
        return try Parallel.map(files, workers: writers) { file -> (entry: OutputManifest.Entry, reused: Bool) in
            switch file.contents {
            case .data(let data):
                let entry = data.withUnsafeBytes { OutputManifest.Entry(size: data.count, hash: ContentHash.hash($0)) }
                if let previous, let old, previous.manifest.entries[file.path] == entry,
                    reuse(file.path, from: old, into: target, ifEqualTo: data)
                {
                    return (entry, true)
                }
                try writeData(data, to: file.path, in: target, folder: folder)
                return (entry, false)
            case .copy(let source):
                // A copied picture is known by size and modification time, as `make` and `rsync` know files.
                var info = stat()
                let known = stat(source.path, &info) == 0
                let stamp = UInt64(bitPattern: Int64(info.st_mtim.tv_sec)) &* 1_000_000_007 &+ UInt64(info.st_mtim.tv_nsec)
                let entry = OutputManifest.Entry(size: Int(info.st_size), hash: stamp)
                if known, let previous, let old, previous.manifest.entries[file.path] == entry,
                    linkat(old.descriptor.descriptor, file.path, target.descriptor, file.path, 0) == 0
                {
                    return (entry, true)
                }
                try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(file.path, isDirectory: false))
                return (entry, false)
            }
        }
    }

    /// An open folder that paths are resolved against (`openat`), closed when no longer used.
    final class FolderDescriptor: Sendable {
        let descriptor: Int32

        init(_ path: String) throws {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw BuildError.writeFailed("\(path): \(String(cString: strerror(errno)))") }
        }

        deinit { close(descriptor) }
    }

    private static func writeFailed(_ folder: URL, _ relative: String) -> BuildError {
        BuildError.writeFailed("\(folder.path)/\(relative): \(String(cString: strerror(errno)))")
    }

    /// Hard-links the previous output's file when its bytes are `data` (compared, since the manifest's hash is no
    /// proof): the new site then shares the unchanged file with the old one until the old one is removed.
    private static func reuse(_ path: String, from old: (folder: URL, descriptor: FolderDescriptor), into new: FolderDescriptor,
                              ifEqualTo data: Data) -> Bool {
        FileManager.default.contents(atPath: old.folder.path + "/" + path) == data
            && linkat(old.descriptor.descriptor, path, new.descriptor, path, 0) == 0
    }

    /// Writes a new file without the fsync Foundation's `Data.write` does: the swap makes the site
    /// visible only as a whole, and syncing each of thousands of pages would multiply the build time.
    private static func writeData(_ data: Data, to path: String, in target: FolderDescriptor, folder: URL) throws {
        let descriptor = openat(target.descriptor, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeFailed(folder, path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeFailed(folder, path)
                }
                offset += written
            }
        }
    }

    private static func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// `.output.vorort-` for `output`; followed by the writing process's id and a random part.
    static func stagingPrefix(of output: URL) -> String {
        ".\(output.lastPathComponent).vorort-"
    }

    /// A build killed while writing leaves its staging folder behind; the next build removes those whose process is gone.
    static func removeAbandonedStagingFolders(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix(of: output)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) != 0, errno == ESRCH {
                RemoveTree.remove(parent.appendingPathComponent(name).path)
            }
        }
    }

    /// A folder is replaced only when it is vorort's own output or empty: `--output ~/Dokumente` must never wipe documents.
    /// A symbolic link or a mount point cannot be swapped as a whole, and a folder that cannot be listed might hold anything.
    static func checkReplaceable(_ output: URL) throws {
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return }  // nothing there yet
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) ?? "?"
            throw BuildError.outputNotReplaceable(
                "\(output.path) ist ein symbolischer Link (auf \(target)); vorort ersetzt den Ausgabeordner als Ganzes und würde den Link ersetzen. Geben Sie mit --output den Zielordner selbst an.")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw BuildError.outputNotReplaceable("\(output.path) ist eine Datei, kein Ordner.")
        }
        var parentInfo = stat()
        if stat(output.deletingLastPathComponent().path, &parentInfo) == 0, parentInfo.st_dev != info.st_dev {
            throw BuildError.outputNotReplaceable(
                "\(output.path) ist ein eingehängtes Laufwerk (Einhängepunkt) und kann nicht als Ganzes ausgetauscht werden. Geben Sie einen Unterordner darin an, z. B. --output \(output.path)/website.")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: output.path)
        } catch {
            throw BuildError.outputNotReplaceable(
                "Der Inhalt von \(output.path) kann nicht gelesen werden; vorort ersetzt keinen Ordner, dessen Inhalt es nicht kennt. Prüfen Sie die Zugriffsrechte.")
        }
        if !entries.isEmpty, !entries.contains(markerFile) {
            throw BuildError.outputNotReplaceable(
                "\(output.path) enthält Dateien, die nicht von vorort stammen. Wählen Sie mit --output einen leeren oder neuen Ordner.")
        }
    }

    private static func swap(_ staging: URL, into output: URL) throws {
        let manager = FileManager.default
        // No output yet: a plain rename. If another build created it meanwhile, exchange with that one instead.
        if !manager.fileExists(atPath: output.path), (try? manager.moveItem(at: staging, to: output)) != nil {
            return
        }
        // One atomic exchange where the file system supports it; afterwards `staging` holds the old site.
        if vorort_exchange_paths(staging.path, output.path) == 0 {
            // The new site is in place; an old copy that cannot be removed now is removed by the next build.
            RemoveTree.removeOnAllCores(staging.path)
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
        RemoveTree.removeOnAllCores(old.path)
    }
}
