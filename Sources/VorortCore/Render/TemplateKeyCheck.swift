/// Checks that every key a template uses is one its page provides: a misspelt `{{titel}}` would otherwise render as
/// nothing. Each page kind's template (with the layout it extends and the partials it includes) is walked with the
/// keys of the page's data type (`PageData`); inside a section the keys of the section's item type come first and,
/// as in Mustache, those of the enclosing contexts after them. A partial is checked in every place that includes it.
/// The theme's words with placeholders (`{{t.offersIn}}` → "Angebote in {{name}}") are checked where they are used.
enum TemplateKeyCheck {
    static let rule = "template-key"

    /// One tag of a template, with the tags inside it for sections and blocks.
    indirect enum Node {
        case variable(name: String, transforms: [String], at: SourceLocation)
        case section(name: String, transforms: [String], inverted: Bool, at: SourceLocation, children: [Node])
        case partial(name: String, at: SourceLocation)
        /// `{{<parent}}` with the blocks it overrides.
        case parent(name: String, at: SourceLocation, blocks: [String: [Node]])
        /// `{{$name}}…{{/name}}`: a block with its default content.
        case block(name: String, at: SourceLocation, children: [Node])
    }

    /// The tags of a template as a tree. Only called for templates the template engine parsed without error, so
    /// nothing here needs to report syntax.
    static func parse(_ source: String) -> [Node] {
        var open = "{{", close = "}}"
        // The nodes of each open section, innermost last.
        var levels: [(children: [Node], close: (([Node]) -> Node)?)] = [([], nil)]
        var lineStarts = [source.startIndex]
        var index = source.startIndex
        for position in source.indices where source[position] == "\n" { lineStarts.append(source.index(after: position)) }
        func location(_ at: String.Index) -> SourceLocation {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= at { low = middle } else { high = middle - 1 }
            }
            return SourceLocation(line: low + 1, column: source.distance(from: lineStarts[low], to: at) + 1)
        }
        func add(_ node: Node) { levels[levels.count - 1].children.append(node) }

