/// Finds every rule's terms in a token stream. Patterns are indexed by the first three or four letters of their
/// first part, so each word is compared with the few patterns that can start in it, not with all of them.
struct WordingMatcher: Sendable {
    /// What matching needs of a term, without arrays (copying a `TermPattern` per candidate cost reference counting).
    struct Term: Sendable {
        var rule: Int
        /// The word of the pattern the index points at: the first one that is not context, so that an
        /// article in brackets (`[einen] buschmann~`) does not make every article a candidate.
        var anchorWord: Int
        /// The pattern's id in `compiled`, and the words a finding covers (`TermPattern.focus`).
        var compiled: Int
        var focus: ClosedRange<Int>
    }

    /// An exception of a rule, compiled.
    private struct Exception: Sendable {
        var compiled: Int
        var wordCount: Int
        var sentenceTerms: [TermPattern.SentenceTerm]
    }

    /// A term found in the text: tokens `first...last`.
    struct Match: Equatable {
        var rule: Int
        var first: Int
        var last: Int
    }

    let rules: [LintRule]
    private let terms: [Term]
    /// The `{…}` terms of each term's pattern, and its source.
    private let sentenceTerms: [[TermPattern.SentenceTerm]]
    private let sources: [String]
    /// Every term, exception and `{…}` pattern of the rules.
    private let compiled: CompiledPatterns
    /// The exceptions of each rule.
    private let exceptions: [[Exception]]
    /// Patterns whose anchor word must begin with the key, and patterns whose anchor word may start anywhere in a word.
    private let wordStartIndex: CandidateIndex
    private let anywhereIndex: CandidateIndex
    /// Patterns without a literal of three letters at the start of their anchor word; tried on every word.
    private let unindexed: [Int]
    /// A 64 Ki-bit filter over the keys of `anywhereIndex` and the first three letters of each (as three-letter
    /// keys): almost every position of almost every word misses, and one bit test rules out both its keys.
    private let anywhereFilter: [UInt64]

    @inline(__always)
    private static func filterBit(_ key: UInt32) -> Int { Int((key &* 2_654_435_761) >> 16) }

    /// The sources of patterns the index cannot reach (for the test that keeps this empty).
    var unindexedPatterns: [String] { unindexed.map { sources[$0] } }

