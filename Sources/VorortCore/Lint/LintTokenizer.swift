/// A word of the text with its place in the original file. Its folded letters stand in `LintTokens.letters`,
/// so that a token holds no array: an array per word was most of the lint's allocations and reference counting.
struct LintToken {
    /// Where the folded letters (`Flüchtlings-Welle` → `fluechtlingswelle`) stand in `LintTokens.letters`.
    var lettersStart: Int
    var lettersEnd: Int
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
    /// Index in `LintTokens.disguises` of the characters that disguised the word; -1 for almost every word.
    var disguise: Int32 = -1
}

/// The words of a text: the tokens, their folded letters one after the other in one buffer, and the rare disguises.
/// Noncopyable, as its letter buffer is.
struct LintTokens: ~Copyable {
    var tokens: [LintToken] = []
    var letters = LetterBuffer()
    /// The characters that disguised a word and were folded away: invisible controls between its letters,
    /// compatibility forms (`Ａ`, `𝐀`) and Cyrillic or Greek look-alikes in a Latin word.
    var disguises: [[Unicode.Scalar]] = []

    var count: Int { tokens.count }
    var indices: Range<Int> { tokens.indices }
    subscript(index: Int) -> LintToken { tokens[index] }

    mutating func append(_ token: LintToken) { tokens.append(token) }

    /// The folded letters of token `index`.
    func folded(_ index: Int) -> [UInt8] { letters.array(tokens[index].lettersStart..<tokens[index].lettersEnd) }

    /// The characters that disguised token `index`, or nil for an ordinary word.
    func disguise(_ index: Int) -> [Unicode.Scalar]? {
        let disguise = tokens[index].disguise
        return disguise < 0 ? nil : disguises[Int(disguise)]
    }

    /// Reads the tokens and their letters in place, without copying or reference counting per word.
    func withView<Result>(_ body: (LintTokenView) -> Result) -> Result {
        self.tokens.withUnsafeBufferPointer { tokens in
            letters.withUnsafeBufferPointer { letters in body(LintTokenView(tokens: tokens, letters: letters)) }
        }
    }

    /// Token `index` is the rest of `pending`, a word hyphenated at the end of the line before: they become one
    /// word at `pending`'s place.
    mutating func join(_ pending: LintToken, with index: Int) {
        var continued = tokens[index]
        if pending.lettersEnd == continued.lettersStart {
            // Nothing is folded between the end of one line and the first word of the next: the letters follow
            // one another already.
            continued.lettersStart = pending.lettersStart
        } else {
            let joined = letters.array(pending.lettersStart..<pending.lettersEnd) + letters.array(continued.lettersStart..<continued.lettersEnd)
            continued.lettersStart = letters.count
            letters.append(contentsOf: joined)
            continued.lettersEnd = letters.count
        }
        if pending.disguise >= 0 {
            disguises.append(disguises[Int(pending.disguise)] + (continued.disguise >= 0 ? disguises[Int(continued.disguise)] : []))
            continued.disguise = Int32(disguises.count - 1)
        }
        continued.line = pending.line
        continued.startColumn = pending.startColumn
        continued.endColumn = pending.endColumn
        continued.joinedToPrevious = pending.joinedToPrevious
        continued.capitalized = pending.capitalized
        continued.sentenceStart = pending.sentenceStart
        tokens[index] = continued
    }
}

/// The tokens of a text as the matcher reads them: in place, valid only inside `LintTokens.withView`.
struct LintTokenView {
    let tokens: UnsafeBufferPointer<LintToken>
    let letters: UnsafeBufferPointer<UInt8>

    var count: Int { tokens.count }
    subscript(index: Int) -> LintToken { tokens[index] }

    /// The folded letters of token `index`.
    @inline(__always)
    func folded(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        return UnsafeBufferPointer(rebasing: letters[token.lettersStart..<token.lettersEnd])
    }
}

