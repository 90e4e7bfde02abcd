/// The small pattern language of wording rules, matched against folded words:
///
/// - `asylant~` — the stem with an inflection ending (`Asylant`, `Asylanten`, `Asylantin`, `Asylantinnen` …)
/// - `*asylant~*` — also inside compounds: at the start, in the middle or at the end (`Scheinasylanten`, `Asylantenheim`)
/// - `(fluechtling|migrant)(s|)(welle|flut)~` — alternatives; an empty alternative makes a part optional
/// - `illegal~ (migrant|einwanderer)~` — several words in a row, across spaces and line breaks
/// - `^illegal~` — only where the word is used as a noun (capitalized: `auch Illegale`, not `illegale Müllentsorgung`)
/// - `[als|einen] fidschi~` — a context word in brackets must be there but is not part of the finding
///
/// Letters may be written with umlauts and ß; they are folded like the text (`ü` = `ue`, `ß` = `ss`).
struct TermPattern: Sendable, Hashable {
    struct Word: Sendable, Hashable {
        /// Each part is a set of alternatives, folded.
        var parts: [[[UInt8]]]
        var compoundBefore: Bool
        var compoundAfter: Bool
        var inflected: Bool
        /// `^`: only where the word is used as a noun — capitalized, and at a sentence start not followed by
        /// another capitalized word (`Illegale halten sich …`, not `Illegale Müllentsorgung …`).
        var noun: Bool
        /// `[…]`: a context word that must be there but is not part of the finding (`[als] fidschi~`).
        var context: Bool
    }

    var words: [Word]
    var source: String

    /// Endings `~` allows: nouns, adjectives, feminine forms (`-in`, `-innen`), genitive and plural.
    static let endings: [[UInt8]] = ["", "e", "en", "em", "er", "es", "n", "s", "ns", "nen", "ern", "in", "innen", "ens", "ers"]
        .map { Array($0.utf8) }

    enum ParseError: Error, CustomStringConvertible {
        case invalid(String)
        var description: String {
            switch self {
            case .invalid(let why): why
            }
        }
    }

    init(_ source: String) throws {
        self.source = source
        let pieces = source.split(separator: " ", omittingEmptySubsequences: true)
        guard !pieces.isEmpty else { throw ParseError.invalid("Das Muster ist leer.") }
        words = try pieces.map { try TermPattern.parseWord(String($0)) }
    }

    private static func parseWord(_ text: String) throws -> Word {
        var scalars = Array(text.unicodeScalars)
        var context = false
        if scalars.first == "[", scalars.last == "]", scalars.count > 2 {
            context = true
            scalars = Array(scalars.dropFirst().dropLast())
            // `[ein|einen]` is short for `[(ein|einen)]`.
            if scalars.contains("|"), !scalars.contains("(") { scalars = ["("] + scalars + [")"] }
        }
        var word = Word(parts: [], compoundBefore: false, compoundAfter: false, inflected: false, noun: false, context: context)
        if scalars.first == "^" { word.noun = true; scalars.removeFirst() }
        if scalars.first == "*" { word.compoundBefore = true; scalars.removeFirst() }
        if scalars.last == "*" { word.compoundAfter = true; scalars.removeLast() }
        if scalars.last == "~" { word.inflected = true; scalars.removeLast() }
        var index = 0
        var literal: [UInt8] = []
        func flushLiteral() {
            if !literal.isEmpty { word.parts.append([literal]) }
            literal = []
        }
        while index < scalars.count {
            let s = scalars[index]
            switch s {
            case "(":
                flushLiteral()
                guard let close = scalars[index...].firstIndex(of: ")") else {
                    throw ParseError.invalid("In `\(text)` fehlt die schließende Klammer `)`.")
                }
                var alternatives: [[UInt8]] = [[]]
                for inner in scalars[(index + 1)..<close] {
                    switch inner {
                    case "|": alternatives.append([])
                    case "(": throw ParseError.invalid("In `\(text)` sind Klammern verschachtelt.")
                    default: GermanFolding.fold(inner, into: &alternatives[alternatives.count - 1])
                    }
                }
                word.parts.append(alternatives)
                index = close + 1
            case ")", "|", "*", "~", "^", "[", "]":
                throw ParseError.invalid("In `\(text)` steht `\(s)` an einer Stelle, an der es nichts bedeutet.")
            default:
                guard LintTokenizer.isWordScalar(s) else {
                    throw ParseError.invalid("In `\(text)` ist `\(s)` kein Buchstabe; Muster bestehen aus Buchstaben, `( | )`, `~` und `*`.")
                }
                GermanFolding.fold(s, into: &literal)
                index += 1
            }
        }
        flushLiteral()
        guard !word.parts.isEmpty, word.parts.contains(where: { $0.contains { !$0.isEmpty } }) else {
            throw ParseError.invalid("`\(text)` enthält keine Buchstaben.")
        }
        return word
    }

