/// Keeps runs that are written left to right in their order on right-to-left pages.
///
/// In an Arabic sentence the Unicode bidirectional algorithm orders the groups of a number right to left:
/// "05351 76-310" appears as "76-310 05351", "38350 Lindenbrück" as "Lindenbrück 38350" and "14–18 Uhr" as
/// "Uhr 18–14" — and whoever writes the number down dials the wrong one. Phone numbers, postcodes with their town,
/// times and time ranges, dates, e-mail and web addresses are therefore wrapped in `<bdi dir="ltr">`, which isolates
/// them and lays them out left to right wherever they stand: in a template's field (phone, address, opening hours)
/// or in an editor's text.
///
/// The pass reads a finished page as vorort wrote it (templates and cmark-gfm escape `<`, `>`, `&` and quotes in
/// text and attribute values). It touches only text between tags — never a tag, an attribute value or a comment —
/// and leaves alone the text of `script`, `style`, `title` and `textarea` (no markup can stand there), of `svg`,
/// `math`, `code`, `pre`, `kbd`, `samp` and `bdi`, and of every element already marked `dir="ltr"` (such as the
/// German text on a page that is not yet translated). It only adds whole elements around runs of text, so links,
/// entities and the document's structure stay as they were.
enum BidiIsolation {
    static let openTag = Array(#"<bdi dir="ltr">"#.utf8)
    static let closeTag = Array("</bdi>".utf8)

    /// The page with every left-to-right run of its text isolated; used for right-to-left languages only (on a
    /// left-to-right page the runs already read correctly, and the page stays byte for byte as before).
    static func isolateLeftToRightRuns(inHTML html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 512)
        // Open elements that decide about their text: those with a `dir` attribute and those whose text is left
        // alone. `nested` counts elements of the same name inside, so that their end tags do not close the entry.
        var open: [(name: [UInt8], leaveAlone: Bool, nested: Int)] = []
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            guard textStart < end else { return }
            if open.last?.leaveAlone == true {
                out.append(contentsOf: bytes[textStart..<end])
            } else {
                isolateRuns(bytes[textStart..<end], into: &out)
            }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            flushText(upTo: index)
            let end = endOfMarkup(bytes, from: index)
            out.append(contentsOf: bytes[index..<end])
            let tag = Tag(bytes[index..<end])
            index = end
            if let tag, !tag.name.isEmpty {
                if tag.isClosing {
                    if let last = open.last, last.name == tag.name {
                        if last.nested > 0 { open[open.count - 1].nested -= 1 } else { open.removeLast() }
                    }
                } else if rawText.contains(tag.name) {
                    // No markup can stand in these; their text is copied up to their end tag unread.
                    let close = ByteSearch.firstIndex(ofCaseInsensitive: Array("</".utf8) + tag.name, in: bytes, from: index) ?? bytes.count
                    out.append(contentsOf: bytes[index..<close])
                    index = close
                } else if !tag.isSelfClosing && !void.contains(tag.name) {
                    if let direction = tag.direction {
                        open.append((tag.name, direction == "ltr" || leftAlone.contains(tag.name), 0))
                    } else if leftAlone.contains(tag.name) {
                        open.append((tag.name, true, 0))
                    } else if let last = open.last, last.name == tag.name {
                        open[open.count - 1].nested += 1
                    }
                }
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
        return String(decoding: out, as: UTF8.self)
    }

    private static let rawText: Set<[UInt8]> = Set(["script", "style", "title", "textarea"].map { Array($0.utf8) })
    private static let leftAlone: Set<[UInt8]> = Set(["svg", "math", "code", "pre", "kbd", "samp", "bdi"].map { Array($0.utf8) })
    private static let void: Set<[UInt8]> = Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                                 "source", "track", "wbr"].map { Array($0.utf8) })

    /// A start or end tag's name (lower case) and its `dir` attribute; nil for comments and declarations.
    private struct Tag {
        var name: [UInt8]
        var isClosing: Bool
        var isSelfClosing: Bool
        var direction: String?

        init?(_ markup: ArraySlice<UInt8>) {
            var i = markup.startIndex + 1
            guard i < markup.endIndex else { return nil }
            isClosing = markup[i] == UInt8(ascii: "/")
            if isClosing { i += 1 }
            guard i < markup.endIndex, isASCIILetter(markup[i]) else { return nil }
            var name: [UInt8] = []
            while i < markup.endIndex, isASCIILetter(markup[i]) || isASCIIDigit(markup[i]) || markup[i] == UInt8(ascii: "-") {
                name.append(markup[i] | 0x20)
                i += 1
            }
            self.name = name
            isSelfClosing = markup.count >= 2 && markup[markup.endIndex - 2] == UInt8(ascii: "/")
            direction = nil
            let bytes = Array(markup)
            if !isClosing, let at = ByteSearch.firstIndex(ofCaseInsensitive: Array(" dir=\"".utf8), in: bytes) {
                let valueStart = at + 6
                let rest = bytes[valueStart...]
                if let quote = rest.firstIndex(of: UInt8(ascii: "\"")) {
                    direction = String(decoding: rest[valueStart..<quote], as: UTF8.self).lowercased()
                }
            }
        }
    }

    /// The index after a tag, comment or declaration that starts at `start` (quoted attribute values may hold `>`).
    private static func endOfMarkup(_ bytes: [UInt8], from start: Int) -> Int {
        if bytes[start...].starts(with: Array("<!--".utf8)) {
            return ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        var quote: UInt8?
        var i = start + 1
        while i < bytes.count {
            let byte = bytes[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    // MARK: - Runs in text

    /// Copies `text` (escaped HTML text without tags) into `out`, each left-to-right run wrapped.
    static func isolateRuns(_ text: ArraySlice<UInt8>, into out: inout [UInt8]) {
        let t = Array(text)
        // Most text on an Arabic page has no digit, `@` or address in it: one pass decides.
        guard t.contains(where: { isASCIIDigit($0) || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: "W") }) else {
            out.append(contentsOf: t)
            return
        }
        var copied = 0
        var i = 0
        while i < t.count {
            let startsWord = i == 0 || !continuesRun(t, before: i)
            if startsWord, let end = webAddress(t, at: i) ?? emailAddress(t, at: i) ?? numberRun(t, at: i) {
                out.append(contentsOf: t[copied..<i])
                out.append(contentsOf: openTag)
                out.append(contentsOf: t[i..<end])
                out.append(contentsOf: closeTag)
                copied = end
                i = end
            } else {
                i += 1
            }
        }
        out.append(contentsOf: t[copied...])
    }

    /// Whether the character before `i` forbids a run to start at `i`: a letter or digit of any script, or a
    /// character that joins the parts of a number or an address ("v2.0", "a-1", "x@1").
    private static func continuesRun(_ t: [UInt8], before i: Int) -> Bool {
        let byte = t[i - 1]
        if byte < 0x80 {
            return isASCIILetter(byte) || isASCIIDigit(byte)
                || [".", ",", ":", "/", "-", "@", "_", "+", "%", "&", "#", ";"].contains(where: { byte == UInt8(ascii: $0) })
        }
        var start = i - 1
        while start > 0, t[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = String(decoding: t[start..<i], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `https://…`, `http://…` or `www.…` up to the next space, without punctuation that ends the sentence.
    private static func webAddress(_ t: [UInt8], at i: Int) -> Int? {
        let rest = t[i...]
        guard ["https://", "http://", "www."].contains(where: { prefix in
            rest.count > prefix.utf8.count && zip(rest, prefix.utf8).allSatisfy { $0 | 0x20 == $1 }
        }) else { return nil }
        var end = i
        while end < t.count, t[end] > 0x20, !isSpace(t, end) { end += 1 }
        return trimmingTrailingPunctuation(t, from: i, to: end)
    }

    /// `name@domain.tld` (an address's local part, `@`, a domain with at least one dot).
    private static func emailAddress(_ t: [UInt8], at i: Int) -> Int? {
        var at = i
        while at < t.count, isASCIILetter(t[at]) || isASCIIDigit(t[at]) || [".", "_", "%", "+", "-"].contains(where: { t[at] == UInt8(ascii: $0) }) {
            at += 1
        }
        guard at > i, at < t.count, t[at] == UInt8(ascii: "@") else { return nil }
        var end = at + 1
        while end < t.count, isASCIILetter(t[end]) || isASCIIDigit(t[end]) || t[end] == UInt8(ascii: ".") || t[end] == UInt8(ascii: "-") {
            end += 1
        }
        while end > at + 1, t[end - 1] == UInt8(ascii: ".") || t[end - 1] == UInt8(ascii: "-") { end -= 1 }
        guard t[(at + 1)..<end].contains(UInt8(ascii: ".")) else { return nil }
        return end
    }

    /// A phone number, time, time range or date: groups of digits joined by a space, `-`, `–`, `—`, `/`, `:` or `.`
    /// (with `+49` or an area code in brackets in front), followed perhaps by "Uhr" or a German month and year; or a
    /// postcode with its town. A single number ("2025", "11.240", "2.0") stays as it is.
    private static func numberRun(_ t: [UInt8], at start: Int) -> Int? {
        var i = start
        if t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "(") { i += 1 }
        guard i < t.count, isASCIIDigit(t[i]) else { return nil }
        var groups = 0
        var lastGroupLength = 0
        // Groups joined by a space, a dash or a slash are what the bidirectional algorithm reorders; a single dot or
        // colon keeps a number together ("11.240"), so such a run is isolated only as a time or a date.
        var reorderable = false
        var dots = 0
        var colons = 0
        var end = i
        // Only an area code in brackets at the start: "(05351) 76-310".
        var bracketOpen = t[start] == UInt8(ascii: "(")
        while true {
            let groupStart = i
            while i < t.count, isASCIIDigit(t[i]) { i += 1 }
            guard i > groupStart else { break }
            groups += 1
            lastGroupLength = i - groupStart
            end = i
            if bracketOpen, i < t.count, t[i] == UInt8(ascii: ")") { bracketOpen = false; i += 1; end = i }
            // A joint: a space, or a separator with at most one space on either side; then digits must follow.
            var p = i
            let spaceBefore = spaceLength(t, p)
            p += spaceBefore
            var joint = (reorders: spaceBefore > 0, dot: false, colon: false)
            if let separator = separatorLength(t, p) {
                if t[p] == UInt8(ascii: ".") { joint.dot = true } else if t[p] == UInt8(ascii: ":") { joint.colon = true } else { joint.reorders = true }
                p += separator
                // "12.–14.3." and "12.03.–14.03.2027": a date's dot before the range's dash.
                if t[p - 1] == UInt8(ascii: "."), let dash = separatorLength(t, p), t[p] != UInt8(ascii: ".") { p += dash; joint.reorders = true }
                let spaceAfter = spaceLength(t, p)
                if spaceAfter > 0 { joint.reorders = true }
                p += spaceAfter
            } else if spaceBefore == 0 {
                break
            }
            guard p < t.count, isASCIIDigit(t[p]) else { break }
            if joint.reorders { reorderable = true }
            if joint.dot { dots += 1 }
            if joint.colon { colons += 1 }
            i = p
        }
        // A bracket the run opened must close inside it, or the isolate would hold half a pair.
        if bracketOpen { return nil }
        var suffixed = false
        // "14–18 Uhr", "9 Uhr"
        if let uhr = word(t, after: end, matching: ["Uhr"]) {
            end = uhr
            suffixed = true
        } else if lastGroupLength <= 2, end < t.count, t[end] == UInt8(ascii: "."),
                  let month = word(t, after: end + 1, matching: months, spaceOptional: true) {
            // "12. März 2027"
            end = month
            suffixed = true
            let yearStart = end + spaceLength(t, end)
            if yearStart > end, yearStart + 4 <= t.count, t[yearStart..<(yearStart + 4)].allSatisfy(isASCIIDigit),
               yearStart + 4 == t.count || !isASCIIDigit(t[yearStart + 4]) {
                end = yearStart + 4
            }
        } else if groups == 1, lastGroupLength == 5, t[start] != UInt8(ascii: "+"), let town = town(t, after: end) {
            // "38350 Lindenbrück"
            end = town
            suffixed = true
        }
        guard groups >= 2 && (reorderable || colons > 0 || dots >= 2) || suffixed else { return nil }
        // Not the start of a longer number the run does not understand ("1 2 3 4 5" is fine, "05351 76-310x" is not).
        if end < t.count, isASCIILetter(t[end]) || isASCIIDigit(t[end]) { return nil }
        return end
    }

    private static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                                 "Oktober", "November", "Dezember"]
    private static let townJoiners = ["am", "an", "der", "im", "in", "bei", "ob", "vor", "unter"]

    /// The end of one of `words` after a space at `position` (a whole word: no letter follows).
    private static func word(_ t: [UInt8], after position: Int, matching words: [String], spaceOptional: Bool = false) -> Int? {
        let space = spaceLength(t, position)
        guard space > 0 || spaceOptional else { return nil }
        let start = position + space
        for candidate in words {
            let bytes = Array(candidate.utf8)
            let end = start + bytes.count
            if end <= t.count, Array(t[start..<end]) == bytes, end == t.count || !isLatinLetter(t, end) { return end }
        }
        return nil
    }

    /// A town's name after a postcode: a capitalised Latin word (with hyphens), and further words after "am", "an
    /// der", "bei" … ("Frankfurt am Main").
    private static func town(_ t: [UInt8], after position: Int) -> Int? {
        let space = spaceLength(t, position)
        guard space > 0 else { return nil }
        var i = position + space
        guard i < t.count, isLatinCapital(t, i) else { return nil }
        i = endOfLatinWord(t, i)
        var end = i
        // Further words only through a joiner, so that "38350 Lindenbrück Markt 3" keeps "Markt 3" outside.
        var p = end
        while true {
            let gap = spaceLength(t, p)
            guard gap > 0 else { break }
            let wordStart = p + gap
            let wordEnd = endOfLatinWord(t, wordStart)
            guard wordEnd > wordStart else { break }
            let word = String(decoding: t[wordStart..<wordEnd], as: UTF8.self)
            if townJoiners.contains(word) {
                p = wordEnd
            } else if p != end, isLatinCapital(t, wordStart) {
                end = wordEnd
                p = wordEnd
            } else {
                break
            }
        }
        return end
    }

    private static func endOfLatinWord(_ t: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < t.count {
            if isASCIILetter(t[i]) || t[i] == UInt8(ascii: "-") && i > start {
                i += 1
            } else if isLatinLetter(t, i) {
                i += 2
            } else {
                break
            }
        }
        while i > start, t[i - 1] == UInt8(ascii: "-") { i -= 1 }
        return i
    }

    /// A separator between number groups: `-`, `–`, `—`, `/`, `:` or `.`; its length in bytes.
    private static func separatorLength(_ t: [UInt8], _ i: Int) -> Int? {
        guard i < t.count else { return nil }
        if [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ".")].contains(t[i]) { return 1 }
        // U+2013 EN DASH, U+2014 EM DASH
        if i + 2 < t.count, t[i] == 0xE2, t[i + 1] == 0x80, t[i + 2] == 0x93 || t[i + 2] == 0x94 { return 3 }
        return nil
    }

    /// One space (U+0020, U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE) at `i`; its length in bytes, or 0.
    private static func spaceLength(_ t: [UInt8], _ i: Int) -> Int {
        guard i < t.count else { return 0 }
        if t[i] == 0x20 { return 1 }
        if i + 1 < t.count, t[i] == 0xC2, t[i + 1] == 0xA0 { return 2 }
        if i + 2 < t.count, t[i] == 0xE2, t[i + 1] == 0x80, t[i + 2] == 0xAF { return 3 }
        return 0
    }

    private static func isSpace(_ t: [UInt8], _ i: Int) -> Bool { spaceLength(t, i) > 0 }

    /// Punctuation that ends a sentence rather than an address: `.`, `,`, `;`, `:`, `!`, `?`, `)`, quotes and the
    /// escaped quotes `&quot;` and `&#39;`.
    private static func trimmingTrailingPunctuation(_ t: [UInt8], from start: Int, to end: Int) -> Int? {
        var end = end
        var trimmed = true
        while trimmed, end > start {
            trimmed = false
            for tail in [".", ",", ";", ":", "!", "?", ")", "]", "&quot;", "&#39;", "»", "«", "“", "”", "„", "‘", "’"] {
                let bytes = Array(tail.utf8)
                if end - start > bytes.count, Array(t[(end - bytes.count)..<end]) == bytes {
                    end -= bytes.count
                    trimmed = true
                }
            }
        }
        return end > start ? end : nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A letter of Latin-1 (ä, ö, ü, ß, é …: two bytes, 0xC3 0x80–0xBF without × and ÷) at `i`.
    private static func isLatinLetter(_ t: [UInt8], _ i: Int) -> Bool {
        if isASCIILetter(t[i]) { return true }
        return i + 1 < t.count && t[i] == 0xC3 && t[i + 1] >= 0x80 && t[i + 1] <= 0xBF && t[i + 1] != 0x97 && t[i + 1] != 0xB7
    }

    /// A capital Latin letter: A–Z, or À–Þ (Ä, Ö, Ü …) without ×.
    private static func isLatinCapital(_ t: [UInt8], _ i: Int) -> Bool {
        if t[i] >= UInt8(ascii: "A") && t[i] <= UInt8(ascii: "Z") { return true }
        return i + 1 < t.count && t[i] == 0xC3 && t[i + 1] >= 0x80 && t[i + 1] <= 0x9E && t[i + 1] != 0x97
    }
}
