/// The addresses a style sheet loads: `url(…)` (quoted or not), strings in `image-set()`, `src()` and `image()`,
/// and `@import "…"`. A tokenizer after CSS Syntax Level 3: comments are skipped, escapes (`\68 ttps`) are decoded
/// in names, strings and URLs, so `u\72l(…)` and `@\69mport` count as what a browser reads them as, and a
/// `url(` with a broken address (a quote or bracket inside) loads nothing, as in browsers. Linear in the text.
enum CSSURLScanner {
    struct Reference {
        /// The address with escapes decoded.
        var value: [Unicode.Scalar]
        /// Where it stands in the file.
        var start: Int
        var end: Int
    }

    /// Functions whose string arguments are addresses.
    static let urlFunctions: Set<String> = ["url", "src", "image", "image-set", "-webkit-image-set"]

    private enum Block: Equatable {
        case function(String)
        case parenthesis, bracket, brace
    }

    static func scan(_ text: ScannedText, _ visit: (Reference) -> Void) {
        var index = 0
        let count = text.count
        var blocks: [Block] = []
        /// The nesting depth of an `@import` whose prelude is being read.
        var importDepth: Int?
        func endImport(below depth: Int) { if let level = importDepth, depth <= level { importDepth = nil } }
        while index < count {
            let scalar = text[index]
            switch scalar {
            case "/" where text.at(index + 1) == "*":
                var end = index + 2
                while end + 1 < count, !(text[end] == "*" && text[end + 1] == "/") { end += 1 }
                index = end + 2
            case "\"", "'":
                let string = consumeString(text, from: index)
                let inFunction: Bool = {
                    if case .function(let name)? = blocks.last { return urlFunctions.contains(name) }
                    return false
                }()
                if let value = string.value, inFunction || importDepth == blocks.count {
                    visit(Reference(value: value, start: text.fileOffset(index + 1), end: text.fileOffset(string.valueEnd)))
                }
                index = string.next
            case "(":
                blocks.append(.parenthesis)
                index += 1
            case "[":
                blocks.append(.bracket)
                index += 1
            case "{":
                endImport(below: blocks.count)
                blocks.append(.brace)
                index += 1
            case ")", "]", "}":
                // A closing bracket only closes its own kind; any other is an ordinary token, as in CSS.
                switch (scalar, blocks.last) {
                case (")", .function?), (")", .parenthesis?), ("]", .bracket?), ("}", .brace?): blocks.removeLast()
                default: break
                }
                if scalar == "}" { endImport(below: blocks.count) }
                index += 1
            case ";":
                endImport(below: blocks.count)
                index += 1
            case "@":
                guard startsName(text, at: index + 1) else {
                    index += 1
                    continue
                }
                let name = consumeName(text, from: index + 1)
                if name.value.asciiLowercasedString == "import" { importDepth = blocks.count }
                index = name.next
            default:
                guard startsName(text, at: index) else {
                    index += 1
                    continue
                }
                let name = consumeName(text, from: index)
                index = name.next
                guard text.at(index) == "(" else { continue }
                let function = name.value.asciiLowercasedString
                index += 1
                if function == "url" {
                    var start = index
                    while start < count, isWhitespace(text[start]) { start += 1 }
                    if let next = text.at(start), next == "\"" || next == "'" {
                        // `url("…")` is a function with a string in it.
                        blocks.append(.function("url"))
                        index = start
                    } else {
                        let url = consumeURL(text, from: start)
                        if let value = url.value {
                            visit(Reference(value: value, start: text.fileOffset(start), end: text.fileOffset(url.valueEnd)))
                        }
                        index = url.next
                    }
                } else {
                    blocks.append(.function(function))
                }
            }
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.isHTMLWhitespace }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIAlphanumeric || scalar == "_" || scalar == "-" || scalar.value >= 0x80
    }

    /// A backslash that starts an escape (not one before a line break).
    private static func isEscape(_ text: ScannedText, at index: Int) -> Bool {
        guard text.at(index) == "\\", let next = text.at(index + 1) else { return false }
        return !isNewline(next)
    }

    /// Whether an identifier starts here: a letter, `_`, non-ASCII, an escape, or `-` before one of those or `-`.
    private static func startsName(_ text: ScannedText, at index: Int) -> Bool {
        guard let scalar = text.at(index) else { return false }
        if scalar == "-" {
            guard let next = text.at(index + 1) else { return false }
            return next == "-" || next.isASCIILetter || next == "_" || next.value >= 0x80 || isEscape(text, at: index + 1)
        }
        return scalar.isASCIILetter || scalar == "_" || scalar.value >= 0x80 || isEscape(text, at: index)
    }

