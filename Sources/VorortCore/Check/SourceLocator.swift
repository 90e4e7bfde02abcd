/// Finds where a URL stands in the Markdown source. cmark's positions of inline nodes are unreliable
/// (continuation lines, entities, autolinks) and count bytes, so the text is searched for instead.
/// A class, so that the body is split into lines once, and only when a finding needs a place (most bodies have none).
final class SourceLocator {
    private let source: MarkdownSource
    private lazy var lines: [Substring] = source.text.lines
    private var firstLine: Int { source.firstLine }

    init(_ source: MarkdownSource) {
        self.source = source
    }

    /// How far from cmark's line the search goes, in bytes; beyond it the finding points at that line.
    /// Bounded so that a file of thousands of bad links cannot make locating them quadratic.
    static let searchWindow = 16 * 1024

    /// `bodyLine` is cmark's 1-based line within the body; the search starts there and goes on downwards.
    func locate(_ needle: String, nearBodyLine bodyLine: Int) -> SourceLocation {
        let start = min(max(bodyLine, 1), max(lines.count, 1)) - 1
        let fallback = SourceLocation(line: firstLine + start, column: 1)
        guard !needle.isEmpty, !lines.isEmpty else { return fallback }
        let pattern = Array(needle.utf8)
        var budget = SourceLocator.searchWindow
        var index = start
        while index < lines.count, budget > 0 {
            let bytes = Array(lines[index].utf8.prefix(budget))
            budget -= bytes.count + 1
            if let offset = ByteSearch.firstIndex(of: pattern, in: bytes) {
                // Columns count characters: every byte that does not continue a multi-byte character.
                let column = bytes[..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                return SourceLocation(line: firstLine + index, column: column, endColumn: column + needle.unicodeScalars.count)
            }
            index += 1
        }
        return fallback
    }
}
