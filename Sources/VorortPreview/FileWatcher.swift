import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches what a site is made of — `site.yml`, `site.<lang>.yml`, `content/`, `themes/` and `lint/` — with Linux's
/// inotify, including folders created later, and reports the changed paths relative to the site root in batches.
/// Editors' programs save in many ways (write in place, write a temporary file and rename it over the old one, save
/// twice in a row, delete, rename a folder): a batch is collected until the folder has been quiet for
/// `quietMilliseconds`, so one save is one rebuild, and temporary files the loader skips anyway are left out.
final class FileWatcher {
    /// The folders the site is read from, below the root.
    static let watchedFolders = ["content", "themes", "lint"]

    private let root: URL
    private let descriptor: Int32
    /// Watch descriptor → folder relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]

    init(root: URL) throws {
        self.root = root.standardizedFileURL
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw FileWatcherError.unavailable(errno) }
        add("")
        for folder in Self.watchedFolders { addTree(folder) }
    }

    deinit { close(descriptor) }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_ATTRIB)

    private func add(_ relative: String) {
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        // IN_DONTFOLLOW (0x02000000): a symbolic link is not followed into folders outside the site; IN_ONLYDIR (0x01000000).
        let watch = inotify_add_watch(descriptor, path, Self.mask | 0x0200_0000 | 0x0100_0000)
        if watch >= 0 { folders[watch] = relative }
    }

    /// A folder and every folder below it (a folder copied in with its contents arrives as one event).
    private func addTree(_ relative: String) {
        var isFolder: ObjCBool = false
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue,
              (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) != true else { return }
        add(relative)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            addTree(relative + "/" + name)
        }
    }

    /// Whether a path is part of the site (and not a temporary file of an editor program).
    static func isSiteFile(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return false }
        if [".swp", ".swx", ".tmp", ".part", ".crdownload"].contains(where: name.hasSuffix) || name.contains("___jb_") { return false }
        if !relative.contains("/") {
            return name == "site.yml" || (name.hasPrefix("site.") && name.hasSuffix(".yml")) || watchedFolders.contains(name)
        }
        return watchedFolders.contains { relative.hasPrefix($0 + "/") }
    }

    /// Waits for changes and returns them, sorted; waits at most `timeoutMilliseconds` (-1: for ever) for the first.
    func nextChanges(quietMilliseconds: Int32 = 30, timeoutMilliseconds: Int32 = -1) -> [String] {
        var changed = Set<String>()
        var wait = timeoutMilliseconds
        while true {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, wait)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            readEvents(into: &changed)
            // After the first event only a quiet pause ends the batch.
            wait = quietMilliseconds
        }
        // A name without extension that is gone again was a temporary file (`sed -i`, some editors): the save
        // itself arrives as the rename onto the real name.
        return changed.filter { path in
            Self.isSiteFile(path) && (path.split(separator: "/").last?.contains(".") == true
                || FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
        }.sorted()
    }

    private func readEvents(into changed: inout Set<String>) {
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        let length = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
        guard length > 0 else { return }
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= length {
            let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameStart = offset + header
            let nameBytes = buffer[nameStart..<min(nameStart + nameLength, length)].prefix { $0 != 0 }
            offset = nameStart + nameLength
            guard let folder = folders[watch] else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_DELETE_SELF) != 0 || mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            guard !name.isEmpty else { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            changed.insert(relative)
            // A new or moved-in folder: watch it, and report what it already holds.
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
               folder.isEmpty ? Self.watchedFolders.contains(name) : true {
                addTree(relative)
                for file in Self.files(below: root.appendingPathComponent(relative)) { changed.insert(relative + "/" + file) }
            }
        }
    }

    /// Every file below a folder, relative to it.
    private static func files(below folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }
    }
}

enum FileWatcherError: Error, CustomStringConvertible {
    case unavailable(Int32)

    var description: String {
        switch self {
        case .unavailable(let code): "Die Dateiüberwachung (inotify) steht nicht zur Verfügung: \(String(cString: strerror(code)))."
        }
    }
}
