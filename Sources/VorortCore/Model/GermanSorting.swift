/// Alphabetical order as German readers expect it (DIN 5007, variant 1: ä = a, ß = ss, case ignored),
/// with a key computed once per item: a locale-aware comparison per pair created a locale object every time.
enum GermanSorting {
    static func key(_ text: String) -> String {
        var key = ""
        key.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            switch character {
            case "ä", "à", "á", "â": key.append("a")
            case "ö", "ò", "ó", "ô": key.append("o")
            case "ü", "ù", "ú", "û": key.append("u")
            case "é", "è", "ê": key.append("e")
            case "ß": key.append("ss")
            default: key.append(character)
            }
        }
        return key
    }

    /// Sorts by the German key of `text`; ties keep their original order.
    static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.enumerated()
            .map { (key: key(text($0.element)), position: $0.offset, item: $0.element) }
            .sorted { ($0.key, $0.position) < ($1.key, $1.position) }
            .map(\.item)
    }
}
