/// Escaping for text and attribute values in the XML the build writes itself (sitemap, Atom feed, SVG charts,
/// the theme's words put into its templates),
/// so no editor's text can break out of its element or attribute.
enum XML {
    /// Walks Unicode scalars, not `Character`s: `"\r\n"` is one Character, and a grapheme cluster can hide a
    /// control character behind a combining mark. Characters XML 1.0 forbids (C0 controls but tab, LF and CR;
    /// U+FFFE, U+FFFF) become U+FFFD, so one bad character can never make a whole feed unreadable.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t", "\n", "\r": out.append(scalar)
            case _ where !isAllowed(scalar): out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// XML 1.0 § 2.2 `Char`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }
}