        while let start = source[index...].firstRange(of: open) {
            var rest = source[start.upperBound...]
            let at = location(start.lowerBound)
            let marker = rest.first
            let triple = marker == "{" && open == "{{"
            if triple { rest = rest.dropFirst() }
            guard let end = rest.firstRange(of: triple ? "}" + close : close) else { break }
            var content = rest[..<end.lowerBound]
            index = end.upperBound
            if let marker, !triple, "#^/!&><$=%".contains(marker) { content = content.dropFirst() }
            let text = content.trimmed
            switch triple ? "{" : marker {
            case "#", "^":
                let (name, transforms) = splitName(text)
                let inverted = marker == "^"
                levels.append(([], { .section(name: name, transforms: transforms, inverted: inverted, at: at, children: $0) }))
            case "$":
                levels.append(([], { .block(name: text, at: at, children: $0) }))
            case "<":
                levels.append(([], { children in
                    var blocks: [String: [Node]] = [:]
                    for case let .block(name, _, inner) in children { blocks[name] = inner }
                    return .parent(name: text, at: at, blocks: blocks)
                }))
            case "/":
                guard levels.count > 1, let finish = levels.last?.close else { continue }
                let children = levels.removeLast().children
                add(finish(children))
            case ">":
                add(.partial(name: text, at: at))
            case "!", "%":
                continue
            case "=":
                let parts = text.dropLast(text.hasSuffix("=") ? 1 : 0).split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { (open, close) = (String(parts[0]), String(parts[1])) }
            default:
                let (name, transforms) = splitName(text)
                add(.variable(name: name, transforms: transforms, at: at))
            }
        }
        return levels[0].children
    }

    /// `empty(areas)` → `areas` with the transform `empty`; `last()` → the sequence position (empty name).
    static func splitName(_ text: String) -> (name: String, transforms: [String]) {
        guard text.hasSuffix(")") else { return (text, []) }
        let parts = text.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
        let name = parts.last.map { String($0.prefix { $0 != ")" }) } ?? ""
        return (name, Array(parts.dropLast()))
    }

    /// What a key in a tag stands for.
    enum Resolved {
        case kind(TemplateKind)
        /// `t.key`: one of the theme's words.
        case word(String)
        /// Not checkable (`.`, a sequence position, or inside something already reported).
        case anything
    }

    /// A tag's name as written, with its transforms: `empty(areas)`.
    static func spelled(_ name: String, _ transforms: [String]) -> String {
        transforms.map { $0 + "(" }.joined() + name + String(repeating: ")", count: transforms.count)
    }

    /// What a section puts on the context stack, as the check sees it.
    enum Scope {
        case keys(TemplateKeys)
        /// Text or a number: no keys of its own; look-ups go on to the enclosing contexts.
        case opaque
        /// Something the check cannot know (after a reported error): every key is accepted, so one mistake is
        /// reported once.
        case anything
    }

    /// A key used where the page does not provide it, before it is reported once for all pages it fails on.
    private struct Miss: Hashable {
        var file: String
        var location: SourceLocation
        var text: String
    }

    /// Checks each page template in `pages` (template name → the page's keys) of a theme's `sources`.
    static func check(sources: [String: String], pages: [(template: String, keys: TemplateKeys)], folder: String,
                      words: [(file: String, placeholders: [String: [String]])]) -> [Diagnostic] {
        let trees = sources.mapValues(parse)
        var misses: [Miss: (pages: [String], hint: String)] = [:]
        var order: [Miss] = []

        for page in pages {
            func report(_ file: String, _ at: SourceLocation, _ text: String, _ hint: String) {
                let miss = Miss(file: "\(folder)/\(file).mustache", location: at, text: text)
                if misses[miss] == nil { order.append(miss) }
                if misses[miss]?.pages.contains(page.template) != true { misses[miss, default: ([], hint)].pages.append(page.template) }
            }

            /// What `name` stands for on the stack; nil when no context provides it.
            func resolve(_ name: String, in stack: [Scope]) -> Resolved? {
                if name == "." || name.isEmpty { return .anything }
                let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
                guard let first = parts.first else { return .anything }
                // `.name` looks only at the innermost context.
                let candidates = name.hasPrefix(".") ? [stack.last ?? .anything] : stack.reversed()
                for scope in candidates {
                    switch scope {
                    case .anything: return .anything
                    case .opaque: continue
                    case .keys(let keys):
                        guard var kind = keys.kind(first) else { continue }
                        for (position, part) in parts.enumerated().dropFirst() {
                            switch kind {
                            case .object(let inner):
                                guard let next = inner.kind(part) else { return nil }
                                kind = next
                            // The words themselves are checked against the strings files (`Theme.unknownWords`).
                            case .words: return position == parts.count - 1 ? .word(part) : nil
                            default: return nil
                            }
                        }
                        return .kind(kind)
                    }
                }
                return nil
            }

            func visibleKeys(_ stack: [Scope]) -> [String] {
                var names: [String] = []
                for case let .keys(keys) in stack.reversed() { names += keys.names.filter { !names.contains($0) } }
                return names
            }

            func unknown(_ name: String, file: String, at: SourceLocation, stack: [Scope], tag: String) {
                // For `owner.nmae` the keys of `owner` are the ones to offer; otherwise those of all contexts here.
                var prefix = "", visible = visibleKeys(stack), last = name
                let parts = name.split(separator: ".").map(String.init)
                if parts.count > 1 {
                    var kind: TemplateKind? = nil
                    if case .kind(let found)? = resolve(parts[0], in: stack) { kind = found }
                    for (position, part) in parts.enumerated().dropFirst() {
                        guard case .object(let keys)? = kind else { break }
                        prefix = parts[..<position].joined(separator: ".") + "."
                        visible = keys.names
                        last = part
                        kind = keys.kind(part)
                    }
                    if prefix.isEmpty { last = parts[0] }
                }
                let suggestion = closest(to: last, in: visible).map { "Meinten Sie `\(prefix)\($0)`? " } ?? ""
                report(file, at, "`\(tag)`: Den Wert `\(name)` gibt es hier nicht; an seiner Stelle stünde nichts.",
                       suggestion + "Prüfen Sie die Schreibweise. An dieser Stelle gibt es: "
                           + visible.prefix(30).map { "`\(prefix)\($0)`" }.joined(separator: ", ") + (visible.count > 30 ? " …" : "") + ".")
            }

            /// Words with placeholders take the placeholders' values from where they stand.
            func checkWord(_ key: String, file: String, at: SourceLocation, stack: [Scope]) {
                var files: [String: [String]] = [:]
                var order: [String] = []
                for language in words {
                    for placeholder in language.placeholders[key] ?? [] where resolve(placeholder, in: stack) == nil {
                        if files[placeholder] == nil { order.append(placeholder) }
                        files[placeholder, default: []].append(language.file)
                    }
                }
                for placeholder in order {
                    let named = (files[placeholder] ?? []).map { "`\($0)`" }.joined(separator: ", ")
                    report(file, at, "`{{t.\(key)}}` setzt `{{\(placeholder)}}` ein, aber `\(placeholder)` gibt es hier nicht; an seiner Stelle stünde nichts.",
                           "Verwenden Sie das Wort an einer Stelle, an der es `\(placeholder)` gibt, oder ändern Sie den Platzhalter in \(named).")
                }
            }

            func walk(_ nodes: [Node], file: String, stack: [Scope], blocks: [String: (nodes: [Node], file: String)], including: Set<String>) {
                for node in nodes {
                    switch node {
                    case .variable(let name, let transforms, let at):
                        switch resolve(name, in: stack) {
                        case nil: unknown(name, file: file, at: at, stack: stack, tag: "{{" + spelled(name, transforms) + "}}")
                        case .word(let key)?: checkWord(key, file: file, at: at, stack: stack)
                        default: break
                        }
                    case .section(let name, let transforms, let inverted, let at, let children):
                        var inner = stack
                        switch resolve(name, in: stack) {
                        case nil:
                            unknown(name, file: file, at: at, stack: stack, tag: "{{" + (inverted ? "^" : "#") + spelled(name, transforms) + "}}")
                            inner.append(.anything)
                        case .anything?: inner.append(.anything)
                        case .word?: if !inverted { inner.append(.opaque) }
                        case .kind(let kind)?:
                            // An inverted section renders with the context it stands in.
                            guard !inverted else { break }
                            switch transformed(kind, by: transforms) {
                            case .flag: break
                            case .value, .values, .words: inner.append(.opaque)
                            case .object(let keys), .list(let keys): inner.append(.keys(keys))
                            }
                        }
                        walk(children, file: file, stack: inner, blocks: blocks, including: including)
                    case .partial(let name, _):
                        guard let tree = trees[name], !including.contains(name) else { continue }
                        walk(tree, file: name, stack: stack, blocks: blocks, including: including.union([name]))
                    case .parent(let name, _, let overrides):
                        guard let tree = trees[name], !including.contains(name) else { continue }
                        // Blocks already overridden further out keep the outer override, as in the template engine.
                        let merged = blocks.merging(overrides.mapValues { (nodes: $0, file: file) }) { outer, _ in outer }
                        walk(tree, file: name, stack: stack, blocks: merged, including: including.union([name]))
                    case .block(let name, _, let children):
                        let block = blocks[name] ?? (children, file)
                        walk(block.nodes, file: block.file, stack: stack, blocks: blocks, including: including)
                    }
                }
            }
            guard let tree = trees[page.template] else { continue }
            walk(tree, file: page.template, stack: [.keys(page.keys)], blocks: [:], including: [page.template])
        }

        return order.map { miss in
            let (pages, hint) = misses[miss] ?? ([], "")
            let suffix = miss.file.hasSuffix("/\(pages.first ?? "").mustache") && pages.count == 1 ? ""
                : " (Seiten: \(pages.map { "`\($0)`" }.joined(separator: ", ")))"
            return Diagnostic(file: miss.file, location: miss.location, severity: .error, rule: rule,
                              message: miss.text + suffix, hint: hint)
        }
    }

    /// The kind after Mustache transforms such as `empty(list)` or `first(list)`, innermost first.
    static func transformed(_ kind: TemplateKind, by transforms: [String]) -> TemplateKind {
        var kind = kind
        for transform in transforms.reversed() {
            switch (transform, kind) {
            case ("empty", _), ("even", _), ("odd", _), ("equalzero", _): kind = .flag
            case ("count", _), ("plusone", _), ("minusone", _): kind = .value
            case ("first", .list(let keys)), ("last", .list(let keys)): kind = .object(keys)
            case ("first", .values), ("last", .values): kind = .value
            default: break
            }
        }
        return kind
    }

    /// The name nearest to a misspelt one (at most two edits), for the hint.
    static func closest(to name: String, in names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        let target = Array(name.lowercased())
        return names.map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= 2 && $0.1 < max(2, target.count / 2 + 1) }
            .min { $0.1 < $1.1 }?.0
    }
}
