/// Names residents tell things apart by: two municipalities of the same name (a copied folder) publish the district
/// twice over, and two offers, contact points, stories or pages of the same title next to each other in a list
/// cannot be told apart. Names are compared as readers see them: case and runs of spaces do not count.
enum UniqueNames {
    struct Named {
        var file: String
        var name: String
        var location: SourceLocation
        /// Names need only differ within this (an owner's slug; "" for the whole site).
        var scope: String = ""
        /// Taken as the original of its name before others (a municipality in the folder its name suggests).
        var isLikelyOriginal = false
    }

    /// One finding per file that repeats a name of its scope (likely originals first, then in path order); the
    /// message says which file has it first. `message(name, first)` and `hint(name)` speak of the kind of item.
    static func check(_ items: [Named], severity: Severity, message: (String, Named) -> String, hint: (String) -> String) -> [Diagnostic] {
        // Grouped by name first and only groups of two or more sorted: at 10,000 offers sorting them all took a
        // good part of a preview update after a title edit, and almost every name is unique.
        var groups: [String: [Named]] = [:]
        for item in items { groups[item.scope + "\u{0}" + folded(item.name), default: []].append(item) }
        var findings: [Diagnostic] = []
        for group in groups.values where group.count > 1 {
            let ordered = group.sorted { ($0.isLikelyOriginal ? 0 : 1, $0.file) < ($1.isLikelyOriginal ? 0 : 1, $1.file) }
            for item in ordered.dropFirst() {
                findings.append(Diagnostic(file: item.file, location: item.location, severity: severity, rule: "duplicate-name",
                                           message: message(item.name, ordered[0]), hint: hint(item.name)))
            }
        }
        return findings.sorted { ($0.file, $0.location.line) < ($1.file, $1.location.line) }
    }

    /// The name as readers tell names apart: lower case, runs of white space as one space, none at the ends.
    /// Scalar by scalar, with a shortcut for ASCII: `lowercased()` and splitting by Characters took most of this
    /// check's time at 10,000 offers, and it runs again after every title edit in the preview.
    static func folded(_ name: String) -> String {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(" ")
                pendingSpace = false
            }
            if (0x41...0x5A).contains(value) {
                folded.append(Unicode.Scalar(value + 0x20)!)
            } else if value >= 0x80, scalar.properties.changesWhenLowercased {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    static func municipalities(_ items: [Municipality]) -> [Diagnostic] {
        check(items.map { Named(file: $0.origin.file, name: $0.name, location: $0.nameLocation,
                                isLikelyOriginal: ContentPath.suggestSlug($0.name) == $0.slug) }, severity: .error,
              message: { "Eine Gemeinde namens `\($0)` gibt es schon (`\($1.file)`); beide erschienen auf der Website unter demselben Namen." },
              hint: { _ in "Ist der Ordner eine Kopie, löschen Sie ihn; sonst schreiben Sie unter `name:` den Namen dieser Gemeinde." })
    }

    /// Items of one owner (offers, contact points, stories): a warning, since two different things may share a name.
    static func ofOwner(_ items: [Named], thing: String, key: String, in index: SiteIndex) -> [Diagnostic] {
        check(items, severity: .warning,
              message: { name, first in
                  let owner = first.scope.isEmpty ? index.ownerName(.district) : index.ownerName(.municipality(first.scope))
                  return "\(thing) `\(name)` gibt es bei \(owner) schon (`\(first.file)`); in Listen sind die beiden nicht zu unterscheiden."
              },
              hint: { name in "Geben Sie beiden einen eigenen Titel, z. B. `\(key): \(name) (Nord)`; ist es dasselbe, löschen Sie eine der Dateien." })
    }
}
