import Yams

/// `title: „Sprachcafé am Markt“`: typographic quotes are text to YAML, not quotes, so the page shows them as part
/// of the title. Only a value that is enclosed in them as a whole is reported (a quotation inside a text is right).
enum TypographicQuotes {
    static let openers: Set<Unicode.Scalar> = ["\u{201E}", "\u{201C}", "\u{201D}", "\u{201A}", "\u{2018}", "\u{2019}", "\u{00BB}", "\u{00AB}", "\u{203A}", "\u{2039}"]
    static let closers: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}"]

    /// Plain (unquoted) values enclosed in typographic quotes, with their text without them.
    static func enclosedValues(in root: Node) -> [(node: Node, inner: String)] {
        var found: [(Node, String)] = []
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                guard scalar.style == .plain else { continue }
                let scalars = scalar.string.unicodeScalars
                guard scalars.count >= 3, let first = scalars.first, let last = scalars.last,
                    openers.contains(first), closers.contains(last)
                else { continue }
                let inner = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
                // `„A“ und „B“`: two quotations, not one value in quotes.
                if inner.unicodeScalars.contains(where: { openers.contains($0) || closers.contains($0) }) { continue }
                found.append((node, inner))
            case .mapping(let mapping):
                // Values only: keys are names.
                pending += mapping.map(\.value).reversed()
            case .sequence(let sequence):
                pending += sequence.reversed()
            case .alias:
                continue
            }
        }
        return found
    }
}
