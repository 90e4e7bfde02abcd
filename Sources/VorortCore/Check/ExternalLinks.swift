/// Marks links to other sites in rendered Markdown: a class for the arrow and words for screen readers,
/// so readers know before they follow a link that they leave the district's site.
enum ExternalLinks {
    /// Links into the site itself (below `baseURL`, by http or https) are not marked. `label` is the hidden note in
    /// the language of the text ("(externer Link)", "(external link)"). One pass over the UTF-8 bytes: searching
    /// with Foundation copied the rest of the text for every link (quadratic on a text of thousands of links).
    static func mark(_ html: String, baseURL: String? = nil, label: String = "(externer Link)") -> String {
        let own = baseURL.map { base in
            [base, base.replacingOccurrences(of: "https://", with: "http://"), base.replacingOccurrences(of: "http://", with: "https://")]
        } ?? []
        let opening = Array("<a href=\"".utf8)
        let closing = Array("</a>".utf8)
        let bytes = Array(html.utf8)
        guard find(Array("<a href=\"http".utf8), in: bytes, from: 0) != nil else { return html }
        let ownPrefixes = own.map { Array($0.utf8) }
        let note = Array("<span class=\"visually-hidden\"> \(XML.escape(label))</span></a>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var position = 0
        while let open = find(opening, in: bytes, from: position) {
            let target = open + opening.count
            out.append(contentsOf: bytes[position..<open])
            let isWeb = hasPrefix(bytes, at: target, "http://") || hasPrefix(bytes, at: target, "https://")
            let isOwn = ownPrefixes.contains { prefix in
                target + prefix.count <= bytes.count && bytes[target..<(target + prefix.count)].elementsEqual(prefix)
            }
            guard isWeb, !isOwn, let close = find(closing, in: bytes, from: target) else {
                out.append(contentsOf: opening)
                position = target
                continue
            }
            out.append(contentsOf: Array("<a class=\"extern\" href=\"".utf8))
            out.append(contentsOf: bytes[target..<close])
            out.append(contentsOf: note)
            position = close + closing.count
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return index + p.count <= bytes.count && bytes[index..<(index + p.count)].elementsEqual(p)
    }

    /// The first occurrence of `pattern` at or after `start`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
