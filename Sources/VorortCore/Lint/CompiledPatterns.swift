/// Term patterns compiled for matching: their words, parts and alternatives in flat tables and every literal in
/// one byte buffer. Matching is where the lint spends most of its time; reading the nested arrays of `TermPattern`
/// cost reference counting on every access. The semantics are those described at `TermPattern`.
struct CompiledPatterns: Sendable {
    private struct Pattern: Sendable {
        var firstWord: Int
        var wordCount: Int
    }

    private struct Word: Sendable {
        var firstPart: Int
        var partCount: Int
        var compoundBefore: Bool
        var compoundAfter: Bool
        var inflected: Bool
        var noun: Bool
        /// For a word inside compounds (`*…`): the longest literal every match contains, a part without
        /// alternatives (`schwemme` in `*(flüchtling|migrant|…)(s|)schwemme~`). Looking for it first is cheaper
        /// than trying each alternative of the first part at each position, which most words of a text ask for
        /// in vain; empty for other words.
        var required: Literal
    }

    /// A set of alternatives (or of endings): one of them must stand at the position. The others than the empty
    /// one are grouped by their first byte, so that only the group of the byte at the position is compared.
    private struct Part: Sendable {
        /// Whether one alternative is empty (the part is optional).
        var hasEmpty: Bool
        /// The first bytes of the other alternatives. The k-th smallest of them begins the literals from
        /// `groups[firstGroup + k]` to `groups[firstGroup + k + 1]`.
        var firstBytes: ByteSet
        var firstGroup: Int

        /// No alternative at all: matches nothing (a placeholder until `init` has added the endings).
        static let none = Part(hasEmpty: false, firstBytes: ByteSet(), firstGroup: 0)
    }

    private struct Literal: Sendable {
        var start: Int
        var count: Int
    }

