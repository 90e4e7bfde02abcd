/// Which parts of a file the wording lint reads: the text fields of the front matter (as its type declares them) and the Markdown body,
/// never keys, addresses, dates, code, URLs or HTML. Works on the raw file text so every finding keeps its
/// exact line and column.
enum LintSource {
    /// Tokens of YAML lines `range` (1-based file lines), reading only the values of `textKeys`.
    static func yamlTokens(_ lines: [Substring], range: ClosedRange<Int>, textKeys: Set<String>, line buffer: LintLineBuffer,
                           into tokens: inout LintTokens)
    {
        // The keys of the enclosing maps: their indentation, and whether their values are text.
        var stack: [(indent: Int, isText: Bool)] = []
        var state = LintTokenizerState()
        func reset() {
            if let pending = state.hyphenated { tokens.append(pending) }
            state = LintTokenizerState()
        }
        for number in range where number <= lines.count {
            // Indentation, list marker and key are ASCII: their positions are the same in bytes and in scalars.
            let line = lines[number - 1]
            buffer.load(line)
            let scalars = buffer.scalars
            var position = 0
            while position < scalars.count, scalars[position] == " " { position += 1 }
            let lineIndent = position
            guard position < scalars.count, scalars[position] != "#" else { reset(); continue }
            var isItem = false
            if scalars[position] == "-", position + 1 == scalars.count || scalars[position + 1] == " " {
                isItem = true
                position += 1
                while position < scalars.count, scalars[position] == " " { position += 1 }
            }
            var keyEnd = position
            while keyEnd < scalars.count, isKeyScalar(scalars[keyEnd]) { keyEnd += 1 }
            var valueStart = position
            if keyEnd > position, keyEnd < scalars.count, scalars[keyEnd] == ":", keyEnd + 1 == scalars.count || scalars[keyEnd + 1] == " " {
                // Taken from the bytes: building the string from the scalars was slow.
                let key = String(Substring(line.utf8.dropFirst(position).prefix(keyEnd - position)))
                while let last = stack.last, last.indent >= position { stack.removeLast() }
                stack.append((position, textKeys.contains(key)))
                valueStart = keyEnd + 1
                reset()
            } else if isItem {
                while let last = stack.last, last.indent > lineIndent { stack.removeLast() }
                reset()
            } else {
                while let last = stack.last, last.indent >= lineIndent { stack.removeLast() }
            }
            guard stack.last?.isText == true else { reset(); continue }
            buffer.clearMask()
            let mask = buffer.mask
            for i in 0..<min(valueStart, scalars.count) { mask[i] = true }
            maskAddresses(scalars, mask)
            LintTokenizer.tokenize(scalars, lineNumber: number, mask: UnsafeBufferPointer(mask), into: &tokens, state: &state)
        }
        reset()
    }

