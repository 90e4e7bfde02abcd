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

    /// The language an editor named, in its own name where `LanguageNames` knows it; otherwise (or for a sign
    /// language, which has no written name of its own) the German name as written, marked as German.
    static func named(_ german: String, site: Language) -> SpokenLanguage {
        guard let entry = LanguageNames.entry(for: german) else {
            return SpokenLanguage(code: slug(german.trimmed), name: german.trimmed, tag: site.tag, direction: site.direction)
        }
        guard let own = entry.ownName else {
            return SpokenLanguage(code: entry.filter, name: german.trimmed, tag: site.tag, direction: site.direction)
        }
        return SpokenLanguage(code: entry.filter, name: own, tag: entry.code, direction: entry.direction)
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