    /// The character an escape at `index` (a backslash) stands for, and where the escape ends.
    private static func consumeEscape(_ text: ScannedText, at index: Int) -> (scalar: Unicode.Scalar, next: Int) {
        var position = index + 1
        guard let first = text.at(position) else { return ("\u{FFFD}", position) }
        guard first.isASCIIHexDigit else { return (first, position + 1) }
        var value: UInt32 = 0
        var digits = 0
        while digits < 6, let digit = text.at(position)?.hexValue {
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        // One white space after the hex digits belongs to the escape (`\68 ttps` is `https`).
        if let after = text.at(position), isWhitespace(after) {
            position += (after == "\r" && text.at(position + 1) == "\n") ? 2 : 1
        }
        let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
        return (scalar, position)
    }

    private static func consumeName(_ text: ScannedText, from start: Int) -> (value: [Unicode.Scalar], next: Int) {
        var value: [Unicode.Scalar] = []
        var index = start
        while let scalar = text.at(index) {
            if isNameCharacter(scalar) {
                value.append(scalar)
                index += 1
            } else if isEscape(text, at: index) {
                let escape = consumeEscape(text, at: index)
                value.append(escape.scalar)
                index = escape.next
            } else {
                break
            }
        }
        return (value, index)
    }

    /// A string from its quote at `start`: its decoded value (`nil` when a line break breaks it), where the value
    /// ends and where reading goes on.
    private static func consumeString(_ text: ScannedText, from start: Int) -> (value: [Unicode.Scalar]?, valueEnd: Int, next: Int) {
        let quote = text[start]
        var value: [Unicode.Scalar] = []
        var index = start + 1
        while let scalar = text.at(index) {
            if scalar == quote { return (value, index, index + 1) }
            if isNewline(scalar) { return (nil, index, index) }
            if scalar == "\\" {
                guard let next = text.at(index + 1) else { return (value, index + 1, index + 1) }
                if isNewline(next) {
                    // An escaped line break continues the string.
                    index += (next == "\r" && text.at(index + 2) == "\n") ? 3 : 2
                    continue
                }
                let escape = consumeEscape(text, at: index)
                value.append(escape.scalar)
                index = escape.next
                continue
            }
            value.append(scalar)
            index += 1
        }
        return (value, index, index)
    }

    /// An unquoted `url(` address from its first character: the decoded value (`nil` for a broken one, which
    /// loads nothing), where it ends and where reading goes on after the `)`.
    private static func consumeURL(_ text: ScannedText, from start: Int) -> (value: [Unicode.Scalar]?, valueEnd: Int, next: Int) {
        var value: [Unicode.Scalar] = []
        var index = start
        while let scalar = text.at(index) {
            if scalar == ")" { return (value, index, index + 1) }
            if isWhitespace(scalar) {
                let valueEnd = index
                while let next = text.at(index), isWhitespace(next) { index += 1 }
                if text.at(index) == ")" { return (value, valueEnd, index + 1) }
                if index >= text.count { return (value, valueEnd, index) }
                return (nil, valueEnd, remnantsEnd(text, from: index))
            }
            let isNonPrintable = scalar.value <= 0x08 || scalar.value == 0x0B || (0x0E...0x1F).contains(scalar.value) || scalar.value == 0x7F
            if scalar == "\"" || scalar == "'" || scalar == "(" || isNonPrintable {
                return (nil, index, remnantsEnd(text, from: index))
            }
            if scalar == "\\" {
                guard isEscape(text, at: index) else { return (nil, index, remnantsEnd(text, from: index)) }
                let escape = consumeEscape(text, at: index)
                value.append(escape.scalar)
                index = escape.next
                continue
            }
            value.append(scalar)
            index += 1
        }
        return (value, index, index)
    }

    /// After the `)` that ends a broken `url(`.
    private static func remnantsEnd(_ text: ScannedText, from start: Int) -> Int {
        var index = start
        while let scalar = text.at(index) {
            if scalar == ")" { return index + 1 }
            index += isEscape(text, at: index) ? consumeEscape(text, at: index).next - index : 1
        }
        return index
    }
}
