import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An editor's decision to keep a flagged wording, e.g. in a story that quotes a slur in order to reject it.
/// Always with a reason; a suppression without one, or one that suppresses nothing, is itself a finding.
struct LintSuppression: Sendable, Hashable {
    var rules: [String]
    var reason: String?
    /// Where the suppression is written.
    var location: SourceLocation
    /// File lines it covers; nil for the whole file (front matter `lintIgnore`).
    var lines: ClosedRange<Int>?

    static let commentPrefix = "vorort-lint:"

    /// Whether `text` mentions `commentPrefix` at all: almost no file does, and then `comments` finds nothing.
    static func mayHoldComments(_ text: String) -> Bool {
        let prefix = Array(commentPrefix.utf8)
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            // memchr finds the hyphens (far rarer than the `v`), the prefix is compared around them.
            let hyphen = prefix.firstIndex(of: 0x2D)!
            var offset = hyphen
            while offset < bytes.count, let hit = memchr(base + offset, 0x2D, bytes.count - offset) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - hyphen
                if position + prefix.count <= bytes.count, memcmp(base + position, prefix, prefix.count) == 0 { return true }
                offset = position + hyphen + 1
            }
            return false
        }
        return found ?? text.contains(commentPrefix)
    }

    /// `<!-- vorort-lint: ignore RULE-ID[, RULE-ID] -- reason -->` in Markdown body lines; it covers the next paragraph.
    static func comments(in lines: [Substring], range: ClosedRange<Int>, codeLines: Set<Int>) -> [LintSuppression] {
        var found: [LintSuppression] = []
        for number in range where number <= lines.count && !codeLines.contains(number) {
            let line = lines[number - 1]
            // Most lines have no `<`: a byte test first keeps this cheap.
            guard line.utf8.contains(0x3C), let open = line.range(of: "<!--"), let close = line.range(of: "-->", range: open.upperBound..<line.endIndex) else { continue }
            let inner = line[open.upperBound..<close.lowerBound].trimmed
            guard inner.hasPrefix(commentPrefix) else { continue }
            let column = line.unicodeScalars[line.startIndex..<open.lowerBound].count + 1
            let location = SourceLocation(line: number, column: column, endColumn: column + line[open.lowerBound..<close.upperBound].unicodeScalars.count)
            var body = String(inner.dropFirst(commentPrefix.count)).trimmed
            var reason: String?
            if let separator = body.range(of: "--") {
                reason = String(body[separator.upperBound...]).trimmed
                body = String(body[..<separator.lowerBound]).trimmed
            }
            var words = body.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            guard words.first == "ignore" else {
                found.append(LintSuppression(rules: [], reason: reason, location: location, lines: number...number))
                continue
            }
            words.removeFirst()
            // The next paragraph: from the first non-blank line after the comment to the next blank line.
            var first = number + 1
            while first <= lines.count, lines[first - 1].isBlank { first += 1 }
            var last = first
            while last + 1 <= lines.count, !lines[last].isBlank { last += 1 }
            found.append(LintSuppression(rules: words, reason: reason?.isEmpty == true ? nil : reason, location: location,
                                         lines: first <= lines.count ? first...last : number...number))
        }
        return found
    }
}
