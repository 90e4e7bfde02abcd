/// The languages an offer is held in (`languages: [Deutsch, Arabisch]`), as the offer directory shows and filters
/// them. Editors name them in German; cards and the filter show each language in its own name and script
/// („العربية“, „Українська“), as the language switcher does: the person who speaks Tigrinya recognises „ትግርኛ“ on a
/// page in any language, while a German or English name would need the page's language first. The filter's value
/// is the language's code, so a shared address (`?sprache=ar`) means the same on every page.
struct SpokenLanguage: Sendable, Hashable {
    /// The filter value: an ISO 639 code, or the German name folded to a slug for a language not in the table.
    var code: String
    /// The language in its own name; the German name as written when the language is not in the table.
    var name: String
    /// The `lang` tag of `name`: the code, or the site language's tag for a German name.
    var tag: String
    var direction: Language.TextDirection

    /// German names as editors write them (lowercased) → code, own name, direction. Variants of one language share
    /// a code, so that a filter for Kurdish finds „Kurdisch (Kurmandschi)“ as well.
    static let known: [String: (code: String, name: String, direction: Language.TextDirection)] = [
        "deutsch": ("de", "Deutsch", .ltr),
        "englisch": ("en", "English", .ltr),
        "arabisch": ("ar", "العربية", .rtl),
        "ukrainisch": ("uk", "Українська", .ltr),
        "türkisch": ("tr", "Türkçe", .ltr),
        "russisch": ("ru", "Русский", .ltr),
        "polnisch": ("pl", "Polski", .ltr),
        "rumänisch": ("ro", "Română", .ltr),
        "bulgarisch": ("bg", "Български", .ltr),
        "französisch": ("fr", "Français", .ltr),
        "spanisch": ("es", "Español", .ltr),
        "italienisch": ("it", "Italiano", .ltr),
        "portugiesisch": ("pt", "Português", .ltr),
        "griechisch": ("el", "Ελληνικά", .ltr),
        "albanisch": ("sq", "Shqip", .ltr),
        "serbisch": ("sr", "Српски", .ltr),
        "kroatisch": ("hr", "Hrvatski", .ltr),
        "bosnisch": ("bs", "Bosanski", .ltr),
        "farsi": ("fa", "فارسی", .rtl),
        "persisch": ("fa", "فارسی", .rtl),
        "dari": ("prs", "دری", .rtl),
        "paschtu": ("ps", "پښتو", .rtl),
        "paschto": ("ps", "پښتو", .rtl),
        "urdu": ("ur", "اردو", .rtl),
        // Kurmanji, the Kurdish most people in Germany speak, is written in Latin letters.
        "kurdisch": ("ku", "Kurdî", .ltr),
        "kurdisch (kurmandschi)": ("ku", "Kurdî", .ltr),
        "kurmandschi": ("ku", "Kurdî", .ltr),
        "kurdisch (sorani)": ("ckb", "کوردی", .rtl),
        "sorani": ("ckb", "کوردی", .rtl),
        "tigrinya": ("ti", "ትግርኛ", .ltr),
        "amharisch": ("am", "አማርኛ", .ltr),
        "somali": ("so", "Soomaali", .ltr),
        "vietnamesisch": ("vi", "Tiếng Việt", .ltr),
        "chinesisch": ("zh", "中文", .ltr),
        "hindi": ("hi", "हिन्दी", .ltr),
        "georgisch": ("ka", "ქართული", .ltr),
        "armenisch": ("hy", "Հայերեն", .ltr),
        "romanes": ("rom", "Romanes", .ltr),
    ]

    /// The language an editor named, in its own name where the table knows it.
    static func named(_ german: String, site: Language) -> SpokenLanguage {
        let key = german.trimmed.lowercased()
        if let entry = known[key] {
            return SpokenLanguage(code: entry.code, name: entry.name, tag: entry.code, direction: entry.direction)
        }
        return SpokenLanguage(code: slug(key), name: german.trimmed, tag: site.tag, direction: site.direction)
    }

    /// `Gebärdensprache (DGS)` → `gebaerdensprache-dgs`: letters and digits, everything else one hyphen.
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            case _ where character.isLetter || character.isNumber: result.append(character)
            default: if !result.isEmpty, !result.hasSuffix("-") { result += "-" }
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// The languages of an offer without repeats (two Kurdish variants are one filter value), in the editor's order.
    static func of(_ names: [String], site: Language) -> [SpokenLanguage] {
        var seen = Set<String>()
        return names.map { named($0, site: site) }.filter { !$0.code.isEmpty && seen.insert($0.code).inserted }
    }
}
