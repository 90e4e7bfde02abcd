/// Finds every rule's terms in a token stream. Patterns are indexed by the first three letters of their
/// first part, so each word is compared with the few patterns that can start in it, not with all of them.
struct WordingMatcher: Sendable {
    struct Term: Sendable {
        var rule: Int
        var pattern: TermPattern
    }

    /// A term found in the text: tokens `first...last`.
    struct Match: Equatable {
        var rule: Int
        var first: Int
        var last: Int
    }

    let rules: [LintRule]
    private let terms: [Term]
    /// Patterns whose first word must begin with the key, and patterns whose first word may start anywhere in a word.
    private let wordStartIndex: [UInt32: [Int]]
    private let anywhereIndex: [UInt32: [Int]]
    /// Patterns without a literal of three letters at their start; tried on every word.
    private let unindexed: [Int]

    init(rules: [LintRule]) {
        self.rules = rules
        var terms: [Term] = []
        var wordStart: [UInt32: [Int]] = [:]
        var anywhere: [UInt32: [Int]] = [:]
        var unindexed: [Int] = []
        for (ruleIndex, rule) in rules.enumerated() where rule.severity != nil {
            for pattern in rule.terms {
                let termIndex = terms.count
                terms.append(Term(rule: ruleIndex, pattern: pattern))
                guard let anchors = pattern.anchors, anchors.allSatisfy({ $0.count >= 3 }) else {
                    unindexed.append(termIndex)
                    continue
                }
                let before = pattern.words[0].compoundBefore
                for anchor in Set(anchors.map { WordingMatcher.key($0, 0) }) {
                    if before { anywhere[anchor, default: []].append(termIndex) } else { wordStart[anchor, default: []].append(termIndex) }
                }
            }
        }
        self.terms = terms
        wordStartIndex = wordStart
        anywhereIndex = anywhere
        self.unindexed = unindexed
    }

    @inline(__always)
    static func key(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
    }

    func matches(in tokens: [LintToken]) -> [Match] {
        var found: [Match] = []
        // Which terms were already tried at this token: a stamp per term instead of a set per token.
        var triedAt = [Int](repeating: -1, count: terms.count)
        var candidates: [Int] = []
        for index in tokens.indices {
            let folded = tokens[index].folded
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: unindexed)
            if folded.count >= 3 {
                if let list = wordStartIndex[WordingMatcher.key(folded, 0)] { candidates.append(contentsOf: list) }
                if !anywhereIndex.isEmpty {
                    for position in 0...(folded.count - 3) {
                        if let list = anywhereIndex[WordingMatcher.key(folded, position)] { candidates.append(contentsOf: list) }
                    }
                }
            }
            for termIndex in candidates where triedAt[termIndex] != index {
                triedAt[termIndex] = index
                let term = terms[termIndex]
                guard let last = term.pattern.match(tokens, at: index) else { continue }
                if isException(rules[term.rule], tokens: tokens, first: index, last: last) { continue }
                let focus = term.pattern.focus
                let first = index + focus.lowerBound, focusLast = index + focus.upperBound
                // One finding per rule and place, however many of its patterns match there.
                if !found.contains(where: { $0.rule == term.rule && $0.first == first }) {
                    found.append(Match(rule: term.rule, first: first, last: focusLast))
                }
            }
        }
        return found
    }

    /// An exception (an official name, a false friend) that covers part of the match cancels it.
    private func isException(_ rule: LintRule, tokens: [LintToken], first: Int, last: Int) -> Bool {
        for exception in rule.exceptions {
            let earliest = max(0, first - (exception.words.count - 1))
            for start in earliest...last {
                if let end = exception.match(tokens, at: start), end >= first { return true }
            }
        }
        return false
    }
}
