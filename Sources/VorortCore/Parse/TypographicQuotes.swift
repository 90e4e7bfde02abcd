/// `title: „Sprachcafé am Markt“`: typographic quotes are text to YAML, not quotes, so the page shows them as part
/// of the title. Only a value that is enclosed in them as a whole is reported (a quotation inside a text is right).
enum TypographicQuotes {
    static let openers: Set<Unicode.Scalar> = ["\u{201E}", "\u{201C}", "\u{201D}", "\u{201A}", "\u{2018}", "\u{2019}", "\u{00BB}", "\u{00AB}", "\u{203A}", "\u{2039}"]
    static let closers: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}"]

    /// The text inside the quotes when `value` (a plain value) as a whole stands in typographic quotes; the
    /// values are found by `YAMLDocument`.
    static func enclosedText(_ value: String) -> String? {
        let scalars = value.unicodeScalars
        // Every quote is outside ASCII: a value that starts or ends in ASCII has none around it.
        guard let firstByte = value.utf8.first, firstByte >= 0x80, let lastByte = value.utf8.last, lastByte >= 0x80,
            scalars.count >= 3, let first = scalars.first, let last = scalars.last,
            openers.contains(first), closers.contains(last)
        else { return nil }
        let inner = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
        // `„A“ und „B“`: two quotations, not one value in quotes.
        if inner.unicodeScalars.contains(where: { openers.contains($0) || closers.contains($0) }) { return nil }
        return inner
    }
}
