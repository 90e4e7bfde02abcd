/// Escaping for text and attribute values in the XML the build writes itself (sitemap, Atom feed, SVG charts,
/// the theme's words put into its templates),
/// so no editor's text can break out of its element or attribute.
enum XML {
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