    /// 256 bits, one per byte value.
    private struct ByteSet: Sendable {
        private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            default: bits.3 |= bit
            }
        }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            let word: UInt64
            switch byte >> 6 {
            case 0: word = bits.0
            case 1: word = bits.1
            case 2: word = bits.2
            default: word = bits.3
            }
            return word >> UInt64(byte & 63) & 1 != 0
        }

        /// How many members are smaller than `byte`.
        @inline(__always)
        func rank(_ byte: UInt8) -> Int {
            let below = (UInt64(1) << UInt64(byte & 63)) &- 1
            switch byte >> 6 {
            case 0: return (bits.0 & below).nonzeroBitCount
            case 1: return bits.0.nonzeroBitCount + (bits.1 & below).nonzeroBitCount
            case 2: return bits.0.nonzeroBitCount + bits.1.nonzeroBitCount + (bits.2 & below).nonzeroBitCount
            default: return bits.0.nonzeroBitCount + bits.1.nonzeroBitCount + bits.2.nonzeroBitCount + (bits.3 & below).nonzeroBitCount
            }
        }
    }

    private var patterns: [Pattern] = []
    private var words: [Word] = []
    private var parts: [Part] = []
    private var literals: [Literal] = []
    /// Where each group of literals begins (see `Part`); each part's groups end with the position after its last literal.
    private var groups: [Int] = []
    private var bytes: [UInt8] = []
    /// The endings a word may have, as parts: none; those of `~`; those of `^` (see `TermPattern.endings`).
    private var noEnding = Part.none
    private var endings = Part.none
    private var nounEndings = Part.none
    private var sentenceStartNounEndings = Part.none

    init() {
        noEnding = part(TermPattern.noEnding)
        endings = part(TermPattern.endings)
        nounEndings = part(TermPattern.nounEndings)
        sentenceStartNounEndings = part(TermPattern.sentenceStartNounEndings)
    }

    /// How many patterns were added; their ids are 0..<count.
    var count: Int { patterns.count }

    /// Adds `pattern` (without its `{…}` terms, which are patterns of their own); returns its id.
    mutating func add(_ pattern: TermPattern) -> Int {
        let firstWord = words.count
        for word in pattern.words {
            let firstPart = parts.count
            for alternatives in word.parts { parts.append(part(alternatives)) }
            var required = Literal(start: 0, count: 0)
            let mandatory = word.parts.filter { $0.count == 1 }.map { $0[0] }.max { $0.count < $1.count }
            if word.compoundBefore, let mandatory, !mandatory.isEmpty {
                required = Literal(start: bytes.count, count: mandatory.count)
                bytes.append(contentsOf: mandatory)
            }
            words.append(Word(firstPart: firstPart, partCount: word.parts.count, compoundBefore: word.compoundBefore,
                              compoundAfter: word.compoundAfter, inflected: word.inflected, noun: word.noun, required: required))
        }
        patterns.append(Pattern(firstWord: firstWord, wordCount: pattern.words.count))
        return patterns.count - 1
    }

    private mutating func part(_ alternatives: [[UInt8]]) -> Part {
        var part = Part(hasEmpty: alternatives.contains { $0.isEmpty }, firstBytes: ByteSet(), firstGroup: groups.count)
        var previous: UInt8?
        for literal in alternatives.filter({ !$0.isEmpty }).sorted(by: { $0[0] < $1[0] }) {
            if literal[0] != previous {
                groups.append(literals.count)
                part.firstBytes.insert(literal[0])
                previous = literal[0]
            }
            literals.append(Literal(start: bytes.count, count: literal.count))
            bytes.append(contentsOf: literal)
        }
        groups.append(literals.count)
        return part
    }

    /// The literals of `part` that begin with `byte`.
    @inline(__always)
    private func group(of part: Part, _ byte: UInt8) -> Range<Int> {
        guard part.firstBytes.contains(byte) else { return 0..<0 }
        let group = part.firstGroup + part.firstBytes.rank(byte)
        return groups[group]..<groups[group + 1]
    }

    // MARK: - Matching

    /// Whether pattern `id` matches the tokens starting at `index`; returns the index of the last token matched.
    func match(_ id: Int, _ tokens: LintTokenView, at index: Int) -> Int? {
        let pattern = patterns[id]
        guard index + pattern.wordCount <= tokens.count else { return nil }
        for offset in 0..<pattern.wordCount {
            let word = words[pattern.firstWord + offset]
            let token = tokens[index + offset]
            if offset > 0, !token.joinedToPrevious { return nil }
            if word.noun {
                guard CompiledPatterns.isNounUse(tokens, index + offset) else { return nil }
                let endings = token.sentenceStart ? sentenceStartNounEndings : nounEndings
                if !matches(word, tokens.folded(index + offset), endings: endings) { return nil }
            } else if !matches(word, tokens.folded(index + offset)) {
                return nil
            }
        }
        return index + pattern.wordCount - 1
    }

    /// Whether the words of pattern `id` stand one after the other anywhere in `range`; punctuation between them
    /// does not matter (`{art 3}` finds `Art. 3`).
    func occurs(_ id: Int, in tokens: LintTokenView, _ range: Range<Int>) -> Bool {
        let pattern = patterns[id]
        guard range.count >= pattern.wordCount else { return false }
        for start in range.lowerBound...(range.upperBound - pattern.wordCount) {
            var all = true
            for offset in 0..<pattern.wordCount where !matches(words[pattern.firstWord + offset], tokens.folded(start + offset)) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }

    /// An adjective used as a noun: capitalized, and at a sentence start (where every word is) not followed by
    /// another capitalized word, which would make it an attribute.
    private static func isNounUse(_ tokens: LintTokenView, _ index: Int) -> Bool {
        let token = tokens[index]
        guard token.capitalized else { return false }
        guard token.sentenceStart else { return true }
        guard index + 1 < tokens.count, tokens[index + 1].joinedToPrevious else { return true }
        return !tokens[index + 1].capitalized
    }

    /// Whether `word` matches the folded token, as a whole or — with `*` — as part of a compound.
    /// `endings` replaces the inflection endings `~` allows (for adjectives used as nouns).
    private func matches(_ word: Word, _ token: UnsafeBufferPointer<UInt8>, endings: Part? = nil) -> Bool {
        let endings = word.inflected ? endings ?? self.endings : noEnding
        if !word.compoundBefore { return matchParts(word, 0, 0, token, endings) }
        if word.required.count > 0, !contains(token, word.required) { return false }
        let first = parts[word.firstPart]
        for start in 0..<max(token.count, 1) {
            // Most positions begin none of the first part's alternatives.
            if !first.hasEmpty, start >= token.count || !first.firstBytes.contains(token[start]) { continue }
            if matchParts(word, 0, start, token, endings) { return true }
        }
        return false
    }

    private func matchParts(_ word: Word, _ part: Int, _ position: Int, _ token: UnsafeBufferPointer<UInt8>, _ endings: Part) -> Bool {
        if part == word.partCount {
            return matchEnding(word, position, token, endings)
        }
        let alternatives = parts[word.firstPart + part]
        if alternatives.hasEmpty, matchParts(word, part + 1, position, token, endings) { return true }
        guard position < token.count else { return false }
        for index in group(of: alternatives, token[position]) {
            let literal = literals[index]
            if hasPrefix(token, literal, at: position), matchParts(word, part + 1, position + literal.count, token, endings) { return true }
        }
        return false
    }

    private func matchEnding(_ word: Word, _ position: Int, _ token: UnsafeBufferPointer<UInt8>, _ endings: Part) -> Bool {
        // The empty ending (a word without one) needs nothing after it.
        if endings.hasEmpty, position == token.count || word.compoundAfter { return true }
        guard position < token.count else { return false }
        for index in group(of: endings, token[position]) {
            let ending = literals[index]
            guard hasPrefix(token, ending, at: position) else { continue }
            let end = position + ending.count
            if end == token.count || word.compoundAfter { return true }
        }
        return false
    }

    private func contains(_ token: UnsafeBufferPointer<UInt8>, _ literal: Literal) -> Bool {
        let first = bytes[literal.start]
        var position = 0
        while position + literal.count <= token.count {
            if token[position] == first, hasPrefix(token, literal, at: position) { return true }
            position += 1
        }
        return false
    }

    @inline(__always)
    private func hasPrefix(_ token: UnsafeBufferPointer<UInt8>, _ literal: Literal, at position: Int) -> Bool {
        guard position + literal.count <= token.count else { return false }
        var i = 0
        while i < literal.count {
            if token[position + i] != bytes[literal.start + i] { return false }
            i += 1
        }
        return true
    }
}
