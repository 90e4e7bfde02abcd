import Foundation

/// The languages editors name under `languages:` of offers and contact points — in German, as they write them
/// („Arabisch“, „Kurdisch (Kurmandschi)“, „DGS“) — and their BCP 47 codes, for machines (JSON-LD). One table for
/// every use. A name that is not in it is left out where a code is needed, never guessed: a wrong code would tell
/// a search engine that somebody speaks a language nobody there speaks.
public enum LanguageNames {
    /// One language: its code, the German names that mean it (the first is how the site writes it in German), its
    /// own name in its own script — what cards and pages show, so that whoever speaks it recognises it on a page in
    /// any language — and the direction of that script.
    struct Entry: Sendable {
        /// ISO 639-1 where there is one, else ISO 639-3 (BCP 47 takes the shortest).
        let code: String
        let names: [String]
        /// nil where the language has no written name of its own (a sign language): pages show the German name.
        let ownName: String?
        let direction: Language.TextDirection
        /// The value the offer directory filters by, where a variant belongs with its language (Kurmanji with Kurdish).
        let filter: String

        init(_ code: String, _ names: [String], _ ownName: String?, _ direction: Language.TextDirection = .ltr, filter: String? = nil) {
            self.code = code
            self.names = names
            self.ownName = ownName
            self.direction = direction
            self.filter = filter ?? code
        }
    }

    static let table: [Entry] = [
        .init("de", ["Deutsch"], "Deutsch"),
        .init("en", ["Englisch"], "English"),
        .init("ar", ["Arabisch"], "العربية", .rtl),
        .init("uk", ["Ukrainisch"], "Українська"),
        .init("tr", ["Türkisch"], "Türkçe"),
        .init("ru", ["Russisch"], "Русский"),
        .init("fa", ["Persisch", "Farsi", "Iranisch"], "فارسی", .rtl),
        .init("prs", ["Dari"], "دری", .rtl),
        .init("ps", ["Paschtu", "Paschto", "Paschtunisch", "Pashto"], "پښتو", .rtl),
        .init("ku", ["Kurdisch"], "Kurdî"),
        .init("kmr", ["Kurmandschi", "Kurmanci", "Kurmanji", "Nordkurdisch"], "Kurdî", filter: "ku"),
        .init("ckb", ["Sorani", "Zentralkurdisch"], "کوردی", .rtl),
        .init("fr", ["Französisch"], "Français"),
        .init("pl", ["Polnisch"], "Polski"),
        .init("ro", ["Rumänisch"], "Română"),
        .init("bg", ["Bulgarisch"], "Български"),
        .init("ti", ["Tigrinya", "Tigrinisch", "Tigrinja"], "ትግርኛ"),
        .init("so", ["Somali", "Somalisch"], "Soomaali"),
        .init("am", ["Amharisch"], "አማርኛ"),
        .init("om", ["Oromo", "Oromisch"], "Afaan Oromoo"),
        .init("es", ["Spanisch"], "Español"),
        .init("it", ["Italienisch"], "Italiano"),
        .init("pt", ["Portugiesisch"], "Português"),
        .init("el", ["Griechisch"], "Ελληνικά"),
        .init("sq", ["Albanisch"], "Shqip"),
        .init("sr", ["Serbisch"], "Српски"),
        .init("hr", ["Kroatisch"], "Hrvatski"),
        .init("bs", ["Bosnisch"], "Bosanski"),
        .init("mk", ["Mazedonisch"], "Македонски"),
        .init("sl", ["Slowenisch"], "Slovenščina"),
        .init("cs", ["Tschechisch"], "Čeština"),
        .init("sk", ["Slowakisch"], "Slovenčina"),
        .init("hu", ["Ungarisch"], "Magyar"),
        .init("lt", ["Litauisch"], "Lietuvių"),
        .init("lv", ["Lettisch"], "Latviešu"),
        .init("et", ["Estnisch"], "Eesti"),
        .init("be", ["Belarussisch", "Weißrussisch"], "Беларуская"),
        .init("ka", ["Georgisch"], "ქართული"),
        .init("hy", ["Armenisch"], "Հայերեն"),
        .init("az", ["Aserbaidschanisch"], "Azərbaycanca"),
        .init("nl", ["Niederländisch"], "Nederlands"),
        .init("vi", ["Vietnamesisch"], "Tiếng Việt"),
        .init("zh", ["Chinesisch"], "中文"),
        .init("hi", ["Hindi"], "हिन्दी"),
        .init("ur", ["Urdu"], "اردو", .rtl),
        .init("bn", ["Bengalisch", "Bengali"], "বাংলা"),
        .init("ta", ["Tamil", "Tamilisch"], "தமிழ்"),
        .init("pa", ["Panjabi", "Punjabi"], "ਪੰਜਾਬੀ"),
        .init("sw", ["Swahili", "Suaheli", "Kiswahili"], "Kiswahili"),
        .init("ha", ["Hausa"], "Hausa"),
        .init("yo", ["Yoruba"], "Yorùbá"),
        .init("ig", ["Igbo"], "Igbo"),
        .init("he", ["Hebräisch"], "עברית", .rtl),
        .init("rom", ["Romanes", "Romani"], "Romanes"),
        .init("gsg", ["Deutsche Gebärdensprache", "Gebärdensprache", "DGS"], nil),
    ]

    /// Folded name → entry, built once.
    private static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for entry in table { for name in entry.names { entries[fold(name)] = entry } }
        return entries
    }()

    /// The language as an editor names it, nil for a name the table does not know.
    /// „Kurdisch (Kurmandschi)“: the qualifier in brackets is the more exact name, so it is tried first.
    /// Leichte Sprache and Einfache Sprache are German.
    static func entry(for name: String) -> Entry? {
        let folded = fold(name)
        if folded == "leichte sprache" || folded == "einfache sprache" { return entries["deutsch"] }
        if let open = folded.firstIndex(of: "("), let close = folded.lastIndex(of: ")"), open < close {
            let qualifier = folded[folded.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if let entry = entries[qualifier] { return entry }
            return entries[folded[..<open].trimmingCharacters(in: .whitespaces)]
        }
        return entries[folded]
    }

    /// The BCP 47 code of a language as an editor names it, nil for a name the table does not know.
    public static func code(for name: String) -> String? { entry(for: name)?.code }

    /// The codes of the named languages in their order, each once; unknown names are left out.
    public static func codes(for names: [String]) -> [String] {
        var seen = Set<String>()
        return names.compactMap(code(for:)).filter { seen.insert($0).inserted }
    }

    /// The German name of a language by the primary subtag of its tag (`en`, `ar-SY` → „Englisch“, „Arabisch“).
    public static func germanName(forTag tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return table.first { $0.code == primary }?.names.first
    }

    /// Lower case, single spaces, composed umlauts: „  ARABISCH“ and an NFD „Türkisch“ are found.
    static func fold(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
