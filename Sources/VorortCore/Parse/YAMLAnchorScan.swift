/// Finds YAML anchors (`&name`) and aliases (`*name`) before the YAML parser sees the text.
///
/// vorort refuses them: editors never need them, and they are dangerous — a few hundred bytes of nested
/// aliases expand into gigabytes when the node tree is walked, and an alias used as a mapping key makes
/// Yams' parsing itself exponential. Scanning first means such a file never reaches the parser.
/// A value starting with `*` or `&` is an alias or anchor in YAML too, so nothing valid is lost.
enum YAMLAnchorScan {
    /// 1-based line and column (in Unicode scalars) of the first anchor or alias, if any.
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        // Without a `&` or `*` there is nothing to find (most front matter).
        guard ByteSearch.contains(UInt8(ascii: "&"), UInt8(ascii: "*"), in: yaml) else { return nil }
        var yaml = yaml
        return yaml.withUTF8(scan)
    }

    /// The scan on the UTF-8 bytes. Everything it looks for is ASCII, and the bytes of a character beyond ASCII are
    /// none of it (nor a space), so they pass as that one character would; only the column counts characters.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        func isFlowEnd(_ c: UInt8) -> Bool { c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") }
        func isNotInName(_ c: UInt8) -> Bool {
            c == space || c == tab || c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
                || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
        }
        var quote: UInt8?  // inside a quoted scalar, which may span lines
        var flowDepth = 0  // inside `[…]` or `{…}`, which may span lines
        var blockIndent: Int?  // inside a block scalar (`|` or `>`): its lines are text
        var plainIndent: Int?  // the previous line ended in a plain value: deeper lines continue that text
        var lineNumber = 0
        var nextLine = 0
        // The lines as `String.lines` splits them: at `\n`, the last one after the last `\n`.
        while nextLine <= bytes.count {
            let start = nextLine
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            nextLine = end + 1
            lineNumber += 1
            let s = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var indent = 0
            while indent < s.count, s[indent] == space { indent += 1 }
            if indent == s.count, quote == nil { continue }
            if let block = blockIndent {
                if indent > block { continue }
                blockIndent = nil
            }
            if let plain = plainIndent, quote == nil, flowDepth == 0 {
                if indent > plain { continue }
                plainIndent = nil
            }
            var tokenStart = quote == nil
            var inPlain = false
            var i = indent
            while i < s.count {
                let c = s[i]
                if let q = quote {
                    if c == q {
                        if q == UInt8(ascii: "'"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        quote = nil
                    } else if c == UInt8(ascii: "\\"), q == UInt8(ascii: "\"") {
                        i += 1
                    }
                    i += 1
                    continue
                }
                if c == space || c == tab { i += 1; continue }
                if c == UInt8(ascii: "#"), i == 0 || s[i - 1] == space || s[i - 1] == tab { break }
                if tokenStart {
                    switch c {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if i + 1 < s.count, !isNotInName(s[i + 1]) {
                            // Columns count characters: every byte that does not continue a multi-byte character.
                            return (lineNumber, 1 + s[..<i].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
                        }
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = c
                        tokenStart = false
                        i += 1
                        continue
                    case UInt8(ascii: "-") where i + 1 == s.count || s[i + 1] == space,
                         UInt8(ascii: "?") where i + 1 == s.count || s[i + 1] == space:
                        i += 1
                        continue
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                        i += 1
                        continue
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        blockIndent = indent
                        i = s.count
                        continue
                    case UInt8(ascii: "!"):
                        // A tag (`!!str`, `!local`) may stand before an anchor: skip it, the node still begins after it.
                        while i < s.count, s[i] != space { i += 1 }
                        continue
                    default:
                        break
                    }
                    tokenStart = false
                    inPlain = true
                }
                switch c {
                case UInt8(ascii: ":") where i + 1 == s.count || s[i + 1] == space || (flowDepth > 0 && isFlowEnd(s[i + 1])):
                    tokenStart = true
                    inPlain = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    tokenStart = true
                    inPlain = false
                case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                    flowDepth -= 1
                    inPlain = false
                default:
                    break
                }
                i += 1
            }
            if inPlain, quote == nil, flowDepth == 0 { plainIndent = indent }
        }
        return nil
    }
}
