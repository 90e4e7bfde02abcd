/// Finds YAML anchors (`&name`) and aliases (`*name`) before the YAML parser sees the text.
///
/// vorort refuses them: editors never need them, and they are dangerous — a few hundred bytes of nested
/// aliases expand into gigabytes when the node tree is walked, and an alias used as a mapping key makes
/// Yams' parsing itself exponential. Scanning first means such a file never reaches the parser.
/// A value starting with `*` or `&` is an alias or anchor in YAML too, so nothing valid is lost.
enum YAMLAnchorScan {
    private static let flowEnd: Set<Unicode.Scalar> = [",", "]", "}"]
    private static let notInName: Set<Unicode.Scalar> = [" ", "\t", ",", "[", "]", "{", "}"]

    /// 1-based line and column of the first anchor or alias, if any.
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        var quote: Unicode.Scalar?  // inside a quoted scalar, which may span lines
        var flowDepth = 0  // inside `[…]` or `{…}`, which may span lines
        var blockIndent: Int?  // inside a block scalar (`|` or `>`): its lines are text
        var plainIndent: Int?  // the previous line ended in a plain value: deeper lines continue that text
        var lineNumber = 0
        for line in yaml.lines {
            lineNumber += 1
            let s = Array(line.unicodeScalars)
            var indent = 0
            while indent < s.count, s[indent] == " " { indent += 1 }
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
                        if q == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                        quote = nil
                    } else if c == "\\", q == "\"" {
                        i += 1
                    }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" { i += 1; continue }
                if c == "#", i == 0 || s[i - 1] == " " || s[i - 1] == "\t" { break }
                if tokenStart {
                    switch c {
                    case "&", "*":
                        if i + 1 < s.count, !notInName.contains(s[i + 1]) { return (lineNumber, i + 1) }
                    case "\"", "'":
                        quote = c
                        tokenStart = false
                        i += 1
                        continue
                    case "-" where i + 1 == s.count || s[i + 1] == " ", "?" where i + 1 == s.count || s[i + 1] == " ":
                        i += 1
                        continue
                    case "[", "{":
                        flowDepth += 1
                        i += 1
                        continue
                    case "|", ">":
                        blockIndent = indent
                        i = s.count
                        continue
                    case "!":
                        // A tag (`!!str`, `!local`) may stand before an anchor: skip it, the node still begins after it.
                        while i < s.count, s[i] != " " { i += 1 }
                        continue
                    default:
                        break
                    }
                    tokenStart = false
                    inPlain = true
                }
                switch c {
                case ":" where i + 1 == s.count || s[i + 1] == " " || (flowDepth > 0 && flowEnd.contains(s[i + 1])):
                    tokenStart = true
                    inPlain = false
                case "," where flowDepth > 0:
                    tokenStart = true
                    inPlain = false
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
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
