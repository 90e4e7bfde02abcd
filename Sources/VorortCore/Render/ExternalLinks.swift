/// Marks links to other sites in rendered Markdown: a class for the arrow and words for screen readers,
/// so readers know before they follow a link that they leave the district's site.
enum ExternalLinks {
    /// Links into the site itself (below `baseURL`, by http or https) are not marked. `label` is the hidden note in
    /// the language of the text ("(externer Link)", "(external link)"). One pass over the UTF-8 bytes: searching
    /// with Foundation copied the rest of the text for every link (quadratic on a text of thousands of links).
    static func mark(_ html: String, baseURL: String? = nil, label: String = "(externer Link)") -> String {
        String(decoding: mark(Array(html.utf8), ownPrefixes: ownPrefixes(baseURL), label: label), as: UTF8.self)
    }

    /// The site's own address by http and by https, as `mark` compares links with it: made once per render.
    static func ownPrefixes(_ baseURL: String?) -> [[UInt8]] {
        let own = baseURL.map { base in
            [base, base.replacingOccurrences(of: "https://", with: "http://"), base.replacingOccurrences(of: "http://", with: "https://")]
        } ?? []
        return own.map { Array($0.utf8) }
    }

    /// The same on UTF-8 bytes, with the site's own address as `ownPrefixes` makes it.
    static func mark(_ bytes: [UInt8], ownPrefixes: [[UInt8]], label: String) -> [UInt8] {
        let opening = Array("<a href=\"".utf8)
        let closing = Array("</a>".utf8)
        guard ByteSearch.firstIndex(of: Array("<a href=\"http".utf8), in: bytes) != nil else { return bytes }
        let note = Array("<span class=\"visually-hidden\"> \(XML.escape(label))</span></a>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var position = 0
        let http = Array("http://".utf8), https = Array("https://".utf8)
        while let open = ByteSearch.firstIndex(of: opening, in: bytes, from: position) {
            let target = open + opening.count
            out.append(contentsOf: bytes[position..<open])
            let isWeb = ByteSearch.hasPrefix(http, in: bytes, at: target) || ByteSearch.hasPrefix(https, in: bytes, at: target)
            let isOwn = ownPrefixes.contains { ByteSearch.hasPrefix($0, in: bytes, at: target) }
            guard isWeb, !isOwn, let close = ByteSearch.firstIndex(of: closing, in: bytes, from: target) else {
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
        return out
    }
}
