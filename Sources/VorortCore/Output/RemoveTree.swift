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

    /// Empties the folder open as `folder` (the descriptor is consumed by `fdopendir` and closed by the caller's `close`).
    private static func removeContents(of folder: Int32) {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
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
