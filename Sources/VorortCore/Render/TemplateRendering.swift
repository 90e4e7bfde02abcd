import Foundation

/// The parsed templates of a theme in one language, rendered by vorort's own engine: values are looked up through
/// `TemplateScope` and come back typed (`TemplateValue`), and the page is written into one byte buffer. swift-mustache
/// renders the same templates by casting `Any` at every look-up and joining a string per tag; at 10,000 pages
/// that was a third of a build's time. What is written is the same, byte for byte: the rules below follow
/// swift-mustache 2.1.1's renderer (`MustacheTemplate.render`), quirks included, and the tests compare both.
struct TemplateLibrary: Sendable {
    let programs: [String: TemplateProgram]

    /// nil when a template uses what only swift-mustache does (`TemplateProgram.parse`).
    init?(sources: [String: String]) {
        var programs: [String: TemplateProgram] = [:]
        for (name, source) in sources {
            guard let program = TemplateProgram.parse(source) else { return nil }
            programs[name] = program
        }
        self.programs = programs
    }

    /// The page `template` rendered with `root` as the whole context; nil when there is no such template.
    func render(_ root: any TemplateScope, template: String) -> String? {
        renderBytes(root, template: template).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page `template` rendered with `data` as the whole context.
    func render<Data: TemplateData>(_ data: Data, template: String) -> String? {
        render(Data.scope(of: data), template: template)
    }

    /// The same as UTF-8 bytes, without a copy into a String (a page that lists 100,000 offers is 50 MB).
    func renderBytes(_ root: any TemplateScope, template: String) -> [UInt8]? {
        guard let program = programs[template] else { return nil }
        var run = TemplateRun(library: self, root: root)
        run.render(program, TemplateRun.Context())
        return run.out
    }
}

/// A list shown backwards (`{{#reversed(items)}}`).
private final class ReversedTemplateList: TemplateList {
    let base: any TemplateList

    init(base: any TemplateList) {
        self.base = base
    }

    var count: Int { base.count }
    func item(at index: Int) -> any TemplateScope { base.item(at: base.count - 1 - index) }
    var mustacheValue: Any { base.mustacheValue }
}

/// One rendering of one page: the output, and the stack of values sections have opened (innermost last).
private struct TemplateRun {
    let library: TemplateLibrary
    var out: [UInt8] = []
    var stack: [TemplateValue]
    /// What partials and blocks set for everything inside them, innermost last; a `Context` names its frame by
    /// position, so passing a context on to each section and list item copies plain values and retains nothing.
    var frames: [Frame] = [Frame()]

    init(library: TemplateLibrary, root: any TemplateScope) {
        self.library = library
        stack = [.scope(root)]
        out.reserveCapacity(16_384)
    }

    /// Where in a list the current section is (`{{^last()}}`).
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What a partial or a block sets for the nodes inside it.
    struct Frame {
        /// Put after each line break a partial or block writes when it stands on a line of its own, indented.
        var indentation: String?
        /// The blocks (`{{$name}}`) overridden by the template that inherits (`{{<layout}}`).
        var inherited: [String: TemplateProgram]?

        func indented(_ more: String?) -> String? {
            guard let more else { return indentation }
            return (indentation ?? "") + more
        }
    }

    /// What swift-mustache's `MustacheContext` carries besides the stack.
    struct Context {
        var sequence: SequencePosition?
        /// The position of this context's `Frame` in `frames`.
        var frame = 0
        /// swift-mustache starts, and starts every partial, with its `HTML` content type.
        var escaping = TemplateEscaping.html

        var withObject: Context {
            var context = self
            context.sequence = nil
            return context
        }
    }

    /// Renders `program` inside a partial (`{{>name}}`, `{{<name}}`): a fresh context whose frame adds the partial's
    /// indentation and overrides to those around it.
    private mutating func renderPartial(_ program: TemplateProgram, _ context: Context, indentation more: String?,
                                        inheriting overrides: [String: TemplateProgram]?) {
        let outer = frames[context.frame]
        var frame = Frame(indentation: outer.indented(more), inherited: outer.inherited)
        if let overrides {
            // The outer template's overrides win over those of a template it includes.
            frame.inherited = outer.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        var inner = Context()
        inner.frame = push(frame)
        render(program, inner)
        frames.removeLast()
    }

    /// Renders a block (`{{$name}}`) where it is used: the override or its own content, indented further.
    private mutating func renderBlock(_ name: String, fallback: TemplateProgram, _ context: Context, indentation more: String?) {
        var inner = context
        inner.sequence = nil
        let outer = frames[context.frame]
        let program = outer.inherited?[name] ?? fallback
        guard let more else { return render(program, inner) }
        inner.frame = push(Frame(indentation: outer.indented(more), inherited: outer.inherited))
        render(program, inner)
        frames.removeLast()
    }

    private mutating func push(_ frame: Frame) -> Int {
        frames.append(frame)
        return frames.count - 1
    }

    mutating func render(_ program: TemplateProgram, _ context: Context) {
        var context = context
        // Nodes and text are read in place: a copy of each would retain what it holds (shared by all threads).
        program.steps.withUnsafeBufferPointer { steps in
            program.text.withUnsafeBufferPointer { text in
                program.nodes.withUnsafeBufferPointer { nodes in
                    guard let indentation = frames[context.frame].indentation, !indentation.isEmpty else {
                        for step in steps {
                            if step.isText {
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[step.start..<step.start + step.count]))
                            } else {
                                render(nodes[step.start], &context)
                            }
                        }
                        return
                    }
                    renderIndented(nodes, indentation: indentation, &context)
                }
            }
        }
    }

