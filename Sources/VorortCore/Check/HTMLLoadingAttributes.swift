/// Which attributes of which elements make the browser contact the address in them, and how their values are
/// read: one address (`src`), a list (`srcset`, `ping`), CSS (`style`), script (`on…`), markup (`srcdoc`) or a
/// refresh (`<meta http-equiv="refresh">`). A link the reader chooses to follow (`<a href>`, `<area href>`,
/// `<link rel="alternate|canonical|…">`) loads nothing and is allowed.
struct HTMLLoadingAttributes {
    let findings: ResourceFindings
    let dialect: HTMLAttributeScanner.Dialect
    let mustache: Bool
    /// How deep in `srcdoc` markup this is; deeper than `maximumDepth` the markup is only searched for addresses.
    var depth = 0
    private static let maximumDepth = 2

    /// Attributes holding one address that is loaded.
    static let addressAttributes: Set<String> = ["src", "data", "poster", "background", "manifest", "codebase", "lowsrc", "dynsrc"]
    /// `rel` words of a `<link>` that only name a related page; any other word (stylesheet, icon, preload,
    /// prefetch, preconnect, dns-prefetch, modulepreload, manifest, search, …) makes the browser fetch it.
    static let linkOnlyRelations: Set<String> = [
        "alternate", "canonical", "author", "bookmark", "external", "help", "license", "next", "prev", "nofollow",
        "noopener", "noreferrer", "opener", "tag", "me", "privacy-policy", "terms-of-service",
    ]
    /// SVG presentation attributes whose values may hold `url(…)`.
    static let cssAttributes: Set<String> = [
        "style", "fill", "stroke", "filter", "mask", "clip-path", "marker", "marker-start", "marker-mid", "marker-end", "cursor",
    ]
    /// `type`s of `<script>` a browser runs or loads from; other types (`application/ld+json`) are data blocks.
    static let scriptTypes: Set<String> = [
        "", "module", "importmap", "speculationrules", "text/javascript", "application/javascript", "application/ecmascript",
        "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1",
        "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
        "text/livescript", "text/x-ecmascript", "text/x-javascript",
    ]

    func check(_ text: ScannedText) {
        let scanner = HTMLAttributeScanner(text: text, dialect: dialect, mustache: mustache)
        scanner.scan { event in
            switch event {
            case .startTag(let tag):
                check(tag, scanner)
            case .elementText(let tag, let content):
                // In SVG the text of these elements is not raw: references and CDATA sections are decoded. Both
                // readings are checked, so neither hides an address.
                let contents = needsDecoding(content)
                    ? [content, HTMLCharacterReferences.decode(content, 0..<content.count, inAttribute: false, cdata: true)] : [content]
                for content in contents {
                    if tag.name == "style" {
                        checkCSS(content)
                    } else if isScript(tag, scanner) {
                        checkScript(content)
                    }
                }
            case .entityValue(let value):
                if let url = ExternalURL.embedded(in: value.scalars) {
                    findings.report(.load, url, value.fileOffset(0), value.fileOffset(value.count))
                }
            }
        }
    }

    private func check(_ tag: HTMLAttributeScanner.Tag, _ scanner: HTMLAttributeScanner) {
        let element = tag.name
        // Browsers use the first of repeated attributes; all are taken here, which can only find more.
        var relations: Set<String> = []
        var isRefresh = false
        for attribute in tag.attributes {
            if attribute.name == "rel", let value = scanner.value(of: attribute) {
                for word in value.scalars.split(whereSeparator: \.isHTMLWhitespace) { relations.insert(word.asciiLowercasedString) }
            } else if attribute.name == "http-equiv", let value = scanner.value(of: attribute) {
                isRefresh = isRefresh || trimmed(value).asciiLowercasedString == "refresh"
            }
        }
        for attribute in tag.attributes {
            guard let reading = reading(of: localName(attribute.name), element: element, relations: relations, isRefresh: isRefresh),
                let value = scanner.value(of: attribute)
            else { continue }
            switch reading {
            case .address(let kind): checkAddress(value, 0..<value.count, kind)
            case .list(let kind): checkList(value, separator: \.isHTMLWhitespace, kind)
            case .animationValues: checkList(value, separator: { $0 == ";" }, .load)
            case .sourceSet: checkSourceSet(value)
            case .refresh: checkRefresh(value)
            case .css: checkCSS(value)
            case .script: checkScript(value)
            case .markup: checkMarkup(value)
            }
        }
    }

    /// How the value of an attribute is read, or `nil` when it loads nothing.
    private enum Reading {
        case address(ResourceFindings.Kind)
        /// Addresses separated by white space.
        case list(ResourceFindings.Kind)
        /// SVG animation `values`, separated by `;`.
        case animationValues
        case sourceSet, refresh, css, script, markup
    }

    private func reading(of name: String, element: String, relations: Set<String>, isRefresh: Bool) -> Reading? {
        // SVG animation can set `href` to an address.
        let isAnimation = element == "animate" || element == "set"
        switch name {
        case _ where Self.addressAttributes.contains(name): return .address(.load)
        case "srcset", "imagesrcset": return .sourceSet
        case "href":
            if element == "a" || element == "area" { return nil }
            if element == "link", !relations.isEmpty, relations.isSubset(of: Self.linkOnlyRelations) { return nil }
            return .address(.load)
        case "action" where element == "form", "formaction": return .address(.form)
        case "ping": return .list(.ping)
        case "attributionsrc": return .list(.load)
        case "content" where element == "meta" && isRefresh: return .refresh
        case "from" where isAnimation, "to" where isAnimation, "by" where isAnimation: return .address(.load)
        case "values" where isAnimation: return .animationValues
        case "srcdoc": return .markup
        case _ where Self.cssAttributes.contains(name): return .css
        case _ where name.hasPrefix("on"): return .script
        // A name vorort fills in may turn out to be `src`.
        case _ where name.contains("{{"): return .address(.load)
        default: return nil
        }
    }

