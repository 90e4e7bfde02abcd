/// Classifies a path below `content/` by the folder names editors use.
enum ContentPath {
    enum Classification: Equatable {
        case content(ContentRole)
        /// `<slug>.<lang>.md`: the translation of the file `<slug>.md` beside it.
        case translation(ContentRole, language: String)
        /// A picture in a folder of texts, published when a text there uses it (also a format browsers cannot show,
        /// so that using it gives the one finding that says so).
        case picture
        case unexpected(reason: String)
        /// Meant as content but named so that it would not be published (`sprachcafe.markdown`, `sprachcafe.EN.md`).
        case misnamed(MisnamedContentFile.Finding)
    }

    static let pictureExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif"]

    /// Whether `fileName` names a picture: one browsers show, or one they do not (`.heic`), which is reported where
    /// a text uses it.
    static func isPicture(_ fileName: String) -> Bool {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return false }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        return pictureExtensions.contains(ext) || PictureFormat.unshowable.contains(ext)
    }

    /// `components` are the path components below `content/`. The places come from the types' declarations.
    static func classify(_ components: [String]) -> Classification {
        guard let fileName = components.last else { return .unexpected(reason: "leerer Pfad") }
        let folders = Array(components.dropLast())
        let misnamed = MisnamedContentFile.check(fileName) { suggested in
            switch classify(folders + [suggested]) {
            case .content, .translation: true
            default: false
            }
        }
        if let misnamed { return .misnamed(misnamed) }
        // Any folder that holds texts may hold the pictures they use: the folder where an `index.md` would be a text.
        if isPicture(fileName), case .content(let role) = classify(folders + ["index.md"]), role.type.type.placement.isMarkdown {
            return .picture
        }

        if fileName.hasSuffix(".md") {
            let stem = String(fileName.dropLast(3))
            let parts = stem.split(ascii: ".", omittingEmptySubsequences: false)
            if parts.count == 2, isLanguageCode(String(parts[1])) {
                // A translation lives where its original lives and takes the original's role.
                guard case .content(let role) = classify(folders + [parts[0] + ".md"]), role.type.type.placement.isMarkdown else {
                    return .unexpected(reason: "Zu dieser Übersetzung gehört keine Stelle, an der ein deutscher Text stehen kann.")
                }
                return .translation(role, language: String(parts[1]))
            }
        }
        func owned(_ placement: ContentPlacement, _ owner: Owner, slug: String) -> Classification? {
            ContentTypes.type(for: placement).map { .content(ContentRole($0, owner: owner, slug: slug)) }
        }
        func ownerData(_ owner: Owner) -> Classification? {
            let slug = String(fileName.split(ascii: ".").first ?? "")
            return ContentTypes.type(for: .ownerData(file: fileName)).map { .content(ContentRole($0, owner: owner, slug: slug)) }
        }
        switch folders.count {
        case 1 where folders[0] == "kreis":
            if fileName == "index.md", let found = owned(.districtIndex, .district, slug: "kreis") { return found }
            if let found = ownerData(.district) { return found }
        case 1:
            if let slug = markdownSlug(fileName), let found = owned(.sitePages(folder: folders[0]), .district, slug: canonicalSlug(slug)) {
                return found
            }
        case 2 where folders[0] == "kreis":
            return item(folder: folders[1], fileName: fileName, owner: .district)
        case 2 where folders[0] == "gemeinden":
            let slug = canonicalSlug(folders[1])
            if fileName == "index.md", let found = owned(.municipalityIndex, .municipality(slug), slug: slug) { return found }
            if let found = ownerData(.municipality(slug)) { return found }
        case 3 where folders[0] == "gemeinden":
            return item(folder: folders[2], fileName: fileName, owner: .municipality(canonicalSlug(folders[1])))
        default:
            break
        }
        return .unexpected(reason: "Diese Datei liegt an keiner Stelle, die vorort kennt.")
    }

    private static func item(folder: String, fileName: String, owner: Owner) -> Classification {
        guard let type = ContentTypes.itemFolders[folder] else {
            return .unexpected(reason: "Der Ordner `\(folder)/` ist unbekannt; erlaubt sind \(ContentTypes.itemFolders.keys.sorted().map { "`\($0)/`" }.joined(separator: ", ")).")
        }
        guard let slug = markdownSlug(fileName).map(canonicalSlug) else {
            return .unexpected(reason: "In `\(folder)/` gehören nur Markdown-Dateien (`.md`).")
        }
        return .content(ContentRole(type, owner: owner, slug: slug))
    }

    private static func markdownSlug(_ fileName: String) -> String? {
        guard fileName.hasSuffix(".md"), fileName.count > 3 else { return nil }
        return String(fileName.dropLast(3))
    }

    /// `en`, `ar`, `uk`, `tr`, also `de-x-ls` style tags for Leichte Sprache.
    static func isLanguageCode(_ s: String) -> Bool {
        let pieces = s.split(ascii: "-", omittingEmptySubsequences: false)
        guard let first = pieces.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return pieces.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }

    /// Slugs become URL segments: lowercase ASCII letters, digits and single inner hyphens.
    static func isValidSlug(_ s: String) -> Bool {
        // The letters first: once they are ASCII, the other tests are on bytes (no search through Foundation).
        let bytes = s.utf8
        guard !bytes.isEmpty, bytes.count <= 100,
              bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }),
              bytes.first != 0x2D, bytes.last != 0x2D
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x2D, previous == 0x2D { return false }
            previous = byte
        }
        return true
    }

    /// The address form of a file or folder name: names with German letters, in NFC or NFD, are accepted and
    /// written the way German does without umlauts (`bürgerbüro` → `buergerbuero`), so both normalisation forms
    /// give one address. Other names stay as they are and fail `isValidSlug` with a suggestion.
    static func canonicalSlug(_ name: String) -> String {
        if isValidSlug(name) { return name }
        let nfc = name.precomposedStringWithCanonicalMapping
        guard nfc.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || "äöüß".unicodeScalars.contains($0) })
        else { return name }
        let transliterated = transliterate(nfc)
        return isValidSlug(transliterated) ? transliterated : name
    }

    /// `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss` (lowercase only; names are compared in lowercase).
    static func transliterate(_ text: String) -> String {
        // ASCII is its own canonical form and has none of the four letters.
        if text.isASCIIText { return text }
        var out = ""
        for character in text.precomposedStringWithCanonicalMapping {
            switch character {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default: out.append(character)
            }
        }
        return out
    }

    /// A slug suggestion for an invalid name or a title: `Sprach Café` → `sprach-cafe`, `Türkçe für alle` →
    /// `tuerkce-fuer-alle`. German letters are written the German way (as `canonicalSlug` does), other accents are
    /// dropped, everything else separates words; at most 100 characters, cut between words.
    static func suggestSlug(_ s: String) -> String {
        let folded = transliterate(s.lowercased()).folding(options: .diacriticInsensitive, locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        if out.hasSuffix("-") { out.removeLast() }
        while out.count > 100 {
            let cut = out.prefix(100)
            out = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        return out
    }
}

import Foundation