    init(rules: [LintRule]) {
        var compiled = CompiledPatterns()
        // Every distinct `{…}` pattern is compiled once; its id there is the term's id, so that whether a sentence
        // holds it is looked up once per sentence.
        var sentenceIDs: [String: Int] = [:]
        func numbered(_ pattern: TermPattern) -> TermPattern {
            var pattern = pattern
            for index in pattern.sentenceTerms.indices {
                let term = pattern.sentenceTerms[index].pattern
                let id = sentenceIDs[term.source] ?? compiled.add(term)
                sentenceIDs[term.source] = id
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
        self.rules = rules
        exceptions = rules.map { rule in
            rule.exceptions.map { Exception(compiled: compiled.add($0), wordCount: $0.words.count, sentenceTerms: $0.sentenceTerms) }
        }
        var terms: [Term] = []
        var sentenceTerms: [[TermPattern.SentenceTerm]] = []
        var sources: [String] = []
        var wordStart: [UInt32: [CandidateIndex.Candidate]] = [:]
        var anywhere: [UInt32: [CandidateIndex.Candidate]] = [:]
        var unindexed: [Int] = []
        for (ruleIndex, rule) in rules.enumerated() where rule.severity != nil {
            for pattern in rule.terms {
                let termIndex = terms.count
                let anchorWord = pattern.words.firstIndex { !$0.context && TermPattern.anchors(of: $0) != nil }
                    ?? pattern.words.firstIndex { TermPattern.anchors(of: $0) != nil } ?? 0
                terms.append(Term(rule: ruleIndex, anchorWord: anchorWord, compiled: compiled.add(pattern), focus: pattern.focus))
                sentenceTerms.append(pattern.sentenceTerms)
                sources.append(pattern.source)
                let word = pattern.words[anchorWord]
                guard let anchors = TermPattern.anchors(of: word) else {
                    unindexed.append(termIndex)
                    continue
                }
                for (anchor, literals) in Dictionary(grouping: anchors, by: { WordingMatcher.key($0, 0, length: $0.count >= 4 ? 4 : 3) }) {
                    if word.compoundBefore {
                        anywhere[anchor, default: []].append(CandidateIndex.Candidate(term: termIndex, literals: []))
                    } else {
                        // The anchor word must begin with one of these: a word that merely shares their first four
                        // letters (`Überblick` for `überschwemmt`) is not even a candidate.
                        wordStart[anchor, default: []].append(CandidateIndex.Candidate(term: termIndex, literals: literals))
                    }
                }
            }
        }
        self.terms = terms
        self.sentenceTerms = sentenceTerms
        self.sources = sources
        self.compiled = compiled
        wordStartIndex = CandidateIndex(wordStart)
        anywhereIndex = CandidateIndex(anywhere)
        self.unindexed = unindexed
        var filter = [UInt64](repeating: 0, count: 1024)
        for key in anywhere.keys {
            for filtered in [key, key >> 31 == 1 ? key : 1 << 31 | key >> 8] {
                let bit = WordingMatcher.filterBit(filtered)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        anywhereFilter = filter
    }

    /// Three or four bytes as one number; the length is part of the key, so short and long keys never collide.
    /// Four letters are far more selective than three: `ein` starts half the words of a text, `einw` few.
    /// Never 0: folded letters are never 0, and three-letter keys have the top bit set.
    @inline(__always)
    static func key<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ at: Int, length: Int) -> UInt32 where Bytes.Index == Int {
        if length == 4 {
            return UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        return 1 << 31 | UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
    }

    func matches(in tokens: borrowing LintTokens) -> [Match] {
        tokens.withView(matches)
    }

    private func matches(_ tokens: LintTokenView) -> [Match] {
        var found: [Match] = []
        // Which terms were already tried at this token: a stamp per term instead of a set per token.
        var triedAt = [Int](repeating: -1, count: terms.count)
        // Rule and first token of every match, so that a rule is reported once per place. A set: searching
        // `found` for each match was quadratic in the matches of a file (9 s for 190,000 on one line).
        var places = Set<Int>()
        var sentences = LintSentences(patternCount: compiled.count)
        var latest: [Int: Match] = [:]
        for index in 0..<tokens.count {
            // The candidates in the order of the index: unindexed terms, those whose anchor word begins with the
            // token's first three and four letters, then those found anywhere in it, position by position.
            func attempt(_ termIndex: Int) {
                guard triedAt[termIndex] != index else { return }
                triedAt[termIndex] = index
                let term = terms[termIndex]
                let start = index - term.anchorWord
                guard start >= 0, let last = compiled.match(term.compiled, tokens, at: start) else { return }
                if !sentenceTerms[termIndex].isEmpty, !sentences.satisfied(sentenceTerms[termIndex], at: start, in: tokens, patterns: compiled) { return }
                let rule = term.rule
                if isException(rule, tokens: tokens, first: start, last: last, sentences: &sentences) { return }
                let first = start + term.focus.lowerBound, focusLast = start + term.focus.upperBound
                // One finding per rule and place, however many of its patterns match there, and none inside
                // the rule's previous finding (`weiße Rasse` is one finding, not a second one for `Rasse`).
                if let previous = latest[rule], first <= previous.last, focusLast >= previous.first { return }
                if places.insert(first &* rules.count &+ rule).inserted {
                    let match = Match(rule: rule, first: first, last: focusLast)
                    found.append(match)
                    latest[rule] = match
                }
            }
            for termIndex in unindexed { attempt(termIndex) }
            let folded = tokens.folded(index)
            guard folded.count >= 3 else { continue }
            for length in 3...min(4, folded.count) {
                for position in wordStartIndex.candidates(WordingMatcher.key(folded, 0, length: length)) {
                    let candidate = wordStartIndex[position]
                    if wordStartIndex.admits(candidate, folded) { attempt(Int(candidate.term)) }
                }
            }
            guard !anywhereIndex.isEmpty else { continue }
            @inline(__always) func mayBeKey(_ key: UInt32) -> Bool {
                let bit = WordingMatcher.filterBit(key)
                return anywhereFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
            }
            for position in 0...(folded.count - 3) {
                // The three-letter key first: no key, of either length, begins with letters it does not pass.
                let key3 = WordingMatcher.key(folded, position, length: 3)
                guard mayBeKey(key3) else { continue }
                for candidate in anywhereIndex.candidates(key3) { attempt(Int(anywhereIndex[candidate].term)) }
                guard position + 4 <= folded.count else { continue }
                let key4 = WordingMatcher.key(folded, position, length: 4)
                guard mayBeKey(key4) else { continue }
                for candidate in anywhereIndex.candidates(key4) { attempt(Int(anywhereIndex[candidate].term)) }
            }
        }
        return found
    }

    /// An exception (an official name, a false friend) that covers part of the match cancels it.
    private func isException(_ rule: Int, tokens: LintTokenView, first: Int, last: Int, sentences: inout LintSentences) -> Bool {
        for exception in exceptions[rule] {
            let earliest = max(0, first - (exception.wordCount - 1))
            for start in earliest...last {
                guard let end = compiled.match(exception.compiled, tokens, at: start), end >= first else { continue }
                if exception.sentenceTerms.isEmpty || sentences.satisfied(exception.sentenceTerms, at: start, in: tokens, patterns: compiled) {
                    return true
                }
            }
        }
        return false
    }
}

/// Lists of candidate terms by key, in one open-addressed table: a `Dictionary` lookup, hashed with SipHash for
/// every word and every position in it, was a tenth of the lint's time.
struct CandidateIndex: Sendable {
    struct Candidate: Sendable {
        var term: Int
        /// Literals one of which must begin the word for the term to match there; none: no such condition.
        var literals: [[UInt8]]
    }

    /// A candidate as stored: the term, and its literals in `literalRanges`.
    struct Entry: Sendable {
        var term: Int32
        var literals: Range<Int32>
    }

    /// 0 marks an empty slot (keys are never 0, see `WordingMatcher.key`).
    private let keys: [UInt32]
    /// Where each slot's entries stand in `entries`.
    private let ranges: [Range<Int32>]
    private let entries: [Entry]
    private let literalRanges: [Range<Int32>]
    private let literalBytes: [UInt8]
    private let shift: UInt32

    init(_ dictionary: [UInt32: [Candidate]]) {
        // At most a quarter full, so that a lookup (which almost always misses) ends at the first or second slot.
        var bits: UInt32 = 4
        while (1 << bits) < dictionary.count * 4 { bits += 1 }
        var keys = [UInt32](repeating: 0, count: 1 << bits)
        var ranges = [Range<Int32>](repeating: 0..<0, count: 1 << bits)
        var entries: [Entry] = []
        var literalRanges: [Range<Int32>] = []
        var literalBytes: [UInt8] = []
        shift = 32 - bits
        for (key, candidates) in dictionary {
            var slot = CandidateIndex.slot(key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            ranges[slot] = Int32(entries.count)..<Int32(entries.count + candidates.count)
            for candidate in candidates {
                let first = Int32(literalRanges.count)
                for literal in candidate.literals {
                    literalRanges.append(Int32(literalBytes.count)..<Int32(literalBytes.count + literal.count))
                    literalBytes += literal
                }
                entries.append(Entry(term: Int32(candidate.term), literals: first..<Int32(literalRanges.count)))
            }
        }
        self.keys = keys
        self.ranges = ranges
        self.entries = entries
        self.literalRanges = literalRanges
        self.literalBytes = literalBytes
    }

    var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    private static func slot(_ key: UInt32, shift: UInt32) -> Int { Int((key &* 2_654_435_769) >> shift) }

    /// The candidates listed for `key` (positions for `subscript`), in the order they were added (terms in rule order).
    @inline(__always)
    func candidates(_ key: UInt32) -> Range<Int> {
        var slot = CandidateIndex.slot(key, shift: shift)
        while true {
            let found = keys[slot]
            if found == key { return Int(ranges[slot].lowerBound)..<Int(ranges[slot].upperBound) }
            if found == 0 { return 0..<0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    subscript(position: Int) -> Entry { entries[position] }

    /// Whether one of the entry's literals begins `word` (always, for an entry without literals).
    func admits(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if entry.literals.isEmpty { return true }
        literals: for index in entry.literals {
            let range = literalRanges[Int(index)]
            guard Int(range.count) <= word.count else { continue }
            var position = 0
            for byte in Int(range.lowerBound)..<Int(range.upperBound) {
                if literalBytes[byte] != word[position] { continue literals }
                position += 1
            }
            return true
        }
        return false
    }
}
