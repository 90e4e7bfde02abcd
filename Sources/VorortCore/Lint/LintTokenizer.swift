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
    /// Written with a capital first letter, as German nouns are.
    var capitalized: Bool
    /// The first word of a sentence, list item or heading, where every word is capitalized.
    var sentenceStart: Bool
}

/// What the tokenizer carries from one line to the next.
struct LintTokenizerState {
    /// Only white space since the previous token.
    var joined = false
    /// Nothing but opening punctuation since the end of a sentence (or the start of the text).
    var sentenceStart = true
    /// A word that ended the previous line with a hyphen (`Flüchtlings-`): the next line's first word continues it.
    var hyphenated: LintToken?
}

/// Splits text into words the German way: hyphenated compounds, gender-inclusive spellings
/// (`*innen`, `:innen`, `_innen`, Binnen-I), soft hyphens and zero-width characters stay inside one word.
enum LintTokenizer {
    // Fast paths for ASCII and Latin-1 (German letters): Unicode property look-ups are slow.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        if v >= 0xC0 && v <= 0xFF { return v != 0xD7 && v != 0xF7 }
        return s.properties.isAlphabetic || (0x300...0x36F).contains(v)
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xFF { return v <= 0xDE && v != 0xD7 }
        return s.properties.isUppercase
    }

    /// White space, with a fast path for ASCII (Unicode properties are slow to look up).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" || s == "\n" || s == "\r" }
        if s.value == 0xA0 { return true }
        if s.value < 0x2000 { return false }
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

    /// Quotation marks keep words together: `vom „Großen Austausch“` is one expression.
    static func isQuote(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹": true
        default: false
        }
    }

    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == ":" || s == ";"
    }

    /// Opening punctuation that does not end a sentence start: quotes, brackets, list and heading markers.
    static func keepsSentenceStart(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "(", "[", "„", "“", "‚", "‘", "»", "«", "›", "‹", "-", "*", "#", ">", "–", "—", "•": true
        default: false
        }
    }

    /// Tokenizes the scalars of one line.
    static func tokenize(_ scalars: [Unicode.Scalar], lineNumber: Int, mask: [Bool]?, into tokens: inout [LintToken], state: inout LintTokenizerState) {
        var index = 0
        @inline(__always) func masked(_ i: Int) -> Bool { mask.map { i < $0.count && $0[i] } ?? false }
        // A word hyphenated at the end of the previous line continues with this line's first word.
        if let pending = state.hyphenated {
            state.hyphenated = nil
            var first = 0
            while first < scalars.count, isSpace(scalars[first]) { first += 1 }
            if first < scalars.count, isWordScalar(scalars[first]), !masked(first) {
                var rest: [LintToken] = []
                var restState = LintTokenizerState(joined: true, sentenceStart: false)
                tokenize(scalars, lineNumber: lineNumber, mask: mask, into: &rest, state: &restState)
                if var continued = rest.first {
                    continued.folded = pending.folded + continued.folded
                    continued.line = pending.line
                    continued.startColumn = pending.startColumn
                    continued.endColumn = pending.endColumn
                    continued.joinedToPrevious = pending.joinedToPrevious
                    continued.capitalized = pending.capitalized
                    continued.sentenceStart = pending.sentenceStart
                    tokens.append(continued)
                    tokens.append(contentsOf: rest.dropFirst())
                    state.joined = restState.joined
                    state.sentenceStart = restState.sentenceStart
                    state.hyphenated = restState.hyphenated
                    return
                }
            }
            tokens.append(pending)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard isWordScalar(scalar), !masked(index) else {
                if masked(index) {
                    state.joined = false
                } else if !isSpace(scalar) && !isInvisible(scalar) && !isQuote(scalar) {
                    state.joined = false
                    if isSentenceEnd(scalar) { state.sentenceStart = true } else if !keepsSentenceStart(scalar) { state.sentenceStart = false }
                }
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
            let token = LintToken(
                folded: folded, line: lineNumber, startColumn: start + 1, endColumn: end + 1, joinedToPrevious: state.joined,
                capitalized: isUppercase(scalars[start]), sentenceStart: state.sentenceStart)
            state.joined = true
            state.sentenceStart = false
            // `Flüchtlings-` at the end of the line: the word goes on in the next line.
            if index < scalars.count, isHyphen(scalars[index]), scalars[(index + 1)...].allSatisfy(isSpace) {
                var pending = token
                pending.endColumn = index + 2
                state.hyphenated = pending
                return
            }
            tokens.append(token)
        }
    }
}
