/// The parts of HTML or SVG markup through which a page can load something: start tags with their attributes and
/// the text of `<script>` and `<style>` elements. Follows the tokenizer of the HTML standard where it decides what
/// a browser sees as a tag or an attribute (names without case, any white space or `/` between attributes, white
/// space around `=`, quoted and unquoted values, comments, an unfinished tag at the end being dropped). Where it
/// cannot know what a browser does, it errs towards seeing more. One pass forward, never back: linear in the text.
struct HTMLAttributeScanner {
    enum Dialect {
        /// Templates and `.html` files.
        case html
        /// `.svg` files: XML, with CDATA sections, processing instructions and entity declarations.
        case xml
    }

    struct Attribute {
        /// ASCII-lowercased, as browsers compare it; a Mustache variable in it stays as written (`data-{{x}}`).
        var name: String
        /// Where the value stands, without quotes; `nil` for an attribute without value.
        var valueRange: Range<Int>?
    }

    struct Tag {
        /// ASCII-lowercased, without a namespace prefix (`svg:image` is `image`).
        var name: String
        var attributes: [Attribute]
    }

    enum Event {
        case startTag(Tag)
        /// The text of a `<script>` or `<style>` element as written, and the start tag it belongs to.
        case elementText(Tag, ScannedText)
        /// A quoted value in an SVG file's entity declarations (`<!ENTITY e "…">`), which references in the file expand to.
        case entityValue(ScannedText)
    }

    let text: ScannedText
    let dialect: Dialect
    /// Mustache tags (`{{…}}`) in a template are vorort's, not markup: outside tags they are skipped, inside a tag
    /// one stands between attributes without ending the tag.
    let mustache: Bool

    /// The decoded value of an attribute, with file positions.
    func value(of attribute: Attribute) -> ScannedText? {
        attribute.valueRange.map { HTMLCharacterReferences.decode(text, $0, inAttribute: true) }
    }

    func scan(_ visit: (Event) -> Void) {
        var cursor = Cursor(text: text, mustache: mustache)
        let count = text.count
        while cursor.index < count {
            let scalar = text[cursor.index]
            if mustache, scalar == "{", let end = cursor.mustacheEnd(at: cursor.index) {
                cursor.index = end
                continue
            }
            guard scalar == "<", let next = text.at(cursor.index + 1) else {
                cursor.index += 1
                continue
            }
            let open = cursor.index
            switch next {
            case "!":
                if text.hasPrefix("<!--", at: open) {
                    guard let end = commentEnd(after: open + 4) else { return }
                    cursor.index = end
                } else if dialect == .xml, text.hasPrefix("<![CDATA[", at: open) {
                    guard let end = find("]]>", from: open + 9) else { return }
                    cursor.index = end + 3
                } else if dialect == .xml, text.hasPrefix("<!DOCTYPE", at: open) {
                    guard let end = doctypeEnd(from: open + 9, visit) else { return }
                    cursor.index = end
                } else {
                    // Any other `<!…>` (and CDATA in HTML) is a bogus comment up to the first `>`.
                    guard let end = find(">", from: open + 2) else { return }
                    cursor.index = end + 1
                }
            case "?":
                if dialect == .xml {
                    // A processing instruction such as `<?xml-stylesheet href="…"?>`: its pseudo-attributes are read as a tag's.
                    guard let tag = cursor.readTag(nameStart: open + 1) else { return }
                    visit(.startTag(tag.tag))
                } else {
                    guard let end = find(">", from: open + 2) else { return }
                    cursor.index = end + 1
                }
            case "/":
                guard let first = text.at(open + 2) else { return }
                if isNameStart(first) {
                    // End tags may carry attributes; they are read (a `>` in a quoted value does not end the tag) and ignored.
                    guard cursor.readTag(nameStart: open + 2) != nil else { return }
                } else if first == ">" {
                    cursor.index = open + 3
                } else {
                    guard let end = find(">", from: open + 2) else { return }
                    cursor.index = end + 1
                }
            default:
                guard isNameStart(next) else {
                    cursor.index += 1
                    continue
                }
                // An unfinished tag at the end of the text is dropped by browsers too.
                guard let (tag, selfClosing) = cursor.readTag(nameStart: open + 1) else { return }
                visit(.startTag(tag))
                if (tag.name == "script" || tag.name == "style"), !selfClosing {
                    // Raw text up to the matching end tag; in SVG the text is decoded later, as it is not raw there.
                    let contentStart = cursor.index
                    let end = rawTextEnd(of: tag.name, from: contentStart) ?? count
                    visit(.elementText(tag, text.slice(contentStart..<end)))
                    cursor.index = end
                }
            }
        }
    }