    @inline(__always)
    private static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }

    /// Tokens of Markdown body lines `range`, leaving out `codeLines` (code and HTML blocks) and, within lines,
    /// code spans, link targets, URLs, e-mail addresses and HTML.
    static func markdownTokens(_ lines: [Substring], range: ClosedRange<Int>, codeLines: Set<Int>, line buffer: LintLineBuffer,
                               into tokens: inout LintTokens)
    {
        var state = LintTokenizerState()
        func reset() {
            if let pending = state.hyphenated { tokens.append(pending) }
            state = LintTokenizerState()
        }
        for number in range where number <= lines.count {
            if !codeLines.isEmpty, codeLines.contains(number) {
                reset()
                continue
            }
            let bytes = buffer.load(lines[number - 1])
            if bytes.blank {
                reset()
                continue
            }
            // List items, headings and quotes start a new sentence.
            if let first = bytes.first, (first >= 0x30 && first <= 0x39) || LintSource.isBlockMarker(first) {
                state.sentenceStart = true
            }
            let scalars = buffer.scalars
            // Most lines hold no code, link, HTML or address: what the decoding saw of the bytes spares them the masking passes.
            var mask: UnsafeBufferPointer<Bool>?
            if bytes.markup || bytes.address {
                buffer.clearMask()
                if bytes.markup { maskInlineMarkdown(scalars, buffer.mask) }
                if bytes.address { maskAddresses(scalars, buffer.mask) }
                mask = UnsafeBufferPointer(buffer.mask)
            }
            LintTokenizer.tokenize(scalars, lineNumber: number, mask: mask, into: &tokens, state: &state)
        }
        reset()
    }

    /// `-*+#>|`: list items, headings, quotes and tables.
    private static func isBlockMarker(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x2A, 0x2B, 0x23, 0x3E, 0x7C: true
        default: false
        }
    }

    /// Whether a line may contain a URL or e-mail address: `@`, `://`, `www.`, `mailto:` or `tel:` in its bytes.
    static func mayHoldAddress(_ utf8: Substring.UTF8View) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in utf8 {
            switch byte {
            case 0x40: return true  // @
            case 0x2F where previous.1 == 0x3A && previous.2 == 0x2F: return true  // ://
            case 0x2E where previous == (0x77, 0x77, 0x77): return true  // www.
            case 0x3A where (previous.1 == 0x65 && previous.2 == 0x6C) || previous.2 == 0x6F: return true  // tel: mailto:
            default: break
            }
            previous = (previous.1, previous.2, byte)
        }
        return false
    }

    /// The longest code span, link target or tag the masks look for; longer ones are linted as text.
    static let maximumSpan = 4096

    private static func maskInlineMarkdown(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ mask: UnsafeMutableBufferPointer<Bool>) {
        var i = 0
        // The first `>` at or after the last `<` looked at (`s.count`: none).
        var nextClose = -1
        // A reference definition `[label]: https://…` is an address, not text.
        if let first = s.firstIndex(where: { $0 != " " }), s[first] == "[" {
            var j = first
            while j + 1 < s.count, !(s[j] == "]" && s[j + 1] == ":") { j += 1 }
            if j + 1 < s.count { for k in (j + 2)..<s.count { mask[k] = true } }
        }
        while i < s.count {
            switch s[i] {
            case "`":
                var run = 0
                while i + run < s.count, s[i + run] == "`" { run += 1 }
                var j = i + run
                var closed: Int?
                while j < min(s.count, i + maximumSpan) {
                    if s[j] == "`" {
                        var other = 0
                        while j + other < s.count, s[j + other] == "`" { other += 1 }
                        if other == run { closed = j + other; break }
                        j += other
                    } else {
                        j += 1
                    }
                }
                if let closed {
                    for k in i..<closed { mask[k] = true }
                    i = closed
                } else {
                    i += run
                }
            case "<":
                // HTML comments, tags and autolinks, up to `maximumSpan` long. The next `>` is remembered across
                // the `<` before it, so a line of thousands of unclosed `<` is read once, not once per `<`.
                if nextClose < i {
                    nextClose = i
                    while nextClose < s.count, s[nextClose] != ">" { nextClose += 1 }
                }
                if nextClose < min(s.count, i + maximumSpan) {
                    for k in i...nextClose { mask[k] = true }
                    i = nextClose + 1
                } else {
                    i += 1
                }
            case "]" where i + 1 < s.count && s[i + 1] == "(":
                var depth = 0
                var j = i + 1
                while j < min(s.count, i + maximumSpan) {
                    if s[j] == "(" { depth += 1 }
                    if s[j] == ")" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                for k in (i + 1)..<min(j + 1, s.count) { mask[k] = true }
                i = j + 1
            default:
                i += 1
            }
        }
    }

    /// URLs and e-mail addresses: a run of non-space characters with `://`, `@`, or starting `www.`, `mailto:`, `tel:`.
    private static func maskAddresses(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ mask: UnsafeMutableBufferPointer<Bool>) {
        var start = 0
        while start < s.count {
            while start < s.count, LintTokenizer.isSpace(s[start]) { start += 1 }
            var end = start
            var isAddress = false
            while end < s.count, !LintTokenizer.isSpace(s[end]) {
                let c = s[end]
                if c == "@" || (c == ":" && end + 2 < s.count && s[end + 1] == "/" && s[end + 2] == "/") { isAddress = true }
                end += 1
            }
            if !isAddress, end > start, hasPrefix(s, start, end, www) || hasPrefix(s, start, end, mailto) || hasPrefix(s, start, end, tel) {
                isAddress = true
            }
            if isAddress { for k in start..<end { mask[k] = true } }
            start = end
        }
    }

    private static let www = Array("www.".unicodeScalars), mailto = Array("mailto:".unicodeScalars), tel = Array("tel:".unicodeScalars)

    /// Case-insensitive ASCII prefix test on `s[start..<end]`.
    private static func hasPrefix(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, _ prefix: [Unicode.Scalar]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (offset, expected) in prefix.enumerated() {
            let actual = s[start + offset]
            let lower = actual.value >= 0x41 && actual.value <= 0x5A ? actual.value + 32 : actual.value
            if lower != expected.value { return false }
        }
        return true
    }
}
