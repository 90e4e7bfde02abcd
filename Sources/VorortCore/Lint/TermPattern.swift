/// The small pattern language of wording rules, matched against folded words:
///
/// - `asylant~` — the stem with an inflection ending (`Asylant`, `Asylanten`, `Asylantin`, `Asylantinnen` …)
/// - `*asylant~*` — also inside compounds: at the start, in the middle or at the end (`Scheinasylanten`, `Asylantenheim`)
/// - `(fluechtling|migrant)(s|)(welle|flut)~` — alternatives; an empty alternative makes a part optional
/// - `illegal~ (migrant|einwanderer)~` — several words in a row, across spaces and line breaks
/// - `^illegal~` — only where the word is used as a noun (capitalized: `auch Illegale`, not `illegale Müllentsorgung`)
/// - `[als|einen] fidschi~` — a context word in brackets must be there but is not part of the finding
/// - `ansturm~ {(flüchtling|migrant)~}` — a word (or words) in braces must stand somewhere in the same sentence;
///   `{!hund~}` must not (`rasse~ {!hund~}`: not where the sentence speaks of dogs)
///
/// Letters may be written with umlauts and ß; they are folded like the text (`ü` = `ue`, `ß` = `ss`).
/// `CompiledPatterns` matches them.
struct TermPattern: Sendable, Hashable {
    struct Word: Sendable, Hashable {
        /// Each part is a set of alternatives, folded.
        var parts: [[[UInt8]]]
        var compoundBefore: Bool
        var compoundAfter: Bool
        var inflected: Bool
        /// `^`: an adjective used as a noun — capitalized, with a noun's ending, and at a sentence start not
        /// followed by another capitalized word (`Illegale halten sich …`, not `Illegale Müllentsorgung …`).
        var noun: Bool
        /// `[…]`: a context word that must be there but is not part of the finding (`[als] fidschi~`).
        var context: Bool
    }

    /// `{…}`: words that must (or, negated, must not) stand somewhere in the sentence of the match.
    struct SentenceTerm: Sendable, Hashable {
        var pattern: TermPattern
        var negated: Bool
        /// Assigned by the matcher: the pattern's id among its compiled patterns, under which it caches per
        /// sentence whether the sentence holds the pattern.
        var id = -1
    }

    var words: [Word]
    var sentenceTerms: [SentenceTerm] = []
    var source: String

    /// Endings `~` allows: nouns, adjectives, feminine forms (`-in`, `-innen`), genitive and plural.
    static let endings: [[UInt8]] = ["", "e", "en", "em", "er", "es", "n", "s", "ns", "nen", "ern", "in", "innen", "ens", "ers"]
        .map { Array($0.utf8) }
    /// A word without `~`: nothing may follow it (kept as one array: allocating it per comparison showed in profiles).
    static let noEnding: [[UInt8]] = [[]]
    /// An adjective used as a noun for people always has one of these endings (`die Illegalen`, `ein Farbiger`);
    /// the bare form is the adverb (`Illegal eingereist …`) and `-es` the neuter thing (`nichts Illegales`).
    static let nounEndings: [[UInt8]] = ["e", "en", "er", "em"].map { Array($0.utf8) }
    /// At a sentence start without an article only the plural reads as a noun: `Farbiger wird es …` is the comparative.
    static let sentenceStartNounEndings: [[UInt8]] = ["e", "en"].map { Array($0.utf8) }

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
        words = []
        var braced: [Substring]?
        for piece in source.split(separator: " ", omittingEmptySubsequences: true) {
            if braced == nil, piece.hasPrefix("{") { braced = [] }
            guard braced != nil else {
                words.append(try TermPattern.parseWord(String(piece)))
                continue
            }
            braced?.append(piece)
            guard piece.hasSuffix("}"), let group = braced else { continue }
            braced = nil
            sentenceTerms.append(try TermPattern.parseSentenceTerm(group.joined(separator: " ")))
        }
        guard braced == nil else { throw ParseError.invalid("In `\(source)` fehlt die schließende Klammer `}`.") }
        guard !words.isEmpty else {
            throw ParseError.invalid(sentenceTerms.isEmpty ? "Das Muster ist leer." : "`\(source)` nennt nur Wörter in `{…}`; es braucht auch das Wort, das gemeldet wird.")
        }
    }

    /// `{…}` or `{!…}`: one or more words, matched anywhere in the sentence.
    private static func parseSentenceTerm(_ text: String) throws -> SentenceTerm {
        var inner = String(text.dropFirst().dropLast())
        let negated = inner.hasPrefix("!")
        if negated { inner.removeFirst() }
        guard !inner.contains(where: { "{}[]^".contains($0) }) else {
            throw ParseError.invalid("In `\(text)` stehen Klammern oder `^`; in `{…}` stehen nur Wörter.")
        }
        // `{a|b}` is short for `{(a|b)}`, as in `[…]`.
        if inner.contains("|"), !inner.contains("("), !inner.contains(" ") { inner = "(" + inner + ")" }
        return SentenceTerm(pattern: try TermPattern(inner), negated: negated)
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
}