    private mutating func renderIndented(_ nodes: UnsafeBufferPointer<TemplateNode>, indentation: String, _ context: inout Context) {
        let start = out.count
        for index in nodes.indices {
            let nodeStart = out.count
            render(nodes[index], &context)
            // After a line break this template wrote (a "\r\n" is one Character that is not "\n", as in the original).
            if out.count > nodeStart, nodeStart > start, out[nodeStart - 1] == 0x0A,
               !(nodeStart - 2 >= start && out[nodeStart - 2] == 0x0D) {
                out.insert(contentsOf: indentation.utf8, at: nodeStart)
            }
        }
    }

    /// Inlined into the loops over a program's nodes: called, each node was retained and released around the call
    /// (about 3 % of a build's CPU).
    @inline(__always)
    private mutating func render(_ node: TemplateNode, _ context: inout Context) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, context) else { return }
            if case .word(let word) = value {
                renderWord(word, escaped: escaped, context)
            } else {
                write(value, escaping: escaped ? context.escaping : .text)
            }
        case .section(let name, let program, let inverted):
            let value = lookUp(name, context)
            if inverted {
                renderInverted(value, program, context)
            } else if case .word(let word)? = value {
                renderWord(word, escaped: false, context)
            } else {
                renderSection(value, program, context)
            }
        case .blockExpansion(let name, let fallback, let indentation):
            renderBlock(name, fallback: fallback, context, indentation: indentation)
        case .partial(let name, let indentation, let overrides):
            guard let program = library.programs[name] else { return }
            renderPartial(program, context, indentation: indentation, inheriting: overrides)
        case .escaping(let escaping):
            context.escaping = escaping
        case .blockDefinition:
            // Only inside `{{<…}}`, where the parser takes it as an override.
            break
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ program: TemplateProgram, _ context: Context) {
        switch value {
        case nil:
            return
        case .flag(let flag)?:
            if flag { render(program, context) }
        case .texts(let texts)?:
            renderSequence(count: texts.count, program, context) { .text(texts[$0]) }
        case .list(let list)?:
            renderSequence(count: list.count, program, context) { .scope(list.item(at: $0)) }
        case let value?:
            stack.append(value)
            render(program, context.withObject)
            stack.removeLast()
        }
    }

    private mutating func renderSequence(count: Int, _ program: TemplateProgram, _ context: Context, item: (Int) -> TemplateValue) {
        var context = context
        for index in 0..<count {
            context.sequence = SequencePosition(first: index == 0, last: index == count - 1, index: index)
            stack.append(item(index))
            render(program, context)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ program: TemplateProgram, _ context: Context) {
        switch value {
        case nil:
            render(program, context)
        case .flag(let flag)?:
            if !flag { render(program, context) }
        case .texts(let texts)? where texts.isEmpty:
            stack.append(.texts(texts))
            render(program, context.withObject)
            stack.removeLast()
        case .list(let list)? where list.count == 0:
            stack.append(.list(list))
            render(program, context.withObject)
            stack.removeLast()
        default:
            return
        }
    }

    /// A theme word with placeholders: its text (escaped first for `{{…}}`) read as a template and rendered like a
    /// section over the value on top of the stack, as swift-mustache renders a lambda's result.
    private mutating func renderWord(_ word: ThemeWord, escaped: Bool, _ context: Context) {
        let program = !escaped ? word.unescaped
            : context.escaping == .vorortHTML ? word.escaped : TemplateProgram.parse(context.escaping.escape(word.text))
        guard let program else { return }
        renderSection(stack.last, program, context)
    }

    private mutating func write(_ value: TemplateValue, escaping: TemplateEscaping) {
        switch value {
        case .text(let text): write(text, escaping: escaping)
        case .html(let bytes): write(bytes, escaping: escaping)
        case .number(let number): write(String(number), escaping: escaping)
        case .flag(let flag): write(flag ? "true" : "false", escaping: escaping)
        case .texts(let texts): write(String(describing: texts), escaping: escaping)
        case .scope(let scope): write(String(describing: scope), escaping: escaping)
        case .list(let list): write(String(describing: list.mustacheValue), escaping: escaping)
        case .word(let word): write(word.text, escaping: escaping)
        }
    }

    private mutating func write(_ text: String, escaping: TemplateEscaping) {
        switch escaping {
        case .text:
            out.append(contentsOf: text.utf8)
        case .html:
            out.append(contentsOf: escaping.escape(text).utf8)
        case .vorortHTML:
            text.withUTF8Bytes { appendEscaped($0) }
        }
    }

    /// The same for text that is already UTF-8 bytes (a body's HTML), written as the text of these bytes would be.
    private mutating func write(_ bytes: [UInt8], escaping: TemplateEscaping) {
        switch escaping {
        case .text:
            out.append(contentsOf: bytes)
        case .html:
            write(String(decoding: bytes, as: UTF8.self), escaping: escaping)
        case .vorortHTML:
            bytes.withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    /// `bytes` with HTML's five characters escaped. Most values (names, dates, addresses) need no escape: copied whole
    /// up to the first that does.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in bytes.indices {
            // The five characters are ASCII, so escaping bytes is escaping scalars (`HTMLEscaping.escape`).
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    // MARK: Look-up

    private func lookUp(_ name: TemplateName, _ context: Context) -> TemplateValue? {
        if let key = name.plainKey { return lookUpOnStack(key) }
        var value: TemplateValue?
        switch name.kind {
        case .current:
            value = stack.last
        case .sequence:
            // `last()`: the transforms read the position in the list; outside a list there is none.
            guard let position = context.sequence, let first = name.transforms.last else { return nil }
            switch first {
            case "first": value = .flag(position.first)
            case "last": value = .flag(position.last)
            case "index": value = .number(position.index)
            case "even": value = .flag(position.index & 1 == 0)
            case "odd": value = .flag(position.index & 1 == 1)
            default: return nil
            }
            return Self.transformed(value, by: name.transforms.dropLast())
        case .top:
            value = stack.last.flatMap { child($0, name.parts[...]) }
        case .stack:
            guard let first = name.parts.first else {
                value = stack.last
                break
            }
            value = lookUpOnStack(first).flatMap { child($0, name.parts.dropFirst()) }
        }
        return Self.transformed(value, by: name.transforms[...])
    }

    /// The first value down the stack that has `key`, innermost first; the stack is read in place rather than copied.
    private func lookUpOnStack(_ key: TemplateKey) -> TemplateValue? {
        stack.withUnsafeBufferPointer { frames in
            for index in frames.indices.reversed() {
                if case .scope(let scope) = frames[index], let found = scope.templateValue(key) { return found }
            }
            return nil
        }
    }

    private func child(_ value: TemplateValue, _ parts: ArraySlice<TemplateKey>) -> TemplateValue? {
        guard let key = parts.first else { return value }
        guard let found = immediateChild(key, of: value) else { return nil }
        return child(found, parts.dropFirst())
    }

    /// Only values with keys answer a name; text, numbers, lists and a word's text have none.
    private func immediateChild(_ key: TemplateKey, of value: TemplateValue) -> TemplateValue? {
        guard case .scope(let scope) = value else { return nil }
        return scope.templateValue(key)
    }

    /// Transforms apply innermost first (`count(reversed(items))`); one that does not apply makes the value nil.
    private static func transformed(_ value: TemplateValue?, by transforms: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for transform in transforms.reversed() {
            guard let current = value, let next = transformed(current, by: transform) else { return nil }
            value = next
        }
        return value
    }

    /// swift-mustache's transforms of strings, integers and arrays (`MustacheTransformable`).
    private static func transformed(_ value: TemplateValue, by transform: String) -> TemplateValue? {
        switch value {
        case .html(let bytes):
            return transformed(.text(String(decoding: bytes, as: UTF8.self)), by: transform)
        case .text(let text):
            switch transform {
            case "empty": return .flag(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .number(let number):
            switch transform {
            case "equalzero": return .flag(number == 0)
            case "plusone": return .number(number + 1)
            case "minusone": return .number(number - 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        case .texts(let texts):
            switch transform {
            case "first": return texts.first.map(TemplateValue.text)
            case "last": return texts.last.map(TemplateValue.text)
            case "reversed": return .texts(texts.reversed())
            case "count": return .number(texts.count)
            case "empty": return .flag(texts.isEmpty)
            case "sorted": return .texts(texts.sorted())
            default: return nil
            }
        case .list(let list):
            switch transform {
            case "first": return list.count > 0 ? .scope(list.item(at: 0)) : nil
            case "last": return list.count > 0 ? .scope(list.item(at: list.count - 1)) : nil
            case "reversed": return .list(ReversedTemplateList(base: list))
            case "count": return .number(list.count)
            case "empty": return .flag(list.count == 0)
            default: return nil
            }
        case .flag, .scope, .word:
            return nil
        }
    }
}
