/// Finds every rule's terms in a token stream. Patterns are indexed by the first three letters of their
/// first part, so each word is compared with the few patterns that can start in it, not with all of them.
struct WordingMatcher: Sendable {
    struct Term: Sendable {
        var rule: Int
        var pattern: TermPattern
        /// The word of the pattern the index points at: the first one that is not context, so that an
        /// article in brackets (`[einen] buschmann~`) does not make every article a candidate.
        var anchorWord: Int
    }

    /// A term found in the text: tokens `first...last`.
    struct Match: Equatable {
        var rule: Int
        var first: Int
        var last: Int
    }

    let rules: [LintRule]
    private let terms: [Term]
    /// Patterns whose anchor word must begin with the key, and patterns whose anchor word may start anywhere in a word.
    private let wordStartIndex: [UInt32: [Int]]
    private let anywhereIndex: [UInt32: [Int]]
    /// Patterns without a literal of three letters at the start of their anchor word; tried on every word.
    private let unindexed: [Int]
    /// A 64 Ki-bit filter over the keys of `anywhereIndex`: almost every position of almost every word misses,
    /// and a bit test is far cheaper than a dictionary lookup.
    private let anywhereFilter: [UInt64]

    @inline(__always)
    private static func filterBit(_ key: UInt32) -> Int { Int((key &* 2_654_435_761) >> 16) }

    /// The sources of patterns the index cannot reach (for the test that keeps this empty).
    var unindexedPatterns: [String] { unindexed.map { terms[$0].pattern.source } }

    /// How many distinct `{…}` patterns the rules use (their ids are 0..<count).
    private let sentenceTermCount: Int

    init(rules: [LintRule]) {
        // Every `{…}` pattern gets an id, so that whether a sentence holds it is looked up once per sentence.
        var sentenceIDs: [String: Int] = [:]
        func numbered(_ pattern: TermPattern) -> TermPattern {
            var pattern = pattern
            for index in pattern.sentenceTerms.indices {
                let key = pattern.sentenceTerms[index].pattern.source
                let id = sentenceIDs[key] ?? sentenceIDs.count
                sentenceIDs[key] = id
                pattern.sentenceTerms[index].id = id
            }
            return pattern
        }
        let rules = rules.map { rule in
            var rule = rule
            rule.terms = rule.terms.map(numbered)
            rule.exceptions = rule.exceptions.map(numbered)
            return rule
        }
        sentenceTermCount = sentenceIDs.count
        self.rules = rules
        var terms: [Term] = []
        var wordStart: [UInt32: [Int]] = [:]
        var anywhere: [UInt32: [Int]] = [:]
        var unindexed: [Int] = []
        for (ruleIndex, rule) in rules.enumerated() where rule.severity != nil {
            for pattern in rule.terms {
                let termIndex = terms.count
                let anchorWord = pattern.words.firstIndex { !$0.context && TermPattern.anchors(of: $0) != nil }
                    ?? pattern.words.firstIndex { TermPattern.anchors(of: $0) != nil } ?? 0
                terms.append(Term(rule: ruleIndex, pattern: pattern, anchorWord: anchorWord))
                let word = pattern.words[anchorWord]
                guard let anchors = TermPattern.anchors(of: word) else {
                    unindexed.append(termIndex)
                    continue
                }
                for anchor in Set(anchors.map { WordingMatcher.key($0, 0, length: $0.count >= 4 ? 4 : 3) }) {
                    if word.compoundBefore { anywhere[anchor, default: []].append(termIndex) } else { wordStart[anchor, default: []].append(termIndex) }
                }
            }
        }
        self.terms = terms
        wordStartIndex = wordStart
        anywhereIndex = anywhere
        self.unindexed = unindexed
        var filter = [UInt64](repeating: 0, count: 1024)
        for key in anywhere.keys {
            let bit = WordingMatcher.filterBit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        anywhereFilter = filter
    }

    /// Three or four bytes as one number; the length is part of the key, so short and long keys never collide.
    /// Four letters are far more selective than three: `ein` starts half the words of a text, `einw` few.
    @inline(__always)
    static func key(_ bytes: [UInt8], _ at: Int, length: Int) -> UInt32 {
        if length == 4 {
            return UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        return 1 << 31 | UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
    }

    func matches(in tokens: [LintToken]) -> [Match] {
        var found: [Match] = []
        // Which terms were already tried at this token: a stamp per term instead of a set per token.
        var triedAt = [Int](repeating: -1, count: terms.count)
        var candidates: [Int] = []
        // Rule and first token of every match, so that a rule is reported once per place. A set: searching
        // `found` for each match was quadratic in the matches of a file (9 s for 190,000 on one line).
        var places = Set<Int>()
        var sentences = LintSentences(patternCount: sentenceTermCount)
        var latest: [Int: Match] = [:]
        for index in tokens.indices {
            let folded = tokens[index].folded
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: unindexed)
            if folded.count >= 3 {
                for length in 3...min(4, folded.count) {
                    if let list = wordStartIndex[WordingMatcher.key(folded, 0, length: length)] { candidates.append(contentsOf: list) }
                }
                if !anywhereIndex.isEmpty {
                    for position in 0...(folded.count - 3) {
                        for length in 3...min(4, folded.count - position) {
                            let key = WordingMatcher.key(folded, position, length: length)
                            let bit = WordingMatcher.filterBit(key)
                            guard anywhereFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                            if let list = anywhereIndex[key] { candidates.append(contentsOf: list) }
                        }
                    }
                }
            }
            for termIndex in candidates where triedAt[termIndex] != index {
                triedAt[termIndex] = index
                let start = index - terms[termIndex].anchorWord
                guard start >= 0, let last = terms[termIndex].pattern.match(tokens, at: start) else { continue }
                let sentenceTerms = terms[termIndex].pattern.sentenceTerms
                if !sentenceTerms.isEmpty, !sentences.satisfied(sentenceTerms, at: start, in: tokens) { continue }
                let rule = terms[termIndex].rule
                if isException(rules[rule], tokens: tokens, first: start, last: last, sentences: &sentences) { continue }
                let focus = terms[termIndex].pattern.focus
                let first = start + focus.lowerBound, focusLast = start + focus.upperBound
                // One finding per rule and place, however many of its patterns match there, and none inside
                // the rule's previous finding (`weiße Rasse` is one finding, not a second one for `Rasse`).
                if let previous = latest[rule], first <= previous.last, focusLast >= previous.first { continue }
                if places.insert(first &* rules.count &+ rule).inserted {
                    let match = Match(rule: rule, first: first, last: focusLast)
                    found.append(match)
                    latest[rule] = match
                }
            }
        }
        return found
    }

    /// An exception (an official name, a false friend) that covers part of the match cancels it.
    private func isException(_ rule: LintRule, tokens: [LintToken], first: Int, last: Int, sentences: inout LintSentences) -> Bool {
        for exception in rule.exceptions {
            let earliest = max(0, first - (exception.words.count - 1))
            for start in earliest...last {
                guard let end = exception.match(tokens, at: start), end >= first else { continue }
                if exception.sentenceTerms.isEmpty || sentences.satisfied(exception.sentenceTerms, at: start, in: tokens) { return true }
            }
        }
        return false
    }
}
