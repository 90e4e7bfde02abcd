/// `title: Deutschtreff #1 – jetzt auch dienstags`: in YAML a ` #` after an unquoted value starts a comment, so
/// the page would be published as „Deutschtreff“ and the rest silently lost. A comment on its own line (as
/// `vorort new` writes them) and one after a quoted value, a list in brackets or a key without value are left
/// alone: there nothing of the value is lost.
enum YAMLCommentAfterValue {
    struct Finding: Equatable {
        /// 1-based line within the YAML text; column of the `#` in Unicode scalars.
        var line: Int
        var column: Int
        /// `title: ` with its indentation and list marker, or empty for a line that continues a value.
        var prefix: String
        /// The value as written, comment included: what the editor meant.
        var intended: String
        /// What YAML reads.
        var kept: String
    }

    static func find(in yaml: String) -> [Finding] {
        guard ByteSearch.contains(0x23, in: yaml) else { return [] }
        var findings: [Finding] = []
        var quote: Unicode.Scalar?  // a quoted value open across lines
        var flowDepth = 0  // inside `[…]` or `{…}` across lines
        var blockIndent: Int?  // inside a `|` or `>` text
        var lineNumber = 0
        for line in yaml.lines {
            lineNumber += 1
            let s = Array(line.unicodeScalars)
            var indent = 0
            while indent < s.count, s[indent] == " " { indent += 1 }
            if let block = blockIndent {
                if indent == s.count || indent > block { continue }
                blockIndent = nil
            }
            var tokenStart = quote == nil && flowDepth == 0
            var plainStart: Int?  // where the plain value of this line begins
            var valueStart = indent  // after `key: ` or `- `
            var i = quote == nil ? indent : 0
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
                if c == "#", i == 0 || s[i - 1] == " " || s[i - 1] == "\t" {
                    if let start = plainStart, flowDepth == 0 {
                        let prefix = String(String.UnicodeScalarView(s[0..<valueStart]))
                        let intended = String(String.UnicodeScalarView(s[start...])).trimmed
                        let kept = String(String.UnicodeScalarView(s[start..<i])).trimmed
                        findings.append(Finding(line: lineNumber, column: i + 1, prefix: prefix, intended: intended, kept: kept))
                    }
                    break
                }
                if c == " " || c == "\t" { i += 1; continue }
                if tokenStart {
                    tokenStart = false
                    switch c {
                    case "-" where i + 1 == s.count || s[i + 1] == " ":
                        tokenStart = true
                        valueStart = i + 2
                        i += 1
                        continue
                    case "\"", "'":
                        quote = c
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
                    default:
                        plainStart = i
                    }
                }
                if flowDepth > 0 {
                    if c == "[" || c == "{" { flowDepth += 1 }
                    if c == "]" || c == "}" { flowDepth -= 1 }
                    if c == "\"" || c == "'", i > 0, s[i - 1] == " " || s[i - 1] == "[" || s[i - 1] == "," || s[i - 1] == "{" { quote = c }
                } else if c == ":", i + 1 == s.count || s[i + 1] == " " {
                    // The key ends here; the value begins after the spaces.
                    tokenStart = true
                    plainStart = nil
                    valueStart = min(s.count, i + 2)
                    while valueStart < s.count, s[valueStart] == " " { valueStart += 1 }
                }
                i += 1
            }
        }
        return findings
    }
}
