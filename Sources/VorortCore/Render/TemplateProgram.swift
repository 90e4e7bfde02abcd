/// A Mustache template parsed for vorort's template engine (`TemplateRendering`). The parser follows swift-mustache's
/// (2.1.1) step by step — the same standalone lines, indentation of partials, blocks and inheritance — so that both
/// write the same bytes; swift-mustache still reads every theme first and reports its syntax errors, and the tests
/// render the sample with both. What swift-mustache accepts but this engine does not do (partials named at render
/// time, `{{>*name}}`) makes `parse` return nil: the theme is then rendered by swift-mustache.
final class TemplateProgram: Sendable {
    let nodes: [TemplateNode]
    /// The nodes in the order the engine walks them, as plain numbers: most nodes are text, and reading a text node
    /// itself retained and released its storage.
    let steps: [TemplateStep]
    /// The bytes of every text node, one after the other.
    let text: [UInt8]

    init(_ nodes: [TemplateNode]) {
        self.nodes = nodes
        var steps: [TemplateStep] = [], text: [UInt8] = []
        for (index, node) in nodes.enumerated() {
            if case .text(let bytes) = node {
                steps.append(TemplateStep(textStart: text.count, count: bytes.count))
                text += bytes
            } else {
                steps.append(TemplateStep(node: index))
            }
        }
        self.steps = steps
        self.text = text
    }

    /// The template `source`, nil when it is not valid or uses what this engine does not do.
    static func parse(_ source: String) -> TemplateProgram? {
        var parser = TemplateParser(source)
        return try? parser.parse(state: .init())
    }
}

/// One node of a `TemplateProgram`: a range of its text, or the position of another node in `nodes`.
struct TemplateStep: Sendable {
    /// For text, where it starts in the program's `text`; otherwise the node's position.
    let start: Int
    /// For text, its length; -1 for any other node.
    let count: Int

    init(textStart: Int, count: Int) {
        start = textStart
        self.count = count
    }

    init(node: Int) {
        start = node
        count = -1
    }

    var isText: Bool { count >= 0 }
}

enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, TemplateProgram, inverted: Bool)
    /// `{{$name}}…{{/name}}` where it is used: the override from the template that inherits, else its own content.
    case blockExpansion(name: String, default: TemplateProgram, indentation: String?)
    /// `{{> name}}`, and `{{< name}}` with the blocks it overrides.
    case partial(name: String, indentation: String?, inherits: [String: TemplateProgram]?)
    /// `{{% CONTENT_TYPE: … }}`: how the following values are escaped.
    case escaping(TemplateEscaping)
    /// Only inside `{{< name}}`: collected into the partial's overrides, never rendered.
    case blockDefinition(name: String, TemplateProgram)
}

/// A key as a tag names it, split once when the template is parsed (swift-mustache splits it at every look-up). A
/// class: a node that names it is read at every render, and a struct's arrays were retained each time.
final class TemplateName: Sendable {
    enum Kind: Sendable {
        /// `{{.}}`: the value on top of the stack.
        case current
        /// `{{last()}}`: the position in the list being rendered, read through its transforms.
        case sequence
        /// `{{.name}}`: only the value on top of the stack is asked.
        case top
        /// `{{name}}`, `{{a.b}}`: the first value down the stack that has the first part.
        case stack
    }

    let kind: Kind
    let parts: [TemplateKey]
    /// Innermost last, as written: `empty(offers)` has `["empty"]`.
    let transforms: [String]
    /// `{{name}}` with one part and no transforms, the most common tag: its key, looked up without slicing `parts`.
    let plainKey: TemplateKey?

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        parts = name.split(separator: ".").map { TemplateKey(String($0)) }
        if name == "." {
            kind = .current
        } else if name.isEmpty, !transforms.isEmpty {
            kind = .sequence
        } else if name.first == "." {
            kind = .top
        } else {
            kind = .stack
        }
        plainKey = kind == .stack && parts.count == 1 && transforms.isEmpty ? parts[0] : nil
    }
}

/// How values are escaped: swift-mustache's content types `HTML` and `TEXT`, and vorort's own (`HTMLEscaping`).
enum TemplateEscaping: Sendable {
    case vorortHTML, html, text

    init?(name: String) {
        switch name {
        case HTMLEscaping.contentTypeName: self = .vorortHTML
        case "HTML": self = .html
        case "TEXT": self = .text
        default: return nil
        }
    }

