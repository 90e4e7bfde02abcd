import Glibc

/// Searching UTF-8 bytes for a short pattern, for the passes over rendered HTML and Markdown source that must stay
/// linear (Foundation's `range(of:)` on a `Substring` copied the rest of the text on every call).
enum ByteSearch {
    /// The first position at or after `start` where `pattern` stands in `bytes`. `memchr` finds the candidates for
    /// the first byte, `memcmp` compares the rest: a loop over every byte of every rendered body was 1 % of a build.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard let first = pattern.first, start >= 0, bytes.count - start >= pattern.count else { return nil }
        return bytes.withUnsafeBytes { bytes -> Int? in
            pattern.withUnsafeBytes { pattern -> Int? in
                guard let base = bytes.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                let last = bytes.count - pattern.count
                var index = start
                while index <= last, let hit = memchr(base + index, Int32(first), last - index + 1) {
                    let found = UnsafeRawPointer(hit) - base
                    if memcmp(base + found, patternBase, pattern.count) == 0 { return found }
                    index = found + 1
                }
                return nil
            }
        }
    }

    /// The same for a lower-case ASCII `pattern` written in any case in `bytes` (`</SCRIPT` for `</script`).
    static func firstIndex(ofCaseInsensitive pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] | 0x20 == first || bytes[index] == first,
               zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ $0 == $1 || $0 | 0x20 == $1 }) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Whether one of `targets` stands in `text`, each looked for with `memchr` on the text's bytes in place (a
    /// search of the UTF-8 view went byte by byte through the generic collection: four such passes over every
    /// front matter cost as much as reading it).
    static func contains(_ targets: UInt8..., in text: some StringProtocol) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return targets.contains { memchr(base, Int32($0), bytes.count) != nil }
        }
    }

    /// Whether `pattern` stands in `bytes` at `index`.
    static func hasPrefix(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        index >= 0 && index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }
}