    /// Whether decoding could change the text: a reference or a CDATA section in it.
    private func needsDecoding(_ content: ScannedText) -> Bool {
        content.scalars.indices.contains { content[$0] == "&" || (content[$0] == "<" && content.hasPrefix("<![CDATA[", at: $0)) }
    }

    private func isScript(_ tag: HTMLAttributeScanner.Tag, _ scanner: HTMLAttributeScanner) -> Bool {
        guard let attribute = tag.attributes.first(where: { $0.name == "type" }), let value = scanner.value(of: attribute) else { return true }
        let type = trimmed(value).asciiLowercasedString
        // A type vorort fills in may be anything.
        if type.contains("{{") { return true }
        let essence = type.split(separator: ";", maxSplits: 1).first.map { String($0).trimmed } ?? ""
        return Self.scriptTypes.contains(essence)
    }

    private func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// The value without leading and trailing C0 controls and spaces, which URL parsing drops.
    private func trimmedRange(_ value: ScannedText, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, value[lower].value <= 0x20 { lower += 1 }
        while upper > lower, value[upper - 1].value <= 0x20 { upper -= 1 }
        return lower..<upper
    }

    private func trimmed(_ value: ScannedText) -> ArraySlice<Unicode.Scalar> {
        value.scalars[trimmedRange(value, 0..<value.count)]
    }

    private func checkAddress(_ value: ScannedText, _ range: Range<Int>, _ kind: ResourceFindings.Kind) {
        let range = trimmedRange(value, range)
        let address = value.scalars[range]
        guard ExternalURL.isExternal(address, mustache: mustache) else { return }
        findings.report(kind, ExternalURL.display(address), value.fileOffset(range.lowerBound), value.fileOffset(range.upperBound))
    }

    /// Addresses separated by white space (`ping`) or `;` (SVG animation `values`).
    private func checkList(_ value: ScannedText, separator: (Unicode.Scalar) -> Bool, _ kind: ResourceFindings.Kind) {
        var start = 0
        for index in 0...value.count where index == value.count || separator(value[index]) {
            if index > start { checkAddress(value, start..<index, kind) }
            start = index + 1
        }
    }

    /// `srcset`: candidates separated by commas, each an address and descriptors (`2x`, `640w`); an address may
    /// itself hold commas, only trailing ones end it.
    private func checkSourceSet(_ value: ScannedText) {
        var index = 0
        let count = value.count
        while index < count {
            while index < count, value[index].isHTMLWhitespace || value[index] == "," { index += 1 }
            guard index < count else { return }
            let start = index
            while index < count, !value[index].isHTMLWhitespace { index += 1 }
            var end = index
            while end > start, value[end - 1] == "," { end -= 1 }
            checkAddress(value, start..<end, .load)
            guard end == index else { continue }
            // Descriptors up to the next comma outside parentheses.
            var depth = 0
            while index < count {
                let scalar = value[index]
                if scalar == "(" { depth += 1 } else if scalar == ")" { depth = max(0, depth - 1) } else if scalar == ",", depth == 0 { break }
                index += 1
            }
        }
    }

    /// `<meta http-equiv="refresh" content="0; url=https://…">`, read as browsers do: the delay, `;` or `,`,
    /// then the address, with or without `url=` and quotes.
    private func checkRefresh(_ value: ScannedText) {
        var index = 0
        let count = value.count
        func skipWhitespace() { while index < count, value[index].isHTMLWhitespace { index += 1 } }
        skipWhitespace()
        while index < count, value[index].isASCIIDigit || value[index] == "." { index += 1 }
        skipWhitespace()
        if index < count, value[index] == ";" || value[index] == "," { index += 1 }
        skipWhitespace()
        if value.hasPrefix("url", at: index, ignoringCase: true) {
            var after = index + 3
            while after < count, value[after].isHTMLWhitespace { after += 1 }
            if after < count, value[after] == "=" {
                index = after + 1
                skipWhitespace()
            }
        }
        var end = count
        if index < count, value[index] == "\"" || value[index] == "'" {
            let quote = value[index]
            index += 1
            end = (index..<count).first { value[$0] == quote } ?? count
        }
        checkAddress(value, index..<end, .refresh)
    }

    private func checkCSS(_ text: ScannedText) { findings.checkCSS(text, mustache: mustache) }

    private func checkScript(_ text: ScannedText) { findings.checkScript(text, mustache: mustache) }

    /// `srcdoc` holds a whole page; beyond a few levels of nesting it is only searched for addresses, so nested
    /// `srcdoc`s cannot make the check read the same text over and over.
    private func checkMarkup(_ text: ScannedText) {
        guard depth < Self.maximumDepth else {
            if let url = ExternalURL.embedded(in: text.scalars) { findings.report(.load, url, text.fileOffset(0), text.fileOffset(text.count)) }
            return
        }
        var nested = self
        nested.depth += 1
        nested.check(text)
    }
}