/// What the tokenizer carries from one line to the next.
struct LintTokenizerState {
    /// Only white space since the previous token.
    var joined = false
    /// Nothing but opening punctuation since the end of a sentence (or the start of the text).
    var sentenceStart = true
    /// A word that ended the previous line with a hyphen (`Flüchtlings-`): the next line's first word continues it.
    /// Its letters are already in `LintTokens.letters`.
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
        return isOtherWordScalar(s)
    }

    /// Kept out of line so that the ASCII and Latin-1 checks above stay small where they are inlined.
    @inline(never)
    static func isOtherWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Hidden controls such as the Hangul filler or the combining grapheme joiner count as letters to Unicode;
        // here they are joiners, so a word never starts with one. Fullwidth and mathematical digits are digits.
        if isHiddenControl(s) { return false }
        return s.properties.isAlphabetic || (0x300...0x36F).contains(v) || GermanFolding.compatibilityLatin(v) != nil
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
    /// German typesetting uses them; they are ignored silently.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// The other default-ignorable code points: invisible controls that no German word needs (direction marks,
    /// bidi embeddings and isolates, variation selectors, Mongolian vowel separator, combining grapheme joiner,
    /// invisible operators, Hangul fillers, tags). Inside a word they are ignored too, and reported
    /// (`disguised-word`): they hide words from the lint, from search and from screen readers.
    @inline(__always)
    static func isHiddenControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x34F { return false }
        switch v {
        case 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200E, 0x200F, 0x202A...0x202E,
             0x2061...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// Any character that may stand between the letters of one word without ending it.
    @inline(__always)
    static func isJoiningInvisible(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xAD && (isInvisible(s) || isHiddenControl(s))
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

    /// Tokenizes the scalars of one line (for tests: the lint itself decodes lines with `LintLineBuffer`).
    static func tokenize(_ scalars: [Unicode.Scalar], lineNumber: Int, mask: [Bool]?, into tokens: inout LintTokens, state: inout LintTokenizerState) {
        scalars.withUnsafeBufferPointer { scalars in
            guard let mask else {
                tokenize(scalars, lineNumber: lineNumber, mask: nil, into: &tokens, state: &state)
                return
            }
            mask.withUnsafeBufferPointer { mask in
                tokenize(scalars, lineNumber: lineNumber, mask: mask, into: &tokens, state: &state)
            }
        }
    }

    /// Tokenizes the scalars of one line; `mask` marks the scalars that are not text (code, addresses, markup).
    static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, lineNumber: Int, mask: UnsafeBufferPointer<Bool>?,
                         into tokens: inout LintTokens, state: inout LintTokenizerState)
    {
        var index = 0
        @inline(__always) func masked(_ i: Int) -> Bool { mask.map { i < $0.count && $0[i] } ?? false }
        // A word hyphenated at the end of the previous line continues with this line's first word.
        if let pending = state.hyphenated {
            state.hyphenated = nil
            var first = 0
            while first < scalars.count, isSpace(scalars[first]) { first += 1 }
            if first < scalars.count, isWordScalar(scalars[first]), !masked(first) {
                let mark = tokens.count
                var restState = LintTokenizerState(joined: true, sentenceStart: false)
                tokenize(scalars, lineNumber: lineNumber, mask: mask, into: &tokens, state: &restState)
                if tokens.count > mark {
                    tokens.join(pending, with: mark)
                    state.joined = restState.joined
                    state.sentenceStart = restState.sentenceStart
                    state.hyphenated = restState.hyphenated
                    return
                }
                // The only word of the line ends with a hyphen too: `pending` stays a word of its own, and the line
                // is read again below (the letters folded meanwhile stay unused in the buffer).
            }
            tokens.append(pending)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard isWordScalar(scalar), !masked(index) else {
                if masked(index) {
                    state.joined = false
                } else if !isSpace(scalar) && !isJoiningInvisible(scalar) && !isQuote(scalar) {
                    state.joined = false
                    if isSentenceEnd(scalar) { state.sentenceStart = true } else if !keepsSentenceStart(scalar) { state.sentenceStart = false }
                }
                index += 1
                continue
            }
            // The word's letters are folded straight into the shared buffer.
            let lettersStart = tokens.letters.count
            let start = index
            var end = index
            // Created at the first letter above U+036F or hidden control: German words never need it.
            var disguiseScan: DisguiseScan?
            var segmentStart = lettersStart
            while index < scalars.count, !masked(index) {
                let s = scalars[index]
                // ASCII letters and digits, most of every German word: the run of them straight into the buffer.
                if GermanFolding.isASCIILetterOrDigit(s.value) {
                    index = tokens.letters.appendASCIIRun(scalars, from: index, stop: masked)
                    end = index
                    continue
                }
                if isWordScalar(s) {
                    // Latin-1, Latin Extended and combining accents: no disguise possible.
                    if s.value < 0x370 {
                        tokens.letters.append(folding: s, wordStart: lettersStart)
                    } else {
                        if disguiseScan == nil { disguiseScan = DisguiseScan(segmentStart: segmentStart) }
                        disguiseScan?.fold(s, into: &tokens.letters, wordStart: lettersStart)
                    }
                    index += 1
                    end = index
                    continue
                }
                // Joiners count only between word characters.
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if isJoiningInvisible(s) {
                    // A run of invisible characters belongs to the word only when a letter follows it.
                    var after = index + 1
                    while after < scalars.count, isJoiningInvisible(scalars[after]) { after += 1 }
                    guard after < scalars.count, isWordScalar(scalars[after]), !masked(after) else { break }
                    for hidden in scalars[index..<after] where isHiddenControl(hidden) {
                        if disguiseScan == nil { disguiseScan = DisguiseScan(segmentStart: segmentStart) }
                        disguiseScan?.note(hidden)
                    }
                    index = after
                    continue
                }
                if isHyphen(s), let next, isWordScalar(next) || isJoiningInvisible(next) {
                    disguiseScan?.endSegment(tokens.letters)
                    segmentStart = tokens.letters.count
                    index += 1
                    continue
                }
                if isGenderMarker(s), let next, next == "i" || next == "I",
                    index + 2 < scalars.count, scalars[index + 2] == "n" || scalars[index + 2] == "N"
                {
                    disguiseScan?.endSegment(tokens.letters)
                    segmentStart = tokens.letters.count
                    index += 1
                    continue
                }
                break
            }
            var disguise: Int32 = -1
            if let found = disguiseScan?.finish(&tokens.letters, wordStart: lettersStart) {
                tokens.disguises.append(found)
                disguise = Int32(tokens.disguises.count - 1)
            }
            let token = LintToken(
                lettersStart: lettersStart, lettersEnd: tokens.letters.count, line: lineNumber, startColumn: start + 1, endColumn: end + 1,
                joinedToPrevious: state.joined, capitalized: isUppercase(scalars[start]), sentenceStart: state.sentenceStart, disguise: disguise)
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

/// What the tokenizer learns about disguises while it reads one word. Only letters above U+036F and hidden
/// controls reach it, so German text pays nothing for it. Positions are in the shared letter buffer, where the
/// word is the last thing folded.
struct DisguiseScan {
    /// A Cyrillic or Greek look-alike, folded as itself for now: it becomes Latin only in a mixed-script segment.
    private struct Lookalike {
        var offset: Int
        var length: Int
        var latin: UInt8
        var scalar: Unicode.Scalar
    }

    private var lookalikes: [Lookalike] = []
    /// Look-alikes of finished segments that turned out to be mixed with Latin letters.
    private var confirmed = 0
    /// Where the current segment (between hyphens and gender markers) begins in the folded word and in `lookalikes`.
    private var segmentStart: Int
    private var segmentLookalikes = 0
    /// A Cyrillic or Greek letter without a Latin twin: the segment is written in that script, not disguised.
    private var segmentHasOtherScript = false
    /// The disguise characters found, each once.
    private var found: [Unicode.Scalar] = []
    /// Enough to name them in a message; a word of a million controls must not grow this.
    private static let maximumNamed = 8

    init(segmentStart: Int) {
        self.segmentStart = segmentStart
    }

    mutating func note(_ scalar: Unicode.Scalar) {
        if found.count < DisguiseScan.maximumNamed, !found.contains(scalar) { found.append(scalar) }
    }

    /// Folds a word scalar above U+036F, a letter of the word whose letters begin at `wordStart`.
    mutating func fold(_ scalar: Unicode.Scalar, into letters: inout LetterBuffer, wordStart: Int) {
        let value = scalar.value
        if let latin = GermanFolding.compatibilityLatin(value) {
            letters.append(latin)
            note(scalar)
        } else if let latin = GermanFolding.latinLookalike(value) {
            let offset = letters.count
            letters.append(folding: scalar, wordStart: wordStart)
            lookalikes.append(Lookalike(offset: offset, length: letters.count - offset, latin: latin, scalar: scalar))
        } else {
            if GermanFolding.isCyrillicOrGreek(value) { segmentHasOtherScript = true }
            letters.append(folding: scalar, wordStart: wordStart)
        }
    }

    /// A hyphen or gender marker ends a segment: `PDF-файл` keeps its Cyrillic part, `Аsylant` (Cyrillic А) does not.
    mutating func endSegment(_ letters: borrowing LetterBuffer) {
        if lookalikes.count > segmentLookalikes {
            let mixed = !segmentHasOtherScript && letters.contains(from: segmentStart) { $0 >= 0x61 && $0 <= 0x7A }
            if mixed {
                for lookalike in lookalikes[segmentLookalikes...] { note(lookalike.scalar) }
                confirmed = lookalikes.count
            } else {
                lookalikes.removeSubrange(segmentLookalikes...)
            }
        }
        segmentStart = letters.count
        segmentLookalikes = lookalikes.count
        segmentHasOtherScript = false
    }

    /// Replaces the confirmed look-alikes by their Latin letters (one pass, however many there are) in the word
    /// that starts at `wordStart` and returns the disguise characters, or nil for an ordinary word.
    mutating func finish(_ letters: inout LetterBuffer, wordStart: Int) -> [Unicode.Scalar]? {
        endSegment(letters)
        if confirmed > 0 {
            var result: [UInt8] = []
            result.reserveCapacity(letters.count - wordStart)
            var position = wordStart
            for lookalike in lookalikes[..<confirmed] {
                result += letters.array(position..<lookalike.offset)
                result.append(lookalike.latin)
                position = lookalike.offset + lookalike.length
            }
            result += letters.array(position..<letters.count)
            letters.replace(from: wordStart, with: result)
        }
        return found.isEmpty ? nil : found
    }
}
