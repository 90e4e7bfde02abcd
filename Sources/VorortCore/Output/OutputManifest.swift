import Foundation

/// What a build wrote: every file's size and content hash, kept in the output folder, so the next build can take
/// unchanged files over from the previous output (as hard links) instead of writing them again.
struct OutputManifest: Sendable {
    static let fileName = ".vorort-manifest"

    struct Entry: Sendable, Hashable {
        var size: Int
        /// `ContentHash` of the bytes (pages), or size and modification time of the source (copied pictures). Not
        /// collision-proof, so a page is taken over only after its bytes compared equal (`OutputWriter`).
        var hash: UInt64
    }

    var entries: [String: Entry] = [:]

    static func read(from folder: URL) -> OutputManifest {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return OutputManifest() }
        var manifest = OutputManifest()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { continue }
            manifest.entries[String(parts[2])] = Entry(size: size, hash: hash)
        }
        return manifest
    }

    func write(to folder: URL) throws {
        var text = ""
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += String(entry.hash, radix: 16) + " " + String(entry.size) + " " + path + "\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent(OutputManifest.fileName))
    }
}
