extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString and was the biggest cost of parsing.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The lines of the text (split at `\n`, empty lines kept), found on the UTF-8 bytes:
    /// splitting by `Character` runs grapheme breaking over every byte and was a hot spot.
    var lines: [Substring] {
        var result: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            result.append(self[start..<newline])
            start = bytes.index(after: newline)
        }
        result.append(self[start...])
        return result
    }
}

extension Substring {
    /// Only spaces and tabs (or nothing), tested on the bytes.
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

    var trimmed: String { String(self).trimmed }
}
