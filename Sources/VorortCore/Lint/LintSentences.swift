/// The sentences of a token stream, for patterns whose `{…}` words look at the whole sentence of a match
/// (`rasse~ {!hund~}`). Built on first use: most texts never need it.
struct LintSentences {
    /// Index of the sentence each token belongs to, and the token range of each sentence.
    private var sentenceOf: [Int32] = []
    private var ranges: [Range<Int>] = []
    /// Whether a sentence holds a `{…}` pattern, per sentence and pattern id: a line of 190,000 matches in one
    /// sentence must not scan that sentence 190,000 times.
    private var cache: [Int: Bool] = [:]
    private let patternCount: Int

    init(patternCount: Int) {
        self.patternCount = max(patternCount, 1)
    }

    /// A sentence begins at a capitalized word after `.`, `!`, `?`, `:` or `;`, at a heading, list item or new
    /// paragraph. A digit or lowercase word after a full stop continues it: `Art. 3 GG`, `z. B. bei`.
    private mutating func build(_ tokens: LintTokenView) {
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        var start = 0
        for index in 0..<tokens.count {
            if index > 0, tokens[index].sentenceStart, tokens[index].capitalized {
                ranges.append(start..<index)
                start = index
            }
            sentenceOf[index] = Int32(ranges.count)
        }
        ranges.append(start..<tokens.count)
    }

    /// Whether every `{…}` term holds for the sentence of token `index`: present, or absent when negated.
    /// The terms' ids are their patterns in `patterns`.
    mutating func satisfied(_ terms: [TermPattern.SentenceTerm], at index: Int, in tokens: LintTokenView, patterns: CompiledPatterns) -> Bool {
        if sentenceOf.isEmpty { build(tokens) }
        let sentence = Int(sentenceOf[index])
        for term in terms {
            let key = sentence &* patternCount &+ term.id
            let present: Bool
            if let known = cache[key] {
                present = known
            } else {
                present = patterns.occurs(term.id, in: tokens, ranges[sentence])
                cache[key] = present
            }
            if present == term.negated { return false }
        }
        return true
    }
}
