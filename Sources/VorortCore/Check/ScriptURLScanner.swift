/// What in a script can reach another host: string and template literals (decoded, `"\x68ttps://"` is
/// `"https://"`), and calls that load from an address (`fetch`, `new WebSocket`, `new EventSource`,
/// `navigator.sendBeacon`, `import()`, `importScripts`, `XMLHttpRequest`'s `open`) whose address is no plain string
/// literal, so the check cannot see where they go. A tokenizer, not a parser: comments and regular expressions
/// are told apart from code by the token before them, as editors do. Linear in the text. Addresses built at
/// run time stay out of its reach; the Content-Security-Policy of the standard theme stops those in the browser.
enum ScriptURLScanner {
    enum Finding {
        /// A string literal, or one static part of a template literal, decoded; positions of its text in the file.
        case literal(value: [Unicode.Scalar], start: Int, end: Int)
        /// A loading call whose address is not a string literal; positions of the argument.
        case call(api: String, start: Int, end: Int)
    }

    /// Functions that load from the address in their first argument, by the name they are called with.
    static let loaders: [String: String] = [
        "fetch": "fetch", "WebSocket": "new WebSocket", "EventSource": "new EventSource",
        "sendBeacon": "navigator.sendBeacon", "import": "import", "importScripts": "importScripts",
    ]

