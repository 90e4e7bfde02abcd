/// Which addresses make the browser contact another host. Judged the way browsers parse URLs, not the way they
/// are usually written: tabs and line breaks anywhere are dropped, leading control characters and spaces too,
/// schemes have no case, and for web schemes a backslash counts as a slash, so `HTTPS:\\host`, `https:/host`
/// and `/\host` all reach `host`.
enum ExternalURL {
    /// Schemes that fetch over the network; `mailto:`, `tel:`, `data:` and relative addresses do not.
    static let networkSchemes: Set<String> = ["http", "https", "ws", "wss", "ftp"]

    /// Whether an address used as a whole (an attribute value, a CSS `url()`) contacts another host.
    /// In a template (`mustache`) an address that starts with a `{{variable}}` is one vorort fills in, an address
    /// within the site; section tags (`{{#…}}`, `{{^…}}`, `{{/…}}`, comments) fill in nothing and are skipped.
    static func isExternal(_ value: some Collection<Unicode.Scalar>, mustache: Bool) -> Bool {
        var scalars = normalised(value)
        if mustache {
            guard let rest = afterMustacheSections(scalars) else { return false }
            scalars = rest
        }
        if startsWithTwoSlashes(scalars[...]) { return true }
        guard let colon = schemeEnd(scalars[...]) else { return false }
        return networkSchemes.contains(scalars[..<colon].asciiLowercasedString)
    }

    /// The first absolute external address inside a text that is more than an address, such as a string in a
    /// script (`"<img src='https://…'>"`): a web scheme followed by a slash or backslash anywhere, or two slashes
    /// at the start. Returns the address as far as it goes, for the message.
    static func embedded(in value: some Collection<Unicode.Scalar>) -> String? {
        let scalars = normalised(value)
        // `//host`, but not a lone `//` or `// words`.
        if startsWithTwoSlashes(scalars[...]), let host = scalars.firstIndex(where: { $0 != "/" && $0 != "\\" }),
            !scalars[host].properties.isWhitespace {
            return display(scalars[...])
        }
        for (index, scalar) in scalars.enumerated() where scalar == ":" {
            guard index + 1 < scalars.count, scalars[index + 1] == "/" || scalars[index + 1] == "\\" else { continue }
            // The scheme: up to five letters right before the colon, not part of a longer word.
            var start = index
            while start > 0, index - start < 6, scalars[start - 1].isASCIILetter { start -= 1 }
            if start > 0, scalars[start - 1].isASCIIAlphanumeric || "+-.".unicodeScalars.contains(scalars[start - 1]) { continue }
            if networkSchemes.contains(scalars[start..<index].asciiLowercasedString) {
                return display(scalars[start...])
            }
        }
        return nil
    }

    /// The address for a message as the browser reads it (without tabs and line breaks): up to the first space,
    /// shortened when it is long.
    static func display(_ value: some Collection<Unicode.Scalar>) -> String {
        let limit = 100
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in value where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if scalar.properties.isWhitespace || scalar == "\"" || scalar == "'" || scalar == "`" { break }
            if count == limit { return String(result) + "…" }
            result.append(scalar)
            count += 1
        }
        return String(result)
    }

    /// What a browser's URL parser starts from: without tabs and line breaks, without leading C0 controls and spaces.
    private static func normalised(_ value: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(min(value.count, 256))
        for scalar in value where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if result.isEmpty, scalar.value <= 0x20 { continue }
            result.append(scalar)
        }
        return result
    }

    /// The address after leading Mustache section tags, or `nil` when a variable tag comes first.
    private static func afterMustacheSections(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var start = 0
        while start + 1 < scalars.count, scalars[start] == "{", scalars[start + 1] == "{" {
            var close = start + 2
            while close + 1 < scalars.count, !(scalars[close] == "}" && scalars[close + 1] == "}") { close += 1 }
            // Without `}}` it is no tag, just text.
            guard close + 1 < scalars.count else { break }
            var sigil = start + 2
            while sigil < close, scalars[sigil] == " " { sigil += 1 }
            guard sigil < close, "#^/!$<>=".unicodeScalars.contains(scalars[sigil]) else { return nil }
            start = close + 2
            while start < scalars.count, scalars[start].value <= 0x20 { start += 1 }
        }
        return Array(scalars[start...])
    }

    private static func startsWithTwoSlashes(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count >= 2 else { return false }
        let first = scalars[scalars.startIndex], second = scalars[scalars.startIndex + 1]
        return (first == "/" || first == "\\") && (second == "/" || second == "\\")
    }

    /// The index of the colon that ends a URL scheme (a letter, then letters, digits, `+`, `-`, `.`).
    private static func schemeEnd(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let first = scalars.first, first.isASCIILetter else { return nil }
        for index in scalars.indices.dropFirst() {
            let scalar = scalars[index]
            if scalar == ":" { return index }
            guard scalar.isASCIIAlphanumeric || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
        }
        return nil
    }
}
