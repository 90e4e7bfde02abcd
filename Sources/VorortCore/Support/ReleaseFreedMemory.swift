import CVorortSystem

/// Hands memory the process has freed back to the system. glibc keeps freed blocks for reuse, but the check frees the
/// texts of every file (about 400 MB at 100,000 pages) in small blocks between data that lives on, which rendering's
/// larger blocks cannot reuse; without this, that memory stays counted on top of what rendering needs. Called once
/// between check and render (after every batch it tripled the build's system time).
enum ReleaseFreedMemory {
    static func now() {
        vorort_release_freed_memory()
    }
}
