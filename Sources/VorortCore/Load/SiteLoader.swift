import Foundation

/// Everything read from disk before parsing: the first stage of the pipeline.
public struct LoadedSite: Sendable {
    public var root: URL
    public var siteConfig: SourceFile?
    public var content: [(role: ContentRole, file: SourceFile)] = []
    /// `<slug>.<lang>.md` files, with the role of their original.
    public var translations: [(role: ContentRole, language: String, file: SourceFile)] = []
    /// `site.<lang>.yml` files: the texts of `site.yml` translated, by language code.
    public var siteTexts: [(language: String, file: SourceFile)] = []
    /// Pictures in the folders of texts, with their size, by path relative to the site root (also those in formats
    /// browsers cannot show, so that a text using one is told why it is not published).
    public var pictures: [String: PictureFile] = [:]
    public var assets: Set<String> { Set(pictures.keys) }
    /// Folder names below `content/gemeinden/`, whether or not they hold an `index.md`.
    public var municipalityFolders: [String] = []
    /// Content files (not translations) that were found but could not be read; their finding is in `diagnostics`.
    public var unreadableContent: [(role: ContentRole, path: String)] = []
    public var diagnostics: [Diagnostic] = []

    /// Number of files looked at, for the summary line.
    public var fileCount: Int { content.count + translations.count + siteTexts.count + (siteConfig == nil ? 0 : 1) + pictures.count }
}

/// Reads `site.yml` and walks `content/`, deciding from each file's place what it is.
public enum SiteLoader {
    /// Content files larger than this are refused: no editor writes a page of megabytes, and parsing them would slow every build.
    public static let maximumFileSize = 2 * 1024 * 1024
    /// Pictures larger than this are refused: residents load them over slow mobile connections.
    public static let maximumPictureSize = 10 * 1024 * 1024