    /// The words a finding covers: all but the context words at either end.
    var focus: ClosedRange<Int> {
        let first = words.firstIndex { !$0.context } ?? 0
        let last = words.lastIndex { !$0.context } ?? words.count - 1
        return first...max(first, last)
    }

    /// The literals one of which must begin the word's match, for indexing: nil when a literal is shorter
    /// than three letters or a first part is optional.
    static func anchors(of word: Word) -> [[UInt8]]? {
        guard let first = word.parts.first, first.allSatisfy({ $0.count >= 3 }) else { return nil }
        return first
    }

    // MARK: - Matching

    /// Whether `word` matches the folded token, as a whole or — with `*` — as part of a compound.
    static func matches(_ word: Word, _ token: [UInt8]) -> Bool {
        if !word.compoundBefore { return matchParts(word, 0, 0, token) }
        for start in 0..<max(token.count, 1) where matchParts(word, 0, start, token) {
            return true
        }
        return false
    }

    private static func matchParts(_ word: Word, _ part: Int, _ position: Int, _ token: [UInt8]) -> Bool {
        if part == word.parts.count {
            return matchEnding(word, position, token)
        }
        for alternative in word.parts[part] where hasPrefix(token, alternative, at: position) {
            if matchParts(word, part + 1, position + alternative.count, token) { return true }
        }
        return false
    }

    private static func matchEnding(_ word: Word, _ position: Int, _ token: [UInt8]) -> Bool {
        let endings = word.inflected ? TermPattern.endings : [[]]
        for ending in endings where hasPrefix(token, ending, at: position) {
            let end = position + ending.count
            if end == token.count || word.compoundAfter { return true }
        }
        return false
    }

    @inline(__always)
    private static func hasPrefix(_ token: [UInt8], _ literal: [UInt8], at position: Int) -> Bool {
        guard position + literal.count <= token.count else { return false }
        var i = 0
        while i < literal.count {
            if token[position + i] != literal[i] { return false }
            i += 1
        }
        return true
    }

    static func isNounUse(_ tokens: [LintToken], _ index: Int) -> Bool {
        let token = tokens[index]
        guard token.capitalized else { return false }
        guard token.sentenceStart else { return true }
        // At a sentence start every word is capitalized; a capitalized word right after it marks an attribute.
        guard index + 1 < tokens.count, tokens[index + 1].joinedToPrevious else { return true }
        return !tokens[index + 1].capitalized
    }

    /// Whether the pattern matches the tokens starting at `index`; returns the index of the last token matched.
    func match(_ tokens: [LintToken], at index: Int) -> Int? {
        guard index + words.count <= tokens.count else { return nil }
        for (offset, word) in words.enumerated() {
            let token = tokens[index + offset]
            if offset > 0, !token.joinedToPrevious { return nil }
            if word.noun, !TermPattern.isNounUse(tokens, index + offset) { return nil }
            if !TermPattern.matches(word, token.folded) { return nil }
        }
        return index + words.count - 1
    }
}
