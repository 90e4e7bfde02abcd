/// A word of the text, folded for matching, with its place in the original file.
struct LintToken {
    /// Folded letters (`Flüchtlings-Welle` → `fluechtlingswelle`).
    var folded: [UInt8]
    var line: Int
    /// 1-based column of the first character, and of the character after the last, in Unicode scalars.
    var startColumn: Int
    var endColumn: Int
    /// Whether only white space stands between the previous token and this one (multi-word terms need it).
    var joinedToPrevious: Bool
}

/// Splits text into words the German way: hyphenated compounds, gender-inclusive spellings
/// (`*innen`, `:innen`, `_innen`, Binnen-I), soft hyphens and zero-width characters stay inside one word.
enum LintTokenizer {
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        return s.properties.isAlphabetic || (0x300...0x36F).contains(s.value)
    }

    /// White space, with a fast path for ASCII (Unicode properties are slow to look up).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" || s == "\n" || s == "\r" }
        return s.properties.isWhitespace
    }

    /// Invisible characters that may stand inside a word: soft hyphen, zero-width space/joiners, word joiner, BOM.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s.value == 0x2010 || s.value == 0x2011
    }

    static func isGenderMarker(_ s: Unicode.Scalar) -> Bool {
        s == "*" || s == ":" || s == "_" || s == "·" || s == "/"
    }

    /// Tokenizes one line. `mask` marks scalars (by 0-based index) that must not be linted; nil lints all.
    /// `joined` tells whether the previous line's last token may continue into this line's first one.
    static func tokenize(_ line: Substring, lineNumber: Int, mask: [Bool]?, into tokens: inout [LintToken], joined: inout Bool) {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        func masked(_ i: Int) -> Bool { mask.map { i < $0.count && $0[i] } ?? false }
        while index < scalars.count {
            let scalar = scalars[index]
            guard isWordScalar(scalar), !masked(index) else {
                if !isSpace(scalar) && !isInvisible(scalar) || masked(index) { joined = false }
                index += 1
                continue
            }
            var folded: [UInt8] = []
            let start = index
            var end = index
            while index < scalars.count, !masked(index) {
                let s = scalars[index]
                if isWordScalar(s) {
                    GermanFolding.fold(s, into: &folded)
                    index += 1
                    end = index
                    continue
                }
                // Joiners count only between word characters.
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if isInvisible(s) || isHyphen(s), let next, isWordScalar(next) || isInvisible(next) {
                    index += 1
                    continue
                }
                if isGenderMarker(s), let next, next == "i" || next == "I",
                    index + 2 < scalars.count, scalars[index + 2] == "n" || scalars[index + 2] == "N"
                {
                    index += 1
                    continue
                }
                break
            }
            tokens.append(LintToken(folded: folded, line: lineNumber, startColumn: start + 1, endColumn: end + 1, joinedToPrevious: joined))
            joined = true
        }
    }
}