    /// Keywords after which `/` starts a regular expression, not a division.
    private static let keywordsBeforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    ]
    /// Keywords after which `{` opens a block, not an object.
    private static let keywordsBeforeBlock: Set<String> = ["else", "do", "try", "finally"]
    /// Keywords whose `( … )` is followed by a statement, where `/` starts a regular expression.
    private static let controlKeywords: Set<String> = ["if", "while", "for", "with"]

    enum Token {
        case name(String)
        /// A string literal, or a template literal without `${…}`; where its text stands in the file.
        case literal(value: [Unicode.Scalar], start: Int, end: Int)
        /// A template literal with `${…}`, no fixed address; the text before the first `${`.
        case template(firstPart: [Unicode.Scalar])
        case punctuator(Unicode.Scalar)
        /// Numbers, regular expressions, multi-character operators.
        case other
    }

    private enum Brace { case block, object, substitution }

    static func scan(_ text: ScannedText, mustache: Bool, _ visit: (Finding) -> Void) {
        var index = 0
        let count = text.count
        var regexAllowed = true
        var braces: [Brace] = []
        var parentheses: [Bool] = []
        var previous: Token?
        var previousIsArrow = false
        var calls = CallTracker(mustache: mustache)

        func emit(_ token: Token, _ start: Int, _ end: Int) {
            calls.feed(token, start: text.fileOffset(start), end: text.fileOffset(end), visit)
            previous = token
            previousIsArrow = false
        }

        /// Reads a template literal's text from `start` (after `` ` `` or the `}` of a substitution).
        func templatePart(from start: Int) -> (complete: Bool, next: Int) {
            let part = readQuoted(text, from: start, quote: "`")
            visit(.literal(value: part.value, start: text.fileOffset(start), end: text.fileOffset(part.valueEnd)))
            if part.substitution { braces.append(.substitution) }
            return (!part.substitution, part.next)
        }

        while index < count {
            let scalar = text[index]
            if isWhitespace(scalar) {
                index += 1
                continue
            }
            let start = index
            switch scalar {
            case "/" where text.at(index + 1) == "/":
                while index < count, !isLineTerminator(text[index]) { index += 1 }
            case "/" where text.at(index + 1) == "*":
                index += 2
                while index + 1 < count, !(text[index] == "*" && text[index + 1] == "/") { index += 1 }
                index += 2
            case "/" where regexAllowed:
                index = regexEnd(text, from: index + 1)
                emit(.other, start, index)
                regexAllowed = false
            case "\"", "'":
                let string = readQuoted(text, from: index + 1, quote: scalar)
                visit(.literal(value: string.value, start: text.fileOffset(index + 1), end: text.fileOffset(string.valueEnd)))
                if string.value.elementsEqual("XMLHttpRequest".unicodeScalars) { calls.mentionsXMLHttpRequest = true }
                let literal = Token.literal(value: string.value, start: text.fileOffset(index + 1), end: text.fileOffset(string.valueEnd))
                index = string.next
                emit(literal, start, index)
                regexAllowed = false
            case "`":
                let first = readQuoted(text, from: index + 1, quote: "`")
                let valueStart = text.fileOffset(index + 1), valueEnd = text.fileOffset(first.valueEnd)
                visit(.literal(value: first.value, start: valueStart, end: valueEnd))
                index = first.next
                if first.substitution {
                    braces.append(.substitution)
                    emit(.template(firstPart: first.value), start, index)
                    regexAllowed = true
                } else {
                    emit(.literal(value: first.value, start: valueStart, end: valueEnd), start, index)
                    regexAllowed = false
                }
            case "}" where braces.last == .substitution:
                braces.removeLast()
                let part = templatePart(from: index + 1)
                index = part.next
                regexAllowed = !part.complete
                if part.complete { previous = .other }
            case "{":
                let isBlock: Bool = switch previous {
                case nil: true
                case .punctuator(let punctuator)?: previousIsArrow || ";{})".unicodeScalars.contains(punctuator)
                case .name(let name)?: keywordsBeforeBlock.contains(name)
                default: false
                }
                braces.append(isBlock ? .block : .object)
                index += 1
                emit(.punctuator("{"), start, index)
                regexAllowed = true
            case "}":
                let brace = braces.popLast()
                index += 1
                emit(.punctuator("}"), start, index)
                regexAllowed = brace != .object
            case "(":
                if case .name(let name)? = previous { parentheses.append(controlKeywords.contains(name)) } else { parentheses.append(false) }
                index += 1
                emit(.punctuator("("), start, index)
                regexAllowed = true
            case ")":
                index += 1
                let control = parentheses.popLast() ?? false
                emit(.punctuator(")"), start, index)
                regexAllowed = control
            case "]":
                index += 1
                emit(.punctuator("]"), start, index)
                regexAllowed = false
            case "=" where text.at(index + 1) == ">":
                index += 2
                emit(.punctuator(">"), start, index)
                previousIsArrow = true
                regexAllowed = true
            case "+" where text.at(index + 1) == "+", "-" where text.at(index + 1) == "-":
                index += 2
                emit(.other, start, index)
                regexAllowed = false
            default:
                if isIdentifierStart(scalar) || (scalar == "\\" && text.at(index + 1) == "u") {
                    let name = readIdentifier(text, from: index)
                    index = name.next
                    if name.value == "XMLHttpRequest" { calls.mentionsXMLHttpRequest = true }
                    emit(.name(name.value), start, index)
                    regexAllowed = keywordsBeforeExpression.contains(name.value)
                } else if scalar.isASCIIDigit || (scalar == "." && text.at(index + 1)?.isASCIIDigit == true) {
                    index += 1
                    while let next = text.at(index), next.isASCIIAlphanumeric || next == "_" || next == "." { index += 1 }
                    emit(.other, start, index)
                    regexAllowed = false
                } else {
                    index += 1
                    emit(.punctuator(scalar), start, index)
                    regexAllowed = true
                }
            }
        }
        calls.finish(visit)
    }

    /// Follows a loading call from its name to its first argument (for `open`, the second).
    private struct CallTracker {
        let mustache: Bool
        var mentionsXMLHttpRequest = false
        /// `open(…)` calls with an address that is no literal; they count only in a script that uses `XMLHttpRequest`.
        private var openCalls: [(start: Int, end: Int)] = []
        private var state = State.idle
        private var afterDot = false

        private enum State {
            case idle
            case named(api: String, skip: Int)
            case skipping(api: String, skip: Int, depth: Int)
            case argument(api: String)
            case literal(api: String, value: [Unicode.Scalar], start: Int, end: Int)
        }

        init(mustache: Bool) { self.mustache = mustache }

        mutating func feed(_ token: Token, start: Int, end: Int, _ visit: (Finding) -> Void) {
            defer {
                if case .punctuator(".") = token { afterDot = true } else { afterDot = false }
            }
            switch state {
            case .idle:
                guard case .name(let name) = token else { return }
                if name == "open", afterDot {
                    state = .named(api: "XMLHttpRequest.open", skip: 1)
                } else if let api = ScriptURLScanner.loaders[name] {
                    state = .named(api: api, skip: 0)
                }
            case .named(let api, let skip):
                if case .punctuator("(") = token {
                    state = skip > 0 ? .skipping(api: api, skip: skip, depth: 0) : .argument(api: api)
                } else {
                    state = .idle
                    feed(token, start: start, end: end, visit)
                }
            case .skipping(let api, let skip, let depth):
                guard case .punctuator(let punctuator) = token else { return }
                switch punctuator {
                case "(", "[", "{": state = .skipping(api: api, skip: skip, depth: depth + 1)
                case ")", "]", "}": state = depth == 0 ? .idle : .skipping(api: api, skip: skip, depth: depth - 1)
                case "," where depth == 0: state = skip > 1 ? .skipping(api: api, skip: skip - 1, depth: 0) : .argument(api: api)
                default: break
                }
            case .argument(let api):
                switch token {
                case .literal(let value, let valueStart, let valueEnd): state = .literal(api: api, value: value, start: valueStart, end: valueEnd)
                case .punctuator(")"): state = .idle
                case .template(let firstPart) where ExternalURL.embedded(in: firstPart) != nil:
                    // `wss://${host}/` is reported as a literal already.
                    state = .idle
                default:
                    report(api, start, end, visit)
                    state = .idle
                }
            case .literal(let api, let value, let literalStart, let literalEnd):
                state = .idle
                switch token {
                case .punctuator(","), .punctuator(")"):
                    // An external literal is reported as a literal already; `https:host` (no slash) only here.
                    if ExternalURL.isExternal(value, mustache: mustache), ExternalURL.embedded(in: value) == nil {
                        report(api, literalStart, literalEnd, visit)
                    }
                default:
                    // `fetch("/a/" + x)`: the address is put together at run time.
                    report(api, literalStart, literalEnd, visit)
                    feed(token, start: start, end: end, visit)
                }
            }
        }

        private mutating func report(_ api: String, _ start: Int, _ end: Int, _ visit: (Finding) -> Void) {
            if api == "XMLHttpRequest.open" {
                openCalls.append((start, end))
            } else {
                visit(.call(api: api, start: start, end: end))
            }
        }

        func finish(_ visit: (Finding) -> Void) {
            guard mentionsXMLHttpRequest else { return }
            for call in openCalls { visit(.call(api: "XMLHttpRequest.open", start: call.start, end: call.end)) }
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.isHTMLWhitespace || scalar == "\u{0B}" : scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    private static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || scalar == "$" || scalar == "_" || (scalar.value >= 0x80 && scalar.properties.isIDStart)
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIAlphanumeric || scalar == "$" || scalar == "_"
            || (scalar.value >= 0x80 && (scalar.properties.isIDContinue || scalar == "\u{200C}" || scalar == "\u{200D}"))
    }

    /// A name, with `\u0066` escapes decoded (`\u0066etch` calls `fetch`).
    private static func readIdentifier(_ text: ScannedText, from start: Int) -> (value: String, next: Int) {
        var value = String.UnicodeScalarView()
        var index = start
        while let scalar = text.at(index) {
            if scalar == "\\", text.at(index + 1) == "u", let escape = unicodeEscape(text, from: index + 2) {
                value.append(escape.scalar)
                index = escape.next
            } else if isIdentifierPart(scalar) {
                value.append(scalar)
                index += 1
            } else {
                break
            }
        }
        // A lone backslash is no name; step over it.
        return (String(value), max(index, start + 1))
    }

    /// `XXXX` or `{X…}` after `\u`.
    private static func unicodeEscape(_ text: ScannedText, from start: Int) -> (scalar: Unicode.Scalar, next: Int)? {
        var value: UInt32 = 0
        if text.at(start) == "{" {
            var index = start + 1
            while let digit = text.at(index)?.hexValue {
                value = min(0x110000, value * 16 + digit)
                index += 1
            }
            guard index > start + 1, text.at(index) == "}" else { return nil }
            return Unicode.Scalar(value).map { ($0, index + 1) }
        }
        for offset in 0..<4 {
            guard let digit = text.at(start + offset)?.hexValue else { return nil }
            value = value * 16 + digit
        }
        return Unicode.Scalar(value).map { ($0, start + 4) } ?? ("\u{FFFD}", start + 4)
    }

    /// A string (or template part) from just after its opening quote: the decoded value, where it ends, where
    /// reading goes on, and for templates whether a `${` ended it. A line break ends a broken string.
    private static func readQuoted(_ text: ScannedText, from start: Int, quote: Unicode.Scalar)
        -> (value: [Unicode.Scalar], valueEnd: Int, next: Int, substitution: Bool)
    {
        var value: [Unicode.Scalar] = []
        var index = start
        while let scalar = text.at(index) {
            if scalar == quote { return (value, index, index + 1, false) }
            if quote == "`", scalar == "$", text.at(index + 1) == "{" { return (value, index, index + 2, true) }
            if quote != "`", scalar == "\n" || scalar == "\r" { return (value, index, index, false) }
            guard scalar == "\\", let escaped = text.at(index + 1) else {
                value.append(scalar)
                index += 1
                continue
            }
            index += 2
            switch escaped {
            case "\r":
                if text.at(index) == "\n" { index += 1 }
            case "\n", "\u{2028}", "\u{2029}":
                break
            case "x":
                if let high = text.at(index)?.hexValue, let low = text.at(index + 1)?.hexValue {
                    value.append(Unicode.Scalar(UInt8(high * 16 + low)))
                    index += 2
                } else {
                    value.append("x")
                }
            case "u":
                if let escape = unicodeEscape(text, from: index) {
                    value.append(escape.scalar)
                    index = escape.next
                } else {
                    value.append("u")
                }
            case "0"..."7":
                // Legacy octal escapes: up to three digits, at most 0o377.
                var code = escaped.value - 0x30
                while let digit = text.at(index), ("0"..."7").contains(digit), code * 8 + (digit.value - 0x30) <= 0o377 {
                    code = code * 8 + (digit.value - 0x30)
                    index += 1
                }
                value.append(Unicode.Scalar(UInt8(code)))
            case "b": value.append("\u{08}")
            case "f": value.append("\u{0C}")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "v": value.append("\u{0B}")
            default: value.append(escaped)
            }
        }
        return (value, index, index, false)
    }

    /// Just after a regular expression whose body starts at `start`, with its flags.
    private static func regexEnd(_ text: ScannedText, from start: Int) -> Int {
        var index = start
        var inClass = false
        while let scalar = text.at(index), !isLineTerminator(scalar) {
            index += 1
            if scalar == "\\" {
                index += 1
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "]" {
                inClass = false
            } else if scalar == "/", !inClass {
                while let flag = text.at(index), isIdentifierPart(flag) { index += 1 }
                return index
            }
        }
        return min(index, text.count)
    }
}
