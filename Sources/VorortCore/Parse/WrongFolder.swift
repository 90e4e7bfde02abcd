/// An offer saved in `anlaufstellen/` would give a dozen findings (every key unknown, every required one
/// missing). When the keys of a file fit another kind of item clearly better than the kind its folder says, that
/// is the one finding: where it belongs.
enum WrongFolder {
    /// The item type whose folder the file belongs in, when its keys say so; nil when its own type fits as well.
    static func betterType(for keys: [String], than own: any ContentItem.Type) -> (type: any ContentItem.Type, folder: String, telling: [String])? {
        guard case .ownedItems = own.placement else { return nil }
        // Nearly every file has only keys of its own type: looked up in the schema itself, before any set is made.
        let schema = own.schema
        guard keys.contains(where: { key in !schema.contains { $0.key == key } }) else { return nil }
        let ownKeys = Set(schema.map(\.key))
        let unknownForOwn = keys.filter { !ownKeys.contains($0) }
        guard !unknownForOwn.isEmpty else { return nil }
        let keySet = Set(keys)
        let ownMissesRequired = own.schema.contains { $0.required && !keySet.contains($0.key) }
        var best: (type: any ContentItem.Type, folder: String, telling: [String], known: Int)?
        for (folder, type) in ContentTypes.itemFolders.sorted(by: { $0.key < $1.key }) where type != own {
            let typeKeys = Set(type.schema.map(\.key))
            let known = keys.filter { typeKeys.contains($0) }.count
            let telling = unknownForOwn.filter { typeKeys.contains($0) }
            guard known > keys.count - unknownForOwn.count else { continue }
            // Two keys of the other kind, or every key of the file fits it while its own kind lacks a required one;
            // a single typo never moves a file.
            let fitsCompletely = known == keys.count && ownMissesRequired && !telling.isEmpty
            guard telling.count >= 2 || fitsCompletely else { continue }
            if known > best?.known ?? 0 { best = (type, folder, telling, known) }
        }
        return best.map { ($0.type, $0.folder, $0.telling) }
    }

    /// „ein Angebot“, „eine Anlaufstelle“, „eine Geschichte“.
    static func withArticle(_ type: any ContentItem.Type) -> String {
        switch type.displayName {
        case "Angebot": "ein Angebot"
        default: "eine \(type.displayName)"
        }
    }
}
