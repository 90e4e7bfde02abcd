import Foundation

/// `vorort new`: a new content file, written from its type's declaration alone — its place (`placement`), its keys
/// in declared order with their German explanation and example (`schema`) and the names the command accepts
/// (`commandNames`) — so a type declared in `ContentTypes/` can be created without any text of its own here.
///
/// The file is made so that `vorort check` reports exactly what the editor still has to do: the title and today's
/// date are filled in, required keys stand without a value (`missing-field`), recommended keys too (their warning),
/// and every optional key is a commented example that causes no finding.
public enum NewContent {
    /// What went wrong, in German for editors; the command line exits with 2.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownType(String)
        case emptyTitle
        case titleWithoutLetters(String)
        case invalidTitle(String)
        case noContentFolder(String)
        case placeRequired(type: String, places: [String])
        case placeNotAllowed(type: String)
        case unknownPlace(String, places: [String])
        case exists(path: String)
        case similarExists(path: String, existing: String)
        case notWritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unknownType(let name):
                "Eine Art von Inhalt `\(name)` gibt es nicht. Möglich sind: \(NewContent.typeNamesForHelp)."
            case .emptyTitle:
                "Der Titel ist leer. Schreiben Sie ihn in Anführungszeichen hinter die Art, z. B. `vorort new angebot \"Sprachcafé am Markt\" --in auenstein`."
            case .titleWithoutLetters(let title):
                "Aus dem Titel „\(title)“ lässt sich kein Dateiname bilden: Er enthält keine Buchstaben a–z oder Ziffern. Geben Sie einen Titel mit Buchstaben an."
            case .invalidTitle(let title):
                "Der Titel „\(Diagnostic.visible(title))“ enthält einen Zeilenumbruch oder ein Steuerzeichen. Schreiben Sie ihn in eine Zeile."
            case .noContentFolder(let site):
                "Im Ordner `\(site)` gibt es keinen Ordner `content/`. Geben Sie mit `--site` den Ordner der Website an."
            case .placeRequired(let type, let places):
                "Geben Sie mit `--in` an, wem der neue Inhalt (\(type)) gehört: `--in kreis` für den Landkreis oder der Ordner einer Gemeinde (\(NewContent.list(places)))."
            case .placeNotAllowed(let type):
                "`--in` gilt nur für \(NewContent.ownedTypeNames); für „\(type)“ lassen Sie `--in` weg."
            case .unknownPlace(let place, let places):
                "Eine Gemeinde `\(place)` gibt es nicht. Möglich sind `kreis` (der Landkreis) und die Ordner in `content/gemeinden/`: \(NewContent.list(places))."
            case .exists(let path):
                "`\(path)` gibt es schon; vorort überschreibt nichts. Öffnen Sie sie oder wählen Sie einen anderen Titel."
            case .similarExists(let path, let existing):
                "`\(path)` ergäbe dieselbe Adresse wie das vorhandene `\(existing)` (nur Groß- und Kleinschreibung oder Umlaute unterscheiden sich); vorort legt nichts an. Öffnen Sie die vorhandene Datei oder wählen Sie einen anderen Titel."
            case .notWritable(let path, let reason):
                "`\(path)` kann nicht angelegt werden (\(reason)). Prüfen Sie die Zugriffsrechte des Ordners."
            }
        }
    }

    /// The place `--in` names for owned items.
    public static let districtPlace = "kreis"

    /// The types `vorort new` creates: those with command names.
    public static var creatableTypes: [any ContentItem.Type] { ContentTypes.all.filter { !$0.commandNames.isEmpty } }

    /// `angebot|offer, anlaufstelle|contact-point, …`, for help texts and messages.
    public static var typeNamesForHelp: String {
        creatableTypes.map { $0.commandNames.joined(separator: "|") }.joined(separator: ", ")
    }

    /// The type called `name` in German or English, in any letter case.
    public static func type(named name: String) -> (any ContentItem.Type)? {
        let wanted = name.lowercased()
        return creatableTypes.first { $0.commandNames.contains(wanted) }
    }

    /// Writes a new file of the type called `typeName` with `title` and returns its path relative to the site root.
    /// `place`: `kreis` or a municipality's folder for owned items (required there, refused elsewhere). Never
    /// replaces a file, nor writes one whose name collides with an existing one (`name-collision`).
    public static func create(typeName: String, title rawTitle: String, place: String?, siteRoot: URL,
                              today: CalendarDate) throws(Problem) -> String {
        guard let type = type(named: typeName) else { throw .unknownType(typeName) }
        let title = rawTitle.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw .emptyTitle }
        guard !title.unicodeScalars.contains(where: Diagnostic.isInvisibleControl) else { throw .invalidTitle(title) }
        let slug = ContentPath.suggestSlug(title)
        guard ContentPath.isValidSlug(slug) else { throw .titleWithoutLetters(title) }

        let content = siteRoot.appendingPathComponent("content", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noContentFolder(siteRoot.path)
        }
        let owner = try owner(for: type, place: place, content: content)
        guard let components = pathComponents(of: type, slug: slug, owner: owner) else { throw .unknownType(typeName) }
        try refuseCollisions(components, in: siteRoot)

        let relativePath = components.joined(separator: "/")
        let url = siteRoot.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` opens with O_EXCL: a file that appeared since the look above is not replaced either.
            // LF line ends and UTF-8 without byte order mark, whatever the editor's system.
            try Data(text(for: type, title: title, owner: owner, today: today).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) { throw .exists(path: relativePath) }
            throw .notWritable(path: relativePath, reason: (error as NSError).localizedDescription)
        }
        return relativePath
    }

    /// Whose the new item is: `--in` for owned items, nobody's choice for site pages and municipalities.
    static func owner(for type: any ContentItem.Type, place: String?, content: URL) throws(Problem) -> Owner {
        let municipalities = municipalityFolders(content)
        guard case .ownedItems = type.placement else {
            if place != nil { throw .placeNotAllowed(type: type.displayName) }
            return .district
        }
        guard let place, !place.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .placeRequired(type: type.displayName, places: municipalities)
        }
        let wanted = place.trimmingCharacters(in: .whitespaces)
        if wanted.lowercased() == districtPlace || wanted.lowercased() == "landkreis" { return .district }
        // `Auenstein` and `bad sooden` find the folders `auenstein` and `bad-sooden`.
        if let folder = municipalities.first(where: { $0 == wanted || $0 == ContentPath.suggestSlug(wanted) }) {
            return .municipality(folder)
        }
        throw .unknownPlace(wanted, places: municipalities)
    }

    /// The folders below `content/gemeinden/`, sorted.
    static func municipalityFolders(_ content: URL) -> [String] {
        let folder = content.appendingPathComponent("gemeinden")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Where a new item goes, as path components from the site root; nil for placements that hold one fixed file.
    static func pathComponents(of type: any ContentItem.Type, slug: String, owner: Owner) -> [String]? {
        let ownerFolder = owner.municipalitySlug.map { ["content", "gemeinden", $0] } ?? ["content", "kreis"]
        switch type.placement {
        case .ownedItems(let folder): return ownerFolder + [folder, slug + ".md"]
        case .sitePages(let folder): return ["content", folder, slug + ".md"]
        case .municipalityIndex: return ["content", "gemeinden", slug, "index.md"]
        case .districtIndex, .ownerData: return nil
        }
    }

    /// Walks the new path from `content/` down: an existing file is never replaced, and no name may collide with an
    /// existing one the way the loader's `name-collision` compares names (letter case, umlauts, Unicode form).
    static func refuseCollisions(_ components: [String], in siteRoot: URL) throws(Problem) {
        var folder = siteRoot.appendingPathComponent(components[0])
        for (position, name) in components.enumerated().dropFirst() {
            let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            let path = components[...position].joined(separator: "/")
            let isLast = position == components.count - 1
            // A new municipality's folder must be new as well: its index would otherwise join someone else's.
            let mustBeNew = isLast || components.last == "index.md" && position == components.count - 2
            if existing.contains(name) {
                if mustBeNew { throw .exists(path: path) }
            } else if let similar = existing.first(where: { collisionKey($0) == collisionKey(name) }) {
                throw .similarExists(path: path, existing: (components[..<position] + [similar]).joined(separator: "/"))
            }
            folder.appendPathComponent(name)
        }
    }

    /// The form in which the loader compares names (`SiteLoader.walk`).
    static func collisionKey(_ name: String) -> String { ContentPath.transliterate(name.lowercased()) }

    // MARK: - The file

    /// The text of a new file: front matter from the declaration, no body yet.
    static func text(for type: any ContentItem.Type, title: String, owner: Owner, today: CalendarDate) -> String {
        let fields = type.schema.filter { field in
            if case .translationOnly = field.translation { return false }
            return !(field.districtOnly && owner != .district)
        }
        var lines = [
            "---",
            "# Zeilen, die mit # beginnen, erklären die Angaben und werden nicht veröffentlicht.",
            "# Füllen Sie jede Angabe mit „Pflicht“ aus.",
        ]
        if let optional = fields.first(where: { $0.prefill == .none && !$0.required && !$0.recommended }) {
            lines[2] += " Eine Angabe wie „# \(optional.key): …“ verwenden Sie,"
            lines.append("# indem Sie „# “ am Zeilenanfang löschen und das Beispiel durch Ihren Wert ersetzen.")
        }
        for field in fields {
            switch field.prefill {
            case .title:
                lines.append("# \(field.help)")
                lines.append("\(field.key): \(yamlScalar(title))")
            case .today:
                lines.append("# \(field.help)")
                lines.append("\(field.key): \(today.iso)")
            case .none where field.required || field.recommended:
                lines.append("# \(field.required ? "Pflicht" : "Empfohlen"): \(field.help)")
                lines.append("# Beispiel: \(field.key): \(field.example)")
                lines.append("\(field.key):")
            case .none:
                lines.append("# \(field.help)")
                lines.append("# \(field.key): \(field.example)")
            }
        }
        lines.append("# Unter der nächsten Zeile --- beginnt der Text (Markdown).")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The title as a YAML value: plain where YAML reads it back unchanged, else in double quotes.
    static func yamlScalar(_ text: String) -> String {
        let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
        let words: Set<String> = ["~", "null", "true", "false", "yes", "no", "on", "off"]
        let plain = !(text.first.map(indicators.contains) ?? true) && !text.contains(": ") && !text.contains(" #")
            && !text.hasSuffix(":") && !words.contains(text.lowercased()) && !text.contains("\\")
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// „Angebot, Anlaufstelle, Geschichte“: the types `--in` applies to.
    static var ownedTypeNames: String {
        creatableTypes.filter { if case .ownedItems = $0.placement { true } else { false } }.map { "„\($0.displayName)“" }
            .joined(separator: ", ")
    }

    static func list(_ places: [String]) -> String {
        places.isEmpty ? "noch keine" : places.map { "`\($0)`" }.joined(separator: ", ")
    }
}
