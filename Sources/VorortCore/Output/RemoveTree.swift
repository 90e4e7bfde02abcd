#if canImport(Glibc)
import Glibc
#endif

/// Removes a folder and everything in it with `unlinkat`, never following a symbolic link. Foundation's
/// `removeItem` asks for attributes of every entry and took seconds for an old site of a few thousand pages.
enum RemoveTree {
    /// Best effort: what cannot be removed stays (the next build removes abandoned folders again).
    static func remove(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 {
            unlink(path)
            return
        }
        removeContents(of: descriptor)
        close(descriptor)
        rmdir(path)
    }

    /// The same on all cores: the folders two levels down (a site's municipalities, say) are removed side by side, then
    /// the rest. Replacing a site of 100,000 pages took 2.6 s on one core, the last thing a rebuild waited for.
    static func removeOnAllCores(_ path: String) {
        var folders: [String] = []
        for child in subfolders(of: path) {
            let grandchildren = subfolders(of: child)
            folders += grandchildren.isEmpty ? [child] : grandchildren
        }
        _ = Parallel.map(folders) { remove($0) }
        remove(path)
    }

    /// The folders directly inside `path` (not links to folders), as paths.
    private static func subfolders(of path: String) -> [String] {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        return entries(of: descriptor).filter { $0.isFolder }.map { path + "/" + $0.name }
    }

    /// The names in the folder open as `folder`, and whether the directory says each is a folder.
    private static func entries(of folder: Int32) -> [(name: String, isFolder: Bool)] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        var found: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { found.append((name, entry.pointee.d_type == UInt8(DT_DIR))) }
        }
        return found
    }

    /// Empties the folder open as `folder` (the descriptor stays open; the caller closes it).
    private static func removeContents(of folder: Int32) {
        let names = entries(of: folder).map(\.name)
        for name in names {
            if unlinkat(folder, name, 0) == 0 { continue }
            // A folder: empty it first (opened without following links, so a link is removed, never its target).
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { continue }
            removeContents(of: child)
            close(child)
            unlinkat(folder, name, AT_REMOVEDIR)
        }
    }
}