    private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || (dialect == .xml && (scalar == "_" || scalar == ":" || scalar.value >= 0x80))
    }

    /// Just after the end of a comment whose text starts at `start` (after `<!--`): `-->` or `--!>`, or at once
    /// for `<!-->` and `<!--->`.
    private func commentEnd(after start: Int) -> Int? {
        if text.at(start) == ">" { return start + 1 }
        if text.at(start) == "-", text.at(start + 1) == ">" { return start + 2 }
        var index = start
        while let dash = find("--", from: index) {
            if text.at(dash + 2) == ">" { return dash + 3 }
            if text.at(dash + 2) == "!", text.at(dash + 3) == ">" { return dash + 4 }
            index = dash + 1
        }
        return nil
    }

    /// The start of `</name` followed by white space, `/` or `>`, which ends a script or style element.
    private func rawTextEnd(of name: String, from start: Int) -> Int? {
        var index = start
        while let open = find("</", from: index) {
            let after = open + 2 + name.unicodeScalars.count
            if text.hasPrefix(name, at: open + 2, ignoringCase: true),
                let next = text.at(after), next.isHTMLWhitespace || next == "/" || next == ">" {
                return open
            }
            index = open + 2
        }
        return nil
    }

    /// Reads `<!DOCTYPE …>` of an SVG file; quoted values inside its `[…]` part declare entities.
    private func doctypeEnd(from start: Int, _ visit: (Event) -> Void) -> Int? {
        var index = start
        var inSubset = false
        while index < text.count {
            let scalar = text[index]
            switch scalar {
            case "\"", "'":
                guard let close = find(String(scalar), from: index + 1) else { return nil }
                if inSubset { visit(.entityValue(HTMLCharacterReferences.decode(text, index + 1..<close, inAttribute: true))) }
                index = close + 1
            case "<" where inSubset && text.hasPrefix("<!--", at: index):
                guard let end = find("-->", from: index + 4) else { return nil }
                index = end + 3
            case "[":
                inSubset = true
                index += 1
            case "]":
                inSubset = false
                index += 1
            case ">" where !inSubset:
                return index + 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// The first place at or after `start` where `needle` (ASCII) stands.
    private func find(_ needle: String, from start: Int) -> Int? {
        guard let first = needle.unicodeScalars.first else { return start }
        let single = needle.unicodeScalars.count == 1
        var index = start
        while index < text.count {
            if text[index] == first, single || text.hasPrefix(needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}

/// The reading position of `HTMLAttributeScanner` and how it reads one tag.
private struct Cursor {
    let text: ScannedText
    let mustache: Bool
    var index = 0
    /// Set once a `{{` was found without `}}` after it: no later one has one either, so none is searched again
    /// (a file full of `{{` would otherwise be read over and over).
    private var noMustacheCloseAfter: Int?

    init(text: ScannedText, mustache: Bool) {
        self.text = text
        self.mustache = mustache
    }

    /// Just after the Mustache tag starting at `start`, or `nil` when there is none.
    mutating func mustacheEnd(at start: Int) -> Int? {
        guard mustache, text.at(start) == "{", text.at(start + 1) == "{" else { return nil }
        if let limit = noMustacheCloseAfter, start >= limit { return nil }
        var index = start + 2
        while index + 1 < text.count {
            if text[index] == "}", text[index + 1] == "}" {
                // `{{{name}}}` ends with a third brace.
                return text.at(index + 2) == "}" && text.at(start + 2) == "{" ? index + 3 : index + 2
            }
            index += 1
        }
        noMustacheCloseAfter = start
        return nil
    }

    /// Reads a tag or attribute name from `index` up to white space, `/`, `>` (and `=` for attributes), ASCII-lowercased.
    /// In a template a Mustache tag is one piece of the name: a section or comment tag (`{{#a}}src{{/a}}`) renders
    /// as nothing and is left out; a variable (`{{name}}`) is kept as written, so the name matches no known one.
    private mutating func readName(stopAtEquals: Bool) -> String {
        var name = String.UnicodeScalarView()
        let count = text.count
        let start = index
        while index < count {
            let scalar = text[index]
            if scalar.isHTMLWhitespace || scalar == "/" || scalar == ">" { break }
            // The first character of an attribute name may be `=`.
            if stopAtEquals, scalar == "=", index > start { break }
            if let end = mustacheEnd(at: index) {
                var sigil = index + 2
                while sigil < end, text[sigil] == " " { sigil += 1 }
                if !"#^/!$<>=".unicodeScalars.contains(text[sigil]) {
                    for scalar in text.scalars[index..<end] { name.append(scalar.asciiLowercased) }
                }
                index = end
                continue
            }
            name.append(scalar.asciiLowercased)
            index += 1
        }
        return String(name)
    }

    /// Reads a tag whose name starts at `nameStart` up to its `>`, leaving `index` after it. `nil` when the text
    /// ends inside the tag.
    mutating func readTag(nameStart: Int) -> (tag: HTMLAttributeScanner.Tag, selfClosing: Bool)? {
        let count = text.count
        index = nameStart
        var name = readName(stopAtEquals: false)
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        var attributes: [HTMLAttributeScanner.Attribute] = []
        while true {
            while index < count, text[index].isHTMLWhitespace { index += 1 }
            guard index < count else { return nil }
            let scalar = text[index]
            if scalar == ">" {
                index += 1
                return (HTMLAttributeScanner.Tag(name: name, attributes: attributes), false)
            }
            if scalar == "/" {
                index += 1
                if text.at(index) == ">" {
                    index += 1
                    return (HTMLAttributeScanner.Tag(name: name, attributes: attributes), true)
                }
                continue
            }
            let attributeName = readName(stopAtEquals: true)
            while index < count, text[index].isHTMLWhitespace { index += 1 }
            guard index < count, text[index] == "=" else {
                attributes.append(.init(name: attributeName, valueRange: nil))
                continue
            }
            index += 1
            while index < count, text[index].isHTMLWhitespace { index += 1 }
            guard index < count else { return nil }
            let quote = text[index]
            if quote == "\"" || quote == "'" {
                let valueStart = index + 1
                index = valueStart
                while index < count, text[index] != quote { index += 1 }
                guard index < count else { return nil }
                attributes.append(.init(name: attributeName, valueRange: valueStart..<index))
                index += 1
            } else {
                let valueStart = index
                while index < count, !text[index].isHTMLWhitespace, text[index] != ">" {
                    // `{{> partial}}` in an unquoted value does not end the tag.
                    if let end = mustacheEnd(at: index) { index = end } else { index += 1 }
                }
                attributes.append(.init(name: attributeName, valueRange: valueStart..<index))
            }
        }
    }
}