    func escape(_ text: String) -> String {
        switch self {
        case .vorortHTML: HTMLEscaping.escape(text)
        case .text: text
        case .html:
            // swift-mustache's own escaper, Character by Character (see `ScalarHTMLContentType` for why vorort has its own).
            text.reduce(into: "") { out, character in
                switch character {
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
        }
    }
}

/// swift-mustache's parser (`MustacheTemplate.parse`), on Characters like the original.
struct TemplateParser {
    enum Failure: Error { case invalid, unsupported }

    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: ArraySlice<Character>?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    init(_ source: String) { characters = Array(source) }

    private var reachedEnd: Bool { position == characters.count }
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    @discardableResult
    private mutating func read(while accept: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd, accept(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    private mutating func read(until stop: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd, !stop(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Moves past `string` when it comes next; fails like the original when fewer characters are left.
    private mutating func read(string: [Character]) throws -> Bool {
        guard characters.count - position >= string.count else { throw Failure.invalid }
        guard characters[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    private mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd else { throw Failure.invalid }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    private static let blank: Set<Character> = [" ", "\t"]
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union(["(", ")"])
    private static let partialNameCharacters = nameCharactersWithBrackets.union(["/"])

    mutating func parse(state initial: State) throws -> TemplateProgram {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<Character> = []
        func text(_ parts: ArraySlice<Character>...) -> TemplateNode {
            // Character by character: a String made of the joined parts went through the generic, unspecialized
            // path of the standard library (33,000 instructions a node, a fifth of loading the theme).
            var bytes: [UInt8] = []
            for part in parts {
                for character in part { bytes.append(contentsOf: character.utf8) }
            }
            return .text(bytes)
        }
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.blank.contains)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let textBefore = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(text(whiteSpaceBefore, textBefore[...], [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !textBefore.isEmpty {
                nodes.append(text(whiteSpaceBefore, textBefore[...]))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let inner = try parse(state: state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(TemplateName(name, transforms: transforms), inner, inverted: inverted))
            case "/":
                position += 1
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Failure.invalid }
                // A closing tag alone on its line takes the line break with it.
                if !isStandalone(state) { flushWhiteSpace() }
                return TemplateProgram(nodes)
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                guard try read("}") else { throw Failure.invalid }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                read(while: \.isWhitespace)
                // A partial named by a value (`{{>*name}}`) is left to swift-mustache.
                if current == "*" { throw Failure.unsupported }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: String(whiteSpaceBefore), inherits: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, inherits: nil))
                }
                whiteSpaceBefore = []
            case "<":
                position += 1
                read(while: \.isWhitespace)
                let name = try parsePartialName(state)
                if name.first == "*" { throw Failure.unsupported }
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let inner = try parse(state: state.withInheritancePartial(name))
                var inherits: [String: TemplateProgram] = [:]
                for node in inner.nodes {
                    switch node {
                    case .blockDefinition(let block, let program): inherits[block] = program
                    case .text: break
                    default: throw Failure.invalid
                    }
                }
                nodes.append(.partial(name: name, indentation: String(whiteSpaceBefore), inherits: inherits))
                whiteSpaceBefore = []
            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw Failure.invalid }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, inner))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockExpansion(name: name, default: inner, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            case "=":
                position += 1
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                position += 1
                nodes.append(.escaping(try readContentType(state)))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure.invalid }
        return TemplateProgram(nodes)
    }

    /// Text up to the next tag (whose opening delimiter is then read) or line break.
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws -> [Character] {
        guard let first = state.startDelimiter.first else { return [] }
        var text: [Character] = []
        while !reachedEnd {
            text += read(until: { $0 == "\n" || $0 == "\r\n" || $0 == first })
            if current.isNewline {
                break
            } else if current == first {
                if try read(string: state.startDelimiter) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    private mutating func parseName(_ state: State) throws -> (String, [String]) {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.nameCharactersWithBrackets.contains))
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw Failure.invalid }
        // `empty(offers)`: transforms around the name.
        let characters = Array(text)
        var index = 0
        func readName() -> String {
            let start = index
            while index < characters.count, Self.nameCharacters.contains(characters[index]) { index += 1 }
            return String(characters[start..<index])
        }
        let first = readName()
        if index == characters.count { return (text, []) }
        guard characters[index] == "(" else { throw Failure.invalid }
        index += 1
        var transforms = [first]
        while true {
            let name = readName()
            guard index < characters.count else { throw Failure.invalid }
            if characters[index] == ")" {
                index += 1
                var closing = 0
                while index < characters.count, characters[index] == ")" { index += 1; closing += 1 }
                guard closing + 1 == transforms.count, index == characters.count else { throw Failure.invalid }
                return (name, transforms)
            } else if characters[index] == "(" {
                index += 1
                transforms.append(name)
            } else {
                throw Failure.invalid
            }
        }
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.partialNameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw Failure.invalid }
        return text
    }

    /// Past the comment's closing delimiter, found the way swift-mustache finds it (a mismatch restarts the
    /// comparison at the next character).
    private mutating func skipComment(_ state: State) throws {
        let end = state.endDelimiter
        var matched = 0
        while !reachedEnd {
            if characters[position] == end[matched] {
                matched += 1
                if matched == end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Failure.invalid
    }

    private mutating func setDelimiters(_ state: State) throws -> State {
        read(while: \.isWhitespace)
        let start = read(until: \.isWhitespace)
        guard !reachedEnd else { throw Failure.invalid }
        read(while: \.isWhitespace)
        let end = read(until: { $0 == "=" || $0.isWhitespace })
        guard !reachedEnd else { throw Failure.invalid }
        read(while: \.isWhitespace)
        guard try read("="), try read(string: state.endDelimiter), !start.isEmpty, !end.isEmpty else { throw Failure.invalid }
        var state = state
        state.startDelimiter = Array(start)
        state.endDelimiter = Array(end)
        state.isPartialDefinitionTopLevel = false
        return state
    }

    private mutating func readContentType(_ state: State) throws -> TemplateEscaping {
        read(while: \.isWhitespace)
        let variable = String(read(while: Self.nameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(":") else { throw Failure.invalid }
        read(while: \.isWhitespace)
        let value = String(read(while: Self.nameCharacters.contains))
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter), !variable.isEmpty, !value.isEmpty, variable == "CONTENT_TYPE" else {
            throw Failure.invalid
        }
        // A content type registered by someone else than vorort is swift-mustache's to apply.
        guard let escaping = TemplateEscaping(name: value) else { throw Failure.unsupported }
        return escaping
    }

    /// Whether the rest of the line after a tag is blank; then the line break is consumed with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, Self.blank.contains(characters[probe]) { probe += 1 }
        let next: Character = probe < characters.count ? characters[probe] : "\0"
        if next.isNewline {
            position = probe + 1
            return true
        }
        return false
    }
}
