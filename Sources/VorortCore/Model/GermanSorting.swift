/// Alphabetical order as German readers expect it (DIN 5007, variant 1: ä = a, ß = ss, case ignored),
/// with a key computed once per item: a locale-aware comparison per pair created a locale object every time.
enum GermanSorting {
    /// The text folded for comparison: lower case, umlauts and accented vowels as their base letter, ß as ss.
    static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(scalars(text).compactMap(Unicode.Scalar.init)))
    }

    /// The folded text as scalar values. Sorting compares these arrays: comparing folded Strings went through
    /// Unicode's canonical ordering for every pair, and computing the keys by Characters was slower still — at
    /// 10,000 offers the two took about 60 ms of every preview update after a title edit.
    static func scalars(_ text: String) -> [UInt32] {
        var key: [UInt32] = []
        key.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: key.append(value + 0x20)  // A–Z
            case 0x00...0x7F: key.append(value)
            case 0xE4, 0xC4, 0xE0...0xE2, 0xC0...0xC2: key.append(0x61)  // ä Ä à á â À Á Â → a
            case 0xF6, 0xD6, 0xF2...0xF4, 0xD2...0xD4: key.append(0x6F)  // ö Ö ò ó ô → o
            case 0xFC, 0xDC, 0xF9...0xFB, 0xD9...0xDB: key.append(0x75)  // ü Ü ù ú û → u
            case 0xE8...0xEA, 0xC8...0xCA: key.append(0x65)  // è é ê → e
            case 0xDF, 0x1E9E: key.append(0x73); key.append(0x73)  // ß ẞ → ss
            // Umlauts and accents written as a base letter and a combining mark: the base letter counts.
            case 0x300...0x302, 0x308: continue
            default:
                if scalar.properties.changesWhenLowercased {
                    key += scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
                } else {
                    key.append(value)
                }
            }
        }
        return key
    }

    /// Sorts by the German key of `text`; ties keep their original order.
    static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        sortedPositions(items, by: text).map { items[$0] }
    }

    /// The positions of `items` in the order `sorted` puts them in, so that a caller picking some of them copies each
    /// item once. `text` is best a closure (`{ $0.title }`): a key path is applied through the runtime for every item.
    static func sortedPositions<T>(_ items: [T], by text: (T) -> String) -> [Int] {
        var keyed: [(key: [UInt32], position: Int)] = []
        keyed.reserveCapacity(items.count)
        items.withUnsafeBufferPointer { items in
            for position in items.indices { keyed.append((scalars(text(items[position])), position)) }
        }
        keyed.sort { $0.key == $1.key ? $0.position < $1.position : $0.key.lexicographicallyPrecedes($1.key) }
        return keyed.map(\.position)
    }
}
