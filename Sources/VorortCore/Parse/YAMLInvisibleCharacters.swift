/// Invisible characters that come along when text is copied from Word or PDF — the no-break space, the narrow
/// no-break space, the zero-width space, the soft hyphen, a byte-order mark in the middle of a file. YAML does not
/// read them as white space, so where they stand in the structure (in the indentation, in a key, right after the
/// key's colon, after a list's `-`) the line means something else: libyaml then reports "mapping values are not
/// allowed" somewhere else, or the key silently becomes `title ` and the value is lost. They are found here
/// before parsing and reported at their own place, by name. Inside a value they are text and stay: a no-break
/// space in `5 €` is right.
enum YAMLInvisibleCharacters {
    /// A German name for each character found, e.g. „geschütztes Leerzeichen (U+00A0)“.
    static func name(_ scalar: Unicode.Scalar) -> String? {
        let name: String
        switch scalar.value {
        case 0x00A0: name = "geschütztes Leerzeichen"
        case 0x202F: name = "schmales geschütztes Leerzeichen"
        case 0x2007: name = "Ziffernleerzeichen"
        case 0x2009: name = "schmales Leerzeichen"
        case 0x200A: name = "Haarleerzeichen"
        case 0x2000...0x2008: name = "typografisches Leerzeichen"
        case 0x205F: name = "mathematisches Leerzeichen"
        case 0x3000: name = "ideografisches Leerzeichen"
        case 0x1680: name = "Ogham-Leerzeichen"
        case 0x200B: name = "breitenloses Leerzeichen"
        case 0x200C: name = "breitenloser Nichtverbinder"
        case 0x200D: name = "breitenloser Verbinder"
        case 0x2060: name = "Wortverbinder"
        case 0xFEFF: name = "Byte-Order-Mark (breitenloses geschütztes Leerzeichen)"
        case 0x00AD: name = "weiches Trennzeichen (bedingter Trennstrich)"
        case 0x180E: name = "mongolischer Vokaltrenner"
        default: return nil
        }
        return "\(name) (\(Diagnostic.unicodeLabel(scalar)))"
    }

    /// Characters that look like a space; the others are invisible without width.
    static func looksLikeSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    struct Finding: Equatable {
        /// 1-based line within the YAML text and column in Unicode scalars.
        var line: Int
        var column: Int
        var scalar: Unicode.Scalar
    }

    /// A fast test on the bytes: whether the UTF-8 of a character above stands in `yaml` (C2 A0, C2 AD; E1 9A 80,
    /// E1 A0 8E; E2 80 80 to E2 80 8D, E2 80 AF, E2 81 9F, E2 81 A0; E3 80 80; EF BB BF). Only its first byte
    /// was looked at before, and every `–` and `„` of German text made the whole scan run.
    static func mayContain(_ yaml: String) -> Bool {
        yaml.withUTF8Bytes { bytes in
            var first: UInt8 = 0, second: UInt8 = 0
            for byte in bytes {
                // ASCII ends no such sequence: one test for most bytes.
                if byte >= 0x80 {
                    switch (first, second, byte) {
                    case (_, 0xC2, 0xA0), (_, 0xC2, 0xAD): return true
                    case (0xE1, 0x9A, 0x80), (0xE1, 0xA0, 0x8E): return true
                    case (0xE2, 0x80, 0x80...0x8D), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE2, 0x81, 0xA0): return true
                    case (0xE3, 0x80, 0x80), (0xEF, 0xBB, 0xBF): return true
                    default: break
                    }
                }
                first = second
                second = byte
            }
            return false
        }
    }

    /// The first invisible character in a structural place of each line.
    static func structural(in yaml: String) -> [Finding] {
        guard mayContain(yaml) else { return [] }
        var findings: [Finding] = []
        var quote: Unicode.Scalar?  // a quoted value still open at the end of the previous line
        var blockIndent: Int?  // inside a `|` or `>` text: its lines are text
        var lineNumber = 0
        for line in yaml.lines {
            lineNumber += 1
            let s = Array(line.unicodeScalars)
            // Indentation as YAML would see it if the invisible characters were spaces.
            var indent = 0
            while indent < s.count, s[indent] == " " || name(s[indent]) != nil { indent += 1 }
            if let block = blockIndent {
                if indent == s.count || indent > block { continue }
                blockIndent = nil
            }
            if quote != nil {
                quote = openQuote(after: s, from: 0, open: quote)
                continue
            }
            if let found = s[..<indent].firstIndex(where: { name($0) != nil }) {
                findings.append(Finding(line: lineNumber, column: found + 1, scalar: s[found]))
                continue
            }
            var i = indent
            // `- ` list markers, possibly several (`- - a`).
            while i < s.count, s[i] == "-" {
                guard i + 1 < s.count else { break }
                if name(s[i + 1]) != nil {
                    findings.append(Finding(line: lineNumber, column: i + 2, scalar: s[i + 1]))
                    i = s.count
                    break
                }
                guard s[i + 1] == " " else { break }
                i += 2
                while i < s.count, s[i] == " " { i += 1 }
            }
            guard i < s.count else { continue }
            if let found = keyProblem(s, from: i) {
                findings.append(Finding(line: lineNumber, column: found + 1, scalar: s[found]))
                continue
            }
            // What follows the key decides whether the next lines are text or an open quote.
            let valueStart = valueStart(s, from: i)
            if valueStart < s.count, s[valueStart] == "|" || s[valueStart] == ">" {
                blockIndent = indent
            } else {
                quote = openQuote(after: s, from: valueStart, open: nil)
            }
        }
        return findings
    }

    /// In `key:<nbsp>value` or `ti<zwsp>tle: value`: the invisible character that hides the key. nil when the line
    /// has no plain key (a quoted key, text of a value) or a clean one.
    private static func keyProblem(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < s.count {
            let c = s[i]
            if c == ":" {
                let next = i + 1 < s.count ? s[i + 1] : " "
                if name(next) != nil { return i + 1 }
                guard next == " " || next == "\t" else { return nil }
                // A clean colon: the key before it must be free of invisible characters.
                return s[start..<i].firstIndex { name($0) != nil }
            }
            // Keys are words; anything else means this line is not `key: value`.
            let isKeyCharacter = (c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-"))
                || name(c) != nil
            if !isKeyCharacter { return nil }
            i += 1
        }
        return nil
    }

    /// Where the value begins after `key: ` (or at `from` when the line has no key).
    private static func valueStart(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, s[i] != ":" || !(i + 1 == s.count || s[i + 1] == " ") {
            if s[i] == "\"" || s[i] == "'" || s[i] == " " { return start }
            i += 1
        }
        guard i < s.count else { return start }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }
        return i
    }

    /// The quote still open at the end of the line, following the quotes from `from` on.
    private static func openQuote(after s: [Unicode.Scalar], from start: Int, open: Unicode.Scalar?) -> Unicode.Scalar? {
        var quote = open
        var i = start
        if quote == nil {
            // Only a value that begins with a quote is a quoted value.
            guard i < s.count, s[i] == "\"" || s[i] == "'" else { return nil }
            quote = s[i]
            i += 1
        }
        while i < s.count, let q = quote {
            if s[i] == q {
                if q == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                return nil
            }
            if q == "\"", s[i] == "\\" { i += 1 }
            i += 1
        }
        return quote
    }
}