    public static func load(root: URL) -> LoadedSite {
        var site = LoadedSite(root: root)
        let configURL = root.appendingPathComponent("site.yml")
        if FileManager.default.fileExists(atPath: configURL.path) {
            site.siteConfig = readText(at: configURL, relativePath: "site.yml", into: &site.diagnostics)
        } else {
            site.diagnostics.append(Diagnostic(
                file: "site.yml", location: .start, severity: .error, rule: "missing-file",
                message: "Die Datei `site.yml` fehlt im Ordner der Website.",
                hint: "Legen Sie `site.yml` mit district, title, baseURL, language, theme und categories an (siehe docs/redaktion.md)."))
        }

        let rootNames: [String]
        do {
            rootNames = try FileManager.default.contentsOfDirectory(atPath: root.path)
        } catch {
            site.diagnostics.append(unlistable("."))
            rootNames = []
        }
        for name in rootNames.sorted()
        where name.hasPrefix("site.") && name.hasSuffix(".yml") && name != "site.yml" {
            let code = String(name.dropFirst("site.".count).dropLast(".yml".count))
            guard ContentPath.isLanguageCode(code) else { continue }
            if let file = readText(at: root.appendingPathComponent(name), relativePath: name, into: &site.diagnostics) {
                site.siteTexts.append((code, file))
            }
        }

        let contentURL = root.appendingPathComponent("content")
        if isSymbolicLink(contentURL) {
            site.diagnostics.append(Diagnostic(
                file: "content", location: .start, severity: .error, rule: "symlink",
                message: "Der Ordner `content/` ist ein symbolischer Link; er wird nicht gelesen.",
                hint: "Legen Sie den Ordner selbst in den Ordner der Website."))
            return site
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            site.diagnostics.append(Diagnostic(
                file: "content", location: .start, severity: .error, rule: "missing-file",
                message: "Der Ordner `content/` fehlt.",
                hint: "Legen Sie `content/kreis/index.md` und für jede Gemeinde `content/gemeinden/<name>/index.md` an."))
            return site
        }
        var found = Found()
        walk(contentURL.path, components: [], into: &found)
        site.diagnostics += found.diagnostics
        site.municipalityFolders = found.municipalityFolders
        let pending = found.pending, pictures = found.pictures
        // Only the few header bytes that hold the pixel size are read; a picture is copied when published.
        let pixelSizes = Parallel.map(pictures) { picture in
            ImageSize.read(fileAt: root.appendingPathComponent(picture.path))
        }
        for (picture, pixels) in zip(pictures, pixelSizes) {
            site.pictures[picture.path] = PictureFile(bytes: picture.bytes, pixels: pixels)
        }
        // Reading and decoding is independent per file: on all cores, results kept in walk order.
        let read = Parallel.map(pending) { job -> (SourceFile?, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let file = readText(atPath: job.path, relativePath: job.relativePath, knownSize: job.size, into: &diagnostics)
            return (file, diagnostics)
        }
        for (job, (file, diagnostics)) in zip(pending, read) {
            site.diagnostics += diagnostics
            guard let file else {
                if job.language == nil { site.unreadableContent.append((job.role, job.relativePath)) }
                continue
            }
            if let language = job.language {
                site.translations.append((job.role, language, file))
            } else {
                site.content.append((job.role, file))
            }
        }

        // The district's and every municipality's index are required: they carry the names the other pages show.
        let indexes = Set(site.content.compactMap { entry -> Owner? in
            let placement = entry.role.type.type.placement
            return placement == .districtIndex || placement == .municipalityIndex ? entry.role.owner : nil
        })
        if !indexes.contains(.district) {
            site.diagnostics.append(Diagnostic(
                file: "content/kreis/index.md", location: .start, severity: .error, rule: "missing-index",
                message: "Die Startseite des Landkreises `content/kreis/index.md` fehlt.",
                hint: "Legen Sie die Datei mit title und summary im Vorspann und einer Einleitung als Text an."))
        }
        for folder in site.municipalityFolders where !indexes.contains(.municipality(ContentPath.canonicalSlug(folder))) {
            site.diagnostics.append(Diagnostic(
                file: "content/gemeinden/\(folder)/index.md", location: .start, severity: .error, rule: "missing-index",
                message: "Der Ordner der Gemeinde `\(folder)` hat keine `index.md`.",
                hint: "Legen Sie `content/gemeinden/\(folder)/index.md` mit name, kind (Stadt oder Gemeinde) und summary an."))
        }
        return site
    }

    /// A text file found by the walk, read afterwards together with all others.
    private struct PendingRead: Sendable {
        var role: ContentRole
        /// Set for translations.
        var language: String?
        /// The file's path on disk (the walk works with paths: making a `URL` for each file was a good part of it).
        var path: String
        var relativePath: String
        var size: Int
    }

    /// The type and size of a path itself (a link is not followed), with one system call.
    private static func status(_ path: String) -> (type: mode_t, size: Int)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT, Int(info.st_size))
    }

    /// What the walk of `content/` found, in the order of the walk.
    private struct Found: Sendable {
        var diagnostics: [Diagnostic] = []
        var pending: [PendingRead] = []
        var pictures: [(path: String, bytes: Int)] = []
        /// Folder names below `content/gemeinden/`.
        var municipalityFolders: [String] = []

        mutating func append(_ other: Found) {
            diagnostics += other.diagnostics
            pending += other.pending
            pictures += other.pictures
            municipalityFolders += other.municipalityFolders
        }
    }

    /// A folder's contents in the walk, in order: what a run of its files said, or a folder to walk.
    private enum Entry: Sendable {
        case found(Found)
        case folder(path: String, components: [String])
    }

    private static func walk(_ directory: String, components: [String], into found: inout Found) {
        let manager = FileManager.default
        let relativeDirectory = (["content"] + components).joined(separator: "/")
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            found.diagnostics.append(unlistable(relativeDirectory))
            return
        }
        // Names that differ only in letter case or Unicode normalisation would map to one address (and to one
        // file on case-insensitive disks): all of them are refused.
        let visible = names.filter { !$0.hasPrefix(".") }
        let groups = Dictionary(grouping: visible) { ContentPath.transliterate($0.lowercased()) }
        var colliding = Set<String>()
        for (_, group) in groups where group.count > 1 {
            for name in group.sorted() {
                colliding.insert(name)
                let others = group.filter { $0 != name }.map { "`\($0)`" }.joined(separator: ", ")
                found.diagnostics.append(Diagnostic(
                    file: (["content"] + components + [name]).joined(separator: "/"), location: .start, severity: .error,
                    rule: "name-collision",
                    message: "Der Name unterscheidet sich von \(others) nur in Groß- und Kleinschreibung, Umlautschreibung oder Unicode-Form; beide ergäben dieselbe Adresse.",
                    hint: "Benennen Sie eine der Dateien um oder löschen Sie die doppelte."))
            }
        }
        // Sorted so that findings and output are the same on every machine. What the files say is gathered in `here`
        // until a folder comes, which is walked afterwards in its place among them.
        var entries: [Entry] = []
        var here = Found()
        for name in visible.sorted() where !colliding.contains(name) {
            let file = directory + "/" + name
            let path = components + [name]
            let relativePath = (["content"] + path).joined(separator: "/")
            // A name that is not UTF-8 (a Latin-1 `café.md` from an old zip) comes back with U+FFFD in it and cannot
            // be opened by that name: a finding, not a file silently left out.
            if name.unicodeScalars.contains("\u{FFFD}") {
                here.diagnostics.append(Diagnostic(
                    file: relativePath, location: .start, severity: .error, rule: "encoding",
                    message: "Der Name dieser Datei oder dieses Ordners ist nicht in UTF-8 kodiert; vorort kann sie nicht lesen.",
                    hint: "Benennen Sie sie um, am besten nur mit Kleinbuchstaben, Ziffern und Bindestrichen (z. B. `cafe.md`)."))
                continue
            }
            let status = status(file)
            switch status?.type {
            case nil:
                here.diagnostics.append(Diagnostic(
                    file: relativePath, location: .start, severity: .error, rule: "file-unreadable",
                    message: "Die Datei kann nicht gelesen werden.", hint: "Prüfen Sie die Zugriffsrechte und den Namen der Datei."))
            case S_IFLNK?:
                here.diagnostics.append(Diagnostic(
                    file: relativePath, location: .start, severity: .error, rule: "symlink",
                    message: "Symbolische Links werden nicht gelesen.",
                    hint: "Legen Sie die Datei selbst an diese Stelle, keinen Link auf sie."))
            case S_IFDIR?:
                if components == ["gemeinden"] { here.municipalityFolders.append(name) }
                entries += [.found(here), .folder(path: file, components: path)]
                here = Found()
            case S_IFREG?:
                classify(file, components: path, relativePath: relativePath, size: status?.size ?? 0, into: &here)
            default:
                here.diagnostics.append(Diagnostic(
                    file: relativePath, location: .start, severity: .warning, rule: "unexpected-file",
                    message: "Das ist keine gewöhnliche Datei; sie wird übergangen.", hint: "Entfernen Sie sie aus `content/`."))
            }
        }
        entries.append(.found(here))
        // The folders of the municipalities (and of the district's kinds of content) are walked on all cores, each
        // into its own list, joined in the order of the names; deeper folders are walked where they are met.
        let walked = Parallel.map(entries, workers: components.count == 1 ? Parallel.defaultWorkers : 1) { entry -> Found in
            switch entry {
            case .found(let here): return here
            case .folder(let path, let components):
                var inside = Found()
                walk(path, components: components, into: &inside)
                return inside
            }
        }
        for part in walked { found.append(part) }
    }

    private static func classify(_ file: String, components: [String], relativePath: String, size: Int, into found: inout Found) {
        switch ContentPath.classify(components) {
        case .content(let role):
            found.pending.append(PendingRead(role: role, language: nil, path: file, relativePath: relativePath, size: size))
        case .translation(let role, let language):
            found.pending.append(PendingRead(role: role, language: language, path: file, relativePath: relativePath, size: size))
        case .picture:
            // Looked at by size and header only: a picture is copied when published, never read into memory.
            if size > maximumPictureSize {
                found.diagnostics.append(Diagnostic(
                    file: relativePath, location: .start, severity: .error, rule: "file-too-large",
                    message: "Das Bild ist \(size / 1024 / 1024) MiB groß; erlaubt sind höchstens \(maximumPictureSize / 1024 / 1024) MiB.",
                    hint: "Verkleinern Sie das Bild (z. B. auf 1600 Pixel Breite als JPEG); auf dem Handy lädt es sonst minutenlang."))
            }
            found.pictures.append((relativePath, size))
        case .misnamed(let finding):
            found.diagnostics.append(Diagnostic(
                file: relativePath, location: .start, severity: .error, rule: "misnamed-file",
                message: finding.message, hint: finding.hint))
        case .unexpected(let reason):
            found.diagnostics.append(Diagnostic(
                file: relativePath, location: .start, severity: .warning, rule: "unexpected-file",
                message: "Datei wird nicht veröffentlicht: \(reason)",
                hint: "Verschieben Sie sie an die richtige Stelle (siehe docs/redaktion.md, „Wo Ihre Dateien liegen“) oder entfernen Sie sie."))
        }
    }

    /// Reads a text file; unreadable, oversized and non-UTF-8 files become findings instead of failures.
    /// `knownSize`: the size from the walk, which already knows the file is a regular file and no link.
    static func readText(at url: URL, relativePath: String, knownSize: Int? = nil, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        readText(atPath: url.path, relativePath: relativePath, knownSize: knownSize, into: &diagnostics)
    }

    /// The same for a path on disk.
    static func readText(atPath path: String, relativePath: String, knownSize: Int? = nil, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        func fail(_ rule: String, _ line: Int, _ message: String, _ hint: String) -> SourceFile? {
            diagnostics.append(Diagnostic(
                file: relativePath, location: SourceLocation(line: line, column: 1), severity: .error,
                rule: rule, message: message, hint: hint))
            return nil
        }
        let size: Int
        if let knownSize {
            size = knownSize
        } else {
            let found = status(path)
            if found?.type == S_IFLNK {
                return fail("symlink", 1, "Symbolische Links werden nicht gelesen.", "Legen Sie die Datei selbst an diese Stelle, keinen Link auf sie.")
            }
            // A named pipe or device would block the read forever (or never end): only regular files are read.
            if let type = found?.type, type != S_IFREG {
                return fail("file-unreadable", 1, "Das ist keine gewöhnliche Datei (z. B. eine benannte Pipe oder ein Gerät); sie wird nicht gelesen.",
                            "Ersetzen Sie sie durch eine gewöhnliche Textdatei.")
            }
            size = found?.size ?? 0
        }
        if size > maximumFileSize {
            return fail("file-too-large", 1,
                "Die Datei ist \(size / 1024) KiB groß; erlaubt sind höchstens \(maximumFileSize / 1024 / 1024) MiB.",
                "Teilen Sie den Text auf mehrere Dateien auf oder entfernen Sie eingefügte Daten.")
        }
        guard let bytes = readBytes(atPath: path, expected: size) else {
            return fail("file-unreadable", 1, "Die Datei kann nicht gelesen werden.", "Prüfen Sie die Zugriffsrechte der Datei.")
        }
        // Decoded as `String(data:encoding: .utf8)` decodes (one byte-order mark dropped, nil for bytes that are not
        // UTF-8), without Foundation's detour over a generic decoder.
        let utf8 = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let decoded = String(validating: utf8, as: UTF8.self) else {
            let line = lineOfFirstInvalidUTF8(in: Data(bytes))
            return fail("encoding", line, "Die Datei ist nicht in UTF-8 kodiert (ungültiges Byte in Zeile \(line)).",
                "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.")
        }
        var text = decoded
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Nearly every file has neither a carriage return nor a control character: one look at the bytes says so.
        guard ControlCharacters.mayContain(orCarriageReturn: utf8) else { return SourceFile(path: relativePath, text: text) }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let collector = DiagnosticCollector(file: relativePath)
        text = ControlCharacters.clean(text, collector: collector)
        diagnostics += collector.diagnostics
        return SourceFile(path: relativePath, text: text)
    }

    /// The bytes of the file, read to its end (`expected`, its size when last looked at, is only the first guess);
    /// nil when it cannot be opened or read. A symbolic link or a named pipe put there since it was looked at is not
    /// read (a pipe would block the read).
    static func readBytes(atPath path: String, expected: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // One byte more than expected, so that a file of the expected size ends with the first read: a read of a
        // regular file returns less than asked only at its end. Only regular files are read here (the walk or
        // `status` said so just before; a pipe put there since does not block, `O_NONBLOCK`).
        var chunk = max(expected, 4096) + 1
        while true {
            // Read into fresh, uninitialised storage: filling it with zeros first (`repeatElement`) went element by
            // element in debug builds and made the test suite several times slower.
            var failure: Int32?
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                let count = read(descriptor, buffer.baseAddress, chunk)
                if count < 0 { failure = errno }
                initialized = max(count, 0)
            }
            if let failure {
                if failure == EINTR { continue }
                return nil
            }
            if piece.isEmpty { return bytes }
            let reachedEnd = piece.count < chunk
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if reachedEnd { return bytes }
            chunk = max(chunk, 65536)
        }
    }

    /// A folder whose list of files cannot be read: an error, so the build stops before anything is replaced
    /// (treated as empty, its pages would silently vanish from the site).
    static func unlistable(_ folder: String) -> Diagnostic {
        Diagnostic(file: folder, location: .start, severity: .error, rule: "file-unreadable",
                   message: "Der Ordner kann nicht gelesen werden; seine Dateien fehlen sonst auf der Website.",
                   hint: "Prüfen Sie die Zugriffsrechte des Ordners (Lesen und Öffnen für den Benutzer, der vorort ausführt).")
    }

    /// Whether the path itself is a symbolic link (not followed): vorort reads nothing outside the site folder.
    static func isSymbolicLink(_ url: URL) -> Bool {
        status(url.path)?.type == S_IFLNK
    }

    static func lineOfFirstInvalidUTF8(in data: Data) -> Int {
        let bytes = [UInt8](data)
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if index + length > bytes.count { return line }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }
}
