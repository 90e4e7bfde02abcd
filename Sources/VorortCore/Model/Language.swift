/// A language the site is published in. The site language (German) is at the root; each translation
/// language gets its own folder, `/<code>/`.
public struct Language: Sendable, Hashable {
    /// How editors name the language in file names (`sprachcafe.en.md`) and how it appears in addresses (`/en/`).
    public var code: String
    /// The BCP 47 tag for `lang` and `hreflang`; Leichte Sprache is German (`de-x-ls`), so screen readers read it as German.
    public var tag: String
    /// The language's name in its own language and script, as the language switcher shows it.
    public var name: String
    public var direction: TextDirection

    public enum TextDirection: String, Sendable, CaseIterable {
        case ltr, rtl
    }

    /// Languages whose script runs right to left, by primary subtag.
    static let rightToLeft: Set<String> = ["ar", "fa", "he", "ur", "ps", "ckb", "ku", "yi", "dv", "sd", "ug"]

    /// The direction of a tag's script unless `site.yml` says otherwise.
    static func defaultDirection(of tag: String) -> TextDirection {
        rightToLeft.contains(String(tag.split(separator: "-").first ?? "")) ? .rtl : .ltr
    }
}
