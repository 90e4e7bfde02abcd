/// Escaping for text and attribute values in the XML the build writes itself (sitemap, Atom feed, SVG charts,
/// the theme's words put into its templates),
/// so no editor's text can break out of its element or attribute.
enum XML {
    /// Walks Unicode scalars, not `Character`s: `"\r\n"` is one Character, and a grapheme cluster can hide a
    /// control character behind a combining mark. Characters XML 1.0 forbids (C0 controls but tab, LF and CR;
    /// U+FFFE, U+FFFF) become U+FFFD, so one bad character can never make a whole feed unreadable.
    static func escape(_ s: String) -> String {
        ScalarRewriter.rewrite(s) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case _ where !isAllowed(scalar): "\u{FFFD}"
            default: nil
            }
        }
    }

    /// XML 1.0 § 2.2 `Char`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }
}
